/**
 * npm run server: the central service on HOST:PORT (default 127.0.0.1:8787). PostgreSQL via
 * DATABASE_URL, otherwise embedded PGlite in DATA_DIR (default .data/server). TLS comes from a
 * reverse proxy in front of it (README); TRUST_PROXY names it, so that its X-Forwarded-For counts.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bouwServer } from './app';
import { hashWachtwoord } from './auth/wachtwoord';
import { openServerStore } from './db/connection';
import { beoordeelWachtwoord } from '../shared/wachtwoord';
import { gebruikers, scopes } from './db/schema';
import { generateRegion } from '../demo/generate';
import { toIsoDate } from '../shared/dates';
import { zaaiDataset } from './sync/zaai';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 8787);
const dataDir = process.env.DATA_DIR ?? '.data/server';
mkdirSync(dataDir, { recursive: true });
const proxy = vertrouwProxy();

/** The token key: EENPLAN_GEHEIM (64 hex characters) or a random key kept in the data folder. */
function geheim(): Buffer {
  if (process.env.EENPLAN_GEHEIM) return Buffer.from(process.env.EENPLAN_GEHEIM, 'hex');
  const file = join(dataDir, 'token-geheim');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
}

/**
 * A new installation has no accounts: EENPLAN_BEHEERDER_EMAIL and EENPLAN_BEHEERDER_WACHTWOORD
 * make the first beheerder, who then creates teams and accounts.
 */
async function eersteBeheerder(): Promise<void> {
  const email = process.env.EENPLAN_BEHEERDER_EMAIL;
  const wachtwoord = process.env.EENPLAN_BEHEERDER_WACHTWOORD;
  if ((await store.db.select().from(gebruikers).limit(1)).length > 0) return;
  if (!email || !wachtwoord) {
    console.log(
      'Nog geen accounts. Start met EENPLAN_BEHEERDER_EMAIL en EENPLAN_BEHEERDER_WACHTWOORD (12+ tekens, geen veelgebruikt wachtwoord) om de eerste beheerder te maken.',
    );
    return;
  }
  const oordeel = beoordeelWachtwoord(wachtwoord, { email, naam: 'Beheerder' });
  if (!oordeel.ok) {
    console.log(`EENPLAN_BEHEERDER_WACHTWOORD is niet gebruikt: ${oordeel.melding}`);
    return;
  }
  await store.db.insert(gebruikers).values({
    id: randomUUID(),
    email: email.trim().toLowerCase(),
    naam: 'Beheerder',
    rol: 'beheerder',
    wachtwoordHash: await hashWachtwoord(wachtwoord),
  });
  console.log(`Eerste beheerder aangemaakt: ${email}`);
}

const store = await openServerStore(
  process.env.DATABASE_URL
    ? { databaseUrl: process.env.DATABASE_URL }
    : { dataDir: join(dataDir, 'pglite') },
);
/**
 * EENPLAN_DEMO=1 on an empty service: the small fictional demo region, every professional an
 * account with EENPLAN_DEMO_WACHTWOORD (default below). Never for real use.
 */
async function demo(): Promise<void> {
  if (process.env.EENPLAN_DEMO !== '1') return;
  if ((await store.db.select().from(scopes).limit(1)).length > 0) return;
  const wachtwoord = process.env.EENPLAN_DEMO_WACHTWOORD ?? 'demo-wachtwoord-eenplan';
  const data = generateRegion({ scale: 'small', today: toIsoDate(new Date()) });
  const { rijen } = await zaaiDataset(store, data, { wachtwoord });
  const voorbeeld = data.professionals.find((p) => p.rol === 'jeugdprofessional');
  console.log(
    `Demoregio geladen (${rijen} records, ${data.professionals.length} accounts, wachtwoord "${wachtwoord}"), bijvoorbeeld ${voorbeeld?.email}.`,
  );
}

await eersteBeheerder();
await demo();
/**
 * TRUST_PROXY: the reverse proxy in front, by its address or CIDR range (comma-separated, e.g.
 * 127.0.0.1, or `loopback`). Only then is X-Forwarded-For believed, and only the part that proxy
 * added: never "true", with which every client would pick its own address.
 */
function vertrouwProxy(): string | undefined {
  const waarde = process.env.TRUST_PROXY?.trim();
  if (!waarde) return undefined;
  const delen = waarde.split(',').map((d) => d.trim());
  const adres = /^(?:[0-9a-fA-F.:]+(?:\/\d{1,3})?|loopback|linklocal|uniquelocal)$/;
  if (!delen.every((d) => adres.test(d)))
    throw new Error(
      `TRUST_PROXY: noem de adressen van de proxy (bijvoorbeeld 127.0.0.1), niet "${waarde}".`,
    );
  return delen.join(',');
}

const app = await bouwServer({
  store,
  geheim: geheim(),
  logger: true,
  updatesMap: process.env.UPDATES_DIR ?? join(dataDir, 'updates'),
  vertrouwProxy: proxy,
});
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
