/**
 * The service checks a toewijzing's choice of help as the app makes it (shared/regels/
 * toewijzing-keuze.ts, `002_…` bijlage 1): a toewijzing that runs (toegewezen or gestart) has an
 * aanbieder contracted for its zorgprofiel and the product's perceel on the day it was made, and
 * a product that fits the zorgprofiel; without a zorgprofiel only help without a beschikking. A
 * forged push of any other is refused with `toewijzing-keuze` and stores nothing; the choices the
 * app offers go through; a toewijzing that already ran keeps its choice when edited. On PGlite
 * and on the real PostgreSQL (127.0.0.1:5432; without it this fails, it never skips).
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { zetKeuzeOp, type Waarde } from '../helpers/keuze-opzet';
import { wijziging } from '../helpers/toegang-opzet';

describe.each(['pglite', 'postgresql'] as const)(
  'a toewijzing’s choice at the service on %s',
  (soort) => {
    const k = zetKeuzeOp(soort);
    const push = (...args: Parameters<typeof k.push>) => k.push(...args);
    const stand = () => k.stand();
    const toewijzing = (extra: Record<string, Waarde>) => k.toewijzing(extra);

    it('refuses a running toewijzing with help the region did not contract for it, storing nothing', async () => {
      const gevallen: [string, Record<string, Waarde>, RegExp][] = [
        [
          'a product that does not fit the zorgprofiel',
          { productId: k.id.licht },
          /past niet bij het zorgprofiel Intensief/,
        ],
        ['crisis help under zorgprofiel Intensief', { productId: k.id.crisis }, /past niet/],
        [
          'an aanbieder contracted for another zorgprofiel',
          { aanbiederId: k.id.anderProfiel },
          /niet gecontracteerd/,
        ],
        [
          'an aanbieder whose contract had ended',
          { aanbiederId: k.id.verlopen },
          /op 20-11-2026 niet gecontracteerd/,
        ],
        ['made before the contract began', { aangemaaktOp: '2025-12-31' }, /niet gecontracteerd/],
        ['an unknown product', { productId: randomUUID() }, /productcatalogus/],
        ['an unknown aanbieder', { aanbiederId: randomUUID() }, /sociale kaart/],
        [
          'help with a beschikking without a zorgprofiel',
          { actieplanId: k.id.planZonder, zorgprofielId: null },
          /Zonder vastgesteld zorgprofiel/,
        ],
        [
          'started at once, not fitting',
          { productId: k.id.licht, status: 'gestart', werkelijkeStart: '2026-12-01' },
          /past niet/,
        ],
      ];
      for (const [naam, extra, bericht] of gevallen) {
        const voor = await stand();
        const res = await push([
          wijziging(k.pro.id, 'toewijzingen', randomUUID(), toewijzing(extra)),
        ]);
        expect(res.statusCode, naam).toBe(400);
        expect(res.json(), naam).toMatchObject({
          code: 'regel-geschonden',
          regel: 'toewijzing-keuze',
        });
        expect((res.json() as { message: string }).message, naam).toMatch(bericht);
        expect(await stand(), naam).toBe(voor);
      }
    });

    it('takes the choices the app offers, and checks a running one whose choice changes', async () => {
      const rijId = randomUUID();
      expect(
        (await push([wijziging(k.pro.id, 'toewijzingen', rijId, toewijzing({}))])).statusCode,
      ).toBe(200);
      // Without a zorgprofiel: help without a beschikking, from an aanbieder contracted for its perceel.
      const vrij = await push([
        wijziging(
          k.pro.id,
          'toewijzingen',
          randomUUID(),
          toewijzing({
            actieplanId: k.id.planZonder,
            zorgprofielId: null,
            productId: k.id.vrij,
            aanbiederId: k.id.anderProfiel,
          }),
        ),
      ]);
      expect(vrij.statusCode, vrij.body).toBe(200);
      // Waiting for approval it commits nothing yet: checked when it is decided.
      const wacht = randomUUID();
      const teAccorderen = await push([
        wijziging(
          k.pro.id,
          'toewijzingen',
          wacht,
          toewijzing({ productId: k.id.licht, status: 'ter_accordering' }),
        ),
      ]);
      expect(teAccorderen.statusCode, teAccorderen.body).toBe(200);
      const besluit = await push([
        wijziging(k.pro.id, 'toewijzingen', wacht, { status: 'toegewezen' }),
      ]);
      expect(besluit.json()).toMatchObject({ regel: 'toewijzing-keuze' });
      // A running toewijzing edited: its end moves (no new choice), then its product is swapped.
      expect(
        (await push([wijziging(k.pro.id, 'toewijzingen', rijId, { einddatum: '2027-01-31' })]))
          .statusCode,
      ).toBe(200);
      const voor = await stand();
      const ruil = await push([
        wijziging(k.pro.id, 'toewijzingen', rijId, { productId: k.id.licht }),
      ]);
      expect(ruil.json()).toMatchObject({ code: 'regel-geschonden', regel: 'toewijzing-keuze' });
      expect(await stand()).toBe(voor);
    });
  },
);
