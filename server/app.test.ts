/**
 * The central service against both databases it runs on: embedded PGlite and the real
 * PostgreSQL at 127.0.0.1:5432 (TEST_DATABASE_URL). Without PostgreSQL the second half fails,
 * it never skips.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bouwServer, AANMELD_POGINGEN, MAX_BODY_BYTES } from './app';
import { HERGEBRUIK_SECONDEN } from './auth/tokens';
import { hashWachtwoord } from './auth/wachtwoord';
import { openServerStore, type ServerStore } from './db/connection';
import { apparaten, gebruikers, teams } from './db/schema';

const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function beheerQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe.each(['pglite', 'postgresql'] as const)('central service on %s', (soort) => {
  let store: ServerStore;
  let app: FastifyInstance;
  // A database of its own per run, dropped afterwards.
  const database = `eenplan_test_${randomBytes(4).toString('hex')}`;
  const testUrl = () => {
    const url = new URL(PG_URL);
    url.pathname = `/${database}`;
    return url.toString();
  };
  const team = randomUUID();
  const wachtwoord = 'lang genoeg wachtwoord 42';

  beforeAll(async () => {
    if (soort === 'postgresql') await beheerQuery(`CREATE DATABASE ${database}`);
    store = await openServerStore(soort === 'pglite' ? {} : { databaseUrl: testUrl() });
    await store.db.insert(teams).values({ id: team, naam: 'Jeugdteam Zwijndrecht' });
    const hash = await hashWachtwoord(wachtwoord);
    await store.db.insert(gebruikers).values([
      {
        id: randomUUID(),
        email: 'pro@voorbeeld.nl',
        naam: 'Pro',
        rol: 'jeugdprofessional',
        teamId: team,
        wachtwoordHash: hash,
      },
      {
        id: randomUUID(),
        email: 'beheer@voorbeeld.nl',
        naam: 'Beheer',
        rol: 'beheerder',
        wachtwoordHash: hash,
      },
    ]);
    app = await bouwServer({ store, geheim: randomBytes(32) });
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await store?.close();
    if (soort === 'postgresql')
      await beheerQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  });

  const aanmelden = (email: string, ww = wachtwoord, apparaat: object = { naam: 'Laptop' }) =>
    app.inject({
      method: 'POST',
      url: '/auth/aanmelden',
      payload: { email, wachtwoord: ww, apparaat },
    });
  const aantalApparaten = async () => (await store.db.select().from(apparaten)).length;

  it('is healthy and describes itself', async () => {
    expect((await app.inject('/health')).json()).toEqual({ ok: true, database: soort });
    const doc = (await app.inject('/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/auth/aanmelden');
  });

  it('gives every connection the sort memory a pull page needs', async () => {
    // Several at once, so the PostgreSQL pool opens more than one connection.
    const antwoorden = await Promise.all(
      Array.from({ length: 3 }, () =>
        store.db.execute(sql`select current_setting('work_mem') as w, pg_sleep(0.05)`),
      ),
    );
    for (const a of antwoorden)
      expect((a as unknown as { rows: { w: string }[] }).rows[0]!.w).toBe('32MB');
  });

  it('signs in on a new device, knows who is calling, refreshes once (the same answer again for a lost one)', async () => {
    const res = await aanmelden('Pro@Voorbeeld.nl');
    expect(res.statusCode).toBe(200);
    const tokens = res.json();
    expect(tokens.gebruiker).toMatchObject({ naam: 'Pro', rol: 'jeugdprofessional', teamId: team });
    const ik = await app.inject({
      url: '/ik',
      headers: { authorization: `Bearer ${tokens.toegangstoken}` },
    });
    expect(ik.json()).toMatchObject({ rol: 'jeugdprofessional', apparaatId: tokens.apparaatId });
    const vernieuwd = await app.inject({
      method: 'POST',
      url: '/auth/vernieuwen',
      payload: { vernieuwtoken: tokens.vernieuwtoken },
    });
    expect(vernieuwd.statusCode).toBe(200);
    // The same token again within a minute (the first answer may have been lost): the same
    // answer; once that answer's token is used, the first one is refused.
    const opnieuw = () =>
      app.inject({
        method: 'POST',
        url: '/auth/vernieuwen',
        payload: { vernieuwtoken: tokens.vernieuwtoken },
      });
    const nogmaals = await opnieuw();
    expect(nogmaals.statusCode).toBe(200);
    expect(nogmaals.json().vernieuwtoken).toBe(vernieuwd.json().vernieuwtoken);
    const verder = await app.inject({
      method: 'POST',
      url: '/auth/vernieuwen',
      payload: { vernieuwtoken: vernieuwd.json().vernieuwtoken },
    });
    expect(verder.statusCode).toBe(200);
    const later = await bouwServer({
      store,
      geheim: randomBytes(32),
      now: () => new Date(Date.now() + (HERGEBRUIK_SECONDEN + 5) * 1000),
    });
    const teLaat = await later.inject({
      method: 'POST',
      url: '/auth/vernieuwen',
      payload: { vernieuwtoken: tokens.vernieuwtoken },
    });
    expect(teLaat.statusCode).toBe(401);
    await later.close();
    const vervalst = await app.inject({
      url: '/ik',
      headers: { authorization: `Bearer ${tokens.toegangstoken}x` },
    });
    expect(vervalst.statusCode).toBe(401);
  });

  it('gives one Dutch answer for a wrong password or an unknown account, then slows down', async () => {
    const fout = await aanmelden('pro@voorbeeld.nl', 'fout');
    const onbekend = await aanmelden('niemand@voorbeeld.nl', 'fout');
    expect([fout.statusCode, onbekend.statusCode]).toEqual([401, 401]);
    expect(fout.json()).toEqual(onbekend.json());
    expect(fout.json().message).toBe('E-mailadres of wachtwoord klopt niet.');
    for (let i = 1; i < AANMELD_POGINGEN; i++) await aanmelden('pro@voorbeeld.nl', 'fout');
    const geblokkeerd = await aanmelden('pro@voorbeeld.nl');
    expect(geblokkeerd.statusCode).toBe(429);
  });

  it('a revoked laptop gets nothing more: not with its token, its refresh token or a new sign-in', async () => {
    const beheer = (await aanmelden('beheer@voorbeeld.nl')).json();
    const laptop = (
      await aanmelden('beheer@voorbeeld.nl', wachtwoord, { naam: 'Gestolen laptop' })
    ).json();
    const pro = (
      await app.inject({
        method: 'POST',
        url: '/auth/aanmelden',
        payload: { email: 'pro2@voorbeeld.nl', wachtwoord, apparaat: { naam: 'x' } },
      })
    ).statusCode;
    expect(pro).toBe(401);
    const intrekken = (token: string, id: string, payload: object = { soort: 'verloren' }) =>
      app.inject({
        method: 'POST',
        url: `/beheer/apparaten/${id}/intrekken`,
        headers: { authorization: `Bearer ${token}` },
        payload,
      });
    // The beheerder says how: replaced or lost; anything else is refused.
    expect((await intrekken(beheer.toegangstoken, laptop.apparaatId, {})).statusCode).toBe(400);
    expect(
      (await intrekken(beheer.toegangstoken, laptop.apparaatId, { soort: 'kwijt' })).statusCode,
    ).toBe(400);
    expect((await intrekken(beheer.toegangstoken, laptop.apparaatId)).statusCode).toBe(200);
    const ik = await app.inject({
      url: '/ik',
      headers: { authorization: `Bearer ${laptop.toegangstoken}` },
    });
    expect(ik.statusCode).toBe(403);
    expect(ik.json().code).toBe('apparaat-ingetrokken');
    const vernieuw = await app.inject({
      method: 'POST',
      url: '/auth/vernieuwen',
      payload: { vernieuwtoken: laptop.vernieuwtoken },
    });
    expect(vernieuw.json().code).toBe('apparaat-ingetrokken');
    expect(vernieuw.json().toegangstoken).toBeUndefined();
    const weer = await aanmelden('beheer@voorbeeld.nl', wachtwoord, {
      id: laptop.apparaatId,
      naam: 'Gestolen laptop',
    });
    expect(weer.json().code).toBe('apparaat-ingetrokken');
    expect((await intrekken(beheer.toegangstoken, randomUUID())).statusCode).toBe(404);
  });

  it('a beheerder makes teams and accounts; nobody else can, and no hash ever leaves', async () => {
    const beheer = (await aanmelden('beheer@voorbeeld.nl')).json();
    const auth = { authorization: `Bearer ${beheer.toegangstoken}` };
    const nieuwTeam = await app.inject({
      method: 'POST',
      url: '/beheer/teams',
      headers: auth,
      payload: { naam: 'Jeugdteam Sliedrecht' },
    });
    expect(nieuwTeam.statusCode).toBe(201);
    const teamId = nieuwTeam.json().id;
    const account = {
      email: 'nieuw@voorbeeld.nl',
      naam: 'Nieuw',
      rol: 'jeugdprofessional',
      teamId,
      wachtwoord: 'een lang wachtwoord',
    };
    const maak = (payload: object, headers = auth) =>
      app.inject({ method: 'POST', url: '/beheer/gebruikers', headers, payload });
    expect((await maak(account)).statusCode).toBe(201);
    expect((await maak(account)).statusCode).toBe(409);
    const kort = await maak({ ...account, email: 'kort@voorbeeld.nl', wachtwoord: 'kort' });
    expect(kort.statusCode).toBe(400);
    expect(
      (await maak({ ...account, email: 'zonder@voorbeeld.nl', teamId: null })).statusCode,
    ).toBe(400);
    const nieuw = (await aanmelden('nieuw@voorbeeld.nl', 'een lang wachtwoord')).json();
    expect(nieuw.gebruiker).toMatchObject({ rol: 'jeugdprofessional', teamId });
    const geweigerd = await maak(
      { ...account, email: 'x@voorbeeld.nl' },
      { authorization: `Bearer ${nieuw.toegangstoken}` },
    );
    expect(geweigerd.statusCode).toBe(403);
    const lijst = await app.inject({ url: '/beheer/gebruikers', headers: auth });
    expect(lijst.json().map((g: { email: string }) => g.email)).toContain('nieuw@voorbeeld.nl');
    expect(lijst.body).not.toContain('scrypt');
  });

  it('refuses bad input with a clear 4xx and stores nothing', async () => {
    const voor = await aantalApparaten();
    const kapot = await app.inject({
      method: 'POST',
      url: '/auth/aanmelden',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(kapot.statusCode).toBe(400);
    const extra = await app.inject({
      method: 'POST',
      url: '/auth/aanmelden',
      payload: {
        email: 'beheer@voorbeeld.nl',
        wachtwoord,
        apparaat: { naam: 'x' },
        rol: 'beheerder',
      },
    });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().code).toBe('ongeldige-invoer');
    const groot = await app.inject({
      method: 'POST',
      url: '/auth/aanmelden',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'x'.repeat(MAX_BODY_BYTES) }),
    });
    expect(groot.statusCode).toBe(413);
    expect((await app.inject('/bestaat-niet')).statusCode).toBe(404);
    expect(await aantalApparaten()).toBe(voor);
  });
});
