/**
 * The application core: one entry point, `call`, used by both hosts. It checks the caller's
 * role, validates the input against the contract, runs the use case in one transaction (all of
 * it is written, or nothing) and never lets an unexpected error escape as anything but a typed,
 * Dutch error.
 */
import type { OpenDatabase } from '../db/connection';
import { API, type ApiInput, type ApiMethod, type ApiOutput, type ApiResult } from '../shared/api';
import { toIsoDate } from '../shared/dates';
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
import { listProfielen, sessionFor } from './services/profielen';
import { takenLijst } from './services/taken';
import {
  aanbiedersVoorProfiel,
  evaluatieVastleggen,
  toewijzingAanmaken,
  toewijzingStart,
  toewijzingStoppen,
  toewijzingVoorstel,
} from './services/toewijzing';
import { ChangeWriter, deviceId, inTransaction } from './writer';

export interface CallContext {
  /** The professional chosen at sign-in, or null before sign-in. */
  professionalId: string | null;
}

export interface CoreOptions {
  log?: (message: string) => void;
  /** The clock; tests fix it. */
  now?: () => Date;
}

type Handler<M extends ApiMethod> = (ctx: Ctx, input: ApiInput<M>) => ApiOutput<M>;

const HANDLERS: { [M in ApiMethod]: Handler<M> } = {
  'profielen.lijst': (ctx) => listProfielen(ctx.db),
  'team.collegas': collegas,
  'gezinnen.lijst': listGezinnen,
  'gezin.aanmaken': gezinAanmaken,
  'gezin.dossier': dossier,
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
  'gezin.overdragen': gezinOverdragen,
  'taken.lijst': takenLijst,
};

export interface Core {
  call<M extends ApiMethod>(method: M, input: unknown, context: CallContext): ApiResult<M>;
  close(): void;
}

export function createCore(store: OpenDatabase, options: CoreOptions = {}): Core {
  const log = options.log ?? console.error;
  const now = options.now ?? (() => new Date());
  const deps: Deps = {
    db: store.db,
    sqlite: store.sqlite,
    clock: new HlcClock(deviceId(store.db), () => now().getTime()),
    today: () => toIsoDate(now()),
    now: () => now().toISOString(),
  };

  function call<M extends ApiMethod>(
    method: M,
    input: unknown,
    context: CallContext,
  ): ApiResult<M> {
    const spec = API[method];
    try {
      return inTransaction(store.sqlite, () => {
        const session = context.professionalId ? sessionFor(deps.db, context.professionalId) : null;
        if (spec.roles !== null) {
          if (!session)
            throw new ApiError(
              'niet-aangemeld',
              'U bent niet (meer) aangemeld. Kies opnieuw uw profiel.',
            );
          if (!spec.roles.includes(session.rol))
            throw new ApiError('geen-toegang', 'Uw rol geeft geen toegang tot deze functie.');
        }
        const parsed = spec.input.safeParse(input ?? {});
        if (!parsed.success) throw invalidInput(parsed.error);
        const ctx: Ctx = {
          ...deps,
          session: session ?? { professionalId: '', rol: 'jeugdprofessional', teamId: null },
          write: new ChangeWriter(deps.db, deps.clock, session?.professionalId ?? ''),
        };
        const handler = HANDLERS[method] as Handler<M>;
        return { ok: true as const, data: handler(ctx, parsed.data as ApiInput<M>) };
      });
    } catch (error) {
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
  }

  return { call, close: () => store.close() };
}
