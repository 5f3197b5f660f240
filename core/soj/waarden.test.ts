/** Reading the values of an SOJ file: amounts to whole cents, dates, periods, COD043. */
import { describe, expect, it } from 'vitest';
import {
  bedragCenten,
  bepaalDecimalen,
  datum,
  debetCredit,
  heelGetal,
  periodeVan,
  stemVan,
} from './waarden';

const cents = (...args: Parameters<typeof bedragCenten>) => {
  const u = bedragCenten(...args);
  return u.ok ? u.waarde : u.reden;
};

describe('amounts under the decimal convention of the file', () => {
  it('lets an amount vote for a convention only when it can tell', () => {
    expect(['94,80', '1.234,5', '€ -12,5', '1.234.567'].map(stemVan)).toEqual([
      'komma',
      'komma',
      'komma',
      'komma',
    ]);
    expect(['94.80', '1,234.5', '1,234,567', '1121.3999999999999'].map(stemVan)).toEqual([
      'punt',
      'punt',
      'punt',
      'punt',
    ]);
    expect(['12.500', '12,500', '125', '12,3,4', 'veel'].map(stemVan)).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('takes the majority, and says so in Dutch', () => {
    expect(bepaalDecimalen(['94,80', '12,50', '1.25'], 0)).toEqual({
      teken: 'komma',
      uitleg:
        'Decimaalkomma (zoals 1.234,56), herkend aan 2 bedragen; 1 bedrag schrijft het anders en wordt geweigerd.',
    });
    expect(bepaalDecimalen(['12.500', '125'], 0).teken).toBe('onbepaald');
    expect(bepaalDecimalen([], 4).uitleg).toContain('Excel-getallen');
  });

  it('reads whole cents with integer arithmetic', () => {
    expect(cents('1.234,56', 'komma')).toBe(123_456);
    expect(cents('€ -12,5', 'komma')).toBe(-1_250);
    expect(cents('12.500', 'komma')).toBe(1_250_000);
    expect(cents('1,234.56', 'punt')).toBe(123_456);
    expect(cents('12,500', 'punt')).toBe(1_250_000);
    expect(cents('125', 'onbepaald')).toBe(12_500);
    expect(cents('0.1', 'punt')).toBe(10);
    expect(cents('90071992547409,91', 'komma')).toBe(9_007_199_254_740_991);
  });

  it('refuses what is ambiguous, contradicts the convention, or is no amount', () => {
    expect(cents('12.500', 'punt')).toContain('dubbelzinnig');
    expect(cents('12.500', 'punt')).toContain('€ 12.500,00');
    expect(cents('12,500', 'komma')).toContain('dubbelzinnig');
    expect(cents('12.500', 'onbepaald')).toContain('dubbelzinnig');
    expect(cents('12.50', 'komma')).toContain('decimaalkomma');
    expect(cents('12,50', 'punt')).toContain('decimaalpunt');
    expect(cents('12,3,4', 'komma')).toBe('"12,3,4" is geen bedrag.');
    expect(cents('1.23.4', 'komma')).toBe('"1.23.4" is geen bedrag.');
    expect(cents('', 'komma')).toBe('"" is geen bedrag.');
    expect(cents({ datum: '2026-10-01' }, 'komma')).toContain('datum');
  });

  it('rounds Excel float noise within a thousandth of a cent, and refuses anything more', () => {
    expect(cents(1121.3999999999999, 'onbepaald')).toBe(112_140);
    expect(cents('1121.3999999999999', 'punt')).toBe(112_140);
    expect(cents('1121,4000000001', 'komma')).toBe(112_140);
    expect(cents(0.1 + 0.2, 'komma')).toBe(30);
    expect(cents(-379.2, 'komma')).toBe(-37_920);
    expect(cents('1121,3456', 'komma')).toContain('hele centen');
    expect(cents(12.3456, 'komma')).toContain('hele centen');
    expect(cents('1121,40002', 'komma')).toContain('hele centen');
    expect(cents('1121,400001', 'komma')).toBe(112_140);
  });
});

describe('numbers, dates, periods and the debet/credit indicator', () => {
  const w = <T>(u: { ok: true; waarde: T } | { ok: false; reden: string }) =>
    u.ok ? u.waarde : u.reden;

  it('reads volumes as whole numbers', () => {
    expect(w(heelGetal('4'))).toBe(4);
    expect(w(heelGetal('-4'))).toBe(-4);
    expect(w(heelGetal(3.0000000000004))).toBe(3);
    expect(w(heelGetal('2,5'))).toBe('"2,5" is geen heel getal.');
  });

  it('reads dates as written, as Excel date cells and as serial numbers', () => {
    expect(w(datum('2026-10-31'))).toBe('2026-10-31');
    expect(w(datum('1-10-2026'))).toBe('2026-10-01');
    expect(w(datum('01/10/2026'))).toBe('2026-10-01');
    expect(w(datum({ datum: '2026-10-01' }))).toBe('2026-10-01');
    expect(w(datum(46296))).toBe('2026-10-01');
    expect(w(datum('46296'))).toBe('2026-10-01');
    expect(w(datum(44834, true))).toBe('2026-10-01');
    expect(w(datum('31-02-2026'))).toBe('"31-02-2026" is geen datum (jjjj-mm-dd of dd-mm-jjjj).');
    expect(w(datum(12))).toContain('geen datum');
  });

  it('reads a period as its month, also when Excel made it a date', () => {
    for (const p of ['2026-10', '2026/10', '10-2026', 'okt-26', 'Oct-26', 'oktober 2026'])
      expect(w(periodeVan(p))).toBe('2026-10');
    expect(w(periodeVan('1-10-2026'))).toBe('2026-10');
    expect(w(periodeVan('2026-10-15'))).toBe('2026-10');
    expect(w(periodeVan({ datum: '2026-10-01' }))).toBe('2026-10');
    expect(w(periodeVan(46296))).toBe('2026-10');
    expect(w(periodeVan('2026-13'))).toBe('"2026-13" is geen periode (jjjj-mm).');
    expect(w(periodeVan('volgende maand'))).toContain('geen periode');
  });

  it('reads the COD043 indicator', () => {
    expect(['D', 'c', 'Credit', ''].map((c) => w(debetCredit(c)))).toEqual(['D', 'C', 'C', null]);
    expect(w(debetCredit('X'))).toBe('"X" is geen indicatie debet/credit (COD043: D of C).');
  });
});
