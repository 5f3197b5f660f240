/**
 * The local register store: every synced row's field registers, its hash for the scope checksum
 * and a conflict flag. A row written before this profile synced (demo data) has no stored
 * registers; it counts as one version per field, stamped with the row's own HLC.
 */
import type { Sqlite } from '../../db/connection';
import type { SyncTabel } from '../../db/sync-tabellen';
import {
  conflictenVan,
  impliciet,
  naarOpslag,
  rijHash,
  uitOpslag,
  type RijRegisters,
} from '../../shared/sync/rij';

const SYNC_KOLOMMEN = new Set(['id', 'hlc', 'authorId']);

const statements = new WeakMap<Sqlite, ReturnType<typeof prepare>>();

function prepare(sqlite: Sqlite) {
  return {
    lees: sqlite.prepare<[string, string], { registers: string }>(
      'SELECT registers FROM sync_registers WHERE tabel = ? AND rij_id = ?',
    ),
    bewaar: sqlite.prepare(
      `INSERT INTO sync_registers (tabel, rij_id, registers, hash, conflict) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (tabel, rij_id) DO UPDATE SET registers = excluded.registers,
         hash = excluded.hash, conflict = excluded.conflict`,
    ),
    verwijder: sqlite.prepare('DELETE FROM sync_registers WHERE tabel = ? AND rij_id = ?'),
  };
}

function stmts(sqlite: Sqlite) {
  let s = statements.get(sqlite);
  if (!s) statements.set(sqlite, (s = prepare(sqlite)));
  return s;
}

/** A row as drizzle returns it -> registers of its fields. */
export function registersUitRij(rij: Record<string, unknown>): RijRegisters {
  const waarden = Object.fromEntries(
    Object.entries(rij).filter(
      ([veld, waarde]) => !SYNC_KOLOMMEN.has(veld) && waarde !== undefined,
    ),
  );
  return impliciet(waarden, rij.hlc as string, (rij.authorId as string | null) ?? null);
}

export function leesRegisters(
  sqlite: Sqlite,
  tabel: string,
  rijId: string,
  rij: Record<string, unknown> | undefined,
): RijRegisters {
  const opgeslagen = stmts(sqlite).lees.get(tabel, rijId);
  if (opgeslagen) return uitOpslag(opgeslagen.registers);
  return rij ? registersUitRij(rij) : {};
}

export function bewaarRegisters(
  sqlite: Sqlite,
  spec: SyncTabel,
  rijId: string,
  registers: RijRegisters,
): void {
  const conflict = conflictenVan(registers, spec.vrijeTekst).length > 0;
  stmts(sqlite).bewaar.run(
    spec.naam,
    rijId,
    naarOpslag(registers),
    rijHash(spec.naam, rijId, registers),
    conflict ? 1 : 0,
  );
}

export function verwijderRegisters(sqlite: Sqlite, tabel: string, rijId: string): void {
  stmts(sqlite).verwijder.run(tabel, rijId);
}
