/**
 * Who may do what at the central service, on both databases it runs on
 * (PGlite, and the real PostgreSQL at 127.0.0.1:5432: without it this fails, it never skips).
 * The matrix: every endpoint x every role x the caller's own team / another team / a device being
 * replaced / a revoked device, each with its expected status.
 * Bad input: toegang-invoer.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { WACHTWOORD, type Account, type Omgeving } from '../../test/helpers/dienst-omgeving';
import {
  gezinVelden,
  klokTeller,
  maakLogregels,
  meldAan,
  ROLLEN,
  wijziging,
  zetToegangOp,
  type Doel,
  type Rol,
  type ToegangOpzet,
} from '../../test/helpers/toegang-opzet';

describe.each(['pglite', 'postgresql'] as const)('sync access and input on %s', (soort) => {
  let o: Omgeving;
  let teams: Record<Doel, string>;
  let accounts: ToegangOpzet['accounts'];
  let gezin: Record<Doel, string>;
  let gemeenten: Record<Doel, string>;
  let doelAccount: Account;
  let doelApparaat: string;
  const t = zetToegangOp(soort);
  beforeAll(() => {
    ({ o, teams, accounts, gezin, gemeenten, doelAccount, doelApparaat } = t);
  });
  const aanmelden = (a: Account, naam?: string) => meldAan(o, a, naam);
  const logregel = maakLogregels();

  /** One request of the matrix: built for a caller and a target team. */
  type Geval = (
    a: Account,
    doel: Doel,
  ) => { method: 'GET' | 'POST'; url: string; payload?: object };
  const GEVALLEN: Record<string, Geval> = {
    'GET /ik': () => ({ method: 'GET', url: '/ik' }),
    'GET /sync/scopes': () => ({ method: 'GET', url: '/sync/scopes' }),
    'GET /sync/pull referentie': () => ({ method: 'GET', url: '/sync/pull?scope=referentie&na=0' }),
    'GET /sync/pull team': (_a, doel) => ({
      method: 'GET',
      url: `/sync/pull?scope=team:${teams[doel]}&na=0`,
    }),
    'POST /sync/push gezin wijzigen': (a, doel) => ({
      method: 'POST',
      url: '/sync/push',
      payload: {
        wijzigingen: [wijziging(a.id, 'gezinnen', gezin[doel], { adres: `Dijk ${klokTeller()}` })],
      },
    }),
    'POST /sync/push nieuw gezin': (a, doel) => ({
      method: 'POST',
      url: '/sync/push',
      payload: {
        wijzigingen: [wijziging(a.id, 'gezinnen', randomUUID(), gezinVelden(teams[doel], a.id))],
      },
    }),
    'POST /sync/push referentie': (a) => ({
      method: 'POST',
      url: '/sync/push',
      payload: {
        wijzigingen: [
          wijziging(a.id, 'aanbieders', randomUUID(), {
            naam: 'Zorg BV',
            agbCode: String(10_000_000 + klokTeller()),
            plaats: 'Gorinchem',
            budgetplafondCents: 100_000_00,
          }),
        ],
      },
    }),
    'POST /sync/toegangslog': (a, doel) => ({
      method: 'POST',
      url: '/sync/toegangslog',
      payload: { regels: [logregel(a.id, gezin[doel])] },
    }),
    'POST /beheer/bewaartermijn': () => ({
      method: 'POST',
      url: '/beheer/bewaartermijn',
      payload: { peildatum: '2026-11-24' },
    }),
    'GET /beheer/gebruikers': () => ({ method: 'GET', url: '/beheer/gebruikers' }),
    'POST /beheer/gebruikers': (_a, doel) => ({
      method: 'POST',
      url: '/beheer/gebruikers',
      payload: {
        email: `nieuw.${randomUUID().slice(0, 8)}@voorbeeld.nl`,
        naam: 'Nieuw',
        rol: 'jeugdprofessional',
        teamId: teams[doel],
        wachtwoord: WACHTWOORD,
      },
    }),
    'GET /beheer/sociale-kaart': () => ({ method: 'GET', url: '/beheer/sociale-kaart' }),
    'POST /beheer/sociale-kaart': (_a, doel) => ({
      method: 'POST',
      url: '/beheer/sociale-kaart',
      payload: {
        gemeenteId: gemeenten[doel],
        naam: 'Jongerenwerk Test',
        soort: 'jongerenwerk',
        aanbod: 'Inloop',
        contact: '078-000 0000',
        gratis: true,
      },
    }),
    'POST /beheer/teams': () => ({
      method: 'POST',
      url: '/beheer/teams',
      payload: { naam: `Team ${randomUUID().slice(0, 8)}` },
    }),
    'GET /beheer/apparaten': () => ({ method: 'GET', url: '/beheer/apparaten' }),
    'POST /beheer/apparaten/:id/intrekken': () => ({
      method: 'POST',
      url: `/beheer/apparaten/${doelApparaat}/intrekken`,
      payload: { soort: 'verloren' },
    }),
    'POST /beheer/gebruikers/:id/apparaten/intrekken': () => ({
      method: 'POST',
      url: `/beheer/gebruikers/${doelAccount.id}/apparaten/intrekken`,
      payload: { soort: 'vervangen' },
    }),
    // The target's own team and a role it may have: nothing about its laptops changes.
    'POST /beheer/gebruikers/:id/rol': () => ({
      method: 'POST',
      url: `/beheer/gebruikers/${doelAccount.id}/rol`,
      payload: { rol: 'teamcoach', teamId: teams.ander },
    }),
    'POST /beheer/gebruikers/:id/deactiveren': () => ({
      method: 'POST',
      url: `/beheer/gebruikers/${doelAccount.id}/deactiveren`,
    }),
    // Last: it ends the revocation of the laptop being replaced.
    'POST /sync/afronden': () => ({ method: 'POST', url: '/sync/afronden' }),
    'POST /sync/quarantaine': () => ({
      method: 'POST',
      url: '/sync/quarantaine',
      payload: {
        regels: [
          { tabel: 'afspraken', rijId: randomUUID(), reden: 'Bovenliggend record ontbreekt' },
        ],
      },
    }),
    'GET /beheer/quarantaine': () => ({ method: 'GET', url: '/beheer/quarantaine' }),
  };

  const OK = (status: number) => status === 200 || status === 201;
  /** What each role may do to its own team and to another team. */
  function verwacht(geval: string, rol: Rol, doel: Doel): number | 'ok' {
    const teamWerk = rol !== 'beheerder';
    switch (geval) {
      // Every laptop reports its own quarantine (reference data can be stuck too).
      case 'GET /ik':
      case 'GET /sync/scopes':
      case 'GET /sync/pull referentie':
      case 'POST /sync/quarantaine':
        return 'ok';
      // A laptop's own access log: whoever works on it sends it; a beheerder has no dossier lines.
      case 'POST /sync/toegangslog':
        return teamWerk ? 'ok' : 403;
      // Only a laptop being replaced confirms its last sync.
      case 'POST /sync/afronden':
        return 409;
      case 'GET /sync/pull team':
      case 'POST /sync/push gezin wijzigen':
      case 'POST /sync/push nieuw gezin':
        return teamWerk && doel === 'eigen' ? 'ok' : 403;
      default:
        return rol === 'beheerder' ? 'ok' : 403;
    }
  }

  type Toestand = Doel | 'vervangen' | 'ingetrokken';
  /**
   * A laptop being replaced may push and confirm, a revoked one only hands in its access log
   * (a revocation must not cost a NEN 7513 line); all else is `403 apparaat-ingetrokken`.
   */
  function verwachtOp(geval: string, rol: Rol, toestand: Toestand) {
    if (toestand === 'eigen' || toestand === 'ander')
      return { moet: verwacht(geval, rol, toestand) };
    if (geval === 'POST /sync/toegangslog') return { moet: verwacht(geval, rol, 'eigen') };
    if (toestand === 'vervangen' && geval.startsWith('POST /sync/push'))
      return { moet: verwacht(geval, rol, 'eigen') };
    if (toestand === 'vervangen' && geval === 'POST /sync/afronden') return { moet: 'ok' as const };
    return { moet: 403, code: 'apparaat-ingetrokken' };
  }

  it('answers every endpoint x role x own team / other team / device being replaced / revoked device as expected', async () => {
    const beheer = await aanmelden(accounts.beheerder);
    const intrekken = (apparaatId: string, soort: 'vervangen' | 'verloren') =>
      o.app.inject({
        method: 'POST',
        url: `/beheer/apparaten/${apparaatId}/intrekken`,
        headers: { authorization: `Bearer ${beheer.toegangstoken}` },
        payload: { soort },
      });
    const uitkomsten: string[] = [];
    for (const rol of ROLLEN) {
      const a = accounts[rol];
      const actief = await aanmelden(a);
      const vervangen = await aanmelden(a, 'Oude laptop');
      const ingetrokken = await aanmelden(a, 'Gestolen laptop');
      expect((await intrekken(vervangen.apparaatId, 'vervangen')).statusCode).toBe(200);
      expect((await intrekken(ingetrokken.apparaatId, 'verloren')).statusCode).toBe(200);
      const tokens = { eigen: actief, ander: actief, vervangen, ingetrokken };
      for (const [naam, geval] of Object.entries(GEVALLEN))
        for (const toestand of ['eigen', 'ander', 'vervangen', 'ingetrokken'] as const) {
          const doel: Doel = toestand === 'ander' ? 'ander' : 'eigen';
          const res = await o.app.inject({
            ...geval(a, doel),
            headers: { authorization: `Bearer ${tokens[toestand].toegangstoken}` },
          });
          const { moet, code } = verwachtOp(naam, rol, toestand);
          const klopt =
            (moet === 'ok' ? OK(res.statusCode) : res.statusCode === moet) &&
            (!code || res.json().code === code);
          uitkomsten.push(
            `${naam} | ${rol} | ${toestand} -> ${res.statusCode}${klopt ? '' : ' FOUT'}`,
          );
        }
      // Without a token nothing but the public routes answers.
      for (const geval of Object.values(GEVALLEN))
        expect((await o.app.inject(geval(a, 'eigen'))).statusCode).toBe(401);
    }
    expect(uitkomsten.filter((u) => u.endsWith('FOUT'))).toEqual([]);
    expect(uitkomsten).toHaveLength(ROLLEN.length * Object.keys(GEVALLEN).length * 4);
  }, 180_000);
});
