/**
 * Free-text search as people type it: case and accents do not matter ("cafe" finds "Café",
 * "ruzie school" finds a note that mentions both words, in any order).
 */
export const vouwTekst = (tekst: string) =>
  tekst
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase('nl');

/** The words of a search; empty when nothing was typed. */
export const zoekWoorden = (zoek: string | undefined) =>
  vouwTekst(zoek ?? '')
    .split(/\s+/)
    .filter(Boolean);

/** Whether folded `tekst` holds every word (all match when there are none). */
export const bevatWoorden = (tekst: string, woorden: readonly string[]) =>
  woorden.every((w) => tekst.includes(w));
