/**
 * The application core: one entry point, `call`, used by both hosts. It checks the caller's
 * role, validates the input against the contract, runs the use case in one transaction (all of
 * it is written, or nothing) and never lets an unexpected error escape as anything but a typed,
 * Dutch error.
 */
import { hostname } from 'node:os';
import type { OpenDatabase } from '../db/connection';
import {
  API,
  type ApiErrorBody,
  type ApiInput,
  type ApiMethod,
  type ApiOutput,
  type ApiResult,
} from '../shared/api';
import { datumInNederland } from '../shared/dates';
import type { Rol } from '../shared/domain';
import { HlcClock } from '../shared/hlc';
import { ApiError, invalidInput } from './api-error';
import type { Ctx, Deps } from './context';
import {
  actieplanAanmaken,
  actieplanOpslaan,
  actieplanTriage,
  doelOpslaan,
  zorgprofielVaststellen,
} from './services/actieplan';
import { akkoordBesluiten, akkoordWachtrij } from './services/akkoord';
import { dossier } from './services/dossier';
import {
  collegas,
  gezinAanmaken,
  gezinAfsluiten,
  gezinMedewerker,
  gezinOverdragen,
  gezinGegevens,
  gezinslidOpslaan,
  gezinslidVerwijderen,
  netwerklidOpslaan,
  netwerklidVerwijderen,
} from './services/gezin';
import { listGezinnen } from './services/gezinnen';
import {
  afspraakOpslaan,
  afspraakVerwijderen,
  gezinsplanOphalen,
  gezinsplanOpslaan,
  gezinsplanToestemming,
  gezinsplanVastleggen,
} from './services/gezinsplan';
import {
  listProfielen,
  persoonVan,
  sessieKiezen,
  sessieWie,
  sessionFor,
} from './services/profielen';
import { takenLijst } from './services/taken';
import { teamVergrendeling } from './services/team-instellingen';
import {
  aanbiedersVoorProfiel,
  evaluatieVastleggen,
  toewijzingAanmaken,
  toewijzingStart,
  toewijzingStoppen,
  toewijzingVoorstel,
} from './services/toewijzing';
import { gekozenPersoon } from './session';
import { ChangeWriter, deviceId, inTransaction } from './writer';
import { bsnTonen, inzageReden, toegangslogLijst } from './audit/inzage';
import { gezinInzage } from './audit/inzage-export';
import { toewijzingJw301 } from './ijw/jw301';
import { verzoekLezen } from './ijw/jw315';
import { berichtLezen, berichtVerwerken } from './ijw/start-stop';
import { agendaLijst, bezoekPlannen, bezoekVerwijderen } from './services/agenda';
import { gesprekLijst, gesprekOpslaan } from './services/gesprekken';
import { conceptBewaren, conceptLezen } from './services/concepten';
import { gezinsplanOndertekenen } from './services/handtekening';
import {
  socialeKaartZoeken,
  voorzieningInzetten,
  voorzieningWeghalen,
} from './services/sociale-kaart';
import { Toegangslog } from './audit/toegangslog';
import { bestandExporteren, type Roep } from './bestanden';
import type { KluisMethode } from './kluis/acties';
import { berekenDashboard } from './budget/dashboard';
import { mijnKosten } from './budget/kosten';
import { regelsAchterCijfer } from './budget/regels';
import { budgetOverzicht, budgetVaststellen } from './budget/teambudget';
import { SojImportJobs } from './soj/import';
import { sojBevestigen, sojImportLijst, sojImportStatus } from './soj/lijst';
import { conflictOplossen, syncOverzicht } from './sync/conflicten';
import { SyncEngine, SyncFout } from './sync/engine';
import { httpTransport, type Transport } from './sync/transport';

export interface CoreOptions {
  log?: (message: string) => void;
  /** The clock; tests fix it. */
  now?: () => Date;
  /** How to reach the central service (tests pass an in-process one). */
  transport?: (server: string) => Transport;
  /** The central service this laptop was set up for (EENPLAN_SERVER_URL): the only one it connects to. */
  standaardServer?: string;
  /** After signing in online: the vault keeps the account to open the profile offline. */
  naAanmelding?: (email: string, wachtwoord: string) => void;
}

/** Methods that wait (network, building a file); they run outside a database transaction. */
type AsyncMethod =
  | 'sync.verbinden'
  | 'sync.nu'
  | 'bestand.exporteren'
  | 'soj.importeren'
  | 'ijw.verzoekLezen'
  | 'ijw.berichtLezen'
  | 'ijw.berichtVerwerken';
type Handler<M extends ApiMethod> = (ctx: Ctx, input: ApiInput<M>) => ApiOutput<M>;
type AsyncHandler<M extends ApiMethod> = (
  ctx: Ctx,
  input: ApiInput<M>,
  roep: Roep,
) => Promise<ApiOutput<M>>;

const ASYNC_HANDLERS: { [M in AsyncMethod]: AsyncHandler<M> } = {
  'sync.verbinden': async (ctx, input) => {
    verbindenToegestaan(ctx, input.server);
    try {
      await ctx.sync.verbind(
        input.server,
        input.email,
        input.wachtwoord,
        `Eenplan op ${hostname()}`,
      );
    } catch (error) {
      if (!(error instanceof SyncFout)) throw error;
      throw new ApiError(
        error.soort === 'unauthorised'
          ? 'niet-aangemeld'
          : error.soort === 'invalid-change'
            ? 'ongeldige-invoer'
            : 'interne-fout',
        error.message,
      );
    }
    ctx.naAanmelding?.(input.email, input.wachtwoord);
    await ctx.sync.synchroniseer().catch(() => undefined);
    return ctx.sync.status();
  },
  'sync.nu': async (ctx, input) => {
    await ctx.sync.synchroniseer({ bevestigMassa: input.bevestigMassa }).catch(() => undefined);
    return ctx.sync.status();
  },
  'bestand.exporteren': bestandExporteren,
  // Checked against the official XSD first, which waits for the validator.
  'ijw.verzoekLezen': verzoekLezen,
  'ijw.berichtLezen': berichtLezen,
  // Checked against the XSD first; then recorded in one transaction of its own.
  'ijw.berichtVerwerken': berichtVerwerken,
  // The import runs in the background, in transactions of its own.
  'soj.importeren': async (ctx, input) =>
    ctx.sojJobs.start(
      new Uint8Array(Buffer.from(input.inhoud, 'base64')),
      input.naam.trim().slice(0, 200) || 'soj-bestand',
      ctx.session.professionalId,
    ),
};

/** Trailing slashes do not make another address. */
const adres = (url: string) => url.trim().replace(/\/+$/, '').toLowerCase();

/**
 * Only with the central service this laptop was set up for (EENPLAN_SERVER_URL), never with an
 * address the page names: whatever answers there would decide who the profile's person is, what
 * role they have, could plant an account that opens the profile, or order it wiped. A demo
 * profile (its person chosen on the laptop) never connects: its data is fictional.
 */
function verbindenToegestaan(ctx: Ctx, server: string) {
  if (!ctx.standaardServer)
    throw new ApiError(
      'geen-toegang',
      'Op deze laptop is geen centrale dienst ingesteld. Vraag uw beheerder om Eenplan met het adres van de dienst te installeren.',
      'server',
    );
  if (adres(server) !== adres(ctx.standaardServer))
    throw new ApiError(
      'geen-toegang',
      `Deze laptop verbindt alleen met de centrale dienst ${ctx.standaardServer}.`,
      'server',
    );
  if (!ctx.sync.gebruiker() && gekozenPersoon(ctx.sqlite))
    throw new ApiError(
      'conflict',
      'Dit is een demoprofiel. Maak voor uw account een nieuw profiel aan op het vergrendelscherm.',
    );
}

const isAsync = (method: ApiMethod): method is AsyncMethod => Object.hasOwn(ASYNC_HANDLERS, method);

/** Methods that write only local tables (drafts): nothing for the sync to push. */
const ALLEEN_LOKAAL: ReadonlySet<ApiMethod> = new Set(['concept.lezen', 'concept.bewaren']);

const HANDLERS: { [M in Exclude<ApiMethod, AsyncMethod | KluisMethode>]: Handler<M> } = {
  'sessie.wie': sessieWie,
  'sessie.kiezen': sessieKiezen,
  'sync.status': (ctx) => ctx.sync.status(),
  'sync.overzicht': syncOverzicht,
  'sync.oplossen': conflictOplossen,
  'profielen.lijst': (ctx) => listProfielen(ctx.db, persoonVan(ctx)),
  'team.collegas': collegas,
  'team.vergrendeling': teamVergrendeling,
  'gezinnen.lijst': listGezinnen,
  'gezin.aanmaken': gezinAanmaken,
  'gezin.dossier': dossier,
  'gezinslid.bsnTonen': bsnTonen,
  'gezin.inzage': gezinInzage,
  'inzage.reden': inzageReden,
  'toegangslog.lijst': toegangslogLijst,
  'gezinslid.opslaan': gezinslidOpslaan,
  'gezinslid.verwijderen': gezinslidVerwijderen,
  'gezin.gegevens': gezinGegevens,
  'netwerklid.opslaan': netwerklidOpslaan,
  'netwerklid.verwijderen': netwerklidVerwijderen,
  'gezinsplan.ophalen': gezinsplanOphalen,
  'gezinsplan.opslaan': gezinsplanOpslaan,
  'afspraak.opslaan': afspraakOpslaan,
  'afspraak.verwijderen': afspraakVerwijderen,
  'gezinsplan.vastleggen': gezinsplanVastleggen,
  'gezinsplan.toestemming': gezinsplanToestemming,
  'actieplan.aanmaken': actieplanAanmaken,
  'actieplan.opslaan': actieplanOpslaan,
  'actieplan.triage': actieplanTriage,
  'doel.opslaan': doelOpslaan,
  'zorgprofiel.vaststellen': zorgprofielVaststellen,
  'aanbieders.voorProfiel': aanbiedersVoorProfiel,
  'toewijzing.voorstel': toewijzingVoorstel,
  'toewijzing.aanmaken': toewijzingAanmaken,
  'akkoorden.wachtrij': akkoordWachtrij,
  'akkoord.besluiten': akkoordBesluiten,
  'toewijzing.startVastleggen': toewijzingStart,
  'evaluatie.vastleggen': evaluatieVastleggen,
  'toewijzing.stoppen': toewijzingStoppen,
  'gezin.afsluiten': gezinAfsluiten,
  'gezin.medewerker': gezinMedewerker,
  'gezin.overdragen': gezinOverdragen,
  'taken.lijst': takenLijst,
  'budget.dashboard': berekenDashboard,
  'budget.regels': (ctx, input) => regelsAchterCijfer(ctx, input.filter, input.doorklik),
  'budget.overzicht': budgetOverzicht,
  'budget.vaststellen': budgetVaststellen,
  'soj.imports': sojImportLijst,
  'soj.importStatus': sojImportStatus,
  'soj.bevestigen': sojBevestigen,
  'kosten.mijn': mijnKosten,
  'gezinsplan.ondertekenen': gezinsplanOndertekenen,
  'gesprek.opslaan': gesprekOpslaan,
  'gesprek.lijst': gesprekLijst,
  'concept.lezen': conceptLezen,
  'concept.bewaren': conceptBewaren,
  'socialeKaart.zoeken': socialeKaartZoeken,
  'actieplan.voorzieningInzetten': voorzieningInzetten,
  'actieplan.voorzieningWeghalen': voorzieningWeghalen,
  'agenda.lijst': agendaLijst,
  'bezoek.plannen': bezoekPlannen,
  'bezoek.verwijderen': bezoekVerwijderen,
  'toewijzing.jw301': toewijzingJw301,
};

export interface Core {
  /**
   * A method that does not wait, in one transaction, as the profile's person: the connected
   * account, or the demo profile's one choice. No call says who is calling.
   */
  call<M extends ApiMethod>(method: M, input: unknown): ApiResult<M>;
  /** Any method, also those that wait (network, files): what the host door uses. */
  callAsync<M extends ApiMethod>(method: M, input: unknown): Promise<ApiResult<M>>;
  sync: SyncEngine;
  /** Waits until an SOJ import has finished (for the CLI and tests). */
  sojWacht(jobId: string): Promise<void>;
  close(): void;
}

export function createCore(store: OpenDatabase, options: CoreOptions = {}): Core {
  const log = options.log ?? console.error;
  const now = options.now ?? (() => new Date());
  const apparaat = deviceId(store.db);
  const deps = {
    db: store.db,
    sqlite: store.sqlite,
    clock: new HlcClock(apparaat, () => now().getTime()),
    today: () => datumInNederland(now()),
    now: () => now().toISOString(),
    toegangslog: new Toegangslog(store.sqlite, apparaat, () => now().toISOString()),
    naAanmelding: options.naAanmelding,
    standaardServer: options.standaardServer ?? null,
    inzageRedenen: new Map(),
  } as unknown as Deps;
  deps.sojJobs = new SojImportJobs(deps, log);
  deps.sync = new SyncEngine(
    { ...deps, now },
    options.transport ?? httpTransport,
    options.standaardServer ? { standaardServer: options.standaardServer } : {},
  );
  deps.sync.start();
  const veranderingen = store.sqlite.prepare<[], { n: number }>('SELECT total_changes() AS n');

  /** The session's person, from the profile itself (see core/session.ts). */
  function authorise(roles: readonly Rol[] | null) {
    const persoon = persoonVan(deps);
    const session = persoon ? sessionFor(deps.db, persoon) : null;
    if (roles !== null) {
      if (!session)
        throw new ApiError(
          'niet-aangemeld',
          persoon
            ? 'Uw account is niet (meer) actief op deze laptop.'
            : 'Kies eerst wie u bent in dit profiel.',
        );
      if (!roles.includes(session.rol))
        throw new ApiError('geen-toegang', 'Uw rol geeft geen toegang tot deze functie.');
    }
    return session;
  }

  function ctxFor(session: ReturnType<typeof authorise>): Ctx {
    return {
      ...deps,
      session: session ?? { professionalId: '', rol: 'jeugdprofessional', teamId: null },
      write: new ChangeWriter(deps.sqlite, deps.clock, session?.professionalId ?? ''),
      geraakt: new Map(),
      logregels: [],
    };
  }

  /** The access-log lines of a call that succeeded, in its transaction (NEN 7513). */
  function logToegang(method: ApiMethod, ctx: Ctx, gewijzigd: boolean) {
    if (!ctx.session.professionalId) return;
    const regels = [
      ...[...ctx.geraakt].map(([gezinId, reden]) => ({
        actie: ctx.actie ?? (gewijzigd ? ('wijzigen' as const) : ('inzien' as const)),
        gezinId,
        onderdeel: method,
        reden,
      })),
      ...ctx.logregels,
    ];
    deps.toegangslog.schrijf(ctx.session.professionalId, regels);
  }

  function failure(method: ApiMethod, error: unknown): { ok: false; error: ApiErrorBody } {
    if (error instanceof ApiError) return { ok: false, error: error.toBody() };
    // Log the method only: inputs may hold personal data.
    log(`Interne fout in ${method}: ${(error as Error).stack ?? String(error)}`);
    return {
      ok: false,
      error: {
        code: 'interne-fout',
        message: 'Er ging iets mis in Eenplan. Er is niets opgeslagen; probeer het opnieuw.',
      },
    };
  }

  function call<M extends ApiMethod>(method: M, input: unknown): ApiResult<M> {
    const spec = API[method];
    if (isAsync(method))
      return failure(method, new Error(`${method} wacht (netwerk of bestand): gebruik callAsync`));
    try {
      const voor = veranderingen.get()!.n;
      let gewijzigd = false;
      const result = inTransaction(store.sqlite, () => {
        const session = authorise(spec.roles);
        const parsed = spec.input.safeParse(input ?? {});
        if (!parsed.success) throw invalidInput(parsed.error);
        const handler = HANDLERS[method as keyof typeof HANDLERS] as unknown as
          Handler<M> | undefined;
        // The lock's methods (`kluis.*`) are the host's: there is no core while locked.
        if (!handler) throw new ApiError('niet-gevonden', 'Deze functie beantwoordt de host.');
        const ctx = ctxFor(session);
        const data = handler(ctx, parsed.data as ApiInput<M>);
        gewijzigd = veranderingen.get()!.n !== voor;
        logToegang(method, ctx, gewijzigd);
        return { ok: true as const, data };
      });
      // Something was written: push it soon.
      if (gewijzigd && !ALLEEN_LOKAAL.has(method)) deps.sync.gewijzigd();
      return result;
    } catch (error) {
      return failure(method, error);
    }
  }

  async function callAsync<M extends ApiMethod>(method: M, input: unknown): Promise<ApiResult<M>> {
    if (!isAsync(method)) return call(method, input);
    try {
      const spec = API[method];
      const session = authorise(spec.roles);
      const parsed = spec.input.safeParse(input ?? {});
      if (!parsed.success) throw invalidInput(parsed.error);
      const handler = ASYNC_HANDLERS[method] as unknown as AsyncHandler<M>;
      const ctx = ctxFor(session);
      const data = await handler(ctx, parsed.data as ApiInput<M>, call);
      // What the handler itself showed of a family is logged as a call's would be.
      if (ctx.geraakt.size > 0 || ctx.logregels.length > 0)
        inTransaction(store.sqlite, () => logToegang(method, ctx, false));
      return { ok: true, data };
    } catch (error) {
      return failure(method, error);
    }
  }

  return {
    call,
    callAsync,
    sync: deps.sync,
    sojWacht: (jobId) => deps.sojJobs.wacht(jobId),
    close: () => {
      deps.sync.stop();
      store.close();
    },
  };
}
