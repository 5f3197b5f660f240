/**
 * npm run server: the central service on HOST:PORT (default 127.0.0.1:8787). PostgreSQL via
 * DATABASE_URL, otherwise embedded PGlite in DATA_DIR (default .data/server). TLS comes from a
 * reverse proxy in front of it (README).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bouwServer } from './app';
import { openServerStore } from './db/connection';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 8787);
const dataDir = process.env.DATA_DIR ?? '.data/server';
mkdirSync(dataDir, { recursive: true });

/** The token key: EENPLAN_GEHEIM (64 hex characters) or a random key kept in the data folder. */
function geheim(): Buffer {
  if (process.env.EENPLAN_GEHEIM) return Buffer.from(process.env.EENPLAN_GEHEIM, 'hex');
  const file = join(dataDir, 'token-geheim');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
}

const store = await openServerStore(
  process.env.DATABASE_URL
    ? { databaseUrl: process.env.DATABASE_URL }
    : { dataDir: join(dataDir, 'pglite') },
);
const app = await bouwServer({ store, geheim: geheim(), logger: true });
await app.listen({ host, port });
console.log(`Eenplan centrale dienst (${store.soort}) op http://${host}:${port}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(
    signal,
    () =>
      void app
        .close()
        .then(() => store.close())
        .then(() => process.exit(0)),
  );
