/**
 * One call of the contract: who is calling and may they (the profile's person and their role),
 * is the input valid, then the handler in one transaction (all of it is written, or nothing),
 * and the access-log lines of what it showed or changed (NEN 7513). An unexpected error never
 * escapes as anything but a typed, Dutch error. What each method does is its area's handlers.ts.
 */
import type { Sqlite } from '../db/connection';
import { inTransaction } from '../db/transaction';
import {
  API,
  type ApiErrorBody,
  type ApiInput,
  type ApiMethod,
  type ApiOutput,
  type ApiResult,
  type AsyncMethod,
  type KluisMethod,
} from '../shared/api';
import type { Rol } from '../shared/domain';
import { ApiError, invalidInput } from './api-error';
import type { Ctx, Deps, ReadCtx, Session } from './context';
import type { Handlers, Roep } from './handler';
import { persoonVan, sessionFor } from './sessie/profielen';

/** Every method the core answers: all but the lock's, which the host answers itself. */
export type CoreHandlers = Handlers<Omit<typeof API, KluisMethod>>;

export interface CallOptions {
  sqlite: Sqlite;
  deps: Deps;
  handlers: CoreHandlers;
  /** A writer stamped with the caller, for the methods declared `schrijven`. */
  writerFor(professionalId: string): Ctx['write'];
  log(message: string): void;
}

export interface Calls {
  call<M extends ApiMethod>(method: M, input: unknown): ApiResult<M>;
  callAsync<M extends ApiMethod>(method: M, input: unknown): Promise<ApiResult<M>>;
}

type AnyHandler = (ctx: ReadCtx, input: unknown, roep?: Roep) => unknown;

const GEEN_SESSIE: Session = { professionalId: '', rol: 'jeugdprofessional', teamId: null };

/** The session's person, from the profile itself (see core/sessie/session.ts). */
function authorise(deps: Deps, roles: readonly Rol[] | null): Session | null {
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

/** Checks the caller and the input; the context a handler of `method` is given. */
function prepare<M extends ApiMethod>(options: CallOptions, method: M, input: unknown) {
  const spec = API[method];
  const session = authorise(options.deps, spec.roles) ?? GEEN_SESSIE;
  const parsed = spec.input.safeParse(input ?? {});
  if (!parsed.success) throw invalidInput(parsed.error);
  const ctx: ReadCtx = { ...options.deps, session, geraakt: new Map(), logregels: [] };
  // Only a method declared `schrijven` is given the writer.
  if (spec.soort === 'schrijven') (ctx as Ctx).write = options.writerFor(session.professionalId);
  return { ctx, input: parsed.data as ApiInput<M> };
}

/**
 * The access-log lines of a call that succeeded, in its transaction (NEN 7513). A method
 * declared `lezen` is logged as `inzien`; one declared `schrijven` as `wijzigen` when it changed
 * something (a save of the same values, a reason given, is `inzien`); unless it said otherwise.
 */
function logToegang(deps: Deps, method: ApiMethod, ctx: ReadCtx, gewijzigd: boolean) {
  if (!ctx.session.professionalId) return;
  const schrijft = API[method].soort === 'schrijven' && gewijzigd;
  const actie = ctx.actie ?? (schrijft ? 'wijzigen' : 'inzien');
  const regels = [
    ...[...ctx.geraakt].map(([gezinId, reden]) => ({ actie, gezinId, onderdeel: method, reden })),
    ...ctx.logregels,
  ];
  deps.toegangslog.schrijf(ctx.session.professionalId, regels);
}

function failure(
  log: (message: string) => void,
  method: ApiMethod,
  error: unknown,
): { ok: false; error: ApiErrorBody } {
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

const isAsync = (method: ApiMethod): method is AsyncMethod => API[method].wacht;

export function createCalls(options: CallOptions): Calls {
  const { sqlite, deps, handlers, log } = options;
  const veranderingen = sqlite.prepare<[], { n: number }>('SELECT total_changes() AS n');
  /** Each handler is typed by its method in its area's handlers.ts; here they are looked up. */
  const handlerOf = (method: ApiMethod) =>
    (handlers as Partial<Record<ApiMethod, AnyHandler>>)[method];

  function call<M extends ApiMethod>(method: M, input: unknown): ApiResult<M> {
    if (isAsync(method))
      return failure(
        log,
        method,
        new Error(`${method} wacht (netwerk of bestand): gebruik callAsync`),
      );
    try {
      const voor = veranderingen.get()!.n;
      let gewijzigd = false;
      const result = inTransaction(sqlite, () => {
        const { ctx, input: parsed } = prepare(options, method, input);
        const handler = handlerOf(method);
        // The lock's methods (`kluis.*`) are the host's: there is no core while locked.
        if (!handler) throw new ApiError('niet-gevonden', 'Deze functie beantwoordt de host.');
        const data = handler(ctx, parsed) as ApiOutput<M>;
        gewijzigd = veranderingen.get()!.n !== voor;
        logToegang(deps, method, ctx, gewijzigd);
        return { ok: true as const, data };
      });
      // Something was written: push it soon.
      if (gewijzigd && !API[method].lokaal) deps.sync.gewijzigd();
      return result;
    } catch (error) {
      return failure(log, method, error);
    }
  }

  async function callAsync<M extends ApiMethod>(method: M, input: unknown): Promise<ApiResult<M>> {
    if (!isAsync(method)) return call(method, input);
    try {
      const { ctx, input: parsed } = prepare(options, method, input);
      const data = (await handlerOf(method)!(ctx, parsed, call)) as ApiOutput<M>;
      // What the handler itself showed of a family is logged as a call's would be.
      if (ctx.geraakt.size > 0 || ctx.logregels.length > 0)
        inTransaction(sqlite, () => logToegang(deps, method, ctx, false));
      return { ok: true, data };
    } catch (error) {
      return failure(log, method, error);
    }
  }

  return { call, callAsync };
}
