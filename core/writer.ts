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
import { syncTabel } from '../db/sync-tabellen';
import { HlcClock } from '../shared/hlc';
import type { Wijziging } from '../shared/sync/protocol';
import { voegRijenSamen, type RijRegisters } from '../shared/sync/rij';
import { bewaarRegisters, leesRegisters } from './sync/registers';

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
    private readonly sqlite: Sqlite,
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
    // Every field as stored, defaults included: other laptops then hold exactly this row, not
    // what their own defaults would make of it, and the row is its own registers there.
    const { id: _id, hlc: _hlc, authorId: _auteur, ...velden } = this.current(table, id);
    this.record(table, id, velden, hlc, undefined);
    return id;
  }

  /**
   * Writes only the fields that really change; returns whether anything changed. `altijd`
   * writes them even when equal: resolving a conflict in favour of the value shown.
   */
  update<T extends SyncTable>(
    table: T,
    id: string,
    fields: Partial<Values<T>>,
    { altijd = false }: { altijd?: boolean } = {},
  ): boolean {
    const current = this.current(table, id);
    const changed = Object.fromEntries(
      Object.entries(fields).filter(
        ([key, value]) => value !== undefined && (altijd || current[key] !== value),
      ),
    );
    if (Object.keys(changed).length === 0) return false;
    const hlc = this.clock.tick();
    this.db
      .update(table)
      .set({ ...changed, hlc, authorId: this.authorId } as never)
      .where(eq(table.id, id))
      .run();
    this.record(table, id, changed, hlc, current);
    return true;
  }

  /** Deletes by tombstone, so the deletion syncs like any other change. */
  tombstone<T extends SyncTable>(table: T, id: string): void {
    const current = this.current(table, id);
    const hlc = this.clock.tick();
    this.db
      .update(table)
      .set({ deleted: true, hlc, authorId: this.authorId } as never)
      .where(eq(table.id, id))
      .run();
    this.record(table, id, { deleted: true }, hlc, current);
  }

  private current(table: SyncTable, id: string): Record<string, unknown> {
    const row = this.db.select().from(table).where(eq(table.id, id)).get();
    if (!row) throw new Error(`${getTableName(table)} ${id} bestaat niet`);
    return row as Record<string, unknown>;
  }

  /**
   * Each changed field names the versions this device had seen (its register's heads), so the
   * central service can tell an overwrite from a concurrent edit.
   */
  private record(
    table: SQLiteTable,
    rowId: string,
    fields: Record<string, unknown>,
    hlc: string,
    previous: Record<string, unknown> | undefined,
  ): void {
    const spec = syncTabel(getTableName(table));
    if (!spec) return;
    const sqlite = this.sqlite;
    const registers = previous ? leesRegisters(sqlite, spec.naam, rowId, previous) : {};
    const velden: Wijziging['velden'] = {};
    const delta: RijRegisters = {};
    for (const [veld, waarde] of Object.entries(fields)) {
      if (waarde === undefined) continue;
      const basis = (registers[veld]?.koppen ?? []).map((v) => v.hlc);
      velden[veld] = { waarde: waarde as Wijziging['velden'][string]['waarde'], basis };
      delta[veld] = {
        koppen: [{ hlc, basis, waarde, auteur: this.authorId }],
        vervangen: [...basis].sort(),
      };
    }
    bewaarRegisters(sqlite, spec, rowId, voegRijenSamen(registers, delta));
    this.db
      .insert(outbox)
      .values({
        changeId: randomUUID(),
        tableName: spec.naam,
        rowId,
        fields: JSON.stringify(velden),
        hlc,
        authorId: this.authorId,
      })
      .run();
  }
}

/** Runs `work` in one transaction: all of it is written, or nothing. */
export function inTransaction<R>(sqlite: Sqlite, work: () => R): R {
  return sqlite.transaction(work)();
}
