/** Dates are ISO (jjjj-mm-dd) in storage and dd-mm-jjjj on screen. */
export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DUTCH = /^(\d{1,2})-(\d{1,2})-(\d{4})$/;

export function isIsoDate(value: string): value is IsoDate {
  const m = ISO.exec(value);
  if (!m) return false;
  const [, y, mo, d] = m.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function formatDate(iso: IsoDate): string {
  const m = ISO.exec(iso);
  if (!m || !isIsoDate(iso)) throw new RangeError(`Geen geldige datum: ${iso}`);
  return `${m[3]}-${m[2]}-${m[1]}`;
}

/** Reads dd-mm-jjjj (as typed by a user) into ISO, or null when it is not a real date. */
export function parseDutchDate(input: string): IsoDate | null {
  const m = DUTCH.exec(input.trim());
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

export function toIsoDate(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

// en-CA writes dates as YYYY-MM-DD.
const NEDERLAND = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day in the Netherlands at `moment`, whatever the computer's own time zone. */
export function datumInNederland(moment: Date): IsoDate {
  return NEDERLAND.format(moment);
}

/**
 * Day number since 1970-01-01 by plain arithmetic (H. Hinnant's days_from_civil): the budget
 * figures do this hundreds of thousands of times, where Date parsing is the slow part.
 */
export function dayNumber(iso: IsoDate): number {
  let y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The ISO date of a day number (civil_from_days). */
export function fromDayNumber(n: number): IsoDate {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(iso) + days);
}

export function addMonths(iso: IsoDate, months: number): IsoDate {
  const d = new Date(`${iso}T00:00:00Z`);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return toIsoDate(d);
}

/** Whole days from a to b inclusive of both ends (a care day on the start and the end date). */
export function daysInclusive(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from) + 1;
}

/** Age in whole years on a given date. */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Day of the week, Monday 0 to Sunday 6 (1970-01-01, day 0, was a Thursday). */
export const weekdag = (iso: IsoDate): number => (((dayNumber(iso) + 3) % 7) + 7) % 7;

/** The Monday of the week `iso` is in. */
export const maandagVan = (iso: IsoDate): IsoDate => addDays(iso, -weekdag(iso));

/** A month as a calendar shows it: six whole weeks from the Monday on or before the 1st. */
export function maandRaster(iso: IsoDate): { van: IsoDate; tot: IsoDate } {
  const van = maandagVan(`${iso.slice(0, 7)}-01`);
  return { van, tot: addDays(van, 41) };
}
