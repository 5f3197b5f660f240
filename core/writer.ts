/**
 * Every local change goes through here: it stamps the row with a fresh HLC and its author and
 * writes the outbox entry in the same transaction (ARCHITECTURE.md "Data and sync"). Services
 * never write syncable tables directly.
 */
import { randomUUID } from 'node:crypto';
import { eq, getTableName } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db, Sqlite } from '../db/connection';
import { instellingen, outbox } from '../db/schema';
import { HlcClock } from '../shared/hlc';

type SyncTable = SQLiteTable & {
  id: SQLiteColumn;
  hlc: SQLiteColumn;
  deleted: SQLiteColumn;
  $inferInsert: object;
  $inferSelect: object;
};
type Values<T extends SyncTable> = Omit<T['$inferInsert'], 'id' | 'hlc' | 'authorId' | 'deleted'>;

/** This profile's HLC node id, made once and kept. */
export function deviceId(db: Db): string {
  const existing = db
    .select()
    .from(instellingen)
    .where(eq(instellingen.sleutel, 'apparaat-id'))
    .get();
  if (existing) return existing.waarde;
  const id = randomUUID().slice(0, 8);
  db.insert(instellingen).values({ sleutel: 'apparaat-id', waarde: id }).run();
  return id;
}

export class ChangeWriter {
  constructor(
    private readonly db: Db,
    private readonly clock: HlcClock,
    private readonly authorId: string,
  ) {}

  insert<T extends SyncTable>(table: T, values: Values<T> & { id?: string }): string {
    const id = values.id ?? randomUUID();
    const hlc = this.clock.tick();
    const row = { ...values, id, hlc, authorId: this.authorId, deleted: false };
    this.db
      .insert(table)
      .values(row as never)
      .run();
    this.record(table, id, { ...values, id, deleted: false }, hlc);
    return id;
  }

  /** Writes only the fields that really change; returns whether anything changed. */
  update<T extends SyncTable>(table: T, id: string, fields: Partial<Values<T>>): boolean {
    const current = this.db.select().from(table).where(eq(table.id, id)).get() as
      Record<string, unknown> | undefined;
    if (!current) throw new Error(`${getTableName(table)} ${id} bestaat niet`);
    const changed = Object.fromEntries(
      Object.entries(fields).filter(
        ([key, value]) => value !== undefined && current[key] !== value,
      ),
    );
    if (Object.keys(changed).length === 0) return false;
    const hlc = this.clock.tick();
    this.db
      .update(table)
      .set({ ...changed, hlc, authorId: this.authorId } as never)
      .where(eq(table.id, id))
      .run();
    this.record(table, id, changed, hlc);
    return true;
  }

  /** Deletes by tombstone, so the deletion syncs like any other change. */
  tombstone<T extends SyncTable>(table: T, id: string): void {
    const hlc = this.clock.tick();
    this.db
      .update(table)
      .set({ deleted: true, hlc, authorId: this.authorId } as never)
      .where(eq(table.id, id))
      .run();
    this.record(table, id, { deleted: true }, hlc);
  }

  private record(table: SQLiteTable, rowId: string, fields: object, hlc: string): void {
    this.db
      .insert(outbox)
      .values({
        changeId: randomUUID(),
        tableName: getTableName(table),
        rowId,
        fields: JSON.stringify(fields),
        hlc,
      })
      .run();
  }
}

/** Runs `work` in one transaction: all of it is written, or nothing. */
export function inTransaction<R>(sqlite: Sqlite, work: () => R): R {
  return sqlite.transaction(work)();
}
