/**
 * The application core: one entry point, `call`, used by both hosts (web/ and electron/). This
 * file only puts it together: the dependencies every handler may use (core/context.ts), the
 * handlers of each area (core/<area>/handlers.ts) and the call that checks and runs them
 * (core/call.ts).
 */
import type { OpenDatabase } from '../db/connection';
import { datumInNederland } from '../shared/dates';
import { HlcClock } from '../shared/hlc';
import { actieplanHandlers } from './actieplan/handlers';
import { agendaHandlers } from './agenda/handlers';
import { akkoordHandlers } from './akkoord/handlers';
import { auditHandlers } from './audit/handlers';
import { Toegangslog } from './audit/toegangslog';
import { bestandenHandlers } from './bestanden/handlers';
import { budgetHandlers } from './budget/handlers';
import { createCalls, type Calls, type CoreHandlers } from './call';
import { conceptenHandlers } from './concepten/handlers';
import type { Deps, SojJobs } from './context';
import { gesprekkenHandlers } from './gesprekken/handlers';
import { gezinHandlers } from './gezin/handlers';
import { gezinsplanHandlers } from './gezinsplan/handlers';
import { ijwHandlers } from './ijw/handlers';
import { sessieHandlers } from './sessie/handlers';
import { socialeKaartHandlers } from './sociale-kaart/handlers';
import { sojHandlers } from './soj/handlers';
import { SojImportJobs } from './soj/import';
import { SyncEngine } from './sync/engine';
import { syncHandlers } from './sync/handlers';
import { httpTransport, type Transport } from './sync/transport';
import { takenHandlers } from './taken/handlers';
import { toewijzingHandlers } from './toewijzing/handlers';
import { ChangeWriter, deviceId } from './writer';

export interface CoreOptions {
  log?: (message: string) => void;
  /** The clock; tests fix it. */
  now?: () => Date;
  /** How to reach the central service (tests pass an in-process one). */
  transport?: (server: string) => Transport;
  /** The central service this laptop was set up for (EENPLAN_SERVER_URL): the only one it connects to. */
  standaardServer?: string;
  /** After signing in online: the vault keeps the account to open the profile offline. */
  naAanmelding?: (email: string, wachtwoord: string) => void;
}

/** Every method but the lock's, each from its area. */
const HANDLERS = {
  ...sessieHandlers,
  ...syncHandlers,
  ...bestandenHandlers,
  ...gezinHandlers,
  ...auditHandlers,
  ...gezinsplanHandlers,
  ...gesprekkenHandlers,
  ...conceptenHandlers,
  ...socialeKaartHandlers,
  ...agendaHandlers,
  ...ijwHandlers,
  ...actieplanHandlers,
  ...toewijzingHandlers,
  ...akkoordHandlers,
  ...takenHandlers,
  ...budgetHandlers,
  ...sojHandlers,
} satisfies CoreHandlers;

export interface Core extends Calls {
  sync: SyncEngine;
  /** Waits until an SOJ import has finished (for the CLI and tests). */
  sojWacht(jobId: string): Promise<void>;
  close(): void;
}

export function createCore(store: OpenDatabase, options: CoreOptions = {}): Core {
  const log = options.log ?? console.error;
  const now = options.now ?? (() => new Date());
  const apparaat = deviceId(store.db);
  const clock = new HlcClock(apparaat, () => now().getTime());
  const sync = new SyncEngine(
    { db: store.db, sqlite: store.sqlite, clock, now },
    options.transport ?? httpTransport,
    options.standaardServer ? { standaardServer: options.standaardServer } : {},
  );
  const deps: Deps = {
    db: store.db,
    sqlite: store.sqlite,
    clock,
    today: () => datumInNederland(now()),
    now: () => now().toISOString(),
    toegangslog: new Toegangslog(store.sqlite, apparaat, () => now().toISOString()),
    naAanmelding: options.naAanmelding,
    standaardServer: options.standaardServer ?? null,
    inzageRedenen: new Map(),
    sync,
    // The jobs are made with these same dependencies, right below.
    get sojJobs() {
      return sojJobs;
    },
  };
  const sojJobs: SojJobs = new SojImportJobs(deps, log);
  sync.start();
  const calls = createCalls({
    sqlite: store.sqlite,
    deps,
    handlers: HANDLERS,
    writerFor: (professionalId) => new ChangeWriter(store.sqlite, clock, professionalId),
    log,
  });
  return {
    ...calls,
    sync,
    sojWacht: (jobId) => deps.sojJobs.wacht(jobId),
    close: () => {
      sync.stop();
      store.close();
    },
  };
}
