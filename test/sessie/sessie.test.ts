/**
 * A session is a person (issue 22): the profile's person comes from the profile itself, never
 * from a call. A demo profile is given its professional once; a connected laptop belongs to the
 * account it connected with.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import {
  maakAccount,
  maakOmgeving,
  maakTeam,
  WACHTWOORD,
  type Account,
  type Omgeving,
} from '../helpers/dienst-omgeving';
import { injectTransport } from '../helpers/laptop';
import { DEMO_TODAY, demoStore } from '../helpers/demo-store';
import { createCore } from '../../core/core';
import { legPersoonVast } from '../../core/sessie/session';

describe('a demo profile', () => {
  const { store, data } = demoStore();
  const core = createCore(store, { now: () => new Date(`${DEMO_TODAY}T10:00:00Z`), log: () => {} });
  afterAll(() => core.close());
  const team = data.teams[0]!;
  const p = data.professionals.find((x) => x.teamId === team.id && x.rol === 'jeugdprofessional')!;
  const coach = data.professionals.find((x) => x.teamId === team.id && x.rol === 'teamcoach')!;

  it('does no casework until its person is chosen, and offers the choice', () => {
    expect(core.call('sessie.wie', {})).toEqual({ ok: true, data: null });
    expect(core.call('gezinnen.lijst', {})).toMatchObject({
      ok: false,
      error: { code: 'niet-aangemeld', message: 'Kies eerst wie u bent in dit profiel.' },
    });
    const lijst = core.call('profielen.lijst', {});
    expect(lijst.ok && lijst.data.length).toBe(
      data.professionals.filter((x) => x.actief !== false).length,
    );
  });

  it('is given its professional once; a second choice changes nothing', () => {
    expect(core.call('sessie.kiezen', { professionalId: 'bestaat-niet' })).toMatchObject({
      ok: false,
      error: { code: 'niet-gevonden', field: 'professionalId' },
    });
    expect(core.call('sessie.kiezen', { professionalId: p.id })).toMatchObject({
      ok: true,
      data: { id: p.id, rol: 'jeugdprofessional' },
    });
    for (const ander of [coach.id, p.id])
      expect(core.call('sessie.kiezen', { professionalId: ander })).toMatchObject({
        ok: false,
        error: { code: 'conflict' },
      });
    expect(core.call('sessie.wie', {})).toMatchObject({ ok: true, data: { id: p.id } });
    expect(core.call('profielen.lijst', {})).toMatchObject({ ok: true, data: [{ id: p.id }] });
    // The coach's methods stay closed to this profile.
    expect(core.call('inzage.reden', {})).toMatchObject({
      ok: false,
      error: { code: 'geen-toegang' },
    });
    expect(core.call('budget.dashboard', { teamId: team.id, jaar: 2026 })).toMatchObject({
      ok: false,
      error: { code: 'geen-toegang' },
    });
  });
});

describe('a connected laptop (pglite)', () => {
  let omgeving: Omgeving;
  let account: Account;
  let collega: Account;
  beforeAll(async () => {
    omgeving = await maakOmgeving('pglite');
    const team = await maakTeam(omgeving.store, 'Team Sessie');
    account = await maakAccount(omgeving.store, 'jeugdprofessional', team);
    collega = await maakAccount(omgeving.store, 'teamcoach', team);
  }, 120_000);
  afterAll(() => omgeving?.sluit());

  const verbind = (core: ReturnType<typeof createCore>, server = 'http://centraal.test') =>
    core.callAsync('sync.verbinden', { server, email: account.email, wachtwoord: WACHTWOORD });
  const nieuweKern = (standaardServer?: string) => {
    const store = openDatabase({ path: ':memory:', key: randomBytes(32) });
    const core = createCore(store, {
      transport: () => injectTransport(omgeving),
      log: () => {},
      ...(standaardServer ? { standaardServer } : {}),
    });
    core.sync.stop();
    return { store, core };
  };

  it('belongs to the account it connected with; nobody chooses another person', async () => {
    const { core } = nieuweKern('http://centraal.test/');
    expect(await verbind(core)).toMatchObject({ ok: true });
    expect(core.call('sessie.wie', {})).toMatchObject({ ok: true, data: { id: account.id } });
    expect(core.call('sessie.kiezen', { professionalId: collega.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(core.call('akkoorden.wachtrij', {})).toMatchObject({ ok: true });
    expect(core.call('budget.overzicht', { jaar: 2026 })).toMatchObject({
      ok: false,
      error: { code: 'geen-toegang' },
    });
    core.close();
  });

  it('connects only with the service the laptop was set up for, and never a demo profile', async () => {
    const zonder = nieuweKern();
    expect(await verbind(zonder.core)).toMatchObject({
      ok: false,
      error: { code: 'geen-toegang', field: 'server' },
    });
    const elders = nieuweKern('https://eenplan.regio.nl');
    expect(await verbind(elders.core)).toMatchObject({
      ok: false,
      error: { code: 'geen-toegang', message: expect.stringContaining('eenplan.regio.nl') },
    });
    // A demo choice (the colleague) stays what it is: the profile does not connect.
    const demo = nieuweKern('http://centraal.test');
    legPersoonVast(demo.store.sqlite, collega.id);
    expect(await verbind(demo.core)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(demo.core.sync.gebruiker()).toBeNull();
    for (const k of [zonder, elders, demo]) {
      expect(k.core.sync.status().verbonden).toBe(false);
      k.core.close();
    }
  });
});
