/**
 * Attacks on the service's toewijzing-keuze rule (shared/regels/toewijzing-keuze.ts, wired in
 * shared/regels/rollen.ts and server/sync/push.ts), on PGlite and PostgreSQL, from an attacker
 * helper's findings: forged pushes that end with a toewijzing that RUNS (toegewezen or gestart)
 * with a choice the app would never make (each `it` expects the refusal the rule promises), the
 * app's own flows the rule must let through, and ids the lookups must survive.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { zaaiReferentie } from '../helpers/dienst-omgeving';
import { zetKeuzeOp } from '../helpers/keuze-opzet';
import { hlc, wijziging } from '../helpers/toegang-opzet';

describe.each(['pglite', 'postgresql'] as const)('toewijzing-keuze under attack on %s', (soort) => {
  const t = zetKeuzeOp(soort);

  // Forged pushes that would end with a toewijzing running with a choice the app never makes.

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

  // The other side: ordinary app flows the service must take (a refusal parks the change on the
  // laptop as geweigerd, and the laptop and the service disagree from then on).

  it('W1. a beschikkingsvrij toewijzing made offline without a zorgprofiel, after a colleague set one', async () => {
    // The plan has no zorgprofiel when laptop A syncs it.
    const plan = randomUUID();
    expect(
      (
        await t.push([
          wijziging(t.pro.id, 'actieplannen', plan, {
            gezinId: t.id.gezin,
            jeugdigeId: t.id.lid,
            hulpvraag: 'Opvoedvragen',
            verwijzer: 'jeugdteam',
            triageUitkomst: 'laten_doen',
            geopendOp: '2026-12-01',
          }),
        ])
      ).statusCode,
    ).toBe(200);
    // Laptop B (the colleague) sets zorgprofiel Intensief and syncs first.
    const b = await t.push(
      [
        wijziging(t.collega.id, 'zorgprofielen', randomUUID(), {
          actieplanId: plan,
          categorie: 'intensief',
          probleemgebieden: '["gedrag"]',
          vastgesteldOp: '2026-12-07',
          vastgesteldDoor: t.collega.id,
        }),
      ],
      'collega',
    );
    expect(b.statusCode, b.body).toBe(200);
    // Laptop A, offline, made light help without a beschikking (the app offers it without a
    // zorgprofiel: core/toewijzing/aanbieders.ts), zorgprofielId null as the core writes it.
    const a = await t.push([
      wijziging(
        t.pro.id,
        'toewijzingen',
        randomUUID(),
        t.toewijzing({
          actieplanId: plan,
          zorgprofielId: null,
          productId: t.id.vrij,
          aanbiederId: t.id.anderProfiel,
          beschikkingsvrij: true,
          aangemaaktOp: '2026-12-07',
          startdatum: '2026-12-08',
        }),
      ),
    ]);
    expect(a.statusCode, a.body).toBe(200);
  });

  it('control: approved (vier ogen) after the contract ended, started, then op-/afgeschaald', async () => {
    // An aanbieder whose only contract ended last week.
    const aanbieder = randomUUID();
    await zaaiReferentie(t.o.store, 'aanbieders', [
      {
        id: aanbieder,
        naam: 'Bijna Weg',
        agbCode: '77778888',
        plaats: 'Dordrecht',
        budgetplafondCents: 1_000_000_000,
        clientenstop: false,
      },
    ]);
    await zaaiReferentie(t.o.store, 'contracten', [
      {
        id: randomUUID(),
        aanbiederId: aanbieder,
        perceel: 'jo_zwaar',
        zorgprofiel: 'intensief',
        geldigVan: '2026-01-01',
        geldigTot: '2026-11-30',
      },
    ]);
    const rij = randomUUID();
    const akkoord = randomUUID();
    const maak = await t.push([
      wijziging(
        t.pro.id,
        'toewijzingen',
        rij,
        t.toewijzing({ aanbiederId: aanbieder, status: 'ter_accordering', volume: 40 }),
      ),
      wijziging(t.pro.id, 'akkoorden', akkoord, {
        toewijzingId: rij,
        aangevraagdDoor: t.pro.id,
        aangevraagdOp: '2026-11-20',
        reden: 'Nodig',
      }),
    ]);
    expect(maak.statusCode, maak.body).toBe(200);
    const besluit = await t.push(
      [
        wijziging(t.collega.id, 'akkoorden', akkoord, {
          besluit: 'akkoord',
          beoordeeldDoor: t.collega.id,
          beoordeeldOp: '2026-12-07',
        }),
        wijziging(t.collega.id, 'toewijzingen', rij, {
          status: 'toegewezen',
          toegewezenOp: new Date().toISOString(),
        }),
      ],
      'collega',
    );
    expect(besluit.statusCode, besluit.body).toBe(200);
    // JW305: care started.
    const start = await t.push([
      wijziging(t.pro.id, 'toewijzingen', rij, {
        status: 'gestart',
        werkelijkeStart: '2026-12-01',
      }),
    ]);
    expect(start.statusCode, start.body).toBe(200);
    // Evaluation: afschalen (core/toewijzing/evaluatie.ts schaalDeHulp): ended today, same help
    // from tomorrow with a lower volume, made today (after the contract ended).
    const vervolg = randomUUID();
    const schaal = await t.push([
      wijziging(t.pro.id, 'toewijzingen', rij, {
        status: 'beeindigd',
        beeindigdOp: '2026-12-07',
        eindeReden: 'volgens_plan',
      }),
      wijziging(
        t.pro.id,
        'toewijzingen',
        vervolg,
        t.toewijzing({
          aanbiederId: aanbieder,
          volume: 20,
          status: 'gestart',
          startdatum: '2026-12-08',
          werkelijkeStart: '2026-12-08',
          aangemaaktOp: '2026-12-07',
        }),
      ),
    ]);
    expect(schaal.statusCode, schaal.body).toBe(200);
    // Edits of the running continuation that leave the choice: its end moves.
    const edit = await t.push([
      wijziging(t.pro.id, 'toewijzingen', vervolg, { einddatum: '2027-01-31' }),
    ]);
    expect(edit.statusCode, edit.body).toBe(200);
  });

  // aanbiederId values the contract prefilter (strpos) and the key lookups see: only looked up;
  // a NUL character is an unknown aanbieder (400), not a 500.

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
