/**
 * The other side of the toewijzing-keuze rule: ordinary app flows the service must take. A
 * failing `it` is a change the app makes that the service refuses (the laptop then parks it as
 * `geweigerd`, core/sync/push.ts, and the laptop and the service disagree from then on).
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { zaaiReferentie } from '../helpers/dienst-omgeving';
import { wijziging } from '../helpers/toegang-opzet';
import { zetKeuzeOp } from '../helpers/keuze-opzet';

describe.each(['pglite', 'postgresql'] as const)(
  'toewijzing-keuze and app flows on %s',
  (soort) => {
    const t = zetKeuzeOp(soort);

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
  },
);
