/**
 * The central service's database: PostgreSQL when DATABASE_URL is set, otherwise embedded
 * PGlite in a data folder, so `npm run server` works on a fresh machine. Migrations run at
 * start.
 */
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema';

export type ServerDb = PgDatabase<PgQueryResultHKT, typeof schema>;

export const SERVER_MIGRATIONS = fileURLToPath(new URL('./migrations', import.meta.url));

export interface ServerStore {
  db: ServerDb;
  soort: 'postgresql' | 'pglite';
  close(): Promise<void>;
}

export interface ServerStoreOptions {
  /** postgres://…; without it PGlite is used. */
  databaseUrl?: string;
  /** Folder for PGlite's files; without it PGlite runs in memory. */
  dataDir?: string;
}

/**
 * Memory per sort for each connection. A pull page of 10,000 lines is built in one ordered
 * aggregate of several megabytes, which with PostgreSQL's default of 4 MB went to temporary
 * files (on PGlite: a file in memory grown by copying), a tenth of a first sync's time.
 */
const WERKGEHEUGEN = "SET work_mem = '32MB'";

export async function openServerStore(options: ServerStoreOptions = {}): Promise<ServerStore> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // Queued on the new connection before any query it is handed out for.
    pool.on('connect', (client) => void client.query(WERKGEHEUGEN).catch(() => undefined));
    const db = drizzlePg(pool, { schema });
    await migratePg(db, { migrationsFolder: SERVER_MIGRATIONS });
    return { db: db as unknown as ServerDb, soort: 'postgresql', close: () => pool.end() };
  }
  const client = new PGlite(options.dataDir);
  await client.exec(WERKGEHEUGEN);
  const db = drizzlePglite(client, { schema });
  await migratePglite(db, { migrationsFolder: SERVER_MIGRATIONS });
  return { db: db as unknown as ServerDb, soort: 'pglite', close: () => client.close() };
}
