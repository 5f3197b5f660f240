/**
 * iJw's ToewijzingNummer, unique per gemeente though laptops allocate offline
 * (docs/adr/0005-toewijzingnummer.md): the central service issues each laptop blocks of numbers,
 * and a number is its block times `NUMMERS_PER_BLOK` plus its place in the block. LDT_Nummer
 * allows nine digits, so blocks run to 99 999.
 */
export const NUMMERS_PER_BLOK = 10_000;
/** Blocks the service issues: 1 up to this one. */
export const MAX_UITGEGEVEN_BLOK = 89_999;
/**
 * Blocks never issued, for fictional data only: a demo profile (which never connects) numbers
 * from 90 000 to 94 999, the demo generator from 95 000 on.
 */
export const DEMO_PROFIEL_BLOKKEN = { van: 90_000, tot: 94_999 } as const;
export const DEMO_GENERATOR_BLOK = 95_000;
/** At most this many blocks a laptop gets a day: one lasts ten thousand toewijzingen. */
export const MAX_BLOKKEN_PER_DAG = 2;

export const blokVan = (nummer: number) => Math.floor(nummer / NUMMERS_PER_BLOK);
