/**
 * The central service for the sync benchmarks, in a thread of its own: in production it is a
 * separate process on another machine, so the laptops' work and the service's must not share
 * one event loop. Seeds one team of the cached region and a small team of 20 accounts, then
 * listens on a free loopback port until told to stop.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/connection';
import { loadOrCreateKeyFile } from '../db/raw-key-file';
import { maakAccount, maakOmgeving, maakTeam, type Account } from '../test/helpers/dienst-omgeving';
import { zaaiUitDatabase } from '../server/sync/zaai';
import { WACHTWOORD } from '../test/helpers/dienst-omgeving';

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
// PGlite, as `npm run server` runs by default; BENCH_POSTGRESQL=1 measures on a fresh database of
// the PostgreSQL at TEST_DATABASE_URL (dropped at the end).
const omgeving = await maakOmgeving(process.env.BENCH_POSTGRESQL ? 'postgresql' : 'pglite');
const { store, app } = omgeving;
const { rijen } = await zaaiUitDatabase(store, bron, {
  alleenTeams: new Set([opdracht.teamId]),
  wachtwoord: WACHTWOORD,
});
bron.close();
const klein = await maakTeam(store, 'Jeugdteam Bench');
const accounts: Account[] = [];
for (let i = 0; i < opdracht.laptops; i++)
  accounts.push(await maakAccount(store, 'jeugdprofessional', klein));
// The seeding's garbage is collected before anything is measured, as in a service that has been
// up a while: otherwise a major collection of it lands in the middle of the measured requests.
setFlagsFromString('--expose-gc');
(runInNewContext('gc') as () => void)();
const url = await app.listen({ host: '127.0.0.1', port: 0 });
parentPort!.postMessage({ url, rijen, accounts } satisfies DienstKlaar);
parentPort!.once('message', () => {
  void omgeving.sluit().then(() => process.exit(0));
});
