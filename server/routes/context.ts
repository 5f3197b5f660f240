/** What every area's routes get from `bouwServer` (server/app.ts). */
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServerDb } from '../db/connection';
import { apparaten } from '../db/schema';
import type { Callers } from '../http/callers';
import type { ServerOptions } from '../app';

export interface RouteContext {
  app: FastifyInstance;
  db: ServerDb;
  now: () => Date;
  options: ServerOptions;
  callers: Callers;
}

/** A route's JSON schema, made from its zod schema (which then parses the same input). */
export const jsonSchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { target: 'draft-7', io: 'input' });

/** The device was heard from (with its app version): what the beheerder's list shows. */
export const contact = (ctx: RouteContext, id: string, versie: string | undefined) =>
  ctx.db
    .update(apparaten)
    .set({ laatsteContact: ctx.now(), ...(versie ? { appVersie: versie } : {}) })
    .where(eq(apparaten.id, id));
