/**
 * What a handler is given: interfaces only, so no module of the core depends on another's
 * concrete class through here (createCore in core/core.ts fills them in).
 */
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db, Sqlite } from '../db/connection';
import type { SojImportStatus } from '../shared/api/soj';
import type { SyncGebruiker, SyncStatus } from '../shared/api/sync';
import type { AuditActie, KetenStatus } from '../shared/api/audit';
import type { IsoDate } from '../shared/dates';
import type { HlcClock } from '../shared/hlc';
import type { Rol } from '../shared/domain';

/** The caller as the core knows them (core/sessie/session.ts finds them). */
export interface Session {
  professionalId: string;
  rol: Rol;
  teamId: string | null;
}

/** A table that is synchronised: every row has an id, an HLC stamp and a deleted flag. */
export type SyncTable = SQLiteTable & {
  id: SQLiteColumn;
  hlc: SQLiteColumn;
  deleted: SQLiteColumn;
  $inferInsert: object;
  $inferSelect: object;
};
/** The fields a use case writes; the writer stamps id, hlc, author and deleted itself. */
export type WriteValues<T extends SyncTable> = Omit<
  T['$inferInsert'],
  'id' | 'hlc' | 'authorId' | 'deleted'
>;

/** The single writer of synchronised tables (core/writer.ts, ChangeWriter). */
export interface Writer {
  insert<T extends SyncTable>(table: T, values: WriteValues<T> & { id?: string }): string;
  /** Writes only the fields that really change; returns whether anything changed. */
  update<T extends SyncTable>(
    table: T,
    id: string,
    fields: Partial<WriteValues<T>>,
    opties?: { altijd?: boolean },
  ): boolean;
  tombstone<T extends SyncTable>(table: T, id: string): void;
  /** Undoes a tombstone (a deleted row restored from a conflict). */
  herstel<T extends SyncTable>(table: T, id: string): void;
}

/** One line for the access log (NEN 7513). */
export interface LogregelInvoer {
  actie: AuditActie;
  gezinId: string | null;
  /** The part of the record: the API method that showed or changed it. */
  onderdeel: string;
  reden?: string | null;
  /** Whose behalf the user acted on, when not their own. */
  namensId?: string | null;
}

/** The access log (core/audit/toegangslog.ts, Toegangslog). */
export interface AccessLog {
  schrijf(userId: string, regels: readonly LogregelInvoer[]): void;
  controleer(): KetenStatus;
}

/** Background SOJ imports of this process (core/soj/import.ts, SojImportJobs). */
export interface SojJobs {
  start(bytes: Uint8Array, bestandsnaam: string, door: string): SojImportStatus;
  status(jobId: string, door: string): SojImportStatus | null;
  /** The status, null when unknown, or why it cannot be confirmed. */
  bevestig(jobId: string, door: string): SojImportStatus | null | string;
  wacht(jobId: string): Promise<void>;
}

/** What handlers use of the sync engine (core/sync/engine.ts, SyncEngine). */
export interface SyncControl {
  gebruiker(): SyncGebruiker | null;
  status(): SyncStatus;
  /** Something was written: push it soon. */
  gewijzigd(): void;
  verbind(
    server: string,
    email: string,
    wachtwoord: string,
    apparaatNaam: string,
  ): Promise<unknown>;
  synchroniseer(opties?: { bevestigMassa?: boolean }): Promise<unknown>;
}

/** What every use case may use; `today` and `now` are injectable so tests control time. */
export interface Deps {
  db: Db;
  sqlite: Sqlite;
  clock: HlcClock;
  today(): IsoDate;
  now(): string;
  /** Background SOJ imports of this process (progress is polled). */
  sojJobs: SojJobs;
  /** Sync with the central service (background and on demand). */
  sync: SyncControl;
  /** The access log (NEN 7513). */
  toegangslog: AccessLog;
  /** The central service this laptop was set up for (EENPLAN_SERVER_URL); the only one. */
  standaardServer?: string | null;
  /** After signing in online (CoreOptions.naAanmelding). */
  naAanmelding?: (email: string, wachtwoord: string) => void;
  /** Reasons teamcoaches gave to read a dossier: `${professionalId}|${gezinId}` -> until when. */
  inzageRedenen: Map<string, { reden: string; tot: number }>;
}

/**
 * A signed-in call of a method declared `lezen` in the contract: the dependencies and the
 * caller, without a writer.
 */
export interface ReadCtx extends Deps {
  session: Session;
  /** Families this call showed or changed, with the reason given: one access-log line each. */
  geraakt: Map<string, string | null>;
  /** Further access-log lines of this call (exports, reading the log). */
  logregels: LogregelInvoer[];
  /** What the families' lines record, when not what the method declares (an export). */
  actie?: LogregelInvoer['actie'];
}

/** A call of a method declared `schrijven`: also a writer stamped with the caller. */
export interface Ctx extends ReadCtx {
  write: Writer;
}
