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
import { toIsoDate } from '../shared/dates';
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
  gezinslidOpslaan,
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
import { listProfielen, professionalNamen, sessionFor } from './services/profielen';
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
import { ChangeWriter, deviceId, inTransaction } from './writer';
import { bsnTonen, inzageReden, toegangslogLijst } from './audit/inzage';
import { gezinInzage } from './audit/inzage-export';
import { inzageNaarPdf } from './audit/inzage-pdf';
import { toewijzingJw301 } from './ijw/jw301';
import { verzoekLezen } from './ijw/jw315';
import { actieplanNaarPdf } from './plan-pdf/actieplan-pdf';
import { gezinsplanNaarPdf } from './plan-pdf/gezinsplan-pdf';
import { agendaLijst, bezoekPlannen, bezoekVerwijderen } from './services/agenda';
import { gesprekLijst, gesprekOpslaan } from './services/gesprekken';
import { gezinsplanOndertekenen } from './services/handtekening';
import {
  socialeKaartZoeken,
  voorzieningInzetten,
  voorzieningWeghalen,
} from './services/sociale-kaart';
import { Toegangslog } from './audit/toegangslog';
import type { Tabel } from '../shared/api-budget';
import {
  dashboardTabellen,
  ExportInvoer,
  InzageExportInvoer,
  PlanExportInvoer,
  kiesTabel,
  tabelNaarCsv,
  tabelNaarXlsx,
  type ExportResultaat,
} from './export';
import { berekenDashboard } from './budget/dashboard';
import { mijnKosten } from './budget/kosten';
import { regelsAchterCijfer } from './budget/regels';
import { budgetOverzicht, budgetVaststellen } from './budget/teambudget';
import { SojImportJobs } from './soj/import';
import { sojImportLijst, sojImportStatus } from './soj/lijst';
import { conflictOplossen, syncOverzicht } from './sync/conflicten';
import { SyncEngine, SyncFout } from './sync/engine';
import { httpTransport, type Transport } from './sync/transport';

export interface CallContext {
  /** The professional chosen at sign-in, or null before sign-in. */
  professionalId: string | null;
}

export interface CoreOptions {
  log?: (message: string) => void;
  /** The clock; tests fix it. */
  now?: () => Date;
  /** How to reach the central service (tests pass an in-process one). */
  transport?: (server: string) => Transport;
  /** The central service's address offered when connecting (EENPLAN_SERVER_URL). */
  standaardServer?: string;
  /** After signing in online: the vault keeps the account to open the profile offline. */
  naAanmelding?: (email: string, wachtwoord: string) => void;
}

/** Methods that wait for the network; they run outside a database transaction. */
type AsyncMethod = 'sync.verbinden' | 'sync.nu';
type Handler<M extends ApiMethod> = (ctx: Ctx, input: ApiInput<M>) => ApiOutput<M>;
type AsyncHandler<M extends ApiMethod> = (ctx: Ctx, input: ApiInput<M>) => Promise<ApiOutput<M>>;

const ASYNC_HANDLERS: { [M in AsyncMethod]: AsyncHandler<M> } = {
  'sync.verbinden': async (ctx, input) => {
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
};
const isAsync = (method: ApiMethod): method is AsyncMethod => Object.hasOwn(ASYNC_HANDLERS, method);

const HANDLERS: { [M in Exclude<ApiMethod, AsyncMethod>]: Handler<M> } = {
  'sync.status': (ctx) => ctx.sync.status(),
  'sync.overzicht': syncOverzicht,
  'sync.oplossen': conflictOplossen,
  'profielen.lijst': (ctx) => listProfielen(ctx.db, ctx.sync.gebruiker()?.id),
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
  'kosten.mijn': mijnKosten,
  'gezinsplan.ondertekenen': gezinsplanOndertekenen,
  'gesprek.opslaan': gesprekOpslaan,
  'gesprek.lijst': gesprekLijst,
  'socialeKaart.zoeken': socialeKaartZoeken,
  'actieplan.voorzieningInzetten': voorzieningInzetten,
  'actieplan.voorzieningWeghalen': voorzieningWeghalen,
  'agenda.lijst': agendaLijst,
  'bezoek.plannen': bezoekPlannen,
  'bezoek.verwijderen': bezoekVerwijderen,
  'toewijzing.jw301': toewijzingJw301,
  'ijw.verzoekLezen': verzoekLezen,
};

export interface Core {
  /** A method that does not wait for the network, in one transaction. */
  call<M extends ApiMethod>(method: M, input: unknown, context: CallContext): ApiResult<M>;
  /** Any method, also those that wait for the network: what the hosts use. */
  callAsync<M extends ApiMethod>(
    method: M,
    input: unknown,
    context: CallContext,
  ): Promise<ApiResult<M>>;
  sync: SyncEngine;
  /** Starts a monthly SOJ import in the background; poll `soj.importStatus` for progress. */
  sojImporteren(
    bytes: Uint8Array,
    bestandsnaam: string,
    context: CallContext,
  ): ApiResult<'soj.importStatus'>;
  /** Waits until an import has finished (for the CLI and tests). */
  sojWacht(jobId: string): Promise<void>;
  /** A dashboard table, or the rows behind a figure, as a CSV or XLSX file. */
  exporteren(input: unknown, context: CallContext): Promise<ExportResultaat>;
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
    today: () => toIsoDate(now()),
    now: () => now().toISOString(),
    toegangslog: new Toegangslog(store.sqlite, apparaat, () => now().toISOString()),
    naAanmelding: options.naAanmelding,
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

  function authorise(roles: readonly Rol[] | null, context: CallContext) {
    const session = context.professionalId ? sessionFor(deps.db, context.professionalId) : null;
    if (roles !== null) {
      if (!session)
        throw new ApiError(
          'niet-aangemeld',
          'U bent niet (meer) aangemeld. Kies opnieuw uw profiel.',
        );
      if (!roles.includes(session.rol))
        throw new ApiError('geen-toegang', 'Uw rol geeft geen toegang tot deze functie.');
    }
    return session;
  }

  function sojImporteren(
    bytes: Uint8Array,
    bestandsnaam: string,
    context: CallContext,
  ): ApiResult<'soj.importStatus'> {
    try {
      const session = authorise(API['soj.importStatus'].roles, context)!;
      const naam = bestandsnaam.trim().slice(0, 200) || 'soj-bestand';
      return { ok: true, data: deps.sojJobs.start(bytes, naam, session.professionalId) };
    } catch (error) {
      if (error instanceof ApiError) return { ok: false, error: error.toBody() };
      throw error;
    }
  }

  /** Through `gezin.inzage`, so the same access check applies and the export is logged. */
  async function inzagePdf(input: unknown, context: CallContext): Promise<ExportResultaat> {
    const parsed = InzageExportInvoer.safeParse(input);
    if (!parsed.success) return { ok: false, error: invalidInput(parsed.error).toBody() };
    const inzage = call('gezin.inzage', { gezinId: parsed.data.gezinId }, context);
    if (!inzage.ok) return inzage;
    const naam = String(inzage.data.onderdelen.gezinnen?.[0]?.naam ?? 'gezin');
    return {
      ok: true,
      bestand: {
        naam: `eenplan-inzage-${inzage.data.gemaaktOp.slice(0, 10)}.pdf`,
        mime: 'application/pdf',
        bytes: await inzageNaarPdf(inzage.data, naam, professionalNamen(store.db)),
      },
    };
  }

  /** Through the API methods, so their access checks apply and reading the plan is logged. */
  async function planExport(input: unknown, context: CallContext): Promise<ExportResultaat> {
    const parsed = PlanExportInvoer.safeParse(input);
    if (!parsed.success) return { ok: false, error: invalidInput(parsed.error).toBody() };
    const vraag = parsed.data;
    if (vraag.soort === 'jw301') {
      const bericht = call('toewijzing.jw301', { id: vraag.toewijzingId }, context);
      if (!bericht.ok) return bericht;
      return {
        ok: true,
        bestand: {
          naam: bericht.data.bestandsnaam,
          mime: 'application/xml',
          bytes: new TextEncoder().encode(bericht.data.xml),
        },
      };
    }
    const dossierAntwoord = call('gezin.dossier', { gezinId: vraag.gezinId }, context);
    if (!dossierAntwoord.ok) return dossierAntwoord;
    const { gezin, actieplannen } = dossierAntwoord.data;
    const gemaaktOp = now();
    const datum = gemaaktOp.toISOString().slice(0, 10);
    let bytes: Uint8Array;
    let naam: string;
    if (vraag.soort === 'gezinsplan') {
      const plan = call('gezinsplan.ophalen', { gezinId: vraag.gezinId }, context);
      if (!plan.ok) return plan;
      bytes = await gezinsplanNaarPdf({
        plan: plan.data,
        gezinNaam: gezin.naam,
        regisseurNaam: gezin.regisseurNaam,
        gemaaktOp,
      });
      naam = `gezinsplan-${bestandsDeel(gezin.naam)}-${datum}.pdf`;
    } else {
      const plan = actieplannen.find((p) => p.id === vraag.actieplanId);
      if (!plan)
        return {
          ok: false,
          error: { code: 'niet-gevonden', message: 'Dit actieplan hoort niet bij dit gezin.' },
        };
      bytes = await actieplanNaarPdf({
        plan,
        gezinNaam: gezin.naam,
        regisseurNaam: gezin.regisseurNaam,
        gemaaktOp,
      });
      naam = `actieplan-${bestandsDeel(plan.jeugdigeNaam)}-${datum}.pdf`;
    }
    inTransaction(store.sqlite, () =>
      deps.toegangslog.schrijf(context.professionalId!, [
        { actie: 'printen', gezinId: gezin.id, onderdeel: `pdf:${vraag.soort}` },
      ]),
    );
    return { ok: true, bestand: { naam, mime: 'application/pdf', bytes } };
  }

  async function exporteren(input: unknown, context: CallContext): Promise<ExportResultaat> {
    const soort = (input as { soort?: unknown } | null)?.soort;
    if (soort === 'inzage') return inzagePdf(input, context);
    if (soort === 'gezinsplan' || soort === 'actieplan' || soort === 'jw301')
      return planExport(input, context);
    const parsed = ExportInvoer.safeParse(input);
    if (!parsed.success) return { ok: false, error: invalidInput(parsed.error).toBody() };
    const { filter, tabel: sleutel, doorklik, formaat } = parsed.data;
    let tabel: Tabel | undefined;
    if (sleutel === 'regels') {
      if (!doorklik)
        return {
          ok: false,
          error: { code: 'ongeldige-invoer', message: 'Kies eerst een cijfer.' },
        };
      const regels = call('budget.regels', { filter, doorklik }, context);
      if (!regels.ok) return regels;
      tabel = regels.data;
    } else {
      const dashboard = call('budget.dashboard', filter, context);
      if (!dashboard.ok) return dashboard;
      tabel = kiesTabel(dashboardTabellen(dashboard.data), sleutel);
    }
    if (!tabel)
      return { ok: false, error: { code: 'niet-gevonden', message: 'Deze tabel bestaat niet.' } };
    const bytes = formaat === 'csv' ? tabelNaarCsv(tabel) : await tabelNaarXlsx(tabel);
    const userId = context.professionalId!;
    inTransaction(store.sqlite, () =>
      deps.toegangslog.schrijf(userId, [
        { actie: 'exporteren', gezinId: null, onderdeel: `export:${sleutel}:${formaat}` },
      ]),
    );
    const slug = bestandsDeel(tabel.titel);
    return {
      ok: true,
      bestand: {
        naam: `eenplan-${slug}-${filter.jaar}.${formaat}`,
        mime:
          formaat === 'csv'
            ? 'text/csv; charset=utf-8'
            : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        bytes,
      },
    };
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

  function call<M extends ApiMethod>(
    method: M,
    input: unknown,
    context: CallContext,
  ): ApiResult<M> {
    const spec = API[method];
    if (isAsync(method))
      return failure(method, new Error(`${method} wacht op het netwerk: gebruik callAsync`));
    try {
      const voor = veranderingen.get()!.n;
      let gewijzigd = false;
      const result = inTransaction(store.sqlite, () => {
        const session = authorise(spec.roles, context);
        const parsed = spec.input.safeParse(input ?? {});
        if (!parsed.success) throw invalidInput(parsed.error);
        const handler = HANDLERS[method as Exclude<M, AsyncMethod>] as unknown as Handler<M>;
        const ctx = ctxFor(session);
        const data = handler(ctx, parsed.data as ApiInput<M>);
        gewijzigd = veranderingen.get()!.n !== voor;
        logToegang(method, ctx, gewijzigd);
        return { ok: true as const, data };
      });
      // Something was written: push it soon.
      if (gewijzigd) deps.sync.gewijzigd();
      return result;
    } catch (error) {
      return failure(method, error);
    }
  }

  async function callAsync<M extends ApiMethod>(
    method: M,
    input: unknown,
    context: CallContext,
  ): Promise<ApiResult<M>> {
    if (!isAsync(method)) return call(method, input, context);
    try {
      const spec = API[method];
      const session = authorise(spec.roles, context);
      const parsed = spec.input.safeParse(input ?? {});
      if (!parsed.success) throw invalidInput(parsed.error);
      const handler = ASYNC_HANDLERS[method] as unknown as AsyncHandler<M>;
      return { ok: true, data: await handler(ctxFor(session), parsed.data as ApiInput<M>) };
    } catch (error) {
      return failure(method, error);
    }
  }

  return {
    call,
    callAsync,
    sync: deps.sync,
    sojImporteren,
    sojWacht: (jobId) => deps.sojJobs.wacht(jobId),
    exporteren,
    close: () => {
      deps.sync.stop();
      store.close();
    },
  };
}

/** A title as part of a file name: lower case, ASCII, words joined by hyphens. */
function bestandsDeel(titel: string): string {
  return titel
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}
