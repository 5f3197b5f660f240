/**
 * Property tests for the field register: replicas edit offline at random and exchange what they
 * know in any order, repeated, in any grouping; afterwards all hold the same register, and every
 * value anyone typed is either the current value, a conflict still to resolve, or was replaced by
 * someone who had seen it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HlcClock } from '../hlc';
import {
  bewerking,
  conflicten,
  LEEG,
  pasToe,
  voegSamen,
  winnaar,
  type Register,
  type Versie,
} from './register';

type Stap =
  | { soort: 'bewerk'; replica: number; tekst: string }
  | { soort: 'deel'; van: number; naar: number };

const stap = (replicas: number) =>
  fc.oneof(
    fc.record({
      soort: fc.constant('bewerk' as const),
      replica: fc.nat(replicas - 1),
      tekst: fc.string({ maxLength: 8 }),
    }),
    fc.record({
      soort: fc.constant('deel' as const),
      van: fc.nat(replicas - 1),
      naar: fc.nat(replicas - 1),
    }),
  );

/** Runs the steps; clocks may be skewed by up to a day. */
function speel(stappen: Stap[], scheefheid: number[]) {
  const klokken = scheefheid.map((s, i) => {
    let t = 1_800_000_000_000;
    return new HlcClock(`r${i}`, () => (t += 7) + s);
  });
  const registers: Register[] = scheefheid.map(() => LEEG);
  const getypt: Versie[] = [];
  for (const s of stappen) {
    if (s.soort === 'bewerk') {
      const v = bewerking(
        registers[s.replica]!,
        klokken[s.replica]!.tick(),
        s.tekst,
        `r${s.replica}`,
      );
      getypt.push(v);
      registers[s.replica] = pasToe(registers[s.replica]!, v);
    } else {
      for (const k of registers[s.van]!.koppen) klokken[s.naar]!.receive(k.hlc);
      registers[s.naar] = voegSamen(registers[s.naar]!, registers[s.van]!);
    }
  }
  return { registers, getypt };
}

describe('field register (per-field merge with conflicts)', () => {
  it('converges whatever the order, and drops nothing anyone typed', () => {
    fc.assert(
      fc.property(
        fc.array(stap(3), { maxLength: 60 }),
        fc.array(fc.integer({ min: -86_400_000, max: 86_400_000 }), { minLength: 3, maxLength: 3 }),
        (stappen, scheefheid) => {
          const { registers, getypt } = speel(stappen, scheefheid);
          // Full exchange afterwards, in a scrambled order.
          const alles = registers.reduceRight((acc, r) => voegSamen(r, acc), LEEG);
          const eind = registers.map((r) => voegSamen(r, alles));
          for (const r of eind) expect(r).toEqual(eind[0]);
          const koppen = new Set(eind[0]!.koppen.map((v) => v.hlc));
          const gezienDoor = new Set(getypt.flatMap((v) => v.basis));
          for (const v of getypt) expect(koppen.has(v.hlc) || gezienDoor.has(v.hlc)).toBe(true);
          // A single head means no conflict; otherwise the losers with other text are shown.
          const w = winnaar(eind[0]!);
          if (w) expect(eind[0]!.koppen.every((k) => k.hlc <= w.hlc)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('applying writes is idempotent and independent of order', () => {
    fc.assert(
      fc.property(fc.array(stap(3), { maxLength: 40 }), fc.nat(), (stappen, zaad) => {
        const { getypt } = speel(stappen, [0, 5, -5]);
        const volgorde = [...getypt, ...getypt.slice(0, zaad % (getypt.length + 1))];
        const geschud = volgorde
          .map((v, i) => ({ v, k: (i * 7919 + zaad) % 104_729 }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.v);
        const a = getypt.reduce(pasToe, LEEG);
        const b = geschud.reduce(pasToe, LEEG);
        expect(b).toEqual(a);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps concurrent text as a conflict until someone resolves it', () => {
    const basis = pasToe(LEEG, bewerking(LEEG, 'h1', 'Vader brengt de kinderen', 'a'));
    const a = pasToe(basis, bewerking(basis, 'h2', 'Oma brengt de kinderen', 'a'));
    const b = pasToe(basis, bewerking(basis, 'h3', 'Buurvrouw brengt de kinderen', 'b'));
    const samen = voegSamen(a, b);
    expect(winnaar(samen)?.waarde).toBe('Buurvrouw brengt de kinderen');
    expect(conflicten(samen, true).map((v) => v.waarde)).toEqual(['Oma brengt de kinderen']);
    expect(conflicten(samen, false)).toEqual([]);
    const opgelost = pasToe(samen, bewerking(samen, 'h4', 'Oma, en de buurvrouw op vrijdag', 'a'));
    expect(opgelost.koppen).toHaveLength(1);
    expect(conflicten(voegSamen(opgelost, b), true)).toEqual([]);
  });
});
