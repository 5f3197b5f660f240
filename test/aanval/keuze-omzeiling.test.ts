/**
 * Attacks on the service's toewijzing-keuze rule (shared/regels/toewijzing-keuze.ts, wired in
 * shared/regels/rollen.ts): forged pushes that end with a toewijzing that RUNS (toegewezen or
 * gestart) with a choice the app would never make, yet are accepted. Each `it` expects the
 * refusal the rule promises; a failing `it` is a way past the rule.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hlc, wijziging } from '../helpers/toegang-opzet';
import { zetKeuzeOp } from '../helpers/keuze-opzet';

describe.each(['pglite', 'postgresql'] as const)('toewijzing-keuze bypasses on %s', (soort) => {
  const t = zetKeuzeOp(soort);

  it('A. merge: a "good" product in a change with an older HLC loses to the stored bad one', async () => {
    // 1. A concept (not running: not checked) with a product that does not fit Intensief.
    const rij = randomUUID();
    const h1 = hlc();
    const maak = await t.push([
      wijziging(
        t.pro.id,
        'toewijzingen',
        rij,
        t.toewijzing({ status: 'concept', productId: t.id.licht }),
        {
          hlc: h1,
        },
      ),
    ]);
    expect(maak.statusCode, maak.body).toBe(200);
    // 2. Made toegewezen, "with" the fitting product: but stamped a minute earlier, and the
    //    product's version does not name the stored one it replaces (basis []). The status'
    //    version does, so the status changes; the product's older version loses the merge.
    const h0 = hlc(Date.now() - 60_000);
    const res = await t.push([
      {
        wijzigingId: randomUUID(),
        tabel: 'toewijzingen',
        rijId: rij,
        hlc: h0,
        auteur: t.pro.id,
        velden: {
          status: { waarde: 'toegewezen', basis: [h1] },
          productId: { waarde: t.id.past, basis: [] },
        },
      },
    ]);
    const na = await t.opgeslagen('toewijzingen', rij);
    // What the service now holds: a running toewijzing with the product that does not fit.
    const lekt =
      res.statusCode === 200 && na?.status === 'toegewezen' && na?.productId === t.id.licht;
    expect(
      lekt,
      `${res.statusCode} ${res.body} stored=${JSON.stringify({ s: na?.status, p: na?.productId })}`,
    ).toBe(false);
  });

  it('B. fake continuation: an ended toewijzing’s choice rewritten, then a gestart "vervolg" with it', async () => {
    const oud = randomUUID();
    const nieuw = randomUUID();
    const voor = await t.stand();
    const res = await t.push([
      // A correct toewijzing (checked, passes).
      wijziging(t.pro.id, 'toewijzingen', oud, t.toewijzing({})),
      // Ended, and in the same change its aanbieder and product swapped: not running, so not checked.
      wijziging(t.pro.id, 'toewijzingen', oud, {
        status: 'beeindigd',
        beeindigdOp: '2026-12-15',
        eindeReden: 'volgens_plan',
        aanbiederId: t.id.verlopen,
        productId: t.id.crisis,
      }),
      // The "continuation": crisis help from an aanbieder whose contract ended in 2025, started at once.
      wijziging(
        t.pro.id,
        'toewijzingen',
        nieuw,
        t.toewijzing({
          status: 'gestart',
          aanbiederId: t.id.verlopen,
          productId: t.id.crisis,
          startdatum: '2026-12-16',
          werkelijkeStart: '2026-12-16',
        }),
      ),
    ]);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: 'regel-geschonden', regel: 'toewijzing-keuze' });
    expect(await t.stand()).toBe(voor);
  });

  it('D. zorgprofielId pointing at a deleted profile (another category) of the plan', async () => {
    const nep = randomUUID();
    const voor = await t.stand();
    const res = await t.push([
      // A "perspectief" profile that the app would not count: tombstoned at once.
      wijziging(t.pro.id, 'zorgprofielen', nep, {
        actieplanId: t.id.planZonder,
        categorie: 'perspectief',
        probleemgebieden: '["gedrag"]',
        vastgesteldOp: '2026-11-01',
        vastgesteldDoor: t.pro.id,
      }),
      wijziging(t.pro.id, 'zorgprofielen', nep, { deleted: true }),
      // Light help with a beschikking for the plan with the Intensief profile, "under" the deleted one.
      wijziging(
        t.pro.id,
        'toewijzingen',
        randomUUID(),
        t.toewijzing({ zorgprofielId: nep, productId: t.id.licht, aanbiederId: t.id.anderProfiel }),
      ),
    ]);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ regel: 'toewijzing-keuze' });
    expect(await t.stand()).toBe(voor);
  });

  it('E. zorgprofielId pointing at another action plan’s (live) profile', async () => {
    const ander = randomUUID();
    const profielAnder = randomUUID();
    const voor = await t.stand();
    const res = await t.push([
      wijziging(t.pro.id, 'actieplannen', ander, {
        gezinId: t.id.gezin,
        jeugdigeId: t.id.lid,
        hulpvraag: 'Iets anders',
        verwijzer: 'jeugdteam',
        triageUitkomst: 'laten_doen',
        geopendOp: '2026-11-02',
      }),
      wijziging(t.pro.id, 'zorgprofielen', profielAnder, {
        actieplanId: ander,
        categorie: 'perspectief',
        probleemgebieden: '["gedrag"]',
        vastgesteldOp: '2026-11-03',
        vastgesteldDoor: t.pro.id,
      }),
      // For the plan whose profile is Intensief, light help under the other plan's profile.
      wijziging(
        t.pro.id,
        'toewijzingen',
        randomUUID(),
        t.toewijzing({
          zorgprofielId: profielAnder,
          productId: t.id.licht,
          aanbiederId: t.id.anderProfiel,
        }),
      ),
    ]);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ regel: 'toewijzing-keuze' });
    expect(await t.stand()).toBe(voor);
  });
});
