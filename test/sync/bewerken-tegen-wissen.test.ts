/**
 * Edit against delete on other tables with free text (issue 21: "an edit against a delete is
 * shown as a conflict with 'herstellen'"), and resolving one on both laptops at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  maakAccount,
  maakOmgeving,
  maakTeam,
  type Account,
  type Omgeving,
} from '../helpers/dienst-omgeving';
import { gedeeldGezin, maakKern, type Kern } from '../helpers/sync-kern';

type Overzicht = {
  conflicten: {
    tabel: string;
    rijId: string;
    veld: string;
    verwijderd: boolean;
    versies: { waarde: string | null }[];
  }[];
  geweigerd: unknown[];
  quarantaine: unknown[];
};
const overzicht = (k: Kern) => k.call('sync.overzicht', {}) as Overzicht;

describe('edit against delete (pglite)', () => {
  let omgeving: Omgeving;
  let accounts: Account[];
  beforeAll(async () => {
    omgeving = await maakOmgeving('pglite');
    const team = await maakTeam(omgeving.store, 'Team W');
    accounts = [
      await maakAccount(omgeving.store, 'jeugdprofessional', team),
      await maakAccount(omgeving.store, 'jeugdprofessional', team),
    ];
  }, 120_000);
  afterAll(() => omgeving?.sluit());

  async function rondes(...k: Kern[]) {
    for (let i = 0; i < 2; i++) for (const x of k) await x.sync();
  }

  it("netwerklid without a role: deleted on A while B writes its role offline: B's text is a conflict, not gone", async () => {
    const a = await maakKern(omgeving, accounts[0]!);
    const b = await maakKern(omgeving, accounts[1]!);
    const gezinId = await gedeeldGezin(a, b, 'Familie Netwerk');
    const { id } = a.call('netwerklid.opslaan', { gezinId, naam: 'Oma Truus', relatie: 'oma' }) as {
      id: string;
    };
    await rondes(a, b);
    a.call('netwerklid.verwijderen', { id });
    b.call('netwerklid.opslaan', {
      gezinId,
      id,
      naam: 'Oma Truus',
      relatie: 'oma',
      rolInPlan: 'Haalt de kinderen elke dinsdag en donderdag uit school',
    });
    await rondes(a, b);
    for (const k of [a, b]) {
      const c = overzicht(k).conflicten.filter((x) => x.rijId === id);
      // Expected: shown as a conflict with herstellen; B's text must not vanish with the row.
      expect(c.flatMap((x) => x.versies.map((v) => v.waarde))).toContain(
        'Haalt de kinderen elke dinsdag en donderdag uit school',
      );
    }
    a.core.close();
    b.core.close();
  });

  it('bezoek deleted on A while B rewrites its onderwerp: a conflict on both, restorable', async () => {
    const a = await maakKern(omgeving, accounts[0]!);
    const b = await maakKern(omgeving, accounts[1]!);
    const gezinId = await gedeeldGezin(a, b, 'Familie Bezoek');
    const bezoek = {
      gezinId,
      soort: 'huisbezoek',
      op: '2026-12-01T10:00',
      duurMinuten: 60,
      onderwerp: 'Kennismaking',
    };
    const { id } = a.call('bezoek.plannen', bezoek) as { id: string };
    await rondes(a, b);
    a.call('bezoek.verwijderen', { id });
    b.call('bezoek.plannen', { ...bezoek, id, onderwerp: 'Kennismaking met school en oma erbij' });
    await rondes(a, b);
    for (const k of [a, b]) {
      const c = overzicht(k).conflicten.find((x) => x.rijId === id);
      expect(c).toMatchObject({ veld: 'onderwerp', verwijderd: true });
    }
    a.core.close();
    b.core.close();
  });

  it('a deleted-row conflict resolved on both laptops at once (verwijderd laten vs herstellen): converges, nothing lost', async () => {
    const a = await maakKern(omgeving, accounts[0]!);
    const b = await maakKern(omgeving, accounts[1]!);
    const gezinId = await gedeeldGezin(a, b, 'Familie Tegelijk');
    const { id } = a.call('afspraak.opslaan', { gezinId, wat: 'Bellen', wie: 'Vader' }) as {
      id: string;
    };
    await rondes(a, b);
    a.call('afspraak.verwijderen', { id });
    b.call('afspraak.opslaan', { gezinId, id, wat: 'Bellen met de school', wie: 'Vader' });
    await rondes(a, b);
    // Both resolve at the same time, offline.
    a.call('sync.oplossen', { tabel: 'afspraken', rijId: id, veld: 'wat', waarde: 'Bellen' });
    b.call('sync.oplossen', {
      tabel: 'afspraken',
      rijId: id,
      veld: 'wat',
      waarde: 'Bellen met de school',
      herstellen: true,
    });
    await rondes(a, b);
    await rondes(a, b);
    for (const k of [a, b])
      expect(k.core.sync.status()).toMatchObject({ fout: null, wachtend: 0, quarantaine: 0 });
    const zicht = (k: Kern) => ({
      afspraken: (
        k.call('gezinsplan.ophalen', { gezinId }) as { inhoud: { afspraken: { wat: string }[] } }
      ).inhoud.afspraken.map((x) => x.wat),
      conflicten: overzicht(k)
        .conflicten.filter((x) => x.rijId === id)
        .map((x) => x.versies.map((v) => v.waarde).sort()),
    });
    expect(zicht(b)).toEqual(zicht(a));
    // B's restored text is either shown or still a conflict: not silently gone.
    const z = zicht(a);
    expect([...z.afspraken, ...z.conflicten.flat()]).toContain('Bellen met de school');
    a.core.close();
    b.core.close();
  });

  it('both restore with different texts at once: converges', async () => {
    const a = await maakKern(omgeving, accounts[0]!);
    const b = await maakKern(omgeving, accounts[1]!);
    const gezinId = await gedeeldGezin(a, b, 'Familie Tweemaal Herstel');
    const { id } = a.call('afspraak.opslaan', { gezinId, wat: 'Sporten', wie: 'Emre' }) as {
      id: string;
    };
    await rondes(a, b);
    a.call('afspraak.verwijderen', { id });
    b.call('afspraak.opslaan', { gezinId, id, wat: 'Sporten bij de club', wie: 'Emre' });
    await rondes(a, b);
    a.call('sync.oplossen', {
      tabel: 'afspraken',
      rijId: id,
      veld: 'wat',
      waarde: 'Sporten (A)',
      herstellen: true,
    });
    b.call('sync.oplossen', {
      tabel: 'afspraken',
      rijId: id,
      veld: 'wat',
      waarde: 'Sporten (B)',
      herstellen: true,
    });
    await rondes(a, b);
    await rondes(a, b);
    for (const k of [a, b]) expect(k.core.sync.status()).toMatchObject({ fout: null, wachtend: 0 });
    for (const k of [a, b]) {
      const c = overzicht(k).conflicten.find((x) => x.rijId === id);
      expect(c?.verwijderd).toBe(false);
      expect(c?.versies.map((v) => v.waarde).sort()).toEqual(['Sporten (A)', 'Sporten (B)']);
    }
    a.core.close();
    b.core.close();
  });
});
