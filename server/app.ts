/**
 * The central service's HTTP API (Fastify). Every route validates its input against a JSON
 * schema made from its zod schema, answers errors in Dutch with a code (http/errors.ts), and
 * logs only method, route and status: never bodies, query strings or headers (they may hold
 * personal data). Each area registers its own routes (routes/<area>.ts).
 */
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { ServerStore } from './db/connection';
import { createCallers } from './http/callers';
import { installErrorHandler, weigerNulTekens } from './http/errors';
import { openApi } from './http/openapi';
import { registerApparaatRoutes } from './routes/apparaten';
import { registerAuthRoutes } from './routes/auth';
import {
  registerAccountRoutes,
  registerBeheerRoutes,
  registerGebruikerRoutes,
} from './routes/beheer';
import type { RouteContext } from './routes/context';
import { registerSyncRoutes } from './routes/sync';
import { updateRoutes } from './updates';

export const MAX_BODY_BYTES = 256 * 1024;
/** Wrong passwords checked per account before each next check waits (auth/aanmeldrem.ts). */
export { VRIJE_POGINGEN as AANMELD_POGINGEN } from './auth/aanmeldrem';

export interface ServerOptions {
  store: ServerStore;
  /** Key for access tokens; from the environment or the data folder in production. */
  geheim: Buffer;
  now?: () => Date;
  logger?: boolean;
  /** Folder with the desktop app's update files (served at /updates/); none: no updates. */
  updatesMap?: string;
  /**
   * The reverse proxy whose `X-Forwarded-For` names the client (TRUST_PROXY): its addresses or
   * CIDR ranges, comma-separated. Without it the peer's own address counts and the header is
   * ignored, so no client picks the address it is limited by.
   */
  vertrouwProxy?: string;
}

export async function bouwServer(options: ServerOptions): Promise<FastifyInstance> {
  const { db } = options.store;
  const now = options.now ?? (() => new Date());
  const app = Fastify({
    bodyLimit: MAX_BODY_BYTES,
    // Only a configured proxy's X-Forwarded-For is believed (never `true`: that would take the
    // leftmost address, which the client writes itself).
    trustProxy: options.vertrouwProxy ?? false,
    // Refuse unknown fields instead of silently dropping them (a forged field is an error).
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allowUnionTypes: true } },
    logger: options.logger
      ? {
          serializers: {
            req: (req: FastifyRequest) => ({ method: req.method, route: req.routeOptions?.url }),
            res: (res: { statusCode: number }) => ({ status: res.statusCode }),
          },
        }
      : false,
  });
  weigerNulTekens(app);
  installErrorHandler(app, now);

  const ctx: RouteContext = {
    app,
    db,
    now,
    options,
    callers: createCallers(db, options.geheim, now),
  };
  registerSyncRoutes(ctx);
  app.get('/health', async () => ({ ok: true, database: options.store.soort }));
  if (options.updatesMap) updateRoutes(app, options.updatesMap);
  app.get('/openapi.json', async () => openApi());
  registerAuthRoutes(ctx);
  registerApparaatRoutes(ctx);
  registerAccountRoutes(ctx);
  registerGebruikerRoutes(ctx);
  registerBeheerRoutes(ctx);
  return app;
}
