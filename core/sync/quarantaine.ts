/**
 * Quarantine (ADR 0003, "nothing stops everything"): a row from the service that this laptop
 * cannot store in its table (a uniqueness or parent the laptop enforces and the service does
 * not) keeps its registers, so the scope's checksum still agrees with the service, but stays out
 * of its table with the reason. The rest of the scope goes on; the row is shown on the sync
 * screen, reported to the service, and tried again after every pull.
 */
import type { Sqlite } from '../../db/connection';
import { SYNC_TABELLEN, syncTabel, type SyncTabel } from '../../db/sync-tabellen';
import { uitOpslag, waardenVan, type RijRegisters } from '../../shared/sync/rij';
import { bewaarRegisters, leesRegisters } from './registers';
import { tabelToegang } from './tabel-toegang';

export interface QuarantaineRij {
  tabel: string;
  rijId: string;
  reden: string;
  registers: RijRegisters;
}

/** Why a row could not be written, in words for the sync screen. */
export function redenVan(error: unknown): string {
  const bericht = error instanceof Error ? error.message : String(error);
  if (/UNIQUE constraint/i.test(bericht))
    return `Er staat al een ander record met dezelfde gegevens op dit apparaat (${bericht.replace(/^UNIQUE constraint failed: /i, '')}).`;
  if (/FOREIGN KEY/i.test(bericht)) return 'Het bovenliggende record ontbreekt op dit apparaat.';
  return `Kon niet worden opgeslagen: ${bericht}`;
}

export function zetInQuarantaine(
  sqlite: Sqlite,
  spec: SyncTabel,
  rijId: string,
  registers: RijRegisters,
  reden: string,
): void {
  bewaarRegisters(sqlite, spec, rijId, registers);
  sqlite
    .prepare('UPDATE sync_registers SET quarantaine = ? WHERE tabel = ? AND rij_id = ?')
    .run(reden, spec.naam, rijId);
}

/**
 * Rows left pointing at a parent this laptop does not have (checked before the commit that would
 * refuse them): out of their table and into quarantine, until no such row is left. A row whose
 * family record left this laptop's scope (`weg`: a verhuizing) goes with it instead: what it
 * held that the service does not have yet stays in the outbox, shown and forwarded. Throws when
 * a row that does not sync (local data) is in the way: that is not the service's to repair.
 */
export function wezenInQuarantaine(
  sqlite: Sqlite,
  tabellen: readonly SyncTabel[],
  weg: Set<string> = new Set(),
): number {
  let aantal = 0;
  for (;;) {
    const fouten = tabellen.flatMap(
      (t) =>
        sqlite.pragma(`foreign_key_check("${t.naam}")`) as {
          table: string;
          rowid: number;
          parent: string;
        }[],
    );
    if (fouten.length === 0) return aantal;
    for (const f of fouten) {
      const spec = syncTabel(f.table);
      if (!spec) throw new Error(`Ontbrekend record in ${f.table}`);
      const id = sqlite
        .prepare<[number], string>(`SELECT id FROM "${f.table}" WHERE rowid = ?`)
        .pluck()
        .get(f.rowid);
      if (!id) continue;
      const rij = tabelToegang(sqlite, spec).rij(id);
      const ouderId = spec.ouder ? rij?.[spec.ouder.veld] : undefined;
      sqlite.prepare(`DELETE FROM "${f.table}" WHERE id = ?`).run(id);
      if (typeof ouderId === 'string' && weg.has(ouderId)) {
        sqlite
          .prepare('DELETE FROM sync_registers WHERE tabel = ? AND rij_id = ?')
          .run(f.table, id);
        weg.add(id);
        continue;
      }
      const registers = leesRegisters(sqlite, f.table, id, rij);
      zetInQuarantaine(
        sqlite,
        spec,
        id,
        registers,
        `Het bovenliggende record (${f.parent}) ontbreekt op dit apparaat.`,
      );
      aantal += 1;
    }
  }
}

/** The rows in quarantine, parents first. */
export function inQuarantaine(sqlite: Sqlite): QuarantaineRij[] {
  const volgorde = new Map(SYNC_TABELLEN.map((t, i) => [t.naam, i]));
  return sqlite
    .prepare<[], { tabel: string; rijId: string; reden: string; registers: string }>(
      `SELECT tabel, rij_id AS rijId, quarantaine AS reden, registers FROM sync_registers
        WHERE quarantaine IS NOT NULL`,
    )
    .all()
    .map((r) => ({ ...r, registers: uitOpslag(r.registers) }))
    .sort((a, b) => (volgorde.get(a.tabel) ?? 0) - (volgorde.get(b.tabel) ?? 0));
}

/**
 * Tries every quarantined row again (a parent may have arrived, a colleague's duplicate may be
 * gone): each in its own savepoint; what still fails stays in quarantine with its new reason.
 * Runs inside the caller's transaction. Returns how many rows came out.
 */
export function probeerOpnieuw(sqlite: Sqlite): number {
  const rijen = inQuarantaine(sqlite);
  if (rijen.length === 0) return 0;
  sqlite.pragma('defer_foreign_keys = ON');
  let eruit = 0;
  const tabellen = new Set<SyncTabel>();
  for (const r of rijen) {
    const spec = syncTabel(r.tabel);
    if (!spec) continue;
    tabellen.add(spec);
    const toegang = tabelToegang(sqlite, spec);
    const { waarden, hlc, auteur } = waardenVan(r.registers);
    sqlite.exec('SAVEPOINT quarantaine');
    try {
      const sync = { id: r.rijId, hlc, authorId: auteur || null };
      if (toegang.rij(r.rijId)) toegang.werkBij(r.rijId, { ...waarden, ...sync });
      else toegang.voegToe(waarden, sync);
      bewaarRegisters(sqlite, spec, r.rijId, r.registers);
      sqlite.exec('RELEASE quarantaine');
      eruit += 1;
    } catch (error) {
      sqlite.exec('ROLLBACK TO quarantaine');
      sqlite.exec('RELEASE quarantaine');
      zetInQuarantaine(sqlite, spec, r.rijId, r.registers, redenVan(error));
    }
  }
  return eruit - wezenInQuarantaine(sqlite, [...tabellen]);
}
