/**
 * A laptop whose clock ran ahead stamped its offline changes in the future, and the service
 * refuses those (more than MAX_KLOK_VOORSPRONG_MS ahead of its own clock). Once the laptop
 * knows the service's time, those changes get new stamps from the corrected clock, everywhere
 * the old ones stand: the outbox (the change and the versions later changes were based on), the
 * row's registers and the row itself. Then they are sent again: nothing typed is lost, and the
 * laptop is not blocked for as long as its clock ran ahead.
 */
import type { Sqlite } from '../../db/connection';
import { syncTabel } from '../../db/sync-tabellen';
import { decodeHlc, type HlcClock } from '../../shared/hlc';
import type { Wijziging } from '../../shared/sync/protocol';
import { waardenVan, type RijRegisters } from '../../shared/sync/rij';
import { bewaarRegisters, leesRegisters } from './registers';

interface Uitgaand {
  changeId: string;
  tableName: string;
  rowId: string;
  fields: string;
  hlc: string;
}

/** Re-stamps the unsent changes stamped after `grensMs`; returns how many. */
export function herstempel(sqlite: Sqlite, clock: HlcClock, grensMs: number): number {
  const uitgaand = sqlite
    .prepare<[], Uitgaand>(
      `SELECT change_id AS changeId, table_name AS tableName, row_id AS rowId, fields, hlc
         FROM outbox WHERE geweigerd IS NULL ORDER BY outbox.rowid`,
    )
    .all();
  const vooruit = uitgaand.filter((u) => decodeHlc(u.hlc).wallMs > grensMs);
  if (vooruit.length === 0) return 0;
  clock.terugNaarNu();
  // In the order they were made, so the new stamps keep their order.
  const nieuw = new Map<string, string>();
  for (const u of [...vooruit].sort((a, b) => (a.hlc < b.hlc ? -1 : 1)))
    if (!nieuw.has(u.hlc)) nieuw.set(u.hlc, clock.tick());
  const map = (hlc: string) => nieuw.get(hlc) ?? hlc;

  const bijwerken = sqlite.prepare('UPDATE outbox SET hlc = ?, fields = ? WHERE change_id = ?');
  const rijen = new Map<string, [string, string]>();
  for (const u of uitgaand) {
    const velden = JSON.parse(u.fields) as Wijziging['velden'];
    let geraakt = nieuw.has(u.hlc);
    for (const veld of Object.values(velden)) {
      if (veld.basis.some((h) => nieuw.has(h))) geraakt = true;
      veld.basis = veld.basis.map(map);
    }
    if (!geraakt) continue;
    bijwerken.run(map(u.hlc), JSON.stringify(velden), u.changeId);
    rijen.set(`${u.tableName}|${u.rowId}`, [u.tableName, u.rowId]);
  }
  for (const [tabel, rijId] of rijen.values()) {
    const spec = syncTabel(tabel);
    if (!spec) continue;
    const oud = leesRegisters(sqlite, tabel, rijId);
    const registers: RijRegisters = {};
    for (const [veld, r] of Object.entries(oud))
      registers[veld] = {
        koppen: r.koppen
          .map((v) => ({ ...v, hlc: map(v.hlc), basis: v.basis.map(map).sort() }))
          .sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0)),
        vervangen: [...new Set(r.vervangen.map(map))].sort(),
      };
    bewaarRegisters(sqlite, spec, rijId, registers);
    const { hlc } = waardenVan(registers);
    sqlite.prepare(`UPDATE "${tabel}" SET hlc = ? WHERE id = ?`).run(hlc, rijId);
  }
  return nieuw.size;
}
