/**
 * The service of the sign-in tests (server/auth/aanmelden-*.test.ts), within a `describe`: on
 * PGlite or PostgreSQL, on the test's own clock (each case a quarter of an hour after the last,
 * so the address limit of one does not reach the next), with two teams and a beheerder; signing
 * in, calls with a token, and the state a refused request could have written.
 */
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import {
  maakAccount,
  maakOmgeving,
  maakTeam,
  WACHTWOORD,
  type Account,
  type Omgeving,
} from './dienst-omgeving';

export type Antwoord = LightMyRequestResponse;

export interface AanmeldOpzet {
  o: Omgeving;
  team: string;
  teamB: string;
  beheer: Account;
  /** The service's clock (for another server over the same store). */
  nu(): Date;
  /** Moves the service's clock on by `ms`. */
  klokVooruit(ms: number): void;
  aanmelden(
    email: string,
    wachtwoord?: string,
    apparaat?: object,
    headers?: Record<string, string>,
    app?: Omgeving['app'],
  ): Promise<Antwoord>;
  vernieuwen(vernieuwtoken: string): Promise<Antwoord>;
  /** A fresh access token of the beheerder. */
  beheerToken(): Promise<string>;
  als(token: string, method: 'GET' | 'POST', url: string, payload?: object): Promise<Antwoord>;
  rijen(query: ReturnType<typeof sql>): Promise<{ rows: unknown[] }>;
  /**
   * Everything a refused request could have written: accounts, teams, devices (but their last
   * contact, which a revoked laptop's knock updates on purpose) and refresh tokens.
   */
  stand(): Promise<string>;
}

export function zetAanmeldenOp(soort: 'pglite' | 'postgresql'): AanmeldOpzet {
  let klok = Date.now();
  const d = {} as AanmeldOpzet;
  d.nu = () => new Date(klok);
  beforeAll(async () => {
    d.o = await maakOmgeving(soort, d.nu);
    d.team = await maakTeam(d.o.store, 'Jeugdteam Alblasserdam');
    d.teamB = await maakTeam(d.o.store, 'Jeugdteam Hendrik-Ido-Ambacht');
    d.beheer = await maakAccount(d.o.store, 'beheerder', null);
  }, 120_000);
  afterAll(() => d.o?.sluit());
  beforeEach(() => {
    klok += 20 * 60_000;
  });
  d.klokVooruit = (ms) => {
    klok += ms;
  };
  d.aanmelden = (
    email,
    wachtwoord = WACHTWOORD,
    apparaat = { naam: 'Laptop' },
    headers = {},
    app,
  ) =>
    (app ?? d.o.app).inject({
      method: 'POST',
      url: '/auth/aanmelden',
      headers,
      payload: { email, wachtwoord, apparaat },
    });
  d.vernieuwen = (vernieuwtoken) =>
    d.o.app.inject({ method: 'POST', url: '/auth/vernieuwen', payload: { vernieuwtoken } });
  d.beheerToken = async () => (await d.aanmelden(d.beheer.email)).json().toegangstoken as string;
  d.als = (token, method, url, payload) =>
    d.o.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload ? { payload } : {}),
    });
  d.rijen = async (query) => (await d.o.store.db.execute(query)) as unknown as { rows: unknown[] };
  d.stand = async () =>
    JSON.stringify([
      (await d.rijen(sql`SELECT id, email, naam, rol, team_id, actief FROM gebruikers ORDER BY id`))
        .rows,
      (await d.rijen(sql`SELECT id, naam FROM teams ORDER BY id`)).rows,
      (
        await d.rijen(
          sql`SELECT id, gebruiker_id, naam, intrekking, ingetrokken_op FROM apparaten ORDER BY id`,
        )
      ).rows,
      (await d.rijen(sql`SELECT * FROM vernieuw_tokens ORDER BY hash`)).rows,
    ]);
  return d;
}
