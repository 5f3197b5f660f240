/**
 * Every local change goes through here: it stamps the row with a fresh HLC and its author and
 * writes the outbox entry in the same transaction (ARCHITECTURE.md "Data and sync"). Services
 * never write syncable tables directly.
 */
import { randomUUID } from 'node:crypto';
import { eq, getTableName } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db, Sqlite } from '../db/connection';
import { instellingen } from '../db/schema';
import { syncTabel, type SyncTabel } from '../db/sync-tabellen';
import { HlcClock } from '../shared/hlc';
import type { Wijziging } from '../shared/sync/protocol';
import { voegRijenSamen, type RijRegisters } from '../shared/sync/rij';
import { waardeFout } from '../shared/regels/waarden';
import { ApiError } from './api-error';
import type { SyncTable, WriteValues as Values, Writer } from './context';
import { bewaarRegisters, leesRegisters } from './sync/registers';
import { tabelToegang, type TabelToegang } from './sync/tabel-toegang';

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

export class ChangeWriter implements Writer {
  constructor(
    private readonly sqlite: Sqlite,
    private readonly clock: HlcClock,
    private readonly authorId: string,
  ) {}

  insert<T extends SyncTable>(table: T, values: Values<T> & { id?: string }): string {
    const { spec, rijen } = this.toegang(table);
    this.controleer(spec, values as Record<string, unknown>);
    const id = values.id ?? randomUUID();
    const hlc = this.clock.tick();
    rijen.voegToe(values as Record<string, unknown>, {
      id,
      hlc,
      authorId: this.authorId,
      deleted: false,
    });
    // Every field as stored, defaults included: other laptops then hold exactly this row, not
    // what their own defaults would make of it, and the row is its own registers there.
    const { id: _id, hlc: _hlc, authorId: _auteur, ...velden } = this.current(spec, rijen, id);
    this.record(spec, id, velden, hlc, undefined);
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
    const { spec, rijen } = this.toegang(table);
    const current = this.current(spec, rijen, id);
    const changed = Object.fromEntries(
      Object.entries(fields).filter(
        ([key, value]) => value !== undefined && (altijd || current[key] !== value),
      ),
    );
    if (Object.keys(changed).length === 0) return false;
    this.controleer(spec, changed);
    const hlc = this.clock.tick();
    rijen.werkBij(id, { ...changed, hlc, authorId: this.authorId });
    this.record(spec, id, changed, hlc, current);
    return true;
  }

  /**
   * Deletes by tombstone, so the deletion syncs like any other change. The row's free text is
   * written again as it was seen: a colleague who rewrote it offline meanwhile then meets this
   * deletion as a visible conflict ("herstellen"), instead of the text vanishing with the row.
   */
  tombstone<T extends SyncTable>(table: T, id: string): void {
    const { spec, rijen } = this.toegang(table);
    const current = this.current(spec, rijen, id);
    const hlc = this.clock.tick();
    rijen.werkBij(id, { deleted: true, hlc, authorId: this.authorId });
    // Empty text too: a colleague who filled it in meanwhile must meet the deletion as well.
    const gezien = Object.fromEntries(
      spec.vrijeTekst.filter((veld) => veld in current).map((veld) => [veld, current[veld]]),
    );
    this.record(spec, id, { ...gezien, deleted: true }, hlc, current);
  }

  /** Undoes a tombstone (a deleted row a colleague had rewritten, restored from the conflict). */
  herstel<T extends SyncTable>(table: T, id: string): void {
    const { spec, rijen } = this.toegang(table);
    const current = this.current(spec, rijen, id);
    if (current.deleted !== true) return;
    const hlc = this.clock.tick();
    rijen.werkBij(id, { deleted: false, hlc, authorId: this.authorId });
    this.record(spec, id, { deleted: false }, hlc, current);
  }

  /**
   * Prepared statements, not the query builder: an edit is a handful of statements, and the
   * builder cost more than the statements themselves (a tenth of a millisecond each).
   */
  private toegang(table: SQLiteTable): { spec: SyncTabel; rijen: TabelToegang } {
    const spec = syncTabel(getTableName(table));
    if (!spec) throw new Error(`${getTableName(table)} wordt niet gesynchroniseerd`);
    return { spec, rijen: tabelToegang(this.sqlite, spec) };
  }

  /** Only values the central service takes too (shared/regels/waarden.ts, the same check). */
  private controleer(spec: SyncTabel, velden: Record<string, unknown>): void {
    for (const veld in velden) {
      const fout = waardeFout(spec.naam, veld, velden[veld]);
      if (fout) throw new ApiError('ongeldige-invoer', fout.bericht, veld);
    }
  }

  private current(spec: SyncTabel, rijen: TabelToegang, id: string): Record<string, unknown> {
    const row = rijen.rij(id);
    if (!row) throw new Error(`${spec.naam} ${id} bestaat niet`);
    return row;
  }

  /**
   * Each changed field names the versions this device had seen (its register's heads), so the
   * central service can tell an overwrite from a concurrent edit.
   */
  private record(
    spec: SyncTabel,
    rowId: string,
    fields: Record<string, unknown>,
    hlc: string,
    previous: Record<string, unknown> | undefined,
  ): void {
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
    outboxInsert(sqlite).run(
      randomUUID(),
      spec.naam,
      rowId,
      JSON.stringify(velden),
      hlc,
      this.authorId,
    );
  }
}

const prepareOutboxInsert = (sqlite: Sqlite) =>
  sqlite.prepare<[string, string, string, string, string, string]>(
    `INSERT INTO outbox (change_id, table_name, row_id, fields, hlc, author_id)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
const outboxInserts = new WeakMap<Sqlite, ReturnType<typeof prepareOutboxInsert>>();

function outboxInsert(sqlite: Sqlite) {
  let stmt = outboxInserts.get(sqlite);
  if (!stmt) outboxInserts.set(sqlite, (stmt = prepareOutboxInsert(sqlite)));
  return stmt;
}
