/**
 * A central service in one process, for the service's tests and the sync benchmark: the server on
 * PGlite or PostgreSQL, with accounts and reference data seeded. The laptops around it (the
 * client's sync engine) are in test/helpers/laptop.ts.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { HlcClock } from '../../shared/hlc';
import type { Wijziging } from '../../shared/sync/protocol';
import { bouwServer } from '../../server/app';
import { hashWachtwoord } from '../../server/auth/wachtwoord';
import { openServerStore, type ServerStore } from '../../server/db/connection';
import { gebruikers, teams } from '../../server/db/schema';
import { REFERENTIE_SCOPE } from '../../db/sync-tabellen';
import { uitOpslag, waardenVan } from '../../shared/sync/rij';
import { verwerkPush } from '../../server/sync/push';
import { rijenIn } from '../../server/sync/pull';

export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const WACHTWOORD = 'lang genoeg wachtwoord 42';

async function beheerQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface Omgeving {
  store: ServerStore;
  app: FastifyInstance;
  geheim: Buffer;
  /** A new server process over the same database (tokens stay valid: same key). */
  herstart(): Promise<void>;
  sluit(): Promise<void>;
}

/** A server on PGlite (in memory) or on a fresh PostgreSQL database dropped at the end. */
export async function maakOmgeving(
  soort: 'pglite' | 'postgresql',
  now?: () => Date,
): Promise<Omgeving> {
  const database = `eenplan_test_${randomBytes(4).toString('hex')}`;
  let store: ServerStore;
  if (soort === 'postgresql') {
    await beheerQuery(`CREATE DATABASE ${database}`);
    const url = new URL(PG_URL);
    url.pathname = `/${database}`;
    store = await openServerStore({ databaseUrl: url.toString() });
  } else store = await openServerStore({});
  const geheim = randomBytes(32);
  const omgeving: Omgeving = {
    store,
    geheim,
    app: await bouwServer({ store, geheim, now }),
    async herstart() {
      await omgeving.app.close();
      omgeving.app = await bouwServer({ store, geheim, now });
    },
    async sluit() {
      await omgeving.app.close();
      await store.close();
      if (soort === 'postgresql')
        await beheerQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    },
  };
  return omgeving;
}

let wachtwoordHash: Promise<string> | undefined;

export interface Account {
  id: string;
  email: string;
  rol: 'jeugdprofessional' | 'teamcoach' | 'beheerder';
  teamId: string | null;
}

const SYSTEEM = { gebruikerId: 'systeem', rol: 'beheerder', teamId: null };
const HLC_SYSTEEM = () => new HlcClock('systeem');
const systeemKlok = HLC_SYSTEEM();

/** Reference rows written as the beheerder would (through the same checks as any change). */
export async function zaaiReferentie(
  store: ServerStore,
  tabel: string,
  rijen: Record<string, Wijziging['velden'][string]['waarde']>[],
): Promise<void> {
  const wijzigingen: Wijziging[] = rijen.map(({ id, ...velden }) => ({
    wijzigingId: randomUUID(),
    tabel,
    rijId: id as string,
    hlc: systeemKlok.tick(),
    auteur: 'systeem',
    velden: Object.fromEntries(
      Object.entries(velden).map(([veld, waarde]) => [veld, { waarde, basis: [] }]),
    ),
  }));
  await verwerkPush(store.db, SYSTEEM, wijzigingen, new Date());
}

/** A team: on the server (accounts) and as reference data (with its gemeente). */
export async function maakTeam(store: ServerStore, naam: string): Promise<string> {
  const id = randomUUID();
  const gemeente = randomUUID();
  await store.db.insert(teams).values({ id, naam });
  await zaaiReferentie(store, 'gemeenten', [
    {
      id: gemeente,
      code: `GM${randomBytes(2).toString('hex')}`,
      naam,
      inwoners: 40_000,
      jeugdigen: 8_000,
    },
  ]);
  await zaaiReferentie(store, 'teams', [{ id, naam, gemeenteId: gemeente }]);
  return id;
}

/** The gemeente a team of `maakTeam` belongs to. */
export async function gemeenteVanTeam(store: ServerStore, teamId: string): Promise<string> {
  const [rij] = await rijenIn(store.db, REFERENTIE_SCOPE, ['teams']).then((r) =>
    r.filter((t) => t.rijId === teamId),
  );
  return waardenVan(uitOpslag(rij!.registers)).waarden.gemeenteId as string;
}

/** An account, and the same person as a professional in the reference data. */
export async function maakAccount(
  store: ServerStore,
  rol: Account['rol'],
  teamId: string | null,
): Promise<Account> {
  wachtwoordHash ??= hashWachtwoord(WACHTWOORD);
  const id = randomUUID();
  const email = `${rol}.${id.slice(0, 8)}@voorbeeld.nl`;
  await store.db
    .insert(gebruikers)
    .values({ id, email, naam: `Test ${rol}`, rol, teamId, wachtwoordHash: await wachtwoordHash });
  await zaaiReferentie(store, 'professionals', [
    { id, naam: `Test ${rol} ${id.slice(0, 4)}`, email, rol, teamId },
  ]);
  return { id, email, rol, teamId };
}
