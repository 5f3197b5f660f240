import { describe, expect, it } from 'vitest';
import { bsnError, completeBsn, isValidBsn, maskBsn } from './bsn';

describe('BSN 11-proef', () => {
  it('accepts numbers that pass the 11-proef', () => {
    // 9*1+8*1+7*1+6*2+5*2+4*2+3*3+2*3 - 1*3 = 66, a multiple of 11
    expect(isValidBsn('111222333')).toBe(true);
    expect(isValidBsn('123456782')).toBe(true);
  });

  it('rejects a number with one digit changed', () => {
    expect(isValidBsn('111222334')).toBe(false);
    expect(isValidBsn('123456783')).toBe(false);
  });

  it('rejects wrong length, letters and the all-zero number', () => {
    expect(isValidBsn('12345678')).toBe(false);
    expect(isValidBsn('1234567890')).toBe(false);
    expect(isValidBsn('12345678a')).toBe(false);
    expect(isValidBsn('000000000')).toBe(false);
    expect(isValidBsn(' 11122233')).toBe(false);
  });

  it('explains in Dutch why a BSN is refused', () => {
    expect(bsnError('12345')).toBe('Een BSN heeft 9 cijfers.');
    expect(bsnError('12345678x')).toBe('Een BSN bestaat alleen uit cijfers.');
    expect(bsnError('111222334')).toBe('Dit BSN klopt niet (de elfproef faalt).');
    expect(bsnError('111222333')).toBeNull();
  });

  it('completes eight digits to a valid BSN or says none exists', () => {
    let completed = 0;
    for (let n = 10_000_000; n < 10_000_200; n++) {
      const bsn = completeBsn(String(n));
      if (bsn === null) continue;
      completed++;
      expect(isValidBsn(bsn)).toBe(true);
      expect(bsn.slice(0, 8)).toBe(String(n));
    }
    // One in eleven prefixes needs check digit 10 and has no valid BSN.
    expect(completed).toBeGreaterThan(170);
    expect(completed).toBeLessThan(200);
  });

  it('masks all but the last three digits', () => {
    expect(maskBsn('111222333')).toBe('******333');
  });
});
