/** How an evaluation moment stands, as a chip's colour and in words. */
export const STAND_KLEUR = {
  gepland: 'default',
  binnenkort: 'info',
  te_laat: 'error',
  uitgevoerd: 'success',
} as const;
export const STAND_TEKST = {
  gepland: 'gepland',
  binnenkort: 'binnenkort',
  te_laat: 'te laat',
  uitgevoerd: 'uitgevoerd',
} as const;
