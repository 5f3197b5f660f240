import { describe, expect, it } from 'vitest';
import {
  gecommitteerdInJaar,
  jarenVan,
  maandenCents,
  maandenZonderSoj,
  prognoseBijdrage,
  prognoseCents,
  raaktJaar,
  totalCents,
  verdeling,
  type Commitment,
} from './cost';

/** The part of the toewijzing inside a calendar year. */
const yearCents = (c: Commitment, jaar: number) => gecommitteerdInJaar(c, jaar).cents;
/** The part inside one month, `periode` as jjjj-mm. */
const monthCents = (c: Commitment, periode: string) =>
  gecommitteerdInJaar(c, Number(periode.slice(0, 4))).perMaand.get(periode) ?? 0;

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

  it('counts the months asked for, whole months as allocated', () => {
    // Was remainingYearCents (from a given day on); the forecast and "na deze toewijzing over"
    // now count the months without SOJ data, so the burden is counted per month (issue 24).
    const nextYear: Commitment = { ...weekly, startdatum: '2026-11-01', einddatum: '2027-04-30' };
    expect(maandenCents(nextYear, ['2026-11', '2026-12'])).toBe(yearCents(nextYear, 2026));
    expect(maandenCents(nextYear, ['2026-12'])).toBe(monthCents(nextYear, '2026-12'));
    expect(maandenCents({ ...weekly, einddatum: '2026-05-01' }, ['2026-06', '2026-07'])).toBe(0);
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

/** Issue 24: each of these failed on the 30.4375-day month and float arithmetic. */
describe('money rules (README "Money rules")', () => {
  const maandelijks: Commitment = {
    volume: 1,
    frequentie: '4',
    tariefCents: 100_000,
    startdatum: '2026-02-01',
    einddatum: '2026-02-28',
  };

  it('"per maand" is per calendar month: a whole February is one month', () => {
    // Was 91.992 cents (28 / 30.4375 of a month).
    expect(totalCents(maandelijks)).toBe(100_000);
    // A partial month pro rata by the days of that month: 10 of February's 28 days.
    expect(totalCents({ ...maandelijks, einddatum: '2026-02-10' })).toBe(35_714); // 35.714,29
  });

  it('a calendar year of "1 x per maand" is exactly twelve months, leap year or not', () => {
    // Was 11,99 months in 2026 and 12,02 in 2028.
    for (const jaar of [2026, 2028])
      expect(
        totalCents({ ...maandelijks, startdatum: `${jaar}-01-01`, einddatum: `${jaar}-12-31` }),
      ).toBe(1_200_000);
  });

  it('the months add up exactly to the year, and the years to the total', () => {
    // 13 x per maand at € 94,80: the twelve months came to 5 cents more than the year.
    const c: Commitment = {
      ...maandelijks,
      volume: 13,
      tariefCents: 9_480,
      startdatum: '2026-01-01',
      einddatum: '2026-12-31',
    };
    const maanden = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
    expect(maanden.reduce((s, p) => s + monthCents(c, p), 0)).toBe(yearCents(c, 2026));
    for (const w of [
      weekly,
      { ...weekly, volume: 7, tariefCents: 12_345, einddatum: '2027-03-17' },
    ]) {
      const v = verdeling(w);
      const jaren = [...v.jaren.values()].reduce((a, b) => a + b, 0);
      expect(jaren).toBe(v.totaal);
      for (const [jaar, cents] of v.jaren)
        expect(
          [...v.maanden].filter(([p]) => p.startsWith(`${jaar}-`)).reduce((s, [, m]) => s + m, 0),
        ).toBe(cents);
    }
  });

  it('rounds an exact half cent up (no float arithmetic)', () => {
    // A trajectory of € 0,45 over 10 days stopped after 7: exactly 31,5 cents; was 31.
    const c: Commitment = {
      volume: 1,
      frequentie: '6',
      tariefCents: 45,
      startdatum: '2026-01-01',
      einddatum: '2026-01-10',
      beeindigdOp: '2026-01-07',
    };
    expect(totalCents(c)).toBe(32);
  });

  it('a trajectory split over two years commits exactly its price', () => {
    // 15 days in 2025 and 15 in 2026 of € 1.000,01: was 500,01 + 500,01 = 1.000,02.
    const c: Commitment = {
      volume: 1,
      frequentie: '6',
      tariefCents: 100_001,
      startdatum: '2025-12-17',
      einddatum: '2026-01-15',
    };
    expect(yearCents(c, 2025) + yearCents(c, 2026)).toBe(100_001);
    expect(yearCents(c, 2025)).toBe(50_001);
    expect(yearCents(c, 2026)).toBe(50_000);
  });

  it('the forecast counts every month without SOJ data as committed', () => {
    // SOJ data for January, February and April, not March: March was dropped from the forecast.
    const soj = new Set(['2026-01', '2026-02', '2026-04']);
    const gerealiseerd = new Map([
      ['2026-01', 900],
      ['2026-02', 800],
      ['2026-04', 700],
    ]);
    const gecommitteerd = new Map(
      Array.from({ length: 12 }, (_, i) => [`2026-${String(i + 1).padStart(2, '0')}`, 1_000]),
    );
    expect(maandenZonderSoj(2026, soj)).toHaveLength(9);
    expect(prognoseCents(2026, soj, gerealiseerd, gecommitteerd)).toBe(2_400 + 9 * 1_000);
  });
});

describe('committing in year Y (one definition for every figure)', () => {
  const span: Commitment = {
    volume: 1,
    frequentie: '1',
    tariefCents: 4_750,
    startdatum: '2025-10-01',
    einddatum: '2026-03-31',
  };

  it('gives the year and its months, which add up to it', () => {
    const deel = gecommitteerdInJaar(span, 2026);
    expect([...deel.perMaand.keys()]).toEqual(['2026-01', '2026-02', '2026-03']);
    expect([...deel.perMaand.values()].reduce((a, b) => a + b, 0)).toBe(deel.cents);
    expect(gecommitteerdInJaar(span, 2027)).toEqual({ cents: 0, perMaand: new Map() });
  });

  it('knows the years a toewijzing runs in, up to where it stopped', () => {
    expect(jarenVan(span)).toEqual([2025, 2026]);
    expect(jarenVan({ ...span, beeindigdOp: '2025-12-01' })).toEqual([2025]);
    expect(raaktJaar(span, 2026)).toBe(true);
    expect(raaktJaar({ ...span, beeindigdOp: '2025-12-01' }, 2026)).toBe(false);
  });

  it('adds to the forecast only its months without SOJ data', () => {
    const soj = new Set(['2026-01', '2026-02']);
    expect(prognoseBijdrage(span, 2026, soj)).toBe(
      gecommitteerdInJaar(span, 2026).perMaand.get('2026-03'),
    );
    expect(prognoseBijdrage(span, 2026, new Set(['2026-01', '2026-02', '2026-03']))).toBe(0);
  });
});
