import { formatDate, type IsoDate } from '../../shared/dates';
export { volumeTekst } from '../../shared/domain';

export { formatEuro } from '../../shared/money';
export { formatDate };

/** The one message for a date that is not a real dd-mm-jjjj date. */
export const DATUM_FOUT = 'Vul de datum in als dd-mm-jjjj.';

/** The date on this computer's calendar (toIsoDate is UTC: before 01:00 in NL, yesterday). */
export const lokaleDatum = (d = new Date()): IsoDate =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** Today as dd-mm-jjjj, the default in date fields. */
export const vandaag = () => formatDate(lokaleDatum());

export function datumOfLeeg(iso: string | null | undefined): string {
  return iso ? formatDate(iso) : '—';
}

/** A moment (ISO date-time) as "dd-mm-jjjj uu:mm" in local time. */
export function momentTekst(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getDate())}-${pad(d.getMonth() + 1)}-${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
