/**
 * What a toewijzing commits: tariff x volume x duration, and the part of it that falls in a
 * budget year from a given day on (the remaining-year burden, 002_… "Nee-tenzij"). Pure, so the
 * core, the dashboard and tests compute the same cents.
 */
import { daysInclusive, type IsoDate } from './dates';
import type { IjwFrequentie } from './domain';
import type { Cents } from './money';

export interface Commitment {
  volume: number;
  frequentie: IjwFrequentie;
  tariefCents: Cents;
  startdatum: IsoDate;
  einddatum: IsoDate;
}

const DAYS_PER_MONTH = 365.25 / 12;

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
      return (c.volume * days) / daysInclusive(c.startdatum, c.einddatum);
  }
}

function centsOver(c: Commitment, from: IsoDate, to: IsoDate): Cents {
  if (to < from) return 0;
  return Math.round(c.tariefCents * unitsOver(c, daysInclusive(from, to)));
}

/** The whole toewijzing from start to end. */
export function totalCents(c: Commitment): Cents {
  return centsOver(c, c.startdatum, c.einddatum);
}

/** The part of the toewijzing inside a calendar year. */
export function yearCents(c: Commitment, year: number): Cents {
  const from = c.startdatum > `${year}-01-01` ? c.startdatum : `${year}-01-01`;
  const to = c.einddatum < `${year}-12-31` ? c.einddatum : `${year}-12-31`;
  return centsOver(c, from, to);
}

/** The part still to come in the budget year of `today`, counted from `today` on. */
export function remainingYearCents(c: Commitment, today: IsoDate): Cents {
  const yearEnd = `${today.slice(0, 4)}-12-31`;
  const from = c.startdatum > today ? c.startdatum : today;
  const to = c.einddatum < yearEnd ? c.einddatum : yearEnd;
  return centsOver(c, from, to);
}
