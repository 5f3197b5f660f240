import { describe, expect, it } from 'vitest';
import { formatEuro, parseEuroToCents } from './money';

describe('money in cents', () => {
  it('formats as Dutch euros: € 1.234,56', () => {
    expect(formatEuro(123_456)).toBe('€ 1.234,56');
    expect(formatEuro(0)).toBe('€ 0,00');
    expect(formatEuro(5)).toBe('€ 0,05');
    expect(formatEuro(10_000_000_000)).toBe('€ 100.000.000,00');
    expect(formatEuro(-851_900)).toBe('€ -8.519,00');
  });

  it('refuses amounts that are not whole cents', () => {
    expect(() => formatEuro(12.5)).toThrow(RangeError);
  });

  it('parses what users and spreadsheets write', () => {
    expect(parseEuroToCents('1.234,56')).toBe(123_456);
    expect(parseEuroToCents('€ 1234,5')).toBe(123_450);
    expect(parseEuroToCents('1234.56')).toBe(123_456);
    expect(parseEuroToCents('1.234')).toBe(123_400);
    expect(parseEuroToCents('-12')).toBe(-1_200);
    expect(parseEuroToCents('0,07')).toBe(7);
  });

  it('rejects what is not an amount', () => {
    for (const bad of ['', 'abc', '1,2,3', '12,345', '1.23.4', '€', '1 2 3a', '12.3456']) {
      expect(parseEuroToCents(bad), bad).toBeNull();
    }
  });
});
