import { describe, expect, it } from 'vitest';
import { remainingYearCents, totalCents, yearCents, type Commitment } from './cost';

const weekly: Commitment = {
  volume: 3,
  frequentie: '2',
  tariefCents: 9_480,
  startdatum: '2026-01-01',
  einddatum: '2026-12-31',
};

describe('commitment of a toewijzing', () => {
  it('multiplies tariff, volume and duration to whole cents', () => {
    // 3 hours a week for 365 days at € 94,80 = 3 * 365/7 * 9480 cents
    expect(totalCents(weekly)).toBe(Math.round((3 * 365 * 9_480) / 7));
    const daily: Commitment = {
      volume: 1,
      frequentie: '1',
      tariefCents: 17_600,
      startdatum: '2026-03-01',
      einddatum: '2026-03-31',
    };
    expect(totalCents(daily)).toBe(31 * 17_600);
    const trajectory: Commitment = {
      volume: 1,
      frequentie: '6',
      tariefCents: 86_100,
      startdatum: '2026-02-01',
      einddatum: '2026-06-30',
    };
    expect(totalCents(trajectory)).toBe(86_100);
  });

  it('counts only the rest of the budget year as its burden', () => {
    expect(remainingYearCents(weekly, '2026-07-02')).toBe(Math.round((3 * 183 * 9_480) / 7));
    const nextYear: Commitment = { ...weekly, startdatum: '2026-11-01', einddatum: '2027-04-30' };
    expect(remainingYearCents(nextYear, '2026-11-23')).toBe(Math.round((3 * 39 * 9_480) / 7));
    expect(remainingYearCents(nextYear, '2026-11-23')).toBeLessThan(totalCents(nextYear));
    expect(remainingYearCents({ ...weekly, einddatum: '2026-05-01' }, '2026-06-01')).toBe(0);
  });

  it('splits over calendar years without losing a cent beyond rounding', () => {
    const span: Commitment = {
      volume: 1,
      frequentie: '1',
      tariefCents: 4_750,
      startdatum: '2025-10-01',
      einddatum: '2026-03-31',
    };
    expect(yearCents(span, 2025) + yearCents(span, 2026)).toBe(totalCents(span));
    expect(yearCents(span, 2024)).toBe(0);
  });
});
