/**
 * Issue 21: ordinary offline work never stops a team's sync. Real cores (the app's own use
 * cases, as the hosts call them) on their own encrypted stores, against the real service on
 * PGlite and on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gezinnen, gezinsplanDomeinen } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { ChangeWriter } from '../../core/writer';
import { HlcClock } from '../../shared/hlc';
import { GeenVerbinding } from '../../core/sync/transport';
import { gedeeldGezin, maakKern, type Kern } from '../helpers/sync-kern';
import {
  maakAccount,
  maakOmgeving,
  maakTeam,
  WACHTWOORD,
  type Account,
  type Omgeving,
} from '../helpers/dienst-omgeving';

describe.each(['pglite', 'postgresql'] as const)('a team keeps syncing on %s', (soort) => {
  let omgeving: Omgeving;
  let team: string;
  let accounts: Account[];
  let anderTeam: string;
  let nieuw: Account;

  beforeAll(async () => {
    omgeving = await maakOmgeving(soort);
    team = await maakTeam(omgeving.store, 'Jeugdteam Papendrecht');
    accounts = [];
    for (let i = 0; i < 3; i++)
      accounts.push(await maakAccount(omgeving.store, 'jeugdprofessional', team));
    anderTeam = await maakTeam(omgeving.store, 'Jeugdteam Alblasserdam');
    nieuw = await maakAccount(omgeving.store, 'jeugdprofessional', anderTeam);
  }, 120_000);
  afterAll(() => omgeving?.sluit());

  it('two offline fills of one new leefdomein and two offline plan versions: both kept, the team goes on', async () => {
    const a = await maakKern(omgeving, accounts[0]!);
    const b = await maakKern(omgeving, accounts[1]!);
    const gezinId = await gedeeldGezin(a, b, 'Familie Demir');
    a.call('gezinsplan.vastleggen', { gezinId });
    await a.sync();
    await b.sync();

    // Both offline: the same new leefdomein, and each a new version (both would be "2").
    a.call('gezinsplan.opslaan', {
      gezinId,
      domeinen: [{ domein: 'opvoeden_opgroeien', situatie: 'Tekst van A', doel: 'Doel van A' }],
    });
    b.call('gezinsplan.opslaan', {
      gezinId,
      domeinen: [{ domein: 'opvoeden_opgroeien', situatie: 'Tekst van B', doel: 'Doel van B' }],
    });
    expect((a.call('gezinsplan.vastleggen', { gezinId }) as { versie: number }).versie).toBe(2);
    expect((b.call('gezinsplan.vastleggen', { gezinId }) as { versie: number }).versie).toBe(2);

    for (let ronde = 0; ronde < 2; ronde++) for (const k of [a, b]) await k.sync();
    for (const k of [a, b])
      expect(k.core.sync.status()).toMatchObject({ fout: null, wachtend: 0, geweigerd: 0 });

    // The concurrently filled leefdomein: one row, both texts as a conflict on both laptops.
    for (const k of [a, b]) {
      const overzicht = k.call('sync.overzicht', {}) as {
        conflicten: { veld: string; versies: { waarde: string | null }[] }[];
      };
      const situatie = overzicht.conflicten.find((c) => c.veld === 'situatie');
      expect(situatie?.versies.map((v) => v.waarde).sort()).toEqual(['Tekst van A', 'Tekst van B']);
      const plan = k.call('gezinsplan.ophalen', { gezinId }) as {
        inhoud: { domeinen: { domein: string }[] };
        versies: { versie: number }[];
      };
      expect(plan.inhoud.domeinen.filter((d) => d.domein === 'opvoeden_opgroeien')).toHaveLength(1);
      // Both fixed versions kept, numbered distinctly, the same on every laptop.
      expect(plan.versies.map((v) => v.versie)).toEqual([1, 2, 3]);
    }
    const versiesA = (a.call('gezinsplan.ophalen', { gezinId }) as { versies: unknown[] }).versies;
    const versiesB = (b.call('gezinsplan.ophalen', { gezinId }) as { versies: unknown[] }).versies;
    expect(versiesB).toEqual(versiesA);

    // A later unrelated edit arrives.
    a.call('gezinsplan.opslaan', { gezinId, eigenWoorden: 'Later, los daarvan' });
    await a.sync();
    await b.sync();
    expect(
      (b.call('gezinsplan.ophalen', { gezinId }) as { inhoud: { eigenWoorden: string } }).inhoud
        .eigenWoorden,
    ).toBe('Later, los daarvan');

    // A new laptop's first sync gets every family.
    const c = await maakKern(omgeving, accounts[2]!);
    await c.sync();
    expect(c.core.sync.status()).toMatchObject({ fout: null });
    const lijst = c.call('gezinnen.lijst', {}) as { gezinnen?: { id: string }[] } | unknown[];
    const ids = (Array.isArray(lijst) ? lijst : (lijst.gezinnen ?? [])) as { id: string }[];
    expect(ids.map((g) => g.id)).toContain(gezinId);
    for (const k of [a, b, c]) k.core.close();
  });

  it('a clock that ran a day ahead: fixed, it syncs at once; still wrong, it syncs by the service and says so', async () => {
    const a = await maakKern(omgeving, accounts[0]!);
    const b = await maakKern(omgeving, accounts[1]!);
    const gezinId = await gedeeldGezin(a, b, 'Familie Klok');
    const plan = (k: Kern) =>
      k.call('gezinsplan.ophalen', { gezinId }) as {
        inhoud: { eigenWoorden: string; afspraken: { wat: string }[] };
      };

    // Offline with the clock a day ahead: two edits, the second on top of the first.
    a.scheef.ms = 86_400_000;
    a.call('gezinsplan.opslaan', { gezinId, eigenWoorden: 'Met de klok een dag vooruit' });
    a.call('gezinsplan.opslaan', { gezinId, eigenWoorden: 'En daarna nog eens' });
    b.call('afspraak.opslaan', { gezinId, wat: 'Schoolgesprek', wie: 'Moeder' });
    await b.sync();

    // The clock is put right: the next sync sends the work and brings the colleague's.
    a.scheef.ms = 0;
    expect(await a.sync()).toMatchObject({ fout: null, wachtend: 0, waarschuwing: null });
    expect(plan(a).inhoud.afspraken.map((x) => x.wat)).toContain('Schoolgesprek');
    await b.sync();
    expect(plan(b).inhoud.eigenWoorden).toBe('En daarna nog eens');

    // Still a day ahead: sync works by the service's time, and the laptop says the clock is off.
    a.scheef.ms = 86_400_000;
    a.call('gezinsplan.opslaan', { gezinId, eigenWoorden: 'Weer met de klok vooruit' });
    const status = await a.sync();
    expect(status).toMatchObject({ fout: null, wachtend: 0 });
    expect(status.waarschuwing).toMatch(/loopt ongeveer 24 uur voor/);
    await b.sync();
    expect(plan(b).inhoud.eigenWoorden).toBe('Weer met de klok vooruit');
    // A colleague's later edit is not outranked by the clock that runs ahead.
    b.call('gezinsplan.opslaan', { gezinId, eigenWoorden: 'Collega, later' });
    await b.sync();
    await a.sync();
    expect(plan(a).inhoud.eigenWoorden).toBe('Collega, later');
    a.scheef.ms = 0;
    expect((await a.sync()).waarschuwing).toBeNull();
    for (const k of [a, b]) k.core.close();
  });

  it('a push stored but its answer lost, then a clock far ahead: the stored change is not sent again under a new stamp', async () => {
    // The first push reaches the service and is stored; its answer never comes back.
    let verliesAntwoord = false;
    const a = await maakKern(omgeving, accounts[0]!, (t) => async (verzoek) => {
      const antwoord = await t(verzoek);
      if (verliesAntwoord && verzoek.pad === '/sync/push') {
        verliesAntwoord = false;
        throw new GeenVerbinding();
      }
      return antwoord;
    });
    const b = await maakKern(omgeving, accounts[1]!);
    const gezinId = await gedeeldGezin(a, b, 'Familie Verloren');

    // Four minutes ahead: within what the service takes, past half of it.
    a.scheef.ms = 4 * 60_000;
    a.call('afspraak.opslaan', { gezinId, wat: 'Eerste, opgeslagen', wie: 'Moeder' });
    verliesAntwoord = true;
    expect(await a.sync()).toMatchObject({ wachtend: 1 });

    // Then a day ahead: this change is refused for its stamp and stamped anew.
    a.scheef.ms = 86_400_000;
    a.call('afspraak.opslaan', { gezinId, wat: 'Tweede, klok vooruit', wie: 'Moeder' });
    expect(await a.sync()).toMatchObject({ fout: null, wachtend: 0, geweigerd: 0 });
    await b.sync();
    const plan = b.call('gezinsplan.ophalen', { gezinId }) as {
      inhoud: { afspraken: { wat: string }[] };
    };
    expect(plan.inhoud.afspraken.map((x) => x.wat).sort()).toEqual([
      'Eerste, opgeslagen',
      'Tweede, klok vooruit',
    ]);
    a.scheef.ms = 0;
    await a.sync();
    const { conflicten } = a.call('sync.overzicht', {}) as { conflicten: { gezinId: string }[] };
    expect(conflicten.filter((c) => c.gezinId === gezinId)).toEqual([]);
    for (const k of [a, b]) k.core.close();
  });

  it('an agreement deleted on one laptop and rewritten on another: a conflict on both, restorable', async () => {
    const a = await maakKern(omgeving, accounts[0]!);
    const b = await maakKern(omgeving, accounts[1]!);
    const gezinId = await gedeeldGezin(a, b, 'Familie Wis');
    const { id } = a.call('afspraak.opslaan', { gezinId, wat: 'Bellen', wie: 'Vader' }) as {
      id: string;
    };
    await a.sync();
    await b.sync();

    a.call('afspraak.verwijderen', { id });
    b.call('afspraak.opslaan', { gezinId, id, wat: 'Herschreven tekst', wie: 'Vader' });
    for (let ronde = 0; ronde < 2; ronde++) for (const k of [a, b]) await k.sync();

    type Overzicht = {
      conflicten: {
        rijId: string;
        veld: string;
        verwijderd: boolean;
        versies: { waarde: string | null }[];
      }[];
    };
    for (const k of [a, b]) {
      const c = (k.call('sync.overzicht', {}) as Overzicht).conflicten.find((x) => x.rijId === id);
      expect(c).toMatchObject({ veld: 'wat', verwijderd: true });
      expect(c!.versies.map((v) => v.waarde)).toContain('Herschreven tekst');
    }
    // The same with text that was still empty when the row was deleted (a netwerklid's role).
    const { id: lidId } = a.call('netwerklid.opslaan', {
      gezinId,
      naam: 'Oma Truus',
      relatie: 'grootmoeder',
    }) as { id: string };
    await a.sync();
    await b.sync();
    a.call('netwerklid.verwijderen', { id: lidId });
    b.call('netwerklid.opslaan', {
      gezinId,
      id: lidId,
      naam: 'Oma Truus',
      relatie: 'grootmoeder',
      rolInPlan: 'Haalt de kinderen dinsdag op',
    });
    for (let ronde = 0; ronde < 2; ronde++) for (const k of [a, b]) await k.sync();
    for (const k of [a, b]) {
      const c = (k.call('sync.overzicht', {}) as Overzicht).conflicten.find(
        (x) => x.rijId === lidId,
      );
      expect(c).toMatchObject({ veld: 'rolInPlan', verwijderd: true });
      expect(c!.versies.map((v) => v.waarde)).toContain('Haalt de kinderen dinsdag op');
    }

    b.call('sync.oplossen', {
      tabel: 'afspraken',
      rijId: id,
      veld: 'wat',
      waarde: 'Herschreven tekst',
      herstellen: true,
    });
    await b.sync();
    await a.sync();
    for (const k of [a, b]) {
      const plan = k.call('gezinsplan.ophalen', { gezinId }) as {
        inhoud: { afspraken: { wat: string }[] };
      };
      expect(plan.inhoud.afspraken.map((x) => x.wat)).toEqual(['Herschreven tekst']);
      expect(
        (k.call('sync.overzicht', {}) as Overzicht).conflicten.filter((x) => x.rijId === id),
      ).toEqual([]);
    }
    for (const k of [a, b]) k.core.close();
  });

  it('a row a laptop cannot store waits in quarantine, shown with its text; the rest goes on', async () => {
    const a = await maakKern(omgeving, accounts[0]!);
    const b = await maakKern(omgeving, accounts[1]!);
    const gezinId = await gedeeldGezin(a, b, 'Familie Oud');
    const { id: planId } = a.call('gezinsplan.ophalen', { gezinId }) as { id: string };
    // An older Eenplan on laptop A still made leefdomein rows with a random id.
    const oud = new ChangeWriter(a.store.sqlite, new HlcClock('oudeversie'), a.account.id);
    inTransaction(a.store.sqlite, () =>
      oud.insert(gezinsplanDomeinen, {
        planId,
        domein: 'onderwijs',
        situatie: 'Tekst uit de oude versie',
        doel: '',
      }),
    );
    b.call('gezinsplan.opslaan', {
      gezinId,
      domeinen: [{ domein: 'onderwijs', situatie: 'Tekst van B', doel: '' }],
    });
    await a.sync();
    for (let ronde = 0; ronde < 2; ronde++)
      for (const k of [b, a])
        expect(await k.sync()).toMatchObject({ fout: null, wachtend: 0, quarantaine: 1 });
    for (const k of [a, b]) {
      const { quarantaine } = k.call('sync.overzicht', {}) as {
        quarantaine: { onderdeel: string; gezinNaam: string; teksten: { tekst: string }[] }[];
      };
      expect(quarantaine).toHaveLength(1);
      expect(quarantaine[0]).toMatchObject({ onderdeel: 'Leefdomein', gezinNaam: 'Familie Oud' });
      expect(quarantaine[0]!.teksten.map((t) => t.tekst)).toContain(
        k === a ? 'Tekst van B' : 'Tekst uit de oude versie',
      );
    }
    // The service knows what is stuck where: one row on each laptop.
    const beheer = await maakAccount(omgeving.store, 'beheerder', null);
    const beheerToken = (
      await omgeving.app.inject({
        method: 'POST',
        url: '/auth/aanmelden',
        payload: { email: beheer.email, wachtwoord: WACHTWOORD, apparaat: { naam: 'Beheer' } },
      })
    ).json().toegangstoken as string;
    const gemeld = (
      await omgeving.app.inject({
        method: 'GET',
        url: '/beheer/quarantaine',
        headers: { authorization: `Bearer ${beheerToken}` },
      })
    ).json() as { meldingen: { gebruikerId: string; tabel: string; reden: string }[] };
    expect(gemeld.meldingen.map((m) => m.gebruikerId).sort()).toEqual(
      [a.account.id, b.account.id].sort(),
    );
    expect(gemeld.meldingen.every((m) => m.tabel === 'gezinsplan_domeinen')).toBe(true);
    expect(gemeld.meldingen[0]!.reden).toMatch(/al een ander record/);

    // Later edits still arrive.
    a.call('gezinsplan.opslaan', { gezinId, eigenWoorden: 'Gaat gewoon door' });
    await a.sync();
    await b.sync();
    expect(
      (b.call('gezinsplan.ophalen', { gezinId }) as { inhoud: { eigenWoorden: string } }).inhoud
        .eigenWoorden,
    ).toBe('Gaat gewoon door');
    for (const k of [a, b]) k.core.close();
  });
  it('text typed offline for a family that moved meanwhile: kept and shown on the laptop, and sent to the new regisseur', async () => {
    const a = await maakKern(omgeving, accounts[0]!);
    const b = await maakKern(omgeving, accounts[1]!);
    const gezinId = await gedeeldGezin(a, b, 'Familie Verhuisd');
    const { id: afspraakId } = a.call('afspraak.opslaan', {
      gezinId,
      wat: 'Huisbezoek',
      wie: 'Regisseur',
    }) as { id: string };
    await a.sync();
    await b.sync();

    // B works offline on the plan; meanwhile A moves the family to the other team.
    b.call('gezinsplan.opslaan', { gezinId, eigenWoorden: 'Wat moeder vertelde bij het bezoek' });
    b.call('afspraak.opslaan', {
      gezinId,
      id: afspraakId,
      wat: 'Huisbezoek met de school erbij',
      wie: 'Regisseur',
    });
    const verhuizer = new ChangeWriter(a.store.sqlite, new HlcClock('verhuizing'), a.account.id);
    inTransaction(a.store.sqlite, () =>
      verhuizer.update(gezinnen, gezinId, { teamId: anderTeam, regisseurId: nieuw.id }),
    );
    await a.sync();

    // B's texts are refused for the old team, and kept on B's laptop in full.
    const status = await b.sync();
    expect(status).toMatchObject({ wachtend: 0, geweigerd: 2 });
    const { geweigerd } = b.call('sync.overzicht', {}) as {
      geweigerd: { teksten: { veld: string; tekst: string }[]; reden: string }[];
    };
    expect(geweigerd.flatMap((g) => g.teksten.map((t) => t.tekst)).sort()).toEqual([
      'Huisbezoek met de school erbij',
      'Wat moeder vertelde bij het bezoek',
    ]);
    expect(geweigerd[0]!.reden).toMatch(/ander team/);
    // The family left B's laptop; the next rounds go on without an error.
    expect(await b.sync()).toMatchObject({ fout: null });

    // The new regisseur gets both texts as signals.
    const c = await maakKern(omgeving, nieuw);
    await c.sync();
    const { signalen } = c.call('taken.lijst', {}) as {
      signalen: { soort: string; gezinId: string; tekst: string }[];
    };
    const doorgestuurd = signalen.filter((s) => s.soort === 'tekst_doorgestuurd');
    expect(doorgestuurd.every((s) => s.gezinId === gezinId)).toBe(true);
    expect(doorgestuurd.map((s) => s.tekst).sort()).toEqual([
      expect.stringContaining('(Afspraak: Wat): "Huisbezoek met de school erbij"'),
      expect.stringContaining(
        '(Gezinsplan: In eigen woorden): "Wat moeder vertelde bij het bezoek"',
      ),
    ]);
    expect(doorgestuurd[0]!.tekst).toMatch(/^Tekst van Test jeugdprofessional/);
    for (const k of [a, b, c]) k.core.close();
  });
});
