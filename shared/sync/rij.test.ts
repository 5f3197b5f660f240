/**
 * The storage form of a row's registers: whatever the registers, reading back what was stored
 * gives exactly the same registers (and so the same hash), and a row written once is stored in
 * the short form.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  alsEersteVersie,
  impliciet,
  naarOpslag,
  rijHash,
  rijHashEersteVersie,
  uitOpslag,
  voegRijenSamen,
  type RijRegisters,
} from './rij';

const hlc = fc
  .integer({ min: 0, max: 40 })
  .map((n) => `0001800000000${String(n).padStart(3, '0')}-0000-r`);
const waarde = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 }),
);
const versie = fc.record({
  hlc,
  basis: fc.uniqueArray(hlc, { maxLength: 2 }),
  waarde,
  auteur: fc.constantFrom('a', 'b', ''),
});
const register = fc.record({
  koppen: fc.uniqueArray(versie, { maxLength: 3, selector: (v) => v.hlc }),
  vervangen: fc.uniqueArray(hlc, { maxLength: 3 }).map((v) => v.sort()),
});
const registers: fc.Arbitrary<RijRegisters> = fc.dictionary(
  fc.constantFrom('naam', 'adres', 'status', 'deleted', 'teamId'),
  register,
);

describe('stored registers', () => {
  it('read back exactly as they were, whatever their shape', () => {
    fc.assert(
      fc.property(registers, fc.dictionary(fc.constantFrom('naam', 'adres'), waarde), (r, w) => {
        for (const regs of [
          r,
          impliciet(w, '0001800000000001-0000-r', 'a'),
          voegRijenSamen(r, {}),
        ]) {
          const terug = uitOpslag(naarOpslag(regs));
          expect(terug).toEqual(regs);
          expect(rijHash('gezinnen', 'x', terug)).toBe(rijHash('gezinnen', 'x', regs));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a row written once in the short form', () => {
    const regs = impliciet(
      { naam: 'Familie de Vries', deleted: false },
      '0001800000000001-0000-r',
      'a',
    );
    const kort = naarOpslag(regs);
    expect(JSON.parse(kort)).toEqual({
      $: ['0001800000000001-0000-r', 'a', { naam: 'Familie de Vries', deleted: false }],
    });
    expect(kort.length).toBeLessThan(JSON.stringify(regs).length / 2);
  });

  it('hashes a first write as its registers, without building them', () => {
    const tekst = fc.string({ maxLength: 8 }).map((t) => `${t}"\\\u00e9\n`);
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('naam', 'adres', 'deleted', 'teamId', 'z', 'a'), waarde),
        hlc,
        fc.oneof(fc.constantFrom('a', ''), tekst),
        fc.oneof(fc.constant('gezinnen'), tekst),
        (waarden, h, auteur, rijId) => {
          const regs = impliciet(waarden, h, auteur);
          if (Object.keys(waarden).length === 0) return;
          expect(alsEersteVersie(regs)).toEqual([h, auteur, waarden]);
          expect(rijHashEersteVersie('gezinnen', rijId, [h, auteur, waarden])).toBe(
            rijHash('gezinnen', rijId, regs),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
