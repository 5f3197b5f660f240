/**
 * Applies pulled log lines to the local store: merges each row's registers, writes the winning
 * values into the table row, and removes rows that left the scope. One page is one transaction
 * (foreign keys checked at commit, so order within a page does not matter).
 */
import { eq, getTableColumns, getTableName } from 'drizzle-orm';
import type { Db, Sqlite } from '../../db/connection';
import { REFERENTIE_SCOPE, SYNC_TABELLEN, syncTabel, type SyncTabel } from '../../db/sync-tabellen';
import type { HlcClock } from '../../shared/hlc';
import type { PullPagina } from '../../shared/sync/protocol';
import {
  canoniek,
  voegRijenSamen,
  waardenVan,
  xorAlle,
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
  /**
   * The scope held nothing when this pull began (a first sync): rows not in the set cannot
   * exist locally yet, so they are not looked up. Holds the rows written since.
   */
  leeg?: Set<string>;
}

interface Kolom {
  sleutel: string;
  naam: string;
  naarDb(waarde: unknown): unknown;
  uitDb(waarde: unknown): unknown;
  standaard: unknown;
}

/**
 * Prepared statements per table, with drizzle's own value mapping (booleans, etc.): a pulled
 * page is thousands of rows, too many for the query builder's per-call overhead.
 */
class TabelToegang {
  private readonly kolommen: Kolom[];
  private readonly perSleutel: Map<string, Kolom>;
  private readonly lees;
  private readonly voegIn;
  private readonly bijwerken = new Map<string, ReturnType<Sqlite['prepare']>>();

  constructor(
    private readonly sqlite: Sqlite,
    private readonly naam: string,
    tabel: SyncTabel['tabel'],
  ) {
    this.kolommen = Object.entries(getTableColumns(tabel)).map(([sleutel, c]) => ({
      sleutel,
      naam: c.name,
      naarDb: (w: unknown) => (w === null || w === undefined ? null : c.mapToDriverValue(w)),
      uitDb: (w: unknown) => (w === null ? null : c.mapFromDriverValue(w)),
      standaard: c.hasDefault ? c.default : null,
    }));
    this.perSleutel = new Map(this.kolommen.map((k) => [k.sleutel, k]));
    this.lees = sqlite.prepare(`SELECT * FROM "${naam}" WHERE id = ?`);
    this.voegIn = sqlite.prepare(
      `INSERT INTO "${naam}" (${this.kolommen.map((k) => `"${k.naam}"`).join(', ')}) VALUES (${this.kolommen.map(() => '?').join(', ')})`,
    );
  }

  /** The row in drizzle's form (field keys, mapped values), as the registers hold it. */
  rij(id: string): Record<string, unknown> | undefined {
    const ruw = this.lees.get(id) as Record<string, unknown> | undefined;
    if (!ruw) return undefined;
    return Object.fromEntries(this.kolommen.map((k) => [k.sleutel, k.uitDb(ruw[k.naam])]));
  }

  voegToe(waarden: Record<string, unknown>): void {
    this.voegIn.run(
      this.kolommen.map((k) => k.naarDb(k.sleutel in waarden ? waarden[k.sleutel] : k.standaard)),
    );
  }

  werkBij(id: string, waarden: Record<string, unknown>): void {
    const sleutels = Object.keys(waarden).filter((k) => k !== 'id' && this.perSleutel.has(k));
    const code = sleutels.join(',');
    let stmt = this.bijwerken.get(code);
    if (!stmt) {
      const set = sleutels.map((k) => `"${this.perSleutel.get(k)!.naam}" = ?`).join(', ');
      stmt = this.sqlite.prepare(`UPDATE "${this.naam}" SET ${set} WHERE id = ?`);
      this.bijwerken.set(code, stmt);
    }
    stmt.run([...sleutels.map((k) => this.perSleutel.get(k)!.naarDb(waarden[k])), id]);
  }
}

const toegang = new WeakMap<Sqlite, Map<string, TabelToegang>>();

function tabelToegang(sqlite: Sqlite, spec: SyncTabel): TabelToegang {
  let perTabel = toegang.get(sqlite);
  if (!perTabel) toegang.set(sqlite, (perTabel = new Map()));
  let t = perTabel.get(spec.naam);
  if (!t) perTabel.set(spec.naam, (t = new TabelToegang(sqlite, spec.naam, spec.tabel)));
  return t;
}

/** Merges one page; returns what changed. Throws when a row cannot be stored (out of sync). */
export function pasPaginaToe(
  db: Db,
  sqlite: Sqlite,
  clock: HlcClock,
  regels: PullPagina['regels'],
  opties: ToepasOpties = {},
): PaginaUitkomst {
  const uitkomst: PaginaUitkomst = { gezinnenWeg: 0, gewijzigd: 0 };
  sqlite.pragma('defer_foreign_keys = ON');
  let hoogste = '';
  for (const regel of regels) {
    const spec = syncTabel(regel.tabel);
    if (!spec) throw new Error(`Onbekende tabel ${regel.tabel} van de centrale dienst`);
    const t = spec.tabel as typeof spec.tabel & { id: never };
    const tabel = tabelToegang(sqlite, spec);
    const sleutel = `${regel.tabel}|${regel.rijId}`;
    const onbekend = opties.leeg !== undefined && !opties.leeg.has(sleutel);
    opties.leeg?.add(sleutel);
    const rij = onbekend ? undefined : tabel.rij(regel.rijId);
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
    const oud: RijRegisters =
      eerste || onbekend ? {} : leesRegisters(sqlite, regel.tabel, regel.rijId, rij);
    // The service sends merged registers; a row new here needs no merge.
    const nieuw =
      onbekend || eerste ? (regel.velden ?? {}) : voegRijenSamen(oud, regel.velden ?? {});
    if (!eerste && rij && canoniek(nieuw) === canoniek(oud)) continue;
    const { waarden, hlc, auteur } = waardenVan(nieuw);
    if (hlc > hoogste) hoogste = hlc;
    const volledig = { ...waarden, id: regel.rijId, hlc, authorId: auteur || null };
    if (rij) {
      tabel.werkBij(regel.rijId, volledig);
      if (spec.naam === 'gezinnen' && !rij.deleted && waarden.deleted === true)
        uitkomst.gezinnenWeg += 1;
    } else tabel.voegToe(volledig);
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
      .prepare<[string], { id: string }>(
        `SELECT id FROM "${spec.naam}" UNION SELECT rij_id FROM sync_registers WHERE tabel = ?`,
      )
      .all(spec.naam)
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

/** Whether this laptop holds nothing of a scope yet. */
export function scopeIsLeeg(sqlite: Sqlite, scope: string): boolean {
  return tabellenVanScope(scope).every(
    (t) =>
      !sqlite.prepare(`SELECT 1 FROM "${t.naam}" LIMIT 1`).get() &&
      !sqlite.prepare('SELECT 1 FROM sync_registers WHERE tabel = ? LIMIT 1').get(t.naam),
  );
}

/** The local checksum of a scope, computed as the server does (XOR of row hashes). */
export function lokaleChecksum(sqlite: Sqlite, scope: string): Checksum {
  const namen = tabellenVanScope(scope).map((t) => getTableName(t.tabel));
  const rijen = sqlite
    .prepare<string[], { hash: string }>(
      `SELECT hash FROM sync_registers WHERE tabel IN (${namen.map(() => '?').join(', ')})`,
    )
    .all(...namen);
  return { hash: xorAlle(rijen.map((r) => r.hash)), aantal: rijen.length };
}
