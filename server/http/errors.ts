/**
 * How the service answers an error: always JSON with a `code` from the wire's one vocabulary
 * (`FoutCode`, shared/sync/protocol.ts) and a message in Dutch; nothing of the request is logged.
 */
import type { FastifyInstance } from 'fastify';
import { ZodError } from 'zod';
import type { FoutCode, Regel } from '../../shared/sync/protocol';

/** A refusal with its HTTP status, thrown anywhere in a route and answered as it is. */
export class ServiceError extends Error {
  constructor(
    readonly status: number,
    readonly code: FoutCode,
    message: string,
    /** Index of the refused change or log line in the batch. */
    readonly index?: number,
    /** The rule a `regel-geschonden` refusal names (shared/regels/). */
    readonly regel?: Regel,
    /** More fields of the answer (a revoked device hears how it was revoked). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }

  static withFields(
    status: number,
    code: FoutCode,
    message: string,
    extra: Record<string, unknown>,
  ): ServiceError {
    return new ServiceError(status, code, message, undefined, undefined, extra);
  }
}

/** Whether a string or key anywhere in `waarde` holds U+0000 (but where `vrij` allows it). */
function bevatNul(
  waarde: unknown,
  vrij: (pad: readonly (string | number)[]) => boolean,
  pad: (string | number)[] = [],
): boolean {
  if (typeof waarde === 'string') return waarde.includes('\u0000') && !vrij(pad);
  if (Array.isArray(waarde)) return waarde.some((w, i) => bevatNul(w, vrij, [...pad, i]));
  if (waarde && typeof waarde === 'object')
    return Object.entries(waarde).some(
      ([k, w]) => k.includes('\u0000') || bevatNul(w, vrij, [...pad, k]),
    );
  return false;
}

/**
 * PostgreSQL's text cannot hold U+0000, and no name, id or log line needs it: refused before
 * any route looks at the request. A pushed field's value is stored as JSON, which can, so
 * typed text with one is not lost.
 */
export function weigerNulTekens(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const vrij =
      req.routeOptions.url === '/sync/push'
        ? (pad: readonly (string | number)[]) =>
            pad.length === 5 &&
            pad[0] === 'wijzigingen' &&
            pad[2] === 'velden' &&
            pad[4] === 'waarde'
        : () => false;
    if ([req.body, req.query, req.params].some((w) => bevatNul(w, vrij)))
      throw new ServiceError(
        400,
        'ongeldige-invoer',
        'Ongeldige invoer: tekst met een nul-teken (U+0000) wordt niet aangenomen.',
      );
  });
}

/** The answer to every error, and to an unknown address. */
export function installErrorHandler(app: FastifyInstance, now: () => Date): void {
  app.setErrorHandler(
    (error: Error & { statusCode?: number; validation?: unknown }, _req, reply) => {
      if (error instanceof ServiceError) {
        if (error.status === 429) reply.header('Retry-After', String(error.extra.wachtSeconden));
        return reply.status(error.status).send({
          code: error.code,
          message: error.message,
          ...(error.index !== undefined ? { index: error.index } : {}),
          // The rule a refused change breaks (shared/sync/protocol.ts `RegelWeigering`).
          ...(error.regel ? { regel: error.regel } : {}),
          // A laptop told its clock is off learns the service's (it then stamps by that).
          ...(error.code === 'klok-afwijking' ? { nu: now().toISOString() } : {}),
          ...error.extra,
        });
      }
      const fout = (status: number, code: FoutCode, message: string) =>
        reply.status(status).send({ code, message });
      if (error.validation)
        return fout(400, 'ongeldige-invoer', `Ongeldige invoer: ${error.message}`);
      // What the JSON schema cannot say (a number's range in a query string) the zod schema does.
      if (error instanceof ZodError)
        return fout(
          400,
          'ongeldige-invoer',
          `Ongeldige invoer: ${error.issues
            .map((i) => `${i.path.join('.') || 'invoer'}: ${i.message}`)
            .join('; ')}`,
        );
      if (error.statusCode === 413)
        return fout(413, 'ongeldige-invoer', 'Het verzoek is te groot.');
      if (error.statusCode && error.statusCode < 500)
        return fout(error.statusCode, 'ongeldige-invoer', 'Het verzoek is ongeldig.');
      app.log.error({ err: { type: error.name } }, 'interne fout');
      return fout(500, 'interne-fout', 'Er ging iets mis in de centrale dienst.');
    },
  );
  app.setNotFoundHandler((_req, reply) =>
    reply.status(404).send({ code: 'niet-gevonden', message: 'Onbekend adres.' }),
  );
}
