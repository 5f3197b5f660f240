/**
 * aanbiederId values that the strpos prefilter and the key lookups of laadSamenhang
 * (server/sync/register-writer.ts) see: quotes, backslashes, unicode are only looked up; a NUL
 * character should be a 400 like any other unknown aanbieder, not a 500.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { wijziging } from '../helpers/toegang-opzet';
import { zaaiReferentie } from '../helpers/dienst-omgeving';
import { zetKeuzeOp } from '../helpers/keuze-opzet';

describe.each(['pglite', 'postgresql'] as const)('aanbiederId characters on %s', (soort) => {
  const t = zetKeuzeOp(soort);
  for (const [naam, id] of [
    ['quote', `${randomUUID()}"`],
    ['backslash', `${randomUUID()}\\`],
    ['unicode', `${randomUUID()}é\u2028`],
    ['lone surrogate', `${randomUUID()}\ud800`],
    ['NUL', `${randomUUID()}\u0000`],
  ] as const)
    it(`${naam}: refused as toewijzing-keuze (400), nothing stored`, async () => {
      const voor = await t.stand();
      const res = await t.push([
        wijziging(t.pro.id, 'toewijzingen', randomUUID(), t.toewijzing({ aanbiederId: id })),
      ]);
      expect(res.statusCode, res.body).toBe(400);
      expect(await t.stand()).toBe(voor);
    });

  it('a contracted aanbieder whose id holds quotes, backslashes and unicode is found (prefilter)', async () => {
    const id = `${randomUUID()}"\\'é\u2028%_`;
    await zaaiReferentie(t.o.store, 'aanbieders', [
      {
        id,
        naam: 'Raar',
        agbCode: '99990000',
        plaats: 'Dordrecht',
        budgetplafondCents: 1_000_000_000,
        clientenstop: false,
      },
    ]);
    await zaaiReferentie(t.o.store, 'contracten', [
      {
        id: randomUUID(),
        aanbiederId: id,
        perceel: 'jo_zwaar',
        zorgprofiel: 'intensief',
        geldigVan: '2026-01-01',
        geldigTot: null,
      },
    ]);
    const res = await t.push([
      wijziging(t.pro.id, 'toewijzingen', randomUUID(), t.toewijzing({ aanbiederId: id })),
    ]);
    expect(res.statusCode, res.body).toBe(200);
  });
});
