/**
 * The local register store: every synced row's field registers, its hash for the scope checksum
 * and a conflict flag. Registers are stored as NULL when the row itself is exactly its one first
 * write (most rows after a first sync): they are then read back from the row, with the row's own
 * HLC and author, which is also how a row written before this profile synced (demo data, with no
 * entry at all) counts.
 */
import type { Sqlite } from '../../db/connection';
import { syncTabel, type SyncTabel } from '../../db/sync-tabellen';
import {
  conflictenVan,
  naarOpslag,
  rijHash,
  registersUitRij,
  rijHashEersteVersie,
  uitOpslag,
  type EersteVersie,
  type RijRegisters,
} from '../../shared/sync/rij';
import { tabelToegang } from './tabel-toegang';
import './native-sha256';

const statements = new WeakMap<Sqlite, ReturnType<typeof prepare>>();

function prepare(sqlite: Sqlite) {
  return {
    lees: sqlite.prepare<[string, string], { registers: string | null }>(
      'SELECT registers FROM sync_registers WHERE tabel = ? AND rij_id = ?',
    ),
    // Storing registers means the row was written: it leaves quarantine (quarantaine.ts).
    bewaar: sqlite.prepare(
      `INSERT INTO sync_registers (tabel, rij_id, registers, hash, conflict) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (tabel, rij_id) DO UPDATE SET registers = excluded.registers,
         hash = excluded.hash, conflict = excluded.conflict, quarantaine = NULL`,
    ),
    verwijder: sqlite.prepare('DELETE FROM sync_registers WHERE tabel = ? AND rij_id = ?'),
  };
}

function stmts(sqlite: Sqlite) {
  let s = statements.get(sqlite);
  if (!s) statements.set(sqlite, (s = prepare(sqlite)));
  return s;
}

/**
 * The registers of a row. `rij` is the row as drizzle returns it when the caller has it, null
 * when it is known not to exist, undefined to have it read here when needed.
 */
export function leesRegisters(
  sqlite: Sqlite,
  tabel: string,
  rijId: string,
  rij?: Record<string, unknown> | null,
): RijRegisters {
  const opgeslagen = stmts(sqlite).lees.get(tabel, rijId);
  if (opgeslagen?.registers) return uitOpslag(opgeslagen.registers);
  const spec = rij === undefined ? syncTabel(tabel) : undefined;
  const bron = spec ? tabelToegang(sqlite, spec).rij(rijId) : rij;
  return bron ? registersUitRij(bron) : {};
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

/**
 * A row's one first write, just stored in its table. `inRij`: the row holds exactly these values
 * (`TabelToegang.bewaartPrecies`), so only the hash is kept apart. `hash`: the one the service
 * sent with it, if any.
 */
export function bewaarEersteVersie(
  sqlite: Sqlite,
  spec: SyncTabel,
  rijId: string,
  eerste: EersteVersie,
  opties: { inRij: boolean; hash?: string },
): void {
  stmts(sqlite).bewaar.run(
    spec.naam,
    rijId,
    opties.inRij ? null : JSON.stringify({ $: eerste }),
    opties.hash ?? rijHashEersteVersie(spec.naam, rijId, eerste),
    0,
  );
}

export function verwijderRegisters(sqlite: Sqlite, tabel: string, rijId: string): void {
  stmts(sqlite).verwijder.run(tabel, rijId);
}
