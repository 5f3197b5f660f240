/**
 * Applies pulled log lines to the local store: merges each row's registers, writes the winning
 * values into the table row, and removes rows that left the scope. One page is one transaction
 * (foreign keys checked at commit, so order within a page does not matter).
 */
import { eq, getTableName } from 'drizzle-orm';
import type { Db, Sqlite } from '../../db/connection';
import { REFERENTIE_SCOPE, SYNC_TABELLEN, syncTabel, type SyncTabel } from '../../db/sync-tabellen';
import type { HlcClock } from '../../shared/hlc';
import type { LogRegel } from '../../shared/sync/protocol';
import {
  canoniek,
  NUL_HASH,
  voegRijenSamen,
  waardenVan,
  xorHash,
  type Checksum,
  type RijRegisters,
} from '../../shared/sync/rij';
import { bewaarRegisters, leesRegisters, verwijderRegisters } from './registers';

export const tabellenVanScope = (scope: string): readonly SyncTabel[] =>
  SYNC_TABELLEN.filter((t) => (scope === REFERENTIE_SCOPE) === (t.soort === 'referentie'));

export interface PaginaUitkomst {
  /** Families that this page deleted or moved away (for the mass-change fail-safe). */
  gezinnenWeg: number;
  gewijzigd: number;
}

export interface ToepasOpties {
  /**
   * Repair: rows seen for the first time in this run start from nothing instead of the local
   * state, so the result is exactly the server's.
   */
  herstel?: Set<string>;
}

function rijVan(db: Db, spec: SyncTabel, id: string): Record<string, unknown> | undefined {
  const t = spec.tabel as typeof spec.tabel & { id: never };
  return db.select().from(t).where(eq(t.id, id)).get() as Record<string, unknown> | undefined;
}

/** Merges one page; returns what changed. Throws when a row cannot be stored (out of sync). */
export function pasPaginaToe(
  db: Db,
  sqlite: Sqlite,
  clock: HlcClock,
  regels: readonly LogRegel[],
  opties: ToepasOpties = {},
): PaginaUitkomst {
  const uitkomst: PaginaUitkomst = { gezinnenWeg: 0, gewijzigd: 0 };
  sqlite.pragma('defer_foreign_keys = ON');
  let hoogste = '';
  for (const regel of regels) {
    const spec = syncTabel(regel.tabel);
    if (!spec) throw new Error(`Onbekende tabel ${regel.tabel} van de centrale dienst`);
    const t = spec.tabel as typeof spec.tabel & { id: never };
    const rij = rijVan(db, spec, regel.rijId);
    const sleutel = `${regel.tabel}|${regel.rijId}`;
    if (regel.soort === 'weg') {
      if (rij) {
        db.delete(t)
          .where(eq(t.id, regel.rijId as never))
          .run();
        if (spec.naam === 'gezinnen' && !rij.deleted) uitkomst.gezinnenWeg += 1;
        uitkomst.gewijzigd += 1;
      }
      verwijderRegisters(sqlite, regel.tabel, regel.rijId);
      opties.herstel?.add(sleutel);
      continue;
    }
    const eerste = opties.herstel && !opties.herstel.has(sleutel);
    opties.herstel?.add(sleutel);
    const oud: RijRegisters = eerste ? {} : leesRegisters(sqlite, regel.tabel, regel.rijId, rij);
    const nieuw = voegRijenSamen(oud, regel.velden as RijRegisters);
    if (!eerste && rij && canoniek(nieuw) === canoniek(oud)) continue;
    const { waarden, hlc, auteur } = waardenVan(nieuw);
    if (hlc > hoogste) hoogste = hlc;
    const volledig = { ...waarden, id: regel.rijId, hlc, authorId: auteur || null };
    if (rij) {
      db.update(t)
        .set(volledig as never)
        .where(eq(t.id, regel.rijId as never))
        .run();
      if (spec.naam === 'gezinnen' && !rij.deleted && waarden.deleted === true)
        uitkomst.gezinnenWeg += 1;
    } else
      db.insert(t)
        .values(volledig as never)
        .run();
    bewaarRegisters(sqlite, spec, regel.rijId, nieuw);
    uitkomst.gewijzigd += 1;
  }
  if (hoogste) clock.receive(hoogste);
  return uitkomst;
}

/**
 * After a repair run: rows of the scope the server did not send are not the server's; they go
 * (children first, so no foreign key is left dangling).
 */
export function verwijderOngezien(db: Db, sqlite: Sqlite, scope: string, gezien: Set<string>) {
  sqlite.pragma('defer_foreign_keys = ON');
  let weg = 0;
  for (const spec of [...tabellenVanScope(scope)].reverse()) {
    const ids = sqlite
      .prepare<[], { id: string }>(`SELECT id FROM "${spec.naam}"`)
      .all()
      .map((r) => r.id)
      .filter((id) => !gezien.has(`${spec.naam}|${id}`));
    const t = spec.tabel as typeof spec.tabel & { id: never };
    for (const id of ids) {
      db.delete(t)
        .where(eq(t.id, id as never))
        .run();
      verwijderRegisters(sqlite, spec.naam, id);
      weg += 1;
    }
  }
  return weg;
}

/** The local checksum of a scope, computed as the server does (XOR of row hashes). */
export function lokaleChecksum(sqlite: Sqlite, scope: string): Checksum {
  const namen = tabellenVanScope(scope).map((t) => getTableName(t.tabel));
  const rijen = sqlite
    .prepare<string[], { hash: string }>(
      `SELECT hash FROM sync_registers WHERE tabel IN (${namen.map(() => '?').join(', ')})`,
    )
    .all(...namen);
  let hash = NUL_HASH;
  for (const r of rijen) hash = xorHash(hash, r.hash);
  return { hash, aantal: rijen.length };
}
