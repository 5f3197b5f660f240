import type { Sqlite } from './connection';

/** Runs `work` in one transaction: all of it is written, or nothing. */
export function inTransaction<R>(sqlite: Sqlite, work: () => R): R {
  return sqlite.transaction(work)();
}
