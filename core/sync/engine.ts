/**
 * The client side of sync (ARCHITECTURE.md "Data and sync"): pushes the outbox in batches,
 * pulls each scope page by page (one transaction per page, the cursor saved after the commit),
 * checks the scope checksum and repairs on a mismatch, stops and asks before a pull removes an
 * unusual share of the caseload, and reports typed errors. Runs in the background when
 * connected (every minute, soon after a local change, backing off when offline).
 */
import pakket from '../../package.json';
import type { Db, Sqlite } from '../../db/connection';
import type { HlcClock } from '../../shared/hlc';
import {
  IngetrokkenAntwoord,
  type IntrekkingWire,
  LogRatel,
  ToegangslogAntwoord,
  leesPullAntwoord,
  MAX_KLOK_VOORSPRONG_MS,
  MAX_QUARANTAINE_MELDINGEN,
  MAX_PAGINA,
  MAX_LOGREGELS,
  type LogregelWire,
  type PullPagina,
  ScopesAntwoord,
  type ScopeStand,
  type Wijziging,
} from '../../shared/sync/protocol';
import type { SyncFoutSoort, SyncGebruiker, SyncStatus } from '../../shared/api-sync';
import { ANKER_SLEUTEL, bewaarLogsleutel, bewaarRatel, logStand } from '../audit/toegangslog';
import { bewaarNummerblok, blokkenMetRuimte } from '../toewijzingnummers';
import { inTransaction } from '../writer';
import { herstempel } from './herstempel';
import { inQuarantaine, probeerOpnieuw } from './quarantaine';
import { lokaleChecksum, pasPaginaToe, scopeIsLeeg, verwijderOngezien } from './toepassen';
import { GeenVerbinding, type Antwoord, type Transport, type Verzoek } from './transport';

export class SyncFout extends Error {
  constructor(
    readonly soort: SyncFoutSoort,
    message: string,
    /** Index of the refused change in a push batch. */
    readonly index?: number,
  ) {
    super(message);
    this.name = 'SyncFout';
  }
}

/** The service revoked this laptop: what it may still send before it wipes itself. */
class Ingetrokken extends SyncFout {
  constructor(
    readonly intrekking: IntrekkingWire,
    /** A token for handing in the access log only (the session is over). */
    readonly logtoken?: string,
  ) {
    super('unauthorised', 'Dit apparaat is ingetrokken door de beheerder.');
  }
}

export interface SyncVerslag {
  verstuurd: number;
  ontvangen: number;
  hersteld: string[];
}

export interface EngineOpties {
  pushGrootte?: number;
  paginaGrootte?: number;
  /** Share of the local caseload one pull may remove before it asks (default one half). */
  massaDrempel?: number;
  /** Address offered in the connect dialog. */
  standaardServer?: string;
  /** Tests: called after a page is committed and before its cursor is saved (a crash point). */
  naPagina?: (scope: string) => void;
}

export interface EngineDeps {
  db: Db;
  sqlite: Sqlite;
  clock: HlcClock;
  now(): Date;
}

const MIN_MASSA = 10;
/** Pages asked for ahead of the one being applied. */
const VOORUIT_PAGINAS = 2;
const INTERVAL_MS = 60_000;
const NA_WIJZIGING_MS = 2_000;
const MAX_WACHT_MS = 5 * 60_000;

const K = {
  server: 'sync.server',
  vernieuw: 'sync.vernieuwtoken',
  apparaat: 'sync.apparaat',
  gebruiker: 'sync.gebruiker',
  laatste: 'sync.laatste',
  /** The last access-log line the central service has (NEN 7513: kept there). */
  logVerzonden: 'sync.toegangslog',
  /** The log position (`LogStand`) last proved to the service. */
  logStand: 'sync.toegangslog-stand',
  /** The quarantine as last reported to the service. */
  quarantaineGemeld: 'sync.quarantaine',
} as const;

/**
 * A computer clock within this of the service's is left alone (network time keeps it there);
 * beyond it, changes are stamped by the service's time.
 */
const KLOK_MARGE_MS = 30_000;

interface TokenAntwoord {
  toegangstoken: string;
  vernieuwtoken: string;
  apparaatId: string;
  gebruiker: SyncGebruiker;
  /** The device's access-log key (a service of an earlier version gives none). */
  logsleutel?: string;
  /** A new forward-secure log key, when the laptop could not prove it holds one. */
  logratel?: unknown;
}

export class SyncEngine {
  private toegang: string | undefined;
  private lopend: Promise<SyncVerslag> | undefined;
  private fout: SyncFout | null = null;
  private online: boolean | null = null;
  private mislukt = 0;
  private timer: NodeJS.Timeout | undefined;
  private volgende: Date | null = null;
  private actief = false;
  /** The service's time, once an answer told it. */
  private dienstTijd: (() => number) | undefined;

  constructor(
    private readonly deps: EngineDeps,
    private readonly maakTransport: (server: string) => Transport,
    private readonly opties: EngineOpties = {},
  ) {}

  // ------------------------------------------------------------------ clock

  /**
   * An answer that carries the service's time: from then on the service's time is that moment
   * plus the time elapsed since on this computer's steady clock (which no one sets), so putting
   * the computer's date right, or wrong, later changes nothing. Stamps follow it when the
   * computer's clock is more than KLOK_MARGE_MS off.
   */
  private leerKlok(nu: unknown): void {
    const dienst = typeof nu === 'string' ? Date.parse(nu) : NaN;
    if (!Number.isFinite(dienst)) return;
    const gemeten = performance.now();
    // Whole milliseconds: an HLC's physical part is an integer.
    this.dienstTijd = () => Math.floor(dienst + (performance.now() - gemeten));
    const verschil = dienst - this.deps.now().getTime();
    this.deps.clock.volgDienst(Math.abs(verschil) > KLOK_MARGE_MS ? this.dienstTijd : null);
  }

  /** The service's time as this laptop reckons it. */
  private dienstNu(): number {
    return this.dienstTijd?.() ?? this.deps.now().getTime();
  }

  /** Said only while this computer's clock is off; sync goes on by the service's time. */
  private klokWaarschuwing(): string | null {
    const verschil = this.dienstNu() - this.deps.now().getTime();
    if (Math.abs(verschil) <= MAX_KLOK_VOORSPRONG_MS) return null;
    const minuten = Math.round(Math.abs(verschil) / 60_000);
    const duur = minuten >= 120 ? `${Math.round(minuten / 60)} uur` : `${minuten} minuten`;
    return (
      `De klok van deze computer loopt ongeveer ${duur} ${verschil < 0 ? 'voor' : 'achter'}. ` +
      'Eenplan rekent met de tijd van de centrale dienst; zet de datum en tijd van de computer goed.'
    );
  }

  // ------------------------------------------------------------------ settings

  private lees(sleutel: string): string | undefined {
    return this.deps.sqlite
      .prepare<[string], { waarde: string }>('SELECT waarde FROM instellingen WHERE sleutel = ?')
      .get(sleutel)?.waarde;
  }

  private zet(sleutel: string, waarde: string): void {
    this.deps.sqlite
      .prepare(
        'INSERT INTO instellingen (sleutel, waarde) VALUES (?, ?) ON CONFLICT (sleutel) DO UPDATE SET waarde = excluded.waarde',
      )
      .run(sleutel, waarde);
  }

  gebruiker(): SyncGebruiker | null {
    const g = this.lees(K.gebruiker);
    return g ? (JSON.parse(g) as SyncGebruiker) : null;
  }

  // ------------------------------------------------------------------ requests

  private transport(): Transport {
    const server = this.lees(K.server);
    if (!server)
      throw new SyncFout('unauthorised', 'Dit apparaat is niet verbonden met de centrale dienst.');
    return this.maakTransport(server);
  }

  private async stuur(verzoek: Verzoek): Promise<Antwoord> {
    try {
      const antwoord = await this.transport()(verzoek);
      this.online = true;
      return antwoord;
    } catch (error) {
      if (error instanceof GeenVerbinding) {
        this.online = false;
        throw new SyncFout(
          'offline',
          'Geen verbinding met de centrale dienst; u werkt offline verder.',
        );
      }
      throw error;
    }
  }

  private beoordeel(antwoord: Antwoord): unknown {
    if (antwoord.status >= 200 && antwoord.status < 300) return antwoord.body;
    const body = (antwoord.body ?? {}) as { code?: string; message?: string; index?: number };
    const bericht = body.message ?? `De centrale dienst antwoordde ${antwoord.status}.`;
    if (body.code === 'apparaat-ingetrokken') {
      // Not wiped here: its access log goes out first (and a replaced laptop's work).
      const gelezen = IngetrokkenAntwoord.safeParse(antwoord.body);
      throw new Ingetrokken(
        (gelezen.success && gelezen.data.intrekking) || { soort: 'verloren', laatsteSync: false },
        gelezen.success ? gelezen.data.logtoken : undefined,
      );
    }
    if (antwoord.status === 401)
      throw new SyncFout('unauthorised', 'Meld u opnieuw aan bij de centrale dienst.');
    if (body.code === 'klok-afwijking') {
      this.leerKlok((body as { nu?: unknown }).nu);
      throw new SyncFout('clock-drift', bericht, body.index);
    }
    if (body.code === 'cursor-onbekend') throw new SyncFout('out-of-sync', bericht);
    if (antwoord.status >= 500) throw new SyncFout('server-error', bericht);
    throw new SyncFout('invalid-change', bericht, body.index);
  }

  private async vernieuw(): Promise<void> {
    const token = this.lees(K.vernieuw);
    if (!token) throw new SyncFout('unauthorised', 'Meld u opnieuw aan bij de centrale dienst.');
    const body = this.beoordeel(
      await this.stuur({
        methode: 'POST',
        pad: '/auth/vernieuwen',
        body: {
          vernieuwtoken: token,
          versie: pakket.version,
          logstand: logStand(this.deps.sqlite),
        },
      }),
    ) as TokenAntwoord;
    // A refresh never makes the profile someone else's.
    if (body.gebruiker?.id !== this.gebruiker()?.id)
      throw new SyncFout('unauthorised', 'Meld u opnieuw aan bij de centrale dienst.');
    this.bewaarTokens(body);
  }

  private bewaarTokens(body: TokenAntwoord): void {
    this.toegang = body.toegangstoken;
    this.zet(K.vernieuw, body.vernieuwtoken);
    this.zet(K.apparaat, body.apparaatId);
    this.zet(K.gebruiker, JSON.stringify(body.gebruiker));
    // New lines get a MAC under it from now on (core/audit/toegangslog.ts).
    if (typeof body.logsleutel === 'string') bewaarLogsleutel(this.deps.sqlite, body.logsleutel);
    const ratel = LogRatel.safeParse(body.logratel);
    if (ratel.success) bewaarRatel(this.deps.sqlite, ratel.data);
  }

  /** A request with the access token, refreshed once when it has expired. */
  private async vraag(verzoek: Verzoek): Promise<unknown> {
    if (!this.toegang) await this.vernieuw();
    let antwoord = await this.stuur({ ...verzoek, token: this.toegang });
    if (antwoord.status === 401) {
      await this.vernieuw();
      antwoord = await this.stuur({ ...verzoek, token: this.toegang });
    }
    return this.beoordeel(antwoord);
  }

  // ------------------------------------------------------------------ connect

  /** Signs this laptop in with the central service and registers it as a device. */
  async verbind(server: string, email: string, wachtwoord: string, apparaatNaam: string) {
    const vorige = this.lees(K.server);
    const anderAccount = this.gebruiker();
    this.zet(K.server, server);
    try {
      const body = this.beoordeel(
        await this.stuur({
          methode: 'POST',
          pad: '/auth/aanmelden',
          body: {
            email,
            wachtwoord,
            apparaat: {
              naam: apparaatNaam,
              versie: pakket.version,
              ...(this.lees(K.apparaat) ? { id: this.lees(K.apparaat) } : {}),
            },
            logstand: logStand(this.deps.sqlite),
          },
        }),
      ) as TokenAntwoord;
      if (anderAccount && anderAccount.id !== body.gebruiker.id)
        throw new SyncFout(
          'unauthorised',
          'Dit profiel hoort bij een ander account. Gebruik een eigen profiel op deze laptop.',
        );
      // The profile's first sign-in: its access-log lines so far were written offline under the
      // laptop's own profiles, which the service does not know. They stay in the local log; this
      // device's chain at the service starts after them.
      if (!this.lees(K.apparaat) && this.lees(K.logVerzonden) === undefined)
        this.zet(K.logVerzonden, String(this.laatsteLogregel()));
      this.bewaarTokens(body);
      return body.gebruiker;
    } catch (error) {
      const fout =
        error instanceof Ingetrokken
          ? await this.naIntrekking(error).catch((e: unknown) => e)
          : error;
      if (vorige) this.zet(K.server, vorige);
      else this.deps.sqlite.prepare('DELETE FROM instellingen WHERE sleutel = ?').run(K.server);
      throw fout;
    }
  }

  // ------------------------------------------------------------------ sync

  synchroniseer(opties: { bevestigMassa?: boolean } = {}): Promise<SyncVerslag> {
    this.lopend ??= this.ronde(opties).finally(() => {
      this.lopend = undefined;
      this.plan();
    });
    return this.lopend;
  }

  private async ronde(opties: { bevestigMassa?: boolean }): Promise<SyncVerslag> {
    const verslag: SyncVerslag = { verstuurd: 0, ontvangen: 0, hersteld: [] };
    try {
      // The access log goes out before anything else, so a revocation found on the way costs
      // no line (NEN 7513). A refused line stops neither the work's push nor the pull.
      let logFout: SyncFout | undefined;
      const intrekking = await this.pushToegangslog().catch((error: unknown) => {
        if (!(error instanceof SyncFout) || error.soort !== 'invalid-change') throw error;
        logFout = error;
        return undefined;
      });
      if (intrekking) throw new Ingetrokken(intrekking);
      // A refused push stops neither the pull: colleagues' work still comes in.
      let pushFout: SyncFout | undefined;
      const gepusht = await this.push().catch((error: unknown) => {
        if (
          !(error instanceof SyncFout) ||
          !['clock-drift', 'invalid-change'].includes(error.soort)
        )
          throw error;
        pushFout = error;
        return { verstuurd: 0, stand: undefined };
      });
      verslag.verstuurd = gepusht.verstuurd;
      // A round that pushed has the scope states from the push's answer: one request less.
      const { scopes, standen, nu } =
        gepusht.stand ??
        ((await this.vraag({ methode: 'GET', pad: '/sync/scopes' })) as ScopesAntwoord);
      this.leerKlok(nu);
      for (const scope of scopes) {
        if (this.bijgewerkt(scope, standen?.[scope])) continue;
        const { ontvangen, hersteld } = await this.pull(scope, opties.bevestigMassa ?? false);
        verslag.ontvangen += ontvangen;
        if (hersteld) verslag.hersteld.push(scope);
      }
      await this.meldQuarantaine();
      // Numbers for new toewijzingen to come; a refusal (the day's blocks had) stops nothing.
      await this.vulNummerblokken().catch(() => undefined);
      if (pushFout) throw pushFout;
      if (logFout) throw logFout;
      this.zet(K.laatste, this.deps.now().toISOString());
      this.fout = null;
      this.mislukt = 0;
      return verslag;
    } catch (error) {
      const fout =
        error instanceof Ingetrokken
          ? await this.naIntrekking(error).catch((e: unknown) => e)
          : error;
      this.fout =
        fout instanceof SyncFout
          ? fout
          : new SyncFout('server-error', 'Er ging iets mis bij het synchroniseren.');
      this.mislukt += 1;
      throw this.fout;
    }
  }

  /**
   * Keeps two blocks of ToewijzingNummers with room (ADR 0005), so toewijzingen made offline
   * have numbers that no other laptop gives. A beheerder's laptop makes none.
   */
  private async vulNummerblokken(): Promise<void> {
    if (this.gebruiker()?.rol === 'beheerder') return;
    while (blokkenMetRuimte(this.deps.sqlite) < 2) {
      const antwoord = (await this.vraag({ methode: 'POST', pad: '/sync/nummerblok' })) as {
        blok?: unknown;
      };
      if (!Number.isInteger(antwoord.blok)) return;
      bewaarNummerblok(this.deps.sqlite, antwoord.blok as number);
    }
  }

  /** Tells the service what this laptop could not store, when that changed (ADR 0003). */
  private async meldQuarantaine(): Promise<void> {
    const regels = inQuarantaine(this.deps.sqlite)
      .slice(0, MAX_QUARANTAINE_MELDINGEN)
      .map(({ tabel, rijId, reden }) => ({ tabel, rijId, reden: reden.slice(0, 1_000) }));
    const vingerafdruk = JSON.stringify(regels);
    if (vingerafdruk === (this.lees(K.quarantaineGemeld) ?? '[]')) return;
    await this.vraag({ methode: 'POST', pad: '/sync/quarantaine', body: { regels } });
    this.zet(K.quarantaineGemeld, vingerafdruk);
  }

  /**
   * Sends the access-log lines the service does not have yet, oldest first. The service takes
   * them from a revoked laptop too, and then says how it was revoked.
   */
  private async pushToegangslog(): Promise<IntrekkingWire | undefined> {
    const lees = this.deps.sqlite.prepare<
      [number, number],
      Omit<LogregelWire, 'mac' | 'ratelMac'> & { mac: string | null; ratelMac: string | null }
    >(
      `SELECT id, seq, at, user_id AS userId, namens_id AS namensId, actie, gezin_id AS gezinId,
              onderdeel, reden, apparaat, prev_hash AS prevHash, hash, mac, ratel_mac AS ratelMac
         FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?`,
    );
    let intrekking: IntrekkingWire | undefined;
    for (;;) {
      // A line's MACs go with it, for the service to check; a line without one is sent as such.
      let regels: LogregelWire[] = lees
        .all(Number(this.lees(K.logVerzonden) ?? 0), MAX_LOGREGELS)
        .map(({ mac, ratelMac, ...r }) => ({
          ...r,
          ...(mac ? { mac } : {}),
          ...(ratelMac ? { ratelMac } : {}),
        }));
      // How far the log has come goes with every batch, and alone when it moved without lines
      // to send (lines cut off the end would otherwise never show).
      const stand = logStand(this.deps.sqlite);
      if (regels.length === 0 && String(stand.positie) === this.lees(K.logStand)) return intrekking;
      let geweigerd: SyncFout | undefined;
      const stuur = () =>
        this.vraag({ methode: 'POST', pad: '/sync/toegangslog', body: { regels, stand } });
      const antwoord = await stuur().catch((error: unknown) => {
        // One damaged line refuses its batch: the intact lines before it still go (NEN 7513),
        // then the refusal stands (it is shown; a revoked laptop is wiped all the same).
        const index = error instanceof SyncFout ? error.index : undefined;
        if (index === undefined || index < 1 || index >= regels.length) throw error;
        geweigerd = error as SyncFout;
        regels = regels.slice(0, index);
        return stuur();
      });
      if (regels.length > 0) this.zet(K.logVerzonden, String(regels.at(-1)!.seq));
      this.zet(K.logStand, String(stand.positie));
      const gelezen = ToegangslogAntwoord.safeParse(antwoord).data;
      // The service's anchor for this device's chain, to check the local log against.
      if (gelezen?.anker) this.zet(ANKER_SLEUTEL, JSON.stringify(gelezen.anker));
      if (geweigerd) throw geweigerd;
      intrekking = gelezen?.intrekking ?? intrekking;
      if (regels.length === 0) return intrekking;
    }
  }

  private laatsteLogregel(): number {
    return (
      this.deps.sqlite
        .prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM audit_log')
        .get()?.seq ?? 0
    );
  }

  /**
   * The service revoked this laptop: its access log goes out (the service keeps a revoked
   * laptop's lines, marked), a replaced laptop pushes its unsent work and confirms, then
   * everything local is wiped. A network failure on the way wipes nothing yet: the next contact
   * tries again, so no line is lost to a bad connection. Lines the service refuses outright
   * would never go, so they do not hold the wipe up.
   */
  private async naIntrekking(fout: Ingetrokken): Promise<never> {
    let intrekking = fout.intrekking;
    if (fout.logtoken) this.toegang = fout.logtoken;
    for (let poging = 0; ; poging++) {
      try {
        const gemeld = await this.pushToegangslog().catch((error: unknown) => {
          if (!(error instanceof SyncFout) || error.soort !== 'invalid-change') throw error;
          return undefined;
        });
        intrekking = gemeld ?? intrekking;
        if (intrekking.laatsteSync) {
          await this.push();
          await this.vraag({ methode: 'POST', pad: '/sync/afronden' });
        }
        break;
      } catch (error) {
        // A token that ran out on the way: the refresh answers with a log token to go on with.
        if (!(error instanceof Ingetrokken) || poging >= 2) throw error;
        if (error.logtoken) this.toegang = error.logtoken;
        intrekking = error.intrekking;
      }
    }
    wisLokaleGegevens(this.deps.sqlite);
    this.toegang = undefined;
    throw new SyncFout(
      'unauthorised',
      intrekking.soort === 'vervangen'
        ? 'Dit apparaat is vervangen: uw laatste wijzigingen zijn verstuurd en alle gegevens op dit apparaat zijn gewist.'
        : 'Dit apparaat is ingetrokken door de beheerder; alle gegevens op dit apparaat zijn gewist.',
    );
  }

  /** Sends the outbox in batches; returns how many went and the scope states after the last. */
  private async push(): Promise<{ verstuurd: number; stand?: ScopesAntwoord }> {
    const grootte = this.opties.pushGrootte ?? 200;
    const { sqlite } = this.deps;
    let verstuurd = 0;
    let stand: ScopesAntwoord | undefined;
    let herstempeld = false;
    // After a refused stamp: first the changes before it, alone (see below).
    let voorDeWeigering: number | undefined;
    for (;;) {
      const rijen = sqlite
        .prepare<
          [number],
          {
            changeId: string;
            tableName: string;
            rowId: string;
            fields: string;
            hlc: string;
            authorId: string | null;
          }
        >(
          `SELECT change_id AS changeId, table_name AS tableName, row_id AS rowId, fields, hlc,
                  author_id AS authorId
           FROM outbox WHERE geweigerd IS NULL ORDER BY outbox.rowid LIMIT ?`,
        )
        .all(voorDeWeigering ?? grootte);
      voorDeWeigering = undefined;
      if (rijen.length === 0) return { verstuurd, stand };
      const wijzigingen: Wijziging[] = rijen.map((r) => ({
        wijzigingId: r.changeId,
        tabel: r.tableName,
        rijId: r.rowId,
        hlc: r.hlc,
        auteur: r.authorId ?? '',
        velden: JSON.parse(r.fields) as Wijziging['velden'],
      }));
      try {
        const antwoord = await this.vraag({
          methode: 'POST',
          pad: '/sync/push',
          body: { wijzigingen },
        });
        // A service from before this field answers without it: then the round asks.
        const gelezen = ScopesAntwoord.safeParse((antwoord as { stand?: unknown } | null)?.stand);
        stand = gelezen.success ? gelezen.data : undefined;
      } catch (error) {
        // The changes before the refused one passed the service's checks: they go first, as
        // they are. They may already be stored (a push whose answer was lost), and one sent
        // again under a new stamp would be a different change under a used id.
        if (error instanceof SyncFout && error.soort === 'clock-drift' && error.index) {
          voorDeWeigering = error.index;
          continue;
        }
        // Stamped by a clock that ran ahead: stamped anew by the service's time, sent again.
        // Everything still in the outbox now is unsent: a lost batch is its head, and sent above.
        if (error instanceof SyncFout && error.soort === 'clock-drift' && !herstempeld) {
          herstempeld = true;
          const { sqlite: db, clock } = this.deps;
          const grens = this.dienstNu() + MAX_KLOK_VOORSPRONG_MS / 2;
          if (inTransaction(db, () => herstempel(db, clock, grens)) > 0) continue;
        }
        const geweigerd =
          error instanceof SyncFout && error.index !== undefined && error.soort !== 'clock-drift';
        if (!geweigerd) throw error;
        sqlite
          .prepare('UPDATE outbox SET geweigerd = ? WHERE change_id = ?')
          .run(error.message, rijen[error.index!]!.changeId);
        continue;
      }
      const weg = sqlite.prepare('DELETE FROM outbox WHERE change_id = ?');
      inTransaction(sqlite, () => {
        for (const r of rijen) weg.run(r.changeId);
      });
      verstuurd += rijen.length;
    }
  }

  private cursor(scope: string): number {
    return (
      this.deps.sqlite
        .prepare<[string], { cursor: number }>('SELECT cursor FROM sync_state WHERE scope = ?')
        .get(scope)?.cursor ?? 0
    );
  }

  private bewaarCursor(scope: string, cursor: number, checksum?: string): void {
    this.deps.sqlite
      .prepare(
        `INSERT INTO sync_state (scope, cursor, last_sync_at, checksum) VALUES (?, ?, ?, ?)
         ON CONFLICT (scope) DO UPDATE SET cursor = excluded.cursor,
           last_sync_at = excluded.last_sync_at, checksum = coalesce(excluded.checksum, checksum)`,
      )
      .run(scope, cursor, this.deps.now().toISOString(), checksum ?? null);
  }

  /**
   * Whether this laptop already holds the scope as the service has it: at its last seq, nothing
   * waiting to go out, and the local checksum equal to the service's (checked here, so a store
   * damaged behind the engine's back is still repaired in the next round).
   */
  private bijgewerkt(scope: string, stand: ScopeStand | undefined): boolean {
    const { sqlite } = this.deps;
    if (!stand || this.cursor(scope) !== stand.seq) return false;
    const wachtend = sqlite.prepare('SELECT 1 FROM outbox WHERE geweigerd IS NULL LIMIT 1').get();
    if (wachtend) return false;
    const lokaal = lokaleChecksum(sqlite, scope);
    return lokaal.hash === stand.hash && lokaal.aantal === stand.aantal;
  }

  /**
   * A first sync of a scope writes its rows in a series of commits; the WAL is then copied into
   * the database once at the end, not again after every commit that finds it over 1000 pages.
   */
  private async pull(scope: string, bevestigMassa: boolean) {
    const { sqlite } = this.deps;
    const eerste = this.cursor(scope) === 0 && scopeIsLeeg(sqlite, scope);
    if (!eerste) return this.haalScope(scope, bevestigMassa, false);
    sqlite.pragma('wal_autocheckpoint=0');
    try {
      return await this.haalScope(scope, bevestigMassa, true);
    } finally {
      if (sqlite.open) {
        sqlite.pragma('wal_autocheckpoint=1000');
        sqlite.pragma('wal_checkpoint(PASSIVE)');
      }
    }
  }

  private async haalScope(scope: string, bevestigMassa: boolean, eerste: boolean) {
    const { db, sqlite, clock } = this.deps;
    const drempel = this.opties.massaDrempel ?? 0.5;
    const actieveGezinnen = (
      sqlite.prepare('SELECT count(*) AS n FROM gezinnen WHERE deleted = 0').get() as { n: number }
    ).n;
    let cursor = this.cursor(scope);
    let herstel: Set<string> | undefined;
    let leeg = eerste ? new Set<string>() : undefined;
    // A first sync takes the largest pages (fewer commits, each rewriting fewer index pages)
    // after a small first one, which arrives soon and sets the pipeline going.
    const limiet = this.opties.paginaGrootte ?? (leeg ? MAX_PAGINA : 1000);
    const limietVanaf = (na: number) => (na === 0 ? Math.min(limiet, 1000) : limiet);
    let weg = 0;
    let ontvangen = 0;
    const haal = async (na: number): Promise<PullPagina> => {
      const body = await this.vraag({
        methode: 'GET',
        pad: `/sync/pull?scope=${encodeURIComponent(scope)}&na=${na}&limiet=${limietVanaf(na)}`,
      });
      const gelezen = leesPullAntwoord(body);
      if (!gelezen)
        throw new SyncFout('server-error', 'Onverwacht antwoord van de centrale dienst.');
      return gelezen;
    };
    // The next pages are asked for before this one is applied, so the service prepares them
    // while the laptop writes and parses. Sequence numbers run on by one per line, so the
    // cursor after the next page is known in advance; a page is only used when the cursor it
    // was asked for is the current one (a gap left by deleted lines makes a guess unused).
    const vooruit = new Map<number, Promise<PullPagina>>();
    const vraagVooruit = (pagina: PullPagina) => {
      for (const na of vooruit.keys()) if (na < pagina.tot) vooruit.delete(na);
      for (let k = 0; k < VOORUIT_PAGINAS; k++) {
        const na = pagina.tot + k * limiet;
        if (pagina.laatste !== undefined && na >= pagina.laatste) break;
        if (vooruit.has(na)) continue;
        const gevraagd = haal(na);
        // A page that is never used must not surface as an unhandled rejection.
        gevraagd.catch(() => undefined);
        vooruit.set(na, gevraagd);
      }
    };
    for (;;) {
      let pagina: PullPagina;
      try {
        const gevraagd = vooruit.get(cursor) ?? haal(cursor);
        vooruit.delete(cursor);
        pagina = await gevraagd;
      } catch (error) {
        if (error instanceof SyncFout && error.soort === 'out-of-sync' && !herstel) {
          herstel = new Set();
          leeg = undefined;
          cursor = 0;
          vooruit.clear();
          continue;
        }
        throw error;
      }
      if (pagina.meer) {
        vraagVooruit(pagina);
        // Let the requests leave before the synchronous apply holds the thread.
        await new Promise((klaar) => setImmediate(klaar));
      }
      const pasToe = (voorzichtig: boolean) =>
        inTransaction(sqlite, () => {
          const uitkomst = pasPaginaToe(db, sqlite, clock, pagina.regels, {
            herstel,
            leeg,
            voorzichtig,
          });
          if (!bevestigMassa && weg + uitkomst.gezinnenWeg >= MIN_MASSA)
            if (weg + uitkomst.gezinnenWeg > actieveGezinnen * drempel)
              throw new SyncFout(
                'mass-change',
                `De centrale dienst zou ${weg + uitkomst.gezinnenWeg} van uw ${actieveGezinnen} gezinnen verwijderen of ` +
                  'naar een ander team verplaatsen. Er is niets gewijzigd; bevestig als dit klopt.',
              );
          weg += uitkomst.gezinnenWeg;
          ontvangen += uitkomst.gewijzigd;
        });
      // Rows this page meets for the first time in a repair: a failed try must not count them.
      const eerstInPagina = herstel
        ? pagina.regels.map((r) => `${r.tabel}|${r.rijId}`).filter((k) => !herstel!.has(k))
        : [];
      try {
        try {
          pasToe(false);
        } catch (error) {
          if (error instanceof SyncFout) throw error;
          // A row this laptop cannot store (ADR 0003): the page again, row by row, and what
          // still does not fit waits in quarantine while the rest of the scope goes on.
          for (const k of eerstInPagina) herstel!.delete(k);
          pasToe(true);
        }
      } catch (error) {
        if (error instanceof SyncFout) throw error;
        if (!herstel) {
          herstel = new Set();
          leeg = undefined;
          cursor = 0;
          vooruit.clear();
          continue;
        }
        throw new SyncFout(
          'out-of-sync',
          'Een wijziging van de centrale dienst past niet in de gegevens op dit apparaat; de gegevens worden hersteld.',
        );
      }
      this.opties.naPagina?.(scope);
      cursor = pagina.tot;
      this.bewaarCursor(scope, cursor);
      if (pagina.meer) continue;
      // What waited in quarantine may fit now (its parent arrived, a duplicate went).
      inTransaction(sqlite, () => probeerOpnieuw(sqlite));

      const wachtend = (
        sqlite.prepare('SELECT count(*) AS n FROM outbox WHERE geweigerd IS NULL').get() as {
          n: number;
        }
      ).n;
      if (!pagina.checksum || wachtend > 0) return { ontvangen, hersteld: Boolean(herstel) };
      if (herstel) inTransaction(sqlite, () => verwijderOngezien(db, sqlite, scope, herstel!));
      const lokaal = lokaleChecksum(sqlite, scope);
      const klopt =
        lokaal.hash === pagina.checksum.hash && lokaal.aantal === pagina.checksum.aantal;
      if (klopt) {
        this.bewaarCursor(scope, cursor, lokaal.hash);
        return { ontvangen, hersteld: Boolean(herstel) };
      }
      if (herstel)
        throw new SyncFout(
          'out-of-sync',
          'De gegevens op dit apparaat wijken af van de centrale dienst, ook na herstel. Neem contact op met de beheerder.',
        );
      herstel = new Set();
      leeg = undefined;
      cursor = 0;
      vooruit.clear();
    }
  }

  // ------------------------------------------------------------------ background

  /** Starts background sync: now, every minute, and soon after local changes. */
  start(): void {
    this.actief = true;
    this.plan(0);
  }

  stop(): void {
    this.actief = false;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** A local change was written: push it soon. */
  gewijzigd(): void {
    if (this.actief && !this.lopend) this.plan(NA_WIJZIGING_MS);
  }

  private plan(ms?: number): void {
    if (!this.actief || !this.lees(K.server)) return;
    clearTimeout(this.timer);
    const wacht =
      ms ??
      (this.fout && ['offline', 'server-error'].includes(this.fout.soort)
        ? Math.min(MAX_WACHT_MS, 5_000 * 2 ** Math.min(this.mislukt - 1, 10)) *
          (0.75 + Math.random() / 2)
        : this.fout
          ? MAX_WACHT_MS
          : INTERVAL_MS);
    this.volgende = new Date(this.deps.now().getTime() + wacht);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.synchroniseer().catch(() => undefined);
    }, wacht);
    this.timer.unref?.();
  }

  status(): SyncStatus {
    const { sqlite } = this.deps;
    const tel = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n;
    const server = this.lees(K.server) ?? null;
    return {
      verbonden: Boolean(server && this.lees(K.vernieuw)),
      server,
      standaardServer: this.opties.standaardServer ?? null,
      gebruiker: this.gebruiker(),
      bezig: Boolean(this.lopend),
      online: this.online,
      wachtend: tel('SELECT count(*) AS n FROM outbox WHERE geweigerd IS NULL'),
      geweigerd: tel('SELECT count(*) AS n FROM outbox WHERE geweigerd IS NOT NULL'),
      conflicten: tel('SELECT count(*) AS n FROM sync_registers WHERE conflict = 1'),
      quarantaine: tel('SELECT count(*) AS n FROM sync_registers WHERE quarantaine IS NOT NULL'),
      waarschuwing: this.klokWaarschuwing(),
      laatsteSync: this.lees(K.laatste) ?? null,
      fout: this.fout ? { soort: this.fout.soort, bericht: this.fout.message } : null,
      volgendePoging: this.timer && this.volgende ? this.volgende.toISOString() : null,
    };
  }
}

/** A revoked laptop keeps nothing: every row of every table goes, then the file is compacted. */
export function wisLokaleGegevens(sqlite: Sqlite): void {
  // Shadow tables of the full-text index are emptied through their virtual table.
  const tabellen = (sqlite.pragma('table_list') as { schema: string; name: string; type: string }[])
    .filter(
      (t) =>
        t.schema === 'main' &&
        (t.type === 'table' || t.type === 'virtual') &&
        !t.name.startsWith('sqlite_') &&
        !t.name.startsWith('__drizzle'),
    )
    .map((t) => t.name);
  sqlite.pragma('foreign_keys = OFF');
  try {
    inTransaction(sqlite, () => {
      for (const t of tabellen) sqlite.prepare(`DELETE FROM "${t}"`).run();
    });
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
  sqlite.exec('VACUUM');
}
