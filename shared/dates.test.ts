import { describe, expect, it } from 'vitest';
import {
  addDays,
  maandagVan,
  maandRaster,
  weekdag,
  dayNumber,
  fromDayNumber,
  addMonths,
  ageOn,
  daysInclusive,
  formatDate,
  isIsoDate,
  parseDutchDate,
} from './dates';

describe('dates: ISO in storage, dd-mm-jjjj on screen', () => {
  it('shows ISO dates as dd-mm-jjjj', () => {
    expect(formatDate('2026-03-09')).toBe('09-03-2026');
    expect(() => formatDate('2026-02-30')).toThrow(RangeError);
  });

  it('reads dd-mm-jjjj and refuses dates that do not exist', () => {
    expect(parseDutchDate('9-3-2026')).toBe('2026-03-09');
    expect(parseDutchDate('29-02-2024')).toBe('2024-02-29');
    expect(parseDutchDate('29-02-2025')).toBeNull();
    expect(parseDutchDate('2026-03-09')).toBeNull();
    expect(isIsoDate('2026-13-01')).toBe(false);
  });

  it('does date arithmetic without time-zone drift', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(daysInclusive('2026-01-01', '2026-12-31')).toBe(365);
    expect(ageOn('2010-11-24', '2026-11-23')).toBe(15);
    expect(ageOn('2010-11-23', '2026-11-23')).toBe(16);
  });
});

describe('day arithmetic', () => {
  it('agrees with the calendar for every day from 1900 to 2100', () => {
    for (let t = Date.UTC(1900, 0, 1); t <= Date.UTC(2100, 11, 31); t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      expect(dayNumber(iso)).toBe(t / 86_400_000);
      expect(fromDayNumber(t / 86_400_000)).toBe(iso);
    }
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(daysInclusive('2026-01-01', '2026-12-31')).toBe(365);
  });
});

describe('calendar weeks and months', () => {
  it('finds the weekday and the Monday of a week, also across a year boundary', () => {
    expect(weekdag('2026-12-02')).toBe(2);
    expect(weekdag('2026-11-30')).toBe(0);
    expect(weekdag('2026-12-06')).toBe(6);
    expect(maandagVan('2027-01-01')).toBe('2026-12-28');
    expect(maandagVan('1969-12-31')).toBe('1969-12-29');
  });

  it('shows a month as six weeks from the Monday on or before the first', () => {
    expect(maandRaster('2026-12-17')).toEqual({ van: '2026-11-30', tot: '2027-01-10' });
    expect(maandRaster('2027-02-01')).toEqual({ van: '2027-02-01', tot: '2027-03-14' });
  });
});
