import type { Db, Sqlite } from '../db/connection';
import type { IsoDate } from '../shared/dates';
import type { HlcClock } from '../shared/hlc';
import type { LogregelInvoer, Toegangslog } from './audit/toegangslog';
import type { Session } from './session';
import type { SojImportJobs } from './soj/import';
import type { SyncEngine } from './sync/engine';
import type { ChangeWriter } from './writer';

/** What every use case may use; `today` and `now` are injectable so tests control time. */
export interface Deps {
  db: Db;
  sqlite: Sqlite;
  clock: HlcClock;
  today(): IsoDate;
  now(): string;
  /** Background SOJ imports of this process (progress is polled). */
  sojJobs: SojImportJobs;
  /** Sync with the central service (background and on demand). */
  sync: SyncEngine;
  /** The access log (NEN 7513). */
  toegangslog: Toegangslog;
  /** The central service this laptop was set up for (EENPLAN_SERVER_URL); the only one. */
  standaardServer?: string | null;
  /** After signing in online (CoreOptions.naAanmelding). */
  naAanmelding?: (email: string, wachtwoord: string) => void;
  /** Reasons teamcoaches gave to read a dossier: `${professionalId}|${gezinId}` -> until when. */
  inzageRedenen: Map<string, { reden: string; tot: number }>;
}

/** A signed-in call: the dependencies, the caller and a writer stamped with the caller. */
export interface Ctx extends Deps {
  session: Session;
  write: ChangeWriter;
  /** Families this call showed or changed, with the reason given: one access-log line each. */
  geraakt: Map<string, string | null>;
  /** Further access-log lines of this call (exports, reading the log). */
  logregels: LogregelInvoer[];
  /** What the families' lines record, when not "inzien" or "wijzigen" (an export). */
  actie?: LogregelInvoer['actie'];
}
