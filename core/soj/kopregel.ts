/**
 * The header of an SOJ file: the columns of SOJ_KOLOMMEN (in any order, any case, spaces or
 * dashes for underscores), and optionally the debet/credit indicator under one of its names.
 */
import { SOJ_KOLOMMEN } from '../../shared/budget';
import type { Meldingen } from './meldingen';

/** The optional column beside SOJ_KOLOMMEN, with the names it may go by. */
export const DEBET_CREDIT = 'debet_credit';
const ALIASSEN: Record<string, string> = {
  indicatie_debet_credit: DEBET_CREDIT,
  debetcredit: DEBET_CREDIT,
  debet_credit_indicatie: DEBET_CREDIT,
};

const normaliseer = (kop: string) => {
  const naam = kop
    .trim()
    .toLowerCase()
    .replace(/[\s\-/]+/g, '_');
  return ALIASSEN[naam] ?? naam;
};

/** Column name -> position; every doubled, missing or unknown column is reported on row 1. */
export function controleerKopregel(kopregel: string[], meldingen: Meldingen): Map<string, number> {
  const kop = kopregel.map(normaliseer);
  const index = new Map<string, number>();
  kop.forEach((k, i) => {
    if (index.has(k)) meldingen.fout(1, k, `De kolom "${k}" staat twee keer in de kopregel.`);
    index.set(k, i);
  });
  const verwacht = SOJ_KOLOMMEN.map((k) => k.naam as string);
  const ontbreekt = verwacht.filter((k) => !index.has(k));
  const onbekend = kop.filter((k) => k !== '' && !verwacht.includes(k) && k !== DEBET_CREDIT);
  if (ontbreekt.length)
    meldingen.fout(
      1,
      null,
      `Deze kolommen ontbreken: ${ontbreekt.join(', ')}. Zie de kolommen in de handleiding.`,
    );
  if (onbekend.length) meldingen.fout(1, null, `Onbekende kolommen: ${onbekend.join(', ')}.`);
  return index;
}
