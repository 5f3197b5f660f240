/**
 * Who may do what at the central service, and what bad input gets, on both databases it runs on
 * (PGlite, and the real PostgreSQL at 127.0.0.1:5432: without it this fails, it never skips).
 * The matrix: every endpoint x every role x the caller's own team / another team / a device being
 * replaced / a revoked device, each with its expected status.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BEGIN_HASH, regelHash } from '../../core/audit/toegangslog';
import { encodeHlc } from '../../shared/hlc';
import { MAX_KLOK_VOORSPRONG_MS, type Wijziging } from '../../shared/sync/protocol';
import { MAX_BODY_BYTES } from '../app';
import { verwerkPush } from './dienst';
import {
  gemeenteVanTeam,
  maakAccount,
  maakOmgeving,
  maakTeam,
  WACHTWOORD,
  type Account,
  type Omgeving,
} from './test-omgeving';

type Rol = Account['rol'];
const ROLLEN: Rol[] = ['jeugdprofessional', 'teamcoach', 'beheerder'];
type Doel = 'eigen' | 'ander';

let klokTeller = 0;
const hlc = (ms = Date.now()) =>
  encodeHlc({ wallMs: ms, counter: klokTeller++ % 1000, node: 'test' });

function wijziging(
  auteur: string,
  tabel: string,
  rijId: string,
  velden: Record<string, string | number | boolean | null>,
  extra: Partial<Wijziging> = {},
): Wijziging {
  return {
    wijzigingId: randomUUID(),
    tabel,
    rijId,
    hlc: hlc(),
    auteur,
    velden: Object.fromEntries(
      Object.entries(velden).map(([k, waarde]) => [k, { waarde, basis: [] }]),
    ),
    ...extra,
  };
}

const gezinVelden = (teamId: string, regisseurId: string) => ({
  teamId,
  regisseurId,
  naam: 'Familie Test',
  adres: 'Kerkstraat 1',
  postcode: '3311 AA',
  woonplaats: 'Dordrecht',
  status: 'actief',
  aangemeldOp: '2026-11-01',
});

describe.each(['pglite', 'postgresql'] as const)('sync access and input on %s', (soort) => {
  let o: Omgeving;
  let teams: Record<Doel, string>;
  const accounts = {} as Record<Rol | 'collegaAnder', Account>;
  const gezin = {} as Record<Doel, string>;
  const gemeenten = {} as Record<Doel, string>;
  /** An account and its laptop that the beheer cases revoke and deactivate (again and again). */
  let doelAccount: Account;
  let doelApparaat: string;

  const aanmelden = async (a: Account, naam = 'Laptop') =>
    (
      await o.app.inject({
        method: 'POST',
        url: '/auth/aanmelden',
        payload: { email: a.email, wachtwoord: WACHTWOORD, apparaat: { naam } },
      })
    ).json() as { toegangstoken: string; apparaatId: string };

  beforeAll(async () => {
    o = await maakOmgeving(soort);
    teams = {
      eigen: await maakTeam(o.store, 'Jeugdteam Dordrecht-Oost'),
      ander: await maakTeam(o.store, 'Jeugdteam Papendrecht'),
    };
    for (const doel of ['eigen', 'ander'] as const)
      gemeenten[doel] = await gemeenteVanTeam(o.store, teams[doel]);
    for (const rol of ROLLEN)
      accounts[rol] = await maakAccount(o.store, rol, rol === 'beheerder' ? null : teams.eigen);
    accounts.collegaAnder = await maakAccount(o.store, 'jeugdprofessional', teams.ander);
    doelAccount = await maakAccount(o.store, 'jeugdprofessional', teams.ander);
    doelApparaat = (await aanmelden(doelAccount)).apparaatId;
    for (const [doel, eigenaar] of [
      ['eigen', accounts.jeugdprofessional],
      ['ander', accounts.collegaAnder],
    ] as const) {
      gezin[doel] = randomUUID();
      await verwerkPush(
        o.store.db,
        { gebruikerId: eigenaar.id, rol: 'jeugdprofessional', teamId: eigenaar.teamId },
        [
          wijziging(
            eigenaar.id,
            'gezinnen',
            gezin[doel],
            gezinVelden(eigenaar.teamId!, eigenaar.id),
          ),
        ],
        new Date(),
      );
    }
  }, 120_000);
  afterAll(() => o?.sluit());

  /**
   * The next line of one running access log, with a correct hash. Each device's chain at the
   * service starts at its first line and then goes on: a device sending twice in a row sends
   * two lines that follow each other.
   */
  let vorigeRegel = { seq: 0, hash: BEGIN_HASH };
  const logregel = (userId: string, gezinId: string | undefined) => {
    const regel = {
      id: randomUUID(),
      seq: vorigeRegel.seq + 1,
      at: new Date().toISOString(),
      userId,
      namensId: null,
      actie: 'inzien' as const,
      gezinId: gezinId ?? null,
      onderdeel: 'gezin.dossier',
      reden: null,
      apparaat: randomUUID().slice(0, 8),
      prevHash: vorigeRegel.hash,
    };
    vorigeRegel = { seq: regel.seq, hash: regelHash(regel) };
    return { ...regel, hash: vorigeRegel.hash };
  };

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
        wijzigingen: [wijziging(a.id, 'gezinnen', gezin[doel], { adres: `Dijk ${klokTeller}` })],
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
            agbCode: String(10_000_000 + klokTeller),
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

  it('refuses bad sync input with a clear 4xx and stores nothing', async () => {
    const pro = accounts.jeugdprofessional;
    const { toegangstoken } = await aanmelden(pro);
    const auth = { authorization: `Bearer ${toegangstoken}` };
    const tel = async () => {
      const r = await o.store.db.execute(
        sql`SELECT (SELECT count(*) FROM wijzigingen_log) AS log, (SELECT count(*) FROM rijen) AS rijen, (SELECT count(*) FROM ontvangen) AS ontvangen, (SELECT count(*) FROM toegangslog) AS toegangslog`,
      );
      return JSON.stringify((r as unknown as { rows: unknown[] }).rows[0]);
    };
    const push = (wijzigingen: unknown[]) =>
      o.app.inject({ method: 'POST', url: '/sync/push', headers: auth, payload: { wijzigingen } });
    const goed = () => wijziging(pro.id, 'gezinnen', gezin.eigen, { adres: 'Veerplein 9' });

    // Accepted once; the same change again (a retry) is answered the same and stores nothing new.
    const eenmaal = goed();
    const eerste = await push([eenmaal]);
    expect(eerste.statusCode).toBe(200);
    const voor = await tel();
    const herhaald = await push([eenmaal]);
    // The same answer, but for the service's clock at the moment it answers.
    const zonderKlok = (a: { stand: { nu?: string } }) => ({ ...a, stand: { ...a.stand, nu: '' } });
    expect(zonderKlok(herhaald.json())).toEqual(zonderKlok(eerste.json()));
    expect(await tel()).toBe(voor);

    const gevallen: [
      string,
      () => Promise<{ statusCode: number; json(): { code: string; message: string } }>,
      number,
      string,
    ][] = [
      [
        'malformed JSON',
        () =>
          o.app.inject({
            method: 'POST',
            url: '/sync/push',
            headers: { ...auth, 'content-type': 'application/json' },
            payload: '{"wijzigingen": [',
          }),
        400,
        'ongeldige-invoer',
      ],
      [
        'oversized body',
        () =>
          o.app.inject({
            method: 'POST',
            url: '/sync/push',
            headers: { ...auth, 'content-type': 'application/json' },
            payload: JSON.stringify({
              wijzigingen: [{ ...goed(), rijId: 'x'.repeat(MAX_BODY_BYTES) }],
            }),
          }),
        413,
        'ongeldige-invoer',
      ],
      [
        'wrong schema: no fields object',
        () => push([{ ...goed(), velden: 'adres' }]),
        400,
        'ongeldige-invoer',
      ],
      [
        'wrong schema: extra property',
        () => push([{ ...goed(), team: 'x' }]),
        400,
        'ongeldige-invoer',
      ],
      ['empty batch', () => push([]), 400, 'ongeldige-invoer'],
      [
        'access-log line whose hash does not fit its content',
        () =>
          o.app.inject({
            method: 'POST',
            url: '/sync/toegangslog',
            headers: auth,
            payload: { regels: [{ ...logregel(pro.id, gezin.eigen), reden: 'Verzonnen' }] },
          }),
        400,
        'ongeldige-logregel',
      ],
      [
        'access-log line of another shape',
        () =>
          o.app.inject({
            method: 'POST',
            url: '/sync/toegangslog',
            headers: auth,
            payload: { regels: [{ ...logregel(pro.id, gezin.eigen), hash: 'abc' }] },
          }),
        400,
        'ongeldige-invoer',
      ],
      [
        'forged author',
        () => push([{ ...goed(), auteur: accounts.teamcoach.id }]),
        403,
        'geen-toegang',
      ],
      [
        'forged team',
        () => push([wijziging(pro.id, 'gezinnen', randomUUID(), gezinVelden(teams.ander, pro.id))]),
        403,
        'geen-toegang',
      ],
      [
        'replayed change id, other content',
        () => push([{ ...goed(), wijzigingId: eenmaal.wijzigingId }]),
        409,
        'herhaalde-wijziging',
      ],
      [
        'HLC far in the future',
        () => push([{ ...goed(), hlc: hlc(Date.now() + MAX_KLOK_VOORSPRONG_MS + 60_000) }]),
        400,
        'klok-afwijking',
      ],
      ['malformed HLC', () => push([{ ...goed(), hlc: 'morgen' }]), 400, 'ongeldige-invoer'],
      [
        'unknown table',
        () => push([wijziging(pro.id, 'wachtwoorden', randomUUID(), { x: 1 })]),
        400,
        'ongeldige-wijziging',
      ],
      [
        'unknown field',
        () => push([wijziging(pro.id, 'gezinnen', gezin.eigen, { rol: 'beheerder' })]),
        400,
        'ongeldige-wijziging',
      ],
      [
        'wrong type',
        () => push([wijziging(pro.id, 'gezinnen', gezin.eigen, { oordeelCijfer: 'tien' })]),
        400,
        'ongeldige-wijziging',
      ],
      [
        'unknown code',
        () => push([wijziging(pro.id, 'gezinnen', gezin.eigen, { status: 'verdwenen' })]),
        400,
        'ongeldige-wijziging',
      ],
      [
        'new row without required fields',
        () => push([wijziging(pro.id, 'gezinnen', randomUUID(), { naam: 'Half' })]),
        400,
        'ongeldige-wijziging',
      ],
      [
        'child of an unknown family',
        () =>
          push([
            wijziging(pro.id, 'netwerkleden', randomUUID(), {
              gezinId: randomUUID(),
              naam: 'Oma',
              relatie: 'oma',
            }),
          ]),
        400,
        'ongeldige-wijziging',
      ],
      [
        'one bad change spoils the batch',
        () => push([goed(), wijziging(pro.id, 'gezinnen', gezin.eigen, { status: 'verdwenen' })]),
        400,
        'ongeldige-wijziging',
      ],
      [
        'pull with a bad cursor',
        () => o.app.inject({ url: `/sync/pull?scope=team:${teams.eigen}&na=-1`, headers: auth }),
        400,
        'ongeldige-invoer',
      ],
      [
        'pull of no lines',
        () =>
          o.app.inject({
            url: `/sync/pull?scope=team:${teams.eigen}&na=0&limiet=0`,
            headers: auth,
          }),
        400,
        'ongeldige-invoer',
      ],
      [
        'pull of more lines than a page holds',
        () =>
          o.app.inject({
            url: `/sync/pull?scope=team:${teams.eigen}&na=0&limiet=99999`,
            headers: auth,
          }),
        400,
        'ongeldige-invoer',
      ],
      [
        'access-log line with a NUL byte (its hash right)',
        () => {
          const metNul = {
            id: randomUUID(),
            seq: 1,
            at: new Date().toISOString(),
            userId: pro.id,
            namensId: null,
            actie: 'inzien' as const,
            gezinId: gezin.eigen,
            onderdeel: 'gezin.dossier\u0000',
            reden: null,
            apparaat: randomUUID().slice(0, 8),
            prevHash: BEGIN_HASH,
          };
          return o.app.inject({
            method: 'POST',
            url: '/sync/toegangslog',
            headers: auth,
            payload: { regels: [{ ...metNul, hash: regelHash(metNul) }] },
          });
        },
        400,
        'ongeldige-invoer',
      ],
      [
        'quarantine report with a NUL byte',
        () =>
          o.app.inject({
            method: 'POST',
            url: '/sync/quarantaine',
            headers: auth,
            payload: { regels: [{ tabel: 'afspraken', rijId: 'a\u0000b', reden: 'Kapot' }] },
          }),
        400,
        'ongeldige-invoer',
      ],
      [
        'row id with a NUL byte',
        () => push([{ ...goed(), rijId: `${gezin.eigen}\u0000` }]),
        400,
        'ongeldige-invoer',
      ],
      [
        'pull past the log',
        () =>
          o.app.inject({ url: `/sync/pull?scope=team:${teams.eigen}&na=999999`, headers: auth }),
        409,
        'cursor-onbekend',
      ],
    ];
    for (const [naam, doe, status, code] of gevallen) {
      const res = await doe();
      expect({ naam, status: res.statusCode, code: res.json().code }).toEqual({
        naam,
        status,
        code,
      });
      expect(res.json().message.length, naam).toBeGreaterThan(10);
      expect(await tel(), naam).toBe(voor);
    }
  }, 120_000);
});
