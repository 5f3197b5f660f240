/**
 * Applies pulled log lines to the local store: merges each row's registers, writes the winning
 * values into the table row, and removes rows that left the scope. One page is one transaction
 * (foreign keys checked at commit, so order within a page does not matter).
 */
import { eq, getTableName } from 'drizzle-orm';
import type { Db, Sqlite } from '../../db/connection';
import { REFERENTIE_SCOPE, SYNC_TABELLEN, syncTabel, type SyncTabel } from '../../db/sync-tabellen';
import type { HlcClock } from '../../shared/hlc';
import type { PullPagina } from '../../shared/sync/protocol';
import {
  canoniek,
  uitEersteVersie,
  voegRijenSamen,
  waardenVan,
  xorAlle,
  type Checksum,
  type RijRegisters,
} from '../../shared/sync/rij';
import {
  bewaarEersteVersie,
  bewaarRegisters,
  leesRegisters,
  verwijderRegisters,
} from './registers';
import { redenVan, wezenInQuarantaine, zetInQuarantaine } from './quarantaine';
import { tabelToegang, type TabelToegang } from './tabel-toegang';

export const tabellenVanScope = (scope: string): readonly SyncTabel[] =>
  SYNC_TABELLEN.filter((t) => (scope === REFERENTIE_SCOPE) === (t.soort === 'referentie'));

export interface PaginaUitkomst {
  /** Families that this page deleted or moved away (for the mass-change fail-safe). */
  gezinnenWeg: number;
  gewijzigd: number;
  /** Rows this laptop could not store, kept in quarantine (careful mode only). */
  quarantaine: number;
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
  /**
   * Each row in its own savepoint, a row that cannot be stored put in quarantine (after the fast
   * way failed for the page): one row never stops the scope.
   */
  voorzichtig?: boolean;
}

/** Merges one page; returns what changed. Throws when a row cannot be stored (out of sync). */
export function pasPaginaToe(
  db: Db,
  sqlite: Sqlite,
  clock: HlcClock,
  regels: PullPagina['regels'],
  opties: ToepasOpties = {},
): PaginaUitkomst {
  sqlite.pragma('defer_foreign_keys = ON');
  const pagina = new Pagina(db, sqlite, opties);
  for (const regel of perRij(regels)) pagina.pasRijToe(regel);
  const { uitkomst, hoogste } = pagina;
  if (opties.voorzichtig) {
    // Every synced table: a row that left or waits can orphan a child in another table, also of
    // another scope (a team's families point at its team in the reference data).
    const weg = new Set(regels.filter((r) => r.soort === 'weg').map((r) => r.rijId));
    uitkomst.quarantaine += wezenInQuarantaine(sqlite, SYNC_TABELLEN, weg);
  }
  if (hoogste) clock.receive(hoogste);
  return uitkomst;
}

type Regel = PullPagina['regels'][number];

/** One page being merged: what changed so far, and the highest HLC met. */
class Pagina {
  readonly uitkomst: PaginaUitkomst = { gezinnenWeg: 0, gewijzigd: 0, quarantaine: 0 };
  hoogste = '';

  constructor(
    private readonly db: Db,
    private readonly sqlite: Sqlite,
    private readonly opties: ToepasOpties,
  ) {}

  /**
   * Writes a row into its table; careful: in its own savepoint, and when its table will not
   * take it, its registers still go in (the checksum stays the service's) and the row waits in
   * quarantine. Returns whether the row was written.
   */
  private schrijfVeilig(
    spec: SyncTabel,
    rijId: string,
    schrijf: () => void,
    registers: () => RijRegisters,
  ): boolean {
    const { sqlite } = this;
    if (!this.opties.voorzichtig) {
      schrijf();
      return true;
    }
    sqlite.exec('SAVEPOINT rij');
    try {
      schrijf();
      sqlite.exec('RELEASE rij');
      return true;
    } catch (error) {
      sqlite.exec('ROLLBACK TO rij');
      sqlite.exec('RELEASE rij');
      zetInQuarantaine(sqlite, spec, rijId, registers(), redenVan(error));
      this.uitkomst.quarantaine += 1;
      return false;
    }
  }

  pasRijToe(regel: Regel): void {
    const { sqlite, opties, uitkomst } = this;
    const spec = syncTabel(regel.tabel);
    if (!spec) throw new Error(`Onbekende tabel ${regel.tabel} van de centrale dienst`);
    const tabel = tabelToegang(sqlite, spec);
    const sleutel = `${regel.tabel}|${regel.rijId}`;
    const onbekend = opties.leeg !== undefined && !opties.leeg.has(sleutel);
    opties.leeg?.add(sleutel);
    const rij = onbekend ? undefined : tabel.rij(regel.rijId);
    if (regel.soort === 'weg') return this.pasWegToe(spec, regel, rij, sleutel);
    const eerste = opties.herstel && !opties.herstel.has(sleutel);
    opties.herstel?.add(sleutel);
    const nieuwHier = onbekend || eerste;
    // A row new here that arrives as one first write (most of a first sync) is stored as it
    // came: no registers built, merged or serialised again.
    if (nieuwHier && regel.eerste) {
      const eersteVersie = regel.eerste;
      const [hlc, auteur, waarden] = eersteVersie;
      if (hlc > this.hoogste) this.hoogste = hlc;
      const geschreven = this.schrijfVeilig(
        spec,
        regel.rijId,
        () => schrijfRij(spec.naam, tabel, rij, regel.rijId, waarden, hlc, auteur, uitkomst),
        () => uitEersteVersie(eersteVersie),
      );
      if (!geschreven) return;
      const inRij = !rij && tabel.bewaartPrecies(waarden);
      bewaarEersteVersie(sqlite, spec, regel.rijId, eersteVersie, { inRij, hash: regel.hash });
      uitkomst.gewijzigd += 1;
      return;
    }
    const binnen = regel.velden ?? (regel.eerste ? uitEersteVersie(regel.eerste) : {});
    const oud: RijRegisters = nieuwHier
      ? {}
      : leesRegisters(sqlite, regel.tabel, regel.rijId, rij ?? null);
    // The service sends merged registers; a row new here needs no merge.
    const nieuw = nieuwHier ? binnen : voegRijenSamen(oud, binnen);
    if (!eerste && rij && canoniek(nieuw) === canoniek(oud)) return;
    const { waarden, hlc, auteur } = waardenVan(nieuw);
    if (hlc > this.hoogste) this.hoogste = hlc;
    const geschreven = this.schrijfVeilig(
      spec,
      regel.rijId,
      () => schrijfRij(spec.naam, tabel, rij, regel.rijId, waarden, hlc, auteur, uitkomst),
      () => nieuw,
    );
    if (!geschreven) return;
    bewaarRegisters(sqlite, spec, regel.rijId, nieuw);
    uitkomst.gewijzigd += 1;
  }

  /** A row the service deleted (or that left the scope): gone here too, with its registers. */
  private pasWegToe(
    spec: SyncTabel,
    regel: Regel,
    rij: { deleted?: unknown } | undefined,
    sleutel: string,
  ): void {
    const t = spec.tabel as typeof spec.tabel & { id: never };
    if (rij) {
      this.db
        .delete(t)
        .where(eq(t.id, regel.rijId as never))
        .run();
      if (spec.naam === 'gezinnen' && !rij.deleted) this.uitkomst.gezinnenWeg += 1;
      this.uitkomst.gewijzigd += 1;
    }
    verwijderRegisters(this.sqlite, regel.tabel, regel.rijId);
    this.opties.herstel?.add(sleutel);
  }
}

/**
 * Consecutive lines of one row (a colleague's edits of a field, pushed together) as one: merging
 * is associative, so the row is read, merged and written once instead of once per line.
 */
function perRij(regels: PullPagina['regels']): PullPagina['regels'] {
  const uit: PullPagina['regels'] = [];
  for (const regel of regels) {
    const vorige = uit.at(-1);
    if (
      vorige?.velden &&
      regel.velden &&
      vorige.soort === 'velden' &&
      regel.soort === 'velden' &&
      vorige.tabel === regel.tabel &&
      vorige.rijId === regel.rijId
    ) {
      const { hash: _deelHash, ...samen } = vorige;
      uit[uit.length - 1] = { ...samen, velden: voegRijenSamen(vorige.velden, regel.velden) };
    } else uit.push(regel);
  }
  return uit;
}

/** Writes a row's winning values into its table row, counting a family that was deleted. */
function schrijfRij(
  tabelNaam: string,
  tabel: TabelToegang,
  rij: Record<string, unknown> | undefined,
  rijId: string,
  waarden: Record<string, unknown>,
  hlc: string,
  auteur: string,
  uitkomst: PaginaUitkomst,
): void {
  const sync = { id: rijId, hlc, authorId: auteur || null };
  if (!rij) return tabel.voegToe(waarden, sync);
  tabel.werkBij(rijId, { ...waarden, ...sync });
  if (tabelNaam === 'gezinnen' && !rij.deleted && waarden.deleted === true)
    uitkomst.gezinnenWeg += 1;
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
  // The hashes as plain strings (pluck), not a row object each: half the time for the ~2,000
  // reference rows every round checks.
  const hashes = sqlite
    .prepare<string[], string>(
      `SELECT hash FROM sync_registers WHERE tabel IN (${namen.map(() => '?').join(', ')})`,
    )
    .pluck()
    .all(...namen);
  return { hash: xorAlle(hashes), aantal: hashes.length };
}
