/**
 * The application core: one entry point, `call`, used by both hosts. It validates the input
 * against the contract, checks the caller's role, runs the use case and never lets an
 * unexpected error escape as anything but a typed, Dutch error.
 */
import type { OpenDatabase } from '../db/connection';
import { API, type ApiInput, type ApiMethod, type ApiOutput, type ApiResult } from '../shared/api';
import { ApiError, invalidInput } from './api-error';
import { listGezinnen } from './services/gezinnen';
import { listProfielen, sessionFor } from './services/profielen';
import type { Session } from './session';

export interface CallContext {
  /** The professional chosen at sign-in, or null before sign-in. */
  professionalId: string | null;
}

type Handler<M extends ApiMethod> = (input: ApiInput<M>, session: Session | null) => ApiOutput<M>;

export interface Core {
  call<M extends ApiMethod>(method: M, input: unknown, context: CallContext): ApiResult<M>;
  close(): void;
}

export function createCore(
  store: OpenDatabase,
  log: (message: string) => void = console.error,
): Core {
  const { db } = store;
  const handlers: { [M in ApiMethod]: Handler<M> } = {
    'profielen.lijst': () => listProfielen(db),
    'gezinnen.lijst': (input, session) => listGezinnen(db, session!, input),
  };

  function call<M extends ApiMethod>(
    method: M,
    input: unknown,
    context: CallContext,
  ): ApiResult<M> {
    const spec = API[method];
    try {
      let session: Session | null = null;
      if (spec.roles !== null) {
        session = context.professionalId ? sessionFor(db, context.professionalId) : null;
        if (!session)
          throw new ApiError(
            'niet-aangemeld',
            'U bent niet (meer) aangemeld. Kies opnieuw uw profiel.',
          );
        if (!spec.roles.includes(session.rol)) {
          throw new ApiError('geen-toegang', 'Uw rol geeft geen toegang tot deze functie.');
        }
      }
      const parsed = spec.input.safeParse(input ?? {});
      if (!parsed.success) throw invalidInput(parsed.error);
      const handler = handlers[method] as Handler<M>;
      return { ok: true, data: handler(parsed.data as ApiInput<M>, session) };
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
