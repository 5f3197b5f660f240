/**
 * For whom a voorziening on the sociale kaart is, by age. The catalogue's text says it in one
 * agreed phrase, written by the beheerder at the end of "aanbod": "Leeftijd: 2½ tot 4 jaar.",
 * "Leeftijd: 12 tot en met 23 jaar.", "Leeftijd: vanaf 16 jaar." or "Leeftijd: tot 18 jaar."
 * ("tot" excludes the age named, "tot en met" includes it). Without the phrase a voorziening is
 * for every age: help for the parents, the household, the neighbourhood.
 */
import type { IsoDate } from './dates';

export interface Leeftijdsgrens {
  /** From this age on, in years (½ allowed); null: from birth. */
  van: number | null;
  /** Up to (not including) this age; null: no upper limit. */
  tot: number | null;
}

const GETAL = String.raw`(\d+(?:[,.]5|½)?)`;
const PATROON = new RegExp(
  String.raw`Leeftijd:\s*(?:vanaf\s+${GETAL}|${GETAL}\s*(tot en met|t/m|tot|[-–])\s*${GETAL}|tot\s+(en met\s+)?${GETAL})\s*jaar`,
  'i',
);

const getal = (s: string) => Number(s.replace('½', '.5').replace(',', '.'));

export function leeftijdsgrens(aanbod: string): Leeftijdsgrens | null {
  const m = PATROON.exec(aanbod);
  if (!m) return null;
  if (m[1]) return { van: getal(m[1]), tot: null };
  // "2-4 jaar" is read as people mean it: up to and including 4.
  if (m[2])
    return { van: getal(m[2]), tot: getal(m[4]!) + (m[3]!.toLowerCase() === 'tot' ? 0 : 1) };
  return { van: null, tot: getal(m[6]!) + (m[5] ? 1 : 0) };
}

/** Age in whole months on a day (as `ageOn` counts whole years). */
function maandenOud(geboortedatum: IsoDate, op: IsoDate): number {
  const [by, bm, bd] = geboortedatum.split('-').map(Number) as [number, number, number];
  const [y, m, d] = op.split('-').map(Number) as [number, number, number];
  return (y - by) * 12 + (m - bm) - (d < bd ? 1 : 0);
}

/** Whether a youth born on `geboortedatum` is within the voorziening's ages on `op`. */
export function pastBijLeeftijd(aanbod: string, geboortedatum: IsoDate, op: IsoDate): boolean {
  const grens = leeftijdsgrens(aanbod);
  if (!grens) return true;
  const maanden = maandenOud(geboortedatum, op);
  return (
    (grens.van === null || maanden >= grens.van * 12) &&
    (grens.tot === null || maanden < grens.tot * 12)
  );
}
