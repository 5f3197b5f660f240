/**
 * npm run web: the browser host on its embedded defaults.
 *   EENPLAN_DATA_DIR  folder of the profiles on this computer (default .data/web)
 *   EENPLAN_PORT      port on 127.0.0.1 (default 5180; a free port when that one is taken)
 *   EENPLAN_SERVER_URL  central service to connect to; the profile then starts empty (no demo)
 */
import { resolve } from 'node:path';
import { createCore } from '../core/core';
import { Kluizen } from '../core/kluis/kluizen';
import { startWebHost, type WebHost } from './web';
import { seedDemo } from '../demo/seed';

const dataDir = resolve(process.env.EENPLAN_DATA_DIR ?? '.data/web');
const wantedPort = Number(process.env.EENPLAN_PORT ?? 5180);
if (!Number.isInteger(wantedPort) || wantedPort < 0 || wantedPort > 65_535) {
  console.error(
    `Fout: EENPLAN_PORT moet een poortnummer zijn, niet "${process.env.EENPLAN_PORT}".`,
  );
  process.exit(2);
}

const serverUrl = process.env.EENPLAN_SERVER_URL;
const kluis = new Kluizen({
  dataDir,
  // A laptop that syncs starts empty: its data comes from the central service.
  ...(serverUrl ? {} : { seed: seedDemo }),
  maakCore: (store, naAanmelding) => {
    if (store.seededWithDemo)
      console.log('Eerste start: de kleine demoregio is geladen (fictieve gezinnen).');
    return createCore(store, {
      naAanmelding,
      ...(serverUrl ? { standaardServer: serverUrl } : {}),
    });
  },
});
const staticDir = resolve('dist/renderer');

let host: WebHost;
try {
  host = await startWebHost({ kluis, staticDir, port: wantedPort });
} catch (error) {
  if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
  host = await startWebHost({ kluis, staticDir, port: 0 });
  console.log(`Poort ${wantedPort} is bezet; Eenplan gebruikt een vrije poort.`);
}
console.log(`Eenplan draait in de browser op ${host.url} (alleen op deze computer bereikbaar).`);
console.log(
  kluis.staat() === 'nieuw'
    ? 'Eerste start: maak in de browser uw profiel aan, met een wachtwoordzin.'
    : 'Kies in de browser uw profiel en ontgrendel het met uw wachtwoordzin.',
);
console.log(`Gegevens: ${dataDir} (versleuteld). Stoppen: Ctrl+C.`);

function stop(): void {
  void host.close().then(() => {
    kluis.vergrendel();
    process.exit(0);
  });
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
