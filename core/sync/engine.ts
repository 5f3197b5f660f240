/**
 * The client side of sync (ARCHITECTURE.md "Data and sync"): pushes the outbox in batches,
 * pulls each scope page by page (one transaction per page, the cursor saved after the commit),
 * checks the scope checksum and repairs on a mismatch, stops and asks before a pull removes an
 * unusual share of the caseload, and reports typed errors. Runs in the background when
 * connected (every minute, soon after a local change, backing off when offline).
 */
import pakket from '../../package.json';
import { LogRatel, ScopesAntwoord } from '../../shared/sync/protocol';
import type { SyncGebruiker, SyncStatus } from '../../shared/api';
import { bewaarLogsleutel, bewaarRatel, logStand } from '../audit/toegangslog';
import { GeenVerbinding, type Antwoord, type Transport, type Verzoek } from './transport';
import { beoordeel, DeviceRevokedError, SyncError } from './errors';
import { bijgewerkt, pullScope, type PullDeps } from './pull';
import { pushOutbox, type PushDeps } from './push';
import { laatsteLogregel, stuurToegangslog, type LogDeps } from './toegangslog-versturen';
import { K } from './instellingen';
import { meldQuarantaine, vulNummerblokken } from './ronde-stappen';
import type { EngineDeps, EngineOpties, SyncVerslag, TokenAntwoord } from './engine-types';
import { ServiceClock } from './service-clock';
import { wisLokaleGegevens } from './wissen';

const INTERVAL_MS = 60_000;
const NA_WIJZIGING_MS = 2_000;
const MAX_WACHT_MS = 5 * 60_000;

export class SyncEngine {
  /** The service's time, as the answers tell it. */
  private readonly klok: ServiceClock;
  private toegang: string | undefined;
  private lopend: Promise<SyncVerslag> | undefined;
  private fout: SyncError | null = null;
  private online: boolean | null = null;
  private mislukt = 0;
  private timer: NodeJS.Timeout | undefined;
  private volgende: Date | null = null;
  private actief = false;

  constructor(
    private readonly deps: EngineDeps,
    private readonly maakTransport: (server: string) => Transport,
    private readonly opties: EngineOpties = {},
  ) {
    this.klok = new ServiceClock(deps.clock, deps.now);
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
      throw new SyncError('unauthorised', 'Dit apparaat is niet verbonden met de centrale dienst.');
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
        throw new SyncError(
          'offline',
          'Geen verbinding met de centrale dienst; u werkt offline verder.',
        );
      }
      throw error;
    }
  }

  private beoordeel(antwoord: Antwoord): unknown {
    return beoordeel(antwoord, (nu) => this.klok.leer(nu));
  }

  private async vernieuw(): Promise<void> {
    const token = this.lees(K.vernieuw);
    if (!token) throw new SyncError('unauthorised', 'Meld u opnieuw aan bij de centrale dienst.');
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
      throw new SyncError('unauthorised', 'Meld u opnieuw aan bij de centrale dienst.');
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
        throw new SyncError(
          'unauthorised',
          'Dit profiel hoort bij een ander account. Gebruik een eigen profiel op deze laptop.',
        );
      // The profile's first sign-in: its access-log lines so far were written offline under the
      // laptop's own profiles, which the service does not know. They stay in the local log; this
      // device's chain at the service starts after them.
      if (!this.lees(K.apparaat) && this.lees(K.logVerzonden) === undefined)
        this.zet(K.logVerzonden, String(laatsteLogregel(this.deps.sqlite)));
      this.bewaarTokens(body);
      return body.gebruiker;
    } catch (error) {
      const fout =
        error instanceof DeviceRevokedError
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
      let logFout: SyncError | undefined;
      const intrekking = await stuurToegangslog(this.logDeps()).catch((error: unknown) => {
        if (!(error instanceof SyncError) || error.soort !== 'invalid-change') throw error;
        logFout = error;
        return undefined;
      });
      if (intrekking) throw new DeviceRevokedError(intrekking);
      // A refused push stops neither the pull: colleagues' work still comes in.
      let pushFout: SyncError | undefined;
      const gepusht = await pushOutbox(this.pushDeps()).catch((error: unknown) => {
        if (
          !(error instanceof SyncError) ||
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
      this.klok.leer(nu);
      for (const scope of scopes) {
        if (bijgewerkt(this.deps.sqlite, scope, standen?.[scope])) continue;
        const { ontvangen, hersteld } = await pullScope(
          this.pullDeps(),
          scope,
          opties.bevestigMassa ?? false,
        );
        verslag.ontvangen += ontvangen;
        if (hersteld) verslag.hersteld.push(scope);
      }
      await meldQuarantaine(this.logDeps());
      // Numbers for new toewijzingen to come; a refusal (the day's blocks had) stops nothing.
      await vulNummerblokken(this.logDeps(), this.gebruiker()?.rol).catch(() => undefined);
      if (pushFout) throw pushFout;
      if (logFout) throw logFout;
      this.zet(K.laatste, this.deps.now().toISOString());
      this.fout = null;
      this.mislukt = 0;
      return verslag;
    } catch (error) {
      const fout =
        error instanceof DeviceRevokedError
          ? await this.naIntrekking(error).catch((e: unknown) => e)
          : error;
      this.fout =
        fout instanceof SyncError
          ? fout
          : new SyncError('server-error', 'Er ging iets mis bij het synchroniseren.');
      this.mislukt += 1;
      throw this.fout;
    }
  }

  /**
   * The service revoked this laptop: its access log goes out (the service keeps a revoked
   * laptop's lines, marked), a replaced laptop pushes its unsent work and confirms, then
   * everything local is wiped. A network failure on the way wipes nothing yet: the next contact
   * tries again, so no line is lost to a bad connection. Lines the service refuses outright
   * would never go, so they do not hold the wipe up.
   */
  private async naIntrekking(fout: DeviceRevokedError): Promise<never> {
    let intrekking = fout.intrekking;
    if (fout.logtoken) this.toegang = fout.logtoken;
    for (let poging = 0; ; poging++) {
      try {
        const gemeld = await stuurToegangslog(this.logDeps()).catch((error: unknown) => {
          if (!(error instanceof SyncError) || error.soort !== 'invalid-change') throw error;
          return undefined;
        });
        intrekking = gemeld ?? intrekking;
        if (intrekking.laatsteSync) {
          await pushOutbox(this.pushDeps());
          await this.vraag({ methode: 'POST', pad: '/sync/afronden' });
        }
        break;
      } catch (error) {
        // A token that ran out on the way: the refresh answers with a log token to go on with.
        if (!(error instanceof DeviceRevokedError) || poging >= 2) throw error;
        if (error.logtoken) this.toegang = error.logtoken;
        intrekking = error.intrekking;
      }
    }
    wisLokaleGegevens(this.deps.sqlite);
    this.toegang = undefined;
    throw new SyncError(
      'unauthorised',
      intrekking.soort === 'vervangen'
        ? 'Dit apparaat is vervangen: uw laatste wijzigingen zijn verstuurd en alle gegevens op dit apparaat zijn gewist.'
        : 'Dit apparaat is ingetrokken door de beheerder; alle gegevens op dit apparaat zijn gewist.',
    );
  }

  private logDeps(): LogDeps {
    return {
      sqlite: this.deps.sqlite,
      vraag: (verzoek) => this.vraag(verzoek),
      lees: (sleutel) => this.lees(sleutel),
      zet: (sleutel, waarde) => this.zet(sleutel, waarde),
    };
  }

  private pushDeps(): PushDeps {
    return {
      sqlite: this.deps.sqlite,
      clock: this.deps.clock,
      vraag: (verzoek) => this.vraag(verzoek),
      dienstNu: () => this.klok.nu(),
      pushGrootte: this.opties.pushGrootte,
    };
  }

  private pullDeps(): PullDeps {
    const { paginaGrootte, massaDrempel, naPagina } = this.opties;
    return {
      ...this.deps,
      vraag: (verzoek) => this.vraag(verzoek),
      paginaGrootte,
      massaDrempel,
      naPagina,
    };
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
      waarschuwing: this.klok.waarschuwing(),
      laatsteSync: this.lees(K.laatste) ?? null,
      fout: this.fout ? { soort: this.fout.soort, bericht: this.fout.message } : null,
      volgendePoging: this.timer && this.volgende ? this.volgende.toISOString() : null,
    };
  }
}
