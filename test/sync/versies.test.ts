/**
 * Two laptops fixing plan versions concurrently, three rounds, with signatures and consent:
 * does every signature and consent stay on the version the family saw, on every laptop, and do
 * gezinsplan.ophalen, toestemming.versie and the dossier timeline agree?
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schrijfLijnen } from '../../shared/handtekening';
import {
  maakAccount,
  maakOmgeving,
  maakTeam,
  type Account,
  type Omgeving,
} from '../helpers/dienst-omgeving';
import { gedeeldGezin, maakKern, type Kern } from '../helpers/sync-kern';

const krabbel = schrijfLijnen([
  Array.from({ length: 40 }, (_, i) => [20 + i * 12, 120 + Math.sin(i / 3) * 40] as const),
]);

type Plan = {
  versie: number;
  inhoud: { eigenWoorden: string };
  versies: { versie: number; inhoud: { eigenWoorden: string } }[];
  handtekeningen: { versie: number; naam: string }[];
  toestemming: { versie: number; door: string } | null;
  ondertekening: string;
};

describe('concurrent versions with signatures (pglite)', () => {
  let omgeving: Omgeving;
  let accounts: Account[];
  beforeAll(async () => {
    omgeving = await maakOmgeving('pglite');
    const team = await maakTeam(omgeving.store, 'Team V');
    accounts = [
      await maakAccount(omgeving.store, 'jeugdprofessional', team),
      await maakAccount(omgeving.store, 'jeugdprofessional', team),
    ];
  }, 120_000);
  afterAll(() => omgeving?.sluit());

  for (const scheefA of [0, 86_400_000])
    it(`three rounds of concurrent fixing, signing and consent (A's clock ahead ${scheefA} ms)`, async () => {
      const a = await maakKern(omgeving, accounts[0]!);
      const b = await maakKern(omgeving, accounts[1]!);
      const gezinId = await gedeeldGezin(a, b, `Familie Versie ${scheefA}`);
      a.call('gezinsplan.vastleggen', { gezinId });
      await a.sync();
      await b.sync();
      const plan = (k: Kern) => k.call('gezinsplan.ophalen', { gezinId }) as Plan;
      /** Signer name -> the text the family saw when signing. */
      const gezien = new Map<string, string>();
      for (let ronde = 1; ronde <= 3; ronde++) {
        a.scheef.ms = scheefA;
        for (const [k, wie] of [
          [a, 'A'],
          [b, 'B'],
        ] as const) {
          const tekst = `Plan van ${wie} in ronde ${ronde}`;
          k.call('gezinsplan.opslaan', { gezinId, eigenWoorden: tekst });
          k.call('gezinsplan.vastleggen', { gezinId });
          const naam = `Ouder ${wie}${ronde}`;
          if (wie === 'A')
            k.call('gezinsplan.ondertekenen', { gezinId, naam, rol: 'ouder', lijnen: krabbel });
          else k.call('gezinsplan.toestemming', { gezinId, door: naam });
          gezien.set(naam, tekst);
        }
        for (let i = 0; i < 2; i++) for (const k of [a, b]) await k.sync();
        a.scheef.ms = 0;
        for (let i = 0; i < 2; i++) for (const k of [a, b]) await k.sync();
        // Resolve the eigenWoorden conflict so the next round starts from one text.
        const overzicht = a.call('sync.overzicht', {}) as {
          conflicten: { tabel: string; rijId: string; veld: string }[];
        };
        for (const c of overzicht.conflicten)
          a.call('sync.oplossen', {
            tabel: c.tabel,
            rijId: c.rijId,
            veld: c.veld,
            waarde: `Samen ${ronde}`,
          });
        for (let i = 0; i < 2; i++) for (const k of [a, b]) await k.sync();
      }
      for (const k of [a, b])
        expect(k.core.sync.status()).toMatchObject({ fout: null, wachtend: 0, quarantaine: 0 });
      const pa = plan(a);
      const pb = plan(b);
      expect(pb.versies).toEqual(pa.versies);
      expect(pb.handtekeningen).toEqual(pa.handtekeningen);
      expect(pb.toestemming).toEqual(pa.toestemming);
      expect(pa.versies.map((v) => v.versie)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      for (const p of [pa, pb]) {
        for (const h of p.handtekeningen)
          expect(p.versies.find((v) => v.versie === h.versie)?.inhoud.eigenWoorden).toBe(
            gezien.get(h.naam),
          );
        const t = p.toestemming!;
        expect(p.versies.find((v) => v.versie === t.versie)?.inhoud.eigenWoorden).toBe(
          gezien.get(t.door),
        );
      }
      for (const k of [a, b]) {
        const dossier = k.call('gezin.dossier', { gezinId }) as {
          tijdlijn: { soort: string; tekst: string }[];
        };
        const toe = dossier.tijdlijn.filter((e) => e.soort === 'toestemming');
        expect(toe.map((e) => e.tekst)).toEqual([
          `Toestemming voor versie ${pa.toestemming!.versie} door ${pa.toestemming!.door}`,
        ]);
        expect(dossier.tijdlijn.filter((e) => e.soort === 'gezinsplan')).toHaveLength(7);
      }
      a.core.close();
      b.core.close();
    });
});
