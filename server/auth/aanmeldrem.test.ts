/** The sign-in brake on its own: counts, delays, the own laptop, addresses (no database). */
import { describe, expect, it } from 'vitest';
import {
  AanmeldRem,
  ADRES_POGINGEN,
  ADRES_VENSTER_MS,
  adresSleutel,
  MAX_WACHT_MS,
  VRIJE_POGINGEN,
  wachtNa,
} from './aanmeldrem';

const poging = (email = 'pro@voorbeeld.nl', adres = '192.0.2.1') => ({ email, adres });

describe('sign-in brake', () => {
  it('grows the delay from 1 s, doubling, to at most 5 minutes; the first 5 are free', () => {
    expect([0, 4, 5, 6, 7, 10, 13, 14, 50].map(wachtNa)).toEqual([
      0,
      0,
      1000,
      2000,
      4000,
      32_000,
      256_000,
      MAX_WACHT_MS,
      MAX_WACHT_MS,
    ]);
  });

  it('counts before the check: of 40 at one moment, 5 go through; a right password starts afresh', () => {
    let nu = 1_000_000;
    const rem = new AanmeldRem(() => nu);
    const uitkomsten = Array.from({ length: 40 }, () => rem.reserveer(poging()));
    expect(uitkomsten.filter((u) => u.toegestaan)).toHaveLength(VRIJE_POGINGEN);
    expect(uitkomsten.at(-1)).toEqual({ toegestaan: false, wachtSeconden: 1 });
    nu += 1000;
    const zesde = rem.reserveer(poging());
    expect(zesde.toegestaan).toBe(true);
    expect(rem.reserveer(poging())).toEqual({ toegestaan: false, wachtSeconden: 2 });
    nu += 2000;
    const goed = rem.reserveer(poging());
    if (!goed.toegestaan) throw new Error('verwacht toegestaan');
    goed.gelukt();
    expect(
      Array.from({ length: VRIJE_POGINGEN }, () => rem.reserveer(poging()).toegestaan),
    ).toEqual(Array(VRIJE_POGINGEN).fill(true));
  });

  it("keeps the owner's own laptop apart from someone else's guesses, and its tries from the address", () => {
    const nu = 5_000_000;
    const rem = new AanmeldRem(() => nu);
    for (let i = 0; i < 20; i++) rem.reserveer(poging());
    expect(rem.reserveer(poging()).toegestaan).toBe(false);
    const eigen = { ...poging(), bekendApparaat: { gebruikerId: 'g1', apparaatId: 'a1' } };
    expect(rem.reserveer(eigen).toegestaan).toBe(true);
    // Its own count: five wrong tries on the own laptop, then it waits too.
    for (let i = 1; i < VRIJE_POGINGEN; i++) expect(rem.reserveer(eigen).toegestaan).toBe(true);
    expect(rem.reserveer(eigen).toegestaan).toBe(false);
    // Another device of the same account is not the one that was held up.
    expect(
      rem.reserveer({ ...poging(), bekendApparaat: { gebruikerId: 'g1', apparaatId: 'a2' } })
        .toegestaan,
    ).toBe(true);
  });

  it('limits wrong tries per address across accounts; a right password gives only its own try back', () => {
    let nu = 9_000_000;
    const rem = new AanmeldRem(() => nu);
    for (let i = 0; i < ADRES_POGINGEN - 1; i++)
      expect(rem.reserveer(poging(`a${i}@voorbeeld.nl`)).toegestaan).toBe(true);
    const goed = rem.reserveer(poging('eigenaar@voorbeeld.nl'));
    if (!goed.toegestaan) throw new Error('verwacht toegestaan');
    goed.gelukt();
    expect(rem.reserveer(poging('b@voorbeeld.nl')).toegestaan).toBe(true);
    const te = rem.reserveer(poging('c@voorbeeld.nl'));
    expect(te).toEqual({ toegestaan: false, wachtSeconden: ADRES_VENSTER_MS / 1000 });
    // Another address is not held up; the window passes.
    expect(rem.reserveer(poging('c@voorbeeld.nl', '192.0.2.2')).toegestaan).toBe(true);
    nu += ADRES_VENSTER_MS;
    expect(rem.reserveer(poging('d@voorbeeld.nl')).toegestaan).toBe(true);
  });

  it('keys an address: IPv4 (also mapped) as it is, IPv6 by its /64', () => {
    expect(adresSleutel('192.0.2.7')).toBe('192.0.2.7');
    expect(adresSleutel('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(adresSleutel('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(adresSleutel('2001:0DB8:0001:0002:ffff:1:2:3')).toBe('2001:db8:1:2::/64');
    expect(adresSleutel('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(adresSleutel('::1')).toBe('0:0:0:0::/64');
  });
});
