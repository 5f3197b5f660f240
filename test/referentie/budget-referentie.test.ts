/**
 * The reference for the dashboard (budget-referentie.ts) stays independent of the app's money
 * rules, and itself gives the README's examples ("Money rules").
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { centsUitTekst, geldVan, type RefToewijzing } from './budget-referentie';

const BRON = fileURLToPath(new URL('./budget-referentie.ts', import.meta.url));

/** Every module the reference loads: import and export-from statements, dynamic imports, require. */
function geimporteerd(bron: string): string[] {
  const zonderCommentaar = bron.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');
  const patronen = [
    /\b(?:import|export)\b[^'"`;]*?\bfrom\s*['"`]([^'"`]+)['"`]/g,
    /\bimport\s*['"`]([^'"`]+)['"`]/g,
    /\bimport\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
    /\brequire\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
  ];
  return patronen.flatMap((p) => [...zonderCommentaar.matchAll(p)].map((m) => m[1]!));
}

describe('the dashboard reference', () => {
  it('imports none of the app’s money or date rules', () => {
    const bron = readFileSync(BRON, 'utf8');
    const modules = geimporteerd(bron);
    const verboden = (m: string) =>
      /(^|\/)shared\/(cost|dates|budget)(\.ts|\.js)?$/.test(m) ||
      /(^|\/)core\/budget(\/|$)/.test(m) ||
      // Anything of the app at all: the reference reads plain rows only.
      /^\.\.?\//.test(m);
    expect(modules.filter(verboden)).toEqual([]);
    // The check itself finds an import of the forbidden kind.
    expect(geimporteerd("import { x } from '../../shared/cost';").filter(verboden)).toHaveLength(1);
    expect(geimporteerd("export * from '../../core/budget/facts';").filter(verboden)).toHaveLength(
      1,
    );
    expect(
      geimporteerd("const c = await import('../../shared/dates');").filter(verboden),
    ).toHaveLength(1);
  });

  const tw = (t: Partial<RefToewijzing>) =>
    geldVan({
      volume: 1,
      frequentie: '1',
      tariefCents: 0,
      startdatum: '2026-01-01',
      einddatum: '2026-12-31',
      beeindigdOp: null,
      ...t,
    });

  it('gives the README examples', () => {
    // Per dag: 1 per dag at € 176,00 for March: € 5.456,00.
    expect(
      tw({ tariefCents: 17_600, startdatum: '2026-03-01', einddatum: '2026-03-31' }).totaal,
    ).toBe(545_600);
    // Per week: 3 hours a week at € 94,80 for 365 days: € 14.829,43.
    expect(
      tw({ frequentie: '2', volume: 3, tariefCents: 9_480, einddatum: '2026-12-31' }).totaal,
    ).toBe(1_482_943);
    // Per maand at € 1.000,00: February € 1.000,00; 1-10 February € 357,14; a year € 12.000,00.
    const maand = { frequentie: '4', tariefCents: 100_000 };
    expect(tw({ ...maand, startdatum: '2026-02-01', einddatum: '2026-02-28' }).totaal).toBe(
      100_000,
    );
    expect(tw({ ...maand, startdatum: '2026-02-01', einddatum: '2026-02-10' }).totaal).toBe(35_714);
    expect(tw(maand).totaal).toBe(1_200_000);
    // Totaal binnen geldigheidsduur: € 861,00 from 01-02 to 30-06.
    expect(
      tw({
        frequentie: '6',
        tariefCents: 86_100,
        startdatum: '2026-02-01',
        einddatum: '2026-06-30',
      }).totaal,
    ).toBe(86_100);
    // Stopped early: € 0,45 over 10 days, stopped after 7: 31,5 ct -> 32 ct.
    expect(
      tw({
        frequentie: '6',
        tariefCents: 45,
        startdatum: '2026-01-01',
        einddatum: '2026-01-10',
        beeindigdOp: '2026-01-07',
      }).totaal,
    ).toBe(32);
    // Years: € 1.000,01 over 15 days of 2025 and 15 of 2026: € 500,01 + € 500,00.
    const jaren = tw({
      frequentie: '6',
      tariefCents: 100_001,
      startdatum: '2025-12-17',
      einddatum: '2026-01-15',
    });
    expect([jaren.jaren.get(2025), jaren.jaren.get(2026)]).toEqual([50_001, 50_000]);
    // Months: 13 × per maand at € 94,80 in 2026: 12 × € 1.232,40 = € 14.788,80.
    const maanden = tw({ frequentie: '4', volume: 13, tariefCents: 9_480 });
    expect([...maanden.maanden.values()]).toEqual(Array(12).fill(123_240));
    expect(maanden.jaren.get(2026)).toBe(1_478_880);
  });

  it('reads SOJ amounts with integers only', () => {
    expect(centsUitTekst('1.234,56', true)).toBe(123_456);
    expect(centsUitTekst('-12,5', true)).toBe(-1_250);
    expect(centsUitTekst('1,234.56', false)).toBe(123_456);
    expect(centsUitTekst('1121,39', true)).toBe(112_139);
  });
});
