/**
 * What a toewijzing commits: tariff x volume x duration, and the part of it that falls in a
 * period: a budget year, a month, or the rest of the year from a given day on (the
 * remaining-year burden, 002_… "Nee-tenzij"). Pure, so the core, the dashboard and the tests
 * compute the same cents. A toewijzing stopped early commits only up to its actual end.
 */
import { addDays, daysInclusive, type IsoDate } from './dates';
import type { IjwFrequentie } from './domain';
import type { Cents } from './money';

export interface Commitment {
  volume: number;
  frequentie: IjwFrequentie;
  tariefCents: Cents;
  startdatum: IsoDate;
  einddatum: IsoDate;
  /** Set when care stopped before einddatum; nothing is committed after it. */
  beeindigdOp?: IsoDate | null;
}

const DAYS_PER_MONTH = 365.25 / 12;

/** The last day the toewijzing commits anything. */
export function effectiveEnd(c: Commitment): IsoDate {
  return c.beeindigdOp && c.beeindigdOp < c.einddatum ? c.beeindigdOp : c.einddatum;
}

/** Units delivered over `days` days of the toewijzing. */
function unitsOver(c: Commitment, days: number): number {
  switch (c.frequentie) {
    case '1':
      return c.volume * days;
    case '2':
      return (c.volume * days) / 7;
    case '4':
      return (c.volume * days) / DAYS_PER_MONTH;
    case '6':
      // "Totaal binnen geldigheidsduur": spread evenly over the validity as allocated.
      return (c.volume * days) / daysInclusive(c.startdatum, c.einddatum);
  }
}

/** The cents of the toewijzing on the days from..to (inclusive), clipped to its own span. */
export function centsBetween(c: Commitment, from: IsoDate, to: IsoDate): Cents {
  const start = c.startdatum > from ? c.startdatum : from;
  const end = effectiveEnd(c) < to ? effectiveEnd(c) : to;
  if (end < start) return 0;
  return Math.round(c.tariefCents * unitsOver(c, daysInclusive(start, end)));
}

/** The whole toewijzing from start to its (effective) end. */
export function totalCents(c: Commitment): Cents {
  return centsBetween(c, c.startdatum, c.einddatum);
}

/** The part of the toewijzing inside a calendar year. */
export function yearCents(c: Commitment, year: number): Cents {
  return centsBetween(c, `${year}-01-01`, `${year}-12-31`);
}

/** The part inside one month, `periode` as jjjj-mm. */
export function monthCents(c: Commitment, periode: string): Cents {
  return centsBetween(c, `${periode}-01`, lastDayOfMonth(periode));
}

/** The part still to come in the budget year of `today`, counted from `today` on. */
export function remainingYearCents(c: Commitment, today: IsoDate): Cents {
  return centsBetween(c, today, `${today.slice(0, 4)}-12-31`);
}

export function lastDayOfMonth(periode: string): IsoDate {
  const [y, m] = periode.split('-').map(Number) as [number, number];
  return addDays(m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`, -1);
}
