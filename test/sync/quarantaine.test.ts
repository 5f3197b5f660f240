/**
 * Quarantine (ADR 0003): rows a laptop cannot store for other reasons, and abuse of
 * POST /sync/quarantaine.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  gemeenteVanTeam,
  maakAccount,
  maakOmgeving,
  maakTeam,
  zaaiReferentie,
  type Account,
  type Omgeving,
} from '../helpers/dienst-omgeving';
import { rijenIn } from '../../server/sync/pull';
import { REFERENTIE_SCOPE } from '../../db/sync-tabellen';
import { uitOpslag, waardenVan } from '../../shared/sync/rij';
import { HlcClock } from '../../shared/hlc';
import { gedeeldGezin, maakKern, tokenVan, type Kern } from '../helpers/sync-kern';

const gezinIds = (k: Kern) => {
  const lijst = k.call('gezinnen.lijst', {}) as { gezinnen?: { id: string }[] } | { id: string }[];
  return (Array.isArray(lijst) ? lijst : (lijst.gezinnen ?? [])).map((g) => g.id);
};

describe('a reference row with a duplicate unique code (pglite)', () => {
  let omgeving: Omgeving;
  let team: string;
  let accounts: Account[];
  beforeAll(async () => {
    omgeving = await maakOmgeving('pglite');
    team = await maakTeam(omgeving.store, 'Team Q');
    accounts = [
      await maakAccount(omgeving.store, 'jeugdprofessional', team),
      await maakAccount(omgeving.store, 'jeugdprofessional', team),
    ];
  }, 120_000);
  afterAll(() => omgeving?.sluit());

  it("a team moved to a gemeente whose code is a duplicate: the team's caseload stays usable", async () => {
    const a = await maakKern(omgeving, accounts[0]!);
    const b = await maakKern(omgeving, accounts[1]!);
    const gezinId = await gedeeldGezin(a, b, 'Familie Fusie');
    expect(gezinIds(a)).toContain(gezinId);
    // Beheerder: a municipal merger; the new gemeente gets (by mistake) an existing code.
    const oud = await gemeenteVanTeam(omgeving.store, team);
    const [oudRij] = (await rijenIn(omgeving.store.db, REFERENTIE_SCOPE, ['gemeenten'])).filter(
      (r) => r.rijId === oud,
    );
    const code = waardenVan(uitOpslag(oudRij!.registers)).waarden.code as string;
    const nieuw = randomUUID();
    await zaaiReferentie(omgeving.store, 'gemeenten', [
      { id: nieuw, code, naam: 'Fusiegemeente', inwoners: 80_000, jeugdigen: 16_000 },
    ]);
    await zaaiReferentie(omgeving.store, 'teams', [
      { id: team, naam: 'Team Q', gemeenteId: nieuw },
    ]);
    for (let i = 0; i < 2; i++) for (const k of [a, b]) await k.sync();
    if (process.env.BREEK_DEBUG) {
      for (let i = 0; i < 3; i++)
        console.log(
          'ronde',
          JSON.stringify((await a.sync()).fout),
          a.core.sync.status().quarantaine,
        );
      try {
        await a.core.sync.synchroniseer();
      } catch (e) {
        console.log('fout', e, (e as Error).stack);
      }
      console.log(JSON.stringify(a.call('sync.overzicht', {})).slice(0, 3000));
      console.log('gezinnen', gezinIds(a).length);
    }
    const status = a.core.sync.status();
    const { quarantaine } = a.call('sync.overzicht', {}) as { quarantaine: { tabel: string }[] };
    // Expected: the duplicate gemeente (and at most the team row) waits in quarantine; the
    // families, colleagues and plans stay on the laptop and the user can go on working.
    expect({
      fout: status.fout,
      quarantaineTabellen: [...new Set(quarantaine.map((q) => q.tabel))],
    }).toEqual({
      fout: null,
      quarantaineTabellen: expect.not.arrayContaining(['gezinnen']),
    });
    expect(gezinIds(a)).toContain(gezinId);
    expect(status.quarantaine).toBeLessThanOrEqual(2);
    const nieuwGezin = a.probeer('gezin.aanmaken', {
      naam: 'Familie Na Fusie',
      adres: 'Kerkstraat 1',
      postcode: '3351 AB',
      woonplaats: 'Papendrecht',
      leden: [{ rol: 'ouder', voornaam: 'Piet', achternaam: 'Na', geboortedatum: '1980-01-01' }],
    });
    expect(nieuwGezin.ok).toBe(true);
    a.core.close();
    b.core.close();
  });

  it('a NEW laptop of that team after the mistake: its first sync keeps the caseload usable', async () => {
    const c = await maakKern(omgeving, accounts[1]!);
    const status = await c.sync();
    const overzicht = c.probeer('sync.overzicht', {});
    const lijst = c.probeer('gezinnen.lijst', {});
    // Expected: no error, the user can sign in to the profile and sees the team's families.
    expect({
      fout: status.fout,
      overzicht: overzicht.ok ? 'ok' : overzicht.error?.message,
      gezinnen: lijst.ok ? 'ok' : lijst.error?.message,
      quarantaineTeGroot: status.quarantaine > 2,
    }).toEqual({ fout: null, overzicht: 'ok', gezinnen: 'ok', quarantaineTeGroot: false });
    c.core.close();
  });
});

describe('duplicate AGB code (pglite, own service)', () => {
  let omgeving: Omgeving;
  let accounts: Account[];
  beforeAll(async () => {
    omgeving = await maakOmgeving('pglite');
    const team = await maakTeam(omgeving.store, 'Team AGB');
    accounts = [await maakAccount(omgeving.store, 'jeugdprofessional', team)];
  }, 120_000);
  afterAll(() => omgeving?.sluit());

  it('a duplicate aanbieder AGB code pushed by a beheerder: a new laptop stores both (the service is where codes are kept unique)', async () => {
    const agb = `${Math.floor(Math.random() * 1e8)}`.padStart(8, '0');
    const [x, y] = [randomUUID(), randomUUID()];
    const aanbieder = (id: string, naam: string, agbCode: string) => ({
      id,
      naam,
      agbCode,
      plaats: 'Dordrecht',
      budgetplafondCents: 100_000,
    });
    try {
      await zaaiReferentie(omgeving.store, 'aanbieders', [
        aanbieder(x, 'Zorg X', agb),
        aanbieder(y, 'Zorg Y', agb),
      ]);
    } catch (e) {
      // The service refusing the duplicate is also fine.
      expect(String(e)).toMatch(/agb|uniek|al/i);
      return;
    }
    const c = await maakKern(omgeving, accounts[0]!);
    expect(await c.sync()).toMatchObject({ fout: null, quarantaine: 0 });
    const namen = c.store.sqlite
      .prepare('SELECT naam FROM aanbieders WHERE agb_code = ? ORDER BY naam')
      .pluck()
      .all(agb);
    expect(namen).toEqual(['Zorg X', 'Zorg Y']);
    // The beheerder fixes it: the laptop follows.
    await zaaiReferentie(omgeving.store, 'aanbieders', [{ id: y, agbCode: `${agb.slice(0, 7)}9` }]);
    expect(await c.sync()).toMatchObject({ fout: null, quarantaine: 0 });
    c.core.close();
  });
});

describe('POST /sync/quarantaine and pushes with odd bytes (postgresql)', () => {
  let omgeving: Omgeving;
  let team: string;
  let account: Account;
  let ander: Account;
  beforeAll(async () => {
    omgeving = await maakOmgeving('postgresql');
    team = await maakTeam(omgeving.store, 'Team NUL');
    account = await maakAccount(omgeving.store, 'jeugdprofessional', team);
    ander = await maakAccount(omgeving.store, 'jeugdprofessional', team);
  }, 120_000);
  afterAll(() => omgeving?.sluit());

  it('a report with a NUL byte is refused as bad input (4xx), not a server error', async () => {
    const token = await tokenVan(omgeving, account);
    const res = await omgeving.app.inject({
      method: 'POST',
      url: '/sync/quarantaine',
      headers: { authorization: `Bearer ${token}` },
      payload: { regels: [{ tabel: 'gezinnen', rijId: 'abc\u0000def', reden: 'kapot\u0000' }] },
    });
    expect(res.statusCode).toBeLessThan(500);
  });

  it('a push whose row id holds a NUL byte is refused as bad input (4xx), not a server error', async () => {
    const token = await tokenVan(omgeving, account);
    const res = await omgeving.app.inject({
      method: 'POST',
      url: '/sync/push',
      headers: { authorization: `Bearer ${token}` },
      payload: {
        wijzigingen: [
          {
            wijzigingId: randomUUID(),
            tabel: 'teambudgetten',
            rijId: `x\u0000${randomBytes(2).toString('hex')}`,
            hlc: new HlcClock('nul').tick(),
            auteur: account.id,
            velden: {
              teamId: { waarde: team, basis: [] },
              jaar: { waarde: 2026, basis: [] },
              perceel: { waarde: 'jeugdhulp', basis: [] },
              bedrag: { waarde: 1, basis: [] },
            },
          },
        ],
      },
    });
    expect(res.statusCode, res.body).toBeLessThan(500);
  });

  it('a laptop whose local text holds a NUL byte still syncs it', async () => {
    const a = await maakKern(omgeving, account);
    const b = await maakKern(omgeving, ander);
    const gezinId = await gedeeldGezin(a, b, 'Familie Nul');
    a.call('gezinsplan.opslaan', { gezinId, eigenWoorden: 'Geplakt uit een pdf:\u0000 einde' });
    expect(await a.sync()).toMatchObject({ fout: null, wachtend: 0 });
    await b.sync();
    expect(
      (b.call('gezinsplan.ophalen', { gezinId }) as { inhoud: { eigenWoorden: string } }).inhoud
        .eigenWoorden,
    ).toContain('einde');
    a.core.close();
    b.core.close();
  });

  it('a device reports rows of another team / device and huge lists: its own report only, bounded', async () => {
    const token = await tokenVan(omgeving, account);
    const regels = Array.from({ length: 5_000 }, (_, i) => ({
      tabel: 'gezinnen',
      rijId: `r${i}`,
      reden: 'x'.repeat(1_000),
    }));
    const res = await omgeving.app.inject({
      method: 'POST',
      url: '/sync/quarantaine',
      headers: { authorization: `Bearer ${token}` },
      payload: { regels },
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
  });
});
