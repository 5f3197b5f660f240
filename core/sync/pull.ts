/**
 * Pulling one scope (ARCHITECTURE.md "Data and sync"): page by page, one transaction per page,
 * the cursor saved after the commit; the next pages asked for while one is applied; the scope
 * checksum checked at the end and the scope repaired on a mismatch; and a stop to ask before a
 * pull removes an unusual share of the caseload. The engine (./engine.ts) decides when.
 */
import type { Db, Sqlite } from '../../db/connection';
import { inTransaction } from '../../db/transaction';
import type { HlcClock } from '../../shared/hlc';
import {
  leesPullAntwoord,
  MAX_PAGINA,
  type PullPagina,
  type ScopeStand,
} from '../../shared/sync/protocol';
import { SyncError } from './errors';
import { probeerOpnieuw } from './quarantaine';
import { lokaleChecksum, pasPaginaToe, scopeIsLeeg, verwijderOngezien } from './toepassen';
import type { Verzoek } from './transport';

const MIN_MASSA = 10;
/** Pages asked for ahead of the one being applied. */
const VOORUIT_PAGINAS = 2;

export interface PullDeps {
  db: Db;
  sqlite: Sqlite;
  clock: HlcClock;
  now(): Date;
  /** A request to the service with the access token (the engine's). */
  vraag(verzoek: Verzoek): Promise<unknown>;
  paginaGrootte?: number;
  massaDrempel?: number;
  /** Tests: called after a page is committed and before its cursor is saved (a crash point). */
  naPagina?: (scope: string) => void;
}

export function cursorVan(sqlite: Sqlite, scope: string): number {
  return (
    sqlite
      .prepare<[string], { cursor: number }>('SELECT cursor FROM sync_state WHERE scope = ?')
      .get(scope)?.cursor ?? 0
  );
}

function bewaarCursor(deps: PullDeps, scope: string, cursor: number, checksum?: string): void {
  deps.sqlite
    .prepare(
      `INSERT INTO sync_state (scope, cursor, last_sync_at, checksum) VALUES (?, ?, ?, ?)
       ON CONFLICT (scope) DO UPDATE SET cursor = excluded.cursor,
         last_sync_at = excluded.last_sync_at, checksum = coalesce(excluded.checksum, checksum)`,
    )
    .run(scope, cursor, deps.now().toISOString(), checksum ?? null);
}

/**
 * Whether this laptop already holds the scope as the service has it: at its last seq, nothing
 * waiting to go out, and the local checksum equal to the service's (checked here, so a store
 * damaged behind the engine's back is still repaired in the next round).
 */
export function bijgewerkt(sqlite: Sqlite, scope: string, stand: ScopeStand | undefined): boolean {
  if (!stand || cursorVan(sqlite, scope) !== stand.seq) return false;
  const wachtend = sqlite.prepare('SELECT 1 FROM outbox WHERE geweigerd IS NULL LIMIT 1').get();
  if (wachtend) return false;
  const lokaal = lokaleChecksum(sqlite, scope);
  return lokaal.hash === stand.hash && lokaal.aantal === stand.aantal;
}

/**
 * A first sync of a scope writes its rows in a series of commits; the WAL is then copied into
 * the database once at the end, not again after every commit that finds it over 1000 pages.
 */
export async function pullScope(deps: PullDeps, scope: string, bevestigMassa: boolean) {
  const { sqlite } = deps;
  const eerste = cursorVan(sqlite, scope) === 0 && scopeIsLeeg(sqlite, scope);
  if (!eerste) return new ScopePull(deps, scope, bevestigMassa, false).haal();
  sqlite.pragma('wal_autocheckpoint=0');
  try {
    return await new ScopePull(deps, scope, bevestigMassa, true).haal();
  } finally {
    if (sqlite.open) {
      sqlite.pragma('wal_autocheckpoint=1000');
      sqlite.pragma('wal_checkpoint(PASSIVE)');
    }
  }
}

/** One pull of a scope, and where it stands. */
class ScopePull {
  private cursor: number;
  private herstel: Set<string> | undefined;
  private leeg: Set<string> | undefined;
  private weg = 0;
  private ontvangen = 0;
  private readonly limiet: number;
  private readonly actieveGezinnen: number;
  /**
   * The next pages are asked for before this one is applied, so the service prepares them
   * while the laptop writes and parses. Sequence numbers run on by one per line, so the
   * cursor after the next page is known in advance; a page is only used when the cursor it
   * was asked for is the current one (a gap left by deleted lines makes a guess unused).
   */
  private readonly vooruit = new Map<number, Promise<PullPagina>>();

  constructor(
    private readonly deps: PullDeps,
    private readonly scope: string,
    private readonly bevestigMassa: boolean,
    eerste: boolean,
  ) {
    this.actieveGezinnen = (
      deps.sqlite.prepare('SELECT count(*) AS n FROM gezinnen WHERE deleted = 0').get() as {
        n: number;
      }
    ).n;
    this.cursor = cursorVan(deps.sqlite, scope);
    this.leeg = eerste ? new Set<string>() : undefined;
    // A first sync takes the largest pages (fewer commits, each rewriting fewer index pages)
    // after a small first one, which arrives soon and sets the pipeline going.
    this.limiet = deps.paginaGrootte ?? (this.leeg ? MAX_PAGINA : 1000);
  }

  /** From the start again, as a repair: every row the service sends is checked off. */
  private herstelVanafBegin(): void {
    this.herstel = new Set();
    this.leeg = undefined;
    this.cursor = 0;
    this.vooruit.clear();
  }

  private async pagina(na: number): Promise<PullPagina> {
    const limiet = na === 0 ? Math.min(this.limiet, 1000) : this.limiet;
    const body = await this.deps.vraag({
      methode: 'GET',
      pad: `/sync/pull?scope=${encodeURIComponent(this.scope)}&na=${na}&limiet=${limiet}`,
    });
    const gelezen = leesPullAntwoord(body);
    if (!gelezen)
      throw new SyncError('server-error', 'Onverwacht antwoord van de centrale dienst.');
    return gelezen;
  }

  private vraagVooruit(pagina: PullPagina): void {
    for (const na of this.vooruit.keys()) if (na < pagina.tot) this.vooruit.delete(na);
    for (let k = 0; k < VOORUIT_PAGINAS; k++) {
      const na = pagina.tot + k * this.limiet;
      if (pagina.laatste !== undefined && na >= pagina.laatste) break;
      if (this.vooruit.has(na)) continue;
      const gevraagd = this.pagina(na);
      // A page that is never used must not surface as an unhandled rejection.
      gevraagd.catch(() => undefined);
      this.vooruit.set(na, gevraagd);
    }
  }

  /** The page at the cursor; null when the service no longer knows the cursor (repair begun). */
  private async volgende(): Promise<PullPagina | null> {
    try {
      const gevraagd = this.vooruit.get(this.cursor) ?? this.pagina(this.cursor);
      this.vooruit.delete(this.cursor);
      return await gevraagd;
    } catch (error) {
      if (error instanceof SyncError && error.soort === 'out-of-sync' && !this.herstel) {
        this.herstelVanafBegin();
        return null;
      }
      throw error;
    }
  }

  /** One page in one transaction, stopped before it removes an unusual share of the families. */
  private pasToe(pagina: PullPagina, voorzichtig: boolean): void {
    const { db, sqlite, clock } = this.deps;
    const drempel = this.deps.massaDrempel ?? 0.5;
    inTransaction(sqlite, () => {
      const uitkomst = pasPaginaToe(db, sqlite, clock, pagina.regels, {
        herstel: this.herstel,
        leeg: this.leeg,
        voorzichtig,
      });
      const weg = this.weg + uitkomst.gezinnenWeg;
      if (!this.bevestigMassa && weg >= MIN_MASSA)
        if (weg > this.actieveGezinnen * drempel)
          throw new SyncError(
            'mass-change',
            `De centrale dienst zou ${weg} van uw ${this.actieveGezinnen} gezinnen verwijderen of ` +
              'naar een ander team verplaatsen. Er is niets gewijzigd; bevestig als dit klopt.',
          );
      this.weg += uitkomst.gezinnenWeg;
      this.ontvangen += uitkomst.gewijzigd;
    });
  }

  /** The page applied; false when it did not fit and the repair begins from the start. */
  private pasPaginaToe(pagina: PullPagina): boolean {
    const herstel = this.herstel;
    // Rows this page meets for the first time in a repair: a failed try must not count them.
    const eerstInPagina = herstel
      ? pagina.regels.map((r) => `${r.tabel}|${r.rijId}`).filter((k) => !herstel.has(k))
      : [];
    try {
      try {
        this.pasToe(pagina, false);
      } catch (error) {
        if (error instanceof SyncError) throw error;
        // A row this laptop cannot store (ADR 0003): the page again, row by row, and what
        // still does not fit waits in quarantine while the rest of the scope goes on.
        for (const k of eerstInPagina) herstel!.delete(k);
        this.pasToe(pagina, true);
      }
      return true;
    } catch (error) {
      if (error instanceof SyncError) throw error;
      if (!this.herstel) {
        this.herstelVanafBegin();
        return false;
      }
      throw new SyncError(
        'out-of-sync',
        'Een wijziging van de centrale dienst past niet in de gegevens op dit apparaat; de gegevens worden hersteld.',
      );
    }
  }

  /**
   * After the last page: what waited in quarantine tried again, and the scope's checksum held
   * against the service's. Null when they differ and the repair begins from the start.
   */
  private sluitAf(pagina: PullPagina): { ontvangen: number; hersteld: boolean } | null {
    const { db, sqlite } = this.deps;
    const uitkomst = { ontvangen: this.ontvangen, hersteld: Boolean(this.herstel) };
    // What waited in quarantine may fit now (its parent arrived, a duplicate went).
    inTransaction(sqlite, () => probeerOpnieuw(sqlite));
    const wachtend = (
      sqlite.prepare('SELECT count(*) AS n FROM outbox WHERE geweigerd IS NULL').get() as {
        n: number;
      }
    ).n;
    if (!pagina.checksum || wachtend > 0) return uitkomst;
    const herstel = this.herstel;
    if (herstel) inTransaction(sqlite, () => verwijderOngezien(db, sqlite, this.scope, herstel));
    const lokaal = lokaleChecksum(sqlite, this.scope);
    if (lokaal.hash === pagina.checksum.hash && lokaal.aantal === pagina.checksum.aantal) {
      bewaarCursor(this.deps, this.scope, this.cursor, lokaal.hash);
      return uitkomst;
    }
    if (herstel)
      throw new SyncError(
        'out-of-sync',
        'De gegevens op dit apparaat wijken af van de centrale dienst, ook na herstel. Neem contact op met de beheerder.',
      );
    this.herstelVanafBegin();
    return null;
  }

  async haal(): Promise<{ ontvangen: number; hersteld: boolean }> {
    for (;;) {
      const pagina = await this.volgende();
      if (!pagina) continue;
      if (pagina.meer) {
        this.vraagVooruit(pagina);
        // Let the requests leave before the synchronous apply holds the thread.
        await new Promise((klaar) => setImmediate(klaar));
      }
      if (!this.pasPaginaToe(pagina)) continue;
      this.deps.naPagina?.(this.scope);
      this.cursor = pagina.tot;
      bewaarCursor(this.deps, this.scope, this.cursor);
      if (pagina.meer) continue;
      const klaar = this.sluitAf(pagina);
      if (klaar) return klaar;
    }
  }
}
