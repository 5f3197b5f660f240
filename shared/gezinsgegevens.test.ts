import { describe, expect, it } from 'vitest';
import { geboortedatumFout, isEmail, TELEFOON_PATROON, telefoonCijfers } from './gezinsgegevens';

describe("a family's facts", () => {
  it('refuses a birth date after today, with slack where asked', () => {
    expect(geboortedatumFout('2026-12-08', '2026-12-07')).toMatch(/in de toekomst/);
    expect(geboortedatumFout('2026-12-07', '2026-12-07')).toBeNull();
    expect(geboortedatumFout('2026-12-08', '2026-12-07', 1)).toBeNull();
  });

  it('takes Dutch phone numbers as typed, and the form pattern takes the same', () => {
    const patroon = new RegExp(`^(?:${TELEFOON_PATROON})$`, 'v');
    for (const [invoer, cijfers] of [
      ['06 12345678', '0612345678'],
      ['078-1234567', '0781234567'],
      ['+31 6 12345678', '0612345678'],
      ['0031 78 123 45 67', '0781234567'],
      ['(078) 123 45 67', '0781234567'],
      ['12345', null],
      ['06 1234567', null],
    ] as const) {
      expect(telefoonCijfers(invoer), invoer).toBe(cijfers);
      expect(patroon.test(invoer), invoer).toBe(cijfers !== null);
    }
  });

  it('knows an e-mail address', () => {
    expect(isEmail('ilse@voorbeeld.nl')).toBe(true);
    expect(isEmail('ilse@')).toBe(false);
    expect(isEmail('ilse voorbeeld.nl')).toBe(false);
  });
});
