/**
 * One laptop of the concurrent-sync benchmark, in a thread of its own: laptops are separate
 * machines, so one laptop's applying and hashing must not delay the answer another waits for.
 * Connects, syncs a family of its own, then per round writes 10 changes and syncs, reporting how
 * long each push took.
 */
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { gezinsplannen } from '../db/schema';
import { httpTransport, type Transport } from '../core/sync/transport';
import { type Account } from '../test/helpers/dienst-omgeving';
import { maakLaptop, nieuwGezin } from '../test/helpers/laptop';

export interface LaptopOpdracht {
  url: string;
  account: Account;
  index: number;
}

export type LaptopBericht = { soort: 'klaar' } | { soort: 'ronde'; pushes: number[] };

const { url, account, index } = workerData as LaptopOpdracht;
// A laptop is a machine of its own: on this machine's two shared cores its work (applying the
// colleagues' changes it pulls) must not take the service's processor time and be counted as
// the service's latency. On Linux this lowers only this thread (the service's stays at 0).
setPriority(19);
const pushes: number[] = [];
const http = httpTransport(url);
const gemeten: Transport = async (v) => {
  const t = performance.now();
  const antwoord = await http(v);
  if (v.pad === '/sync/push') pushes.push(performance.now() - t);
  return antwoord;
};
const laptop = await maakLaptop(gemeten, account);
const { planId } = nieuwGezin(laptop, `Familie Bench ${index}`);
await laptop.engine.synchroniseer();
parentPort!.postMessage({ soort: 'klaar' } satisfies LaptopBericht);

parentPort!.on('message', async (bericht: { ronde: number } | 'stop') => {
  if (bericht === 'stop') {
    laptop.store.close();
    process.exit(0);
  }
  pushes.length = 0;
  for (let k = 0; k < 10; k++)
    laptop.schrijf((w) =>
      w.update(gezinsplannen, planId, { eigenWoorden: `Ronde ${bericht.ronde}.${k}` }),
    );
  await laptop.engine.synchroniseer();
  parentPort!.postMessage({ soort: 'ronde', pushes: [...pushes] } satisfies LaptopBericht);
});
