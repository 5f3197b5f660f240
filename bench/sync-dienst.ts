/**
 * The central service for the sync benchmarks, in a thread of its own: in production it is a
 * separate process on another machine, so the laptops' work and the service's must not share
 * one event loop. Seeds one team of the cached region and a small team of 20 accounts, then
 * listens on a free loopback port until told to stop.
 */
import { randomBytes } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/connection';
import { loadOrCreateKeyFile } from '../db/key-file';
import { bouwServer } from '../server/app';
import { openServerStore } from '../server/db/connection';
import { maakAccount, maakTeam, type Account } from '../server/sync/test-omgeving';
import { zaaiUitDatabase } from '../server/sync/zaai';
import { WACHTWOORD } from '../server/sync/test-omgeving';

export interface DienstOpdracht {
  bronPad: string;
  teamId: string;
  laptops: number;
}

export interface DienstKlaar {
  url: string;
  rijen: number;
  /** Accounts of the small team, one per concurrent laptop. */
  accounts: Account[];
}

const opdracht = workerData as DienstOpdracht;
const bron = openDatabase({
  path: opdracht.bronPad,
  key: loadOrCreateKeyFile(`${opdracht.bronPad}.key`),
});
// PGlite, as `npm run server` runs by default; BENCH_DATABASE_URL measures on PostgreSQL.
const databaseUrl = process.env.BENCH_DATABASE_URL;
const store = await openServerStore(databaseUrl ? { databaseUrl } : {});
const { rijen } = await zaaiUitDatabase(store, bron, {
  alleenTeams: new Set([opdracht.teamId]),
  wachtwoord: WACHTWOORD,
});
bron.close();
const klein = await maakTeam(store, 'Jeugdteam Bench');
const accounts: Account[] = [];
for (let i = 0; i < opdracht.laptops; i++)
  accounts.push(await maakAccount(store, 'jeugdprofessional', klein));
const app = await bouwServer({ store, geheim: randomBytes(32) });
const url = await app.listen({ host: '127.0.0.1', port: 0 });
parentPort!.postMessage({ url, rijen, accounts } satisfies DienstKlaar);
parentPort!.once('message', () => {
  void app
    .close()
    .then(() => store.close())
    .then(() => process.exit(0));
});
