import { parseDutchDate, type IsoDate } from '../../../shared/dates';
import { DATUM_FOUT } from '../format';

type Antwoord = Promise<string | null>;

/**
 * A form's date field read before the write: an invalid dd-mm-jjjj date is the form's error
 * and nothing is sent.
 */
export function metDatum(tekst: string, doe: (iso: IsoDate) => Antwoord, fout = DATUM_FOUT) {
  const iso = parseDutchDate(tekst);
  return iso ? doe(iso) : Promise.resolve(fout);
}

/** The same for a date that may stay empty (an agreement without a deadline). */
export function metOptioneleDatum(tekst: string, doe: (iso: IsoDate | undefined) => Antwoord) {
  if (!tekst) return doe(undefined);
  return metDatum(tekst, doe);
}
