/** The beheerder's view of devices, and revoking them (server/README.md "Revoking a laptop"). */
import { and, eq, isNull, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { INTREKKINGEN, type Intrekking } from '../../shared/sync/protocol';
import type { ServerDb } from '../db/connection';
import { apparaten, gebruikers } from '../db/schema';
import { ServiceError } from '../http/errors';
import { jsonSchema, type RouteContext } from './context';

export const ApparaatParams = z.object({ id: z.string().uuid() }).strict();
export const GebruikerParams = z.object({ id: z.string().min(1).max(64) }).strict();
export const Intrekken = z.object({ soort: z.enum(INTREKKINGEN) }).strict();
const ApparatenVraag = z.object({ gebruikerId: z.string().min(1).max(64).optional() }).strict();

type ApparaatRij = typeof apparaten.$inferSelect;

/** A device as the beheerder's list shows it. */
function apparaatOverzicht(a: ApparaatRij) {
  return {
    id: a.id,
    naam: a.naam,
    eersteContact: a.geregistreerdOp.toISOString(),
    laatsteContact: a.laatsteContact?.toISOString() ?? null,
    appVersie: a.appVersie,
    staat: a.ingetrokkenOp ? 'ingetrokken' : a.intrekking ? 'wordt-vervangen' : 'actief',
    intrekking: a.intrekking,
    intrekkingGevraagdOp: a.intrekkingGevraagdOp?.toISOString() ?? null,
    ingetrokkenOp: a.ingetrokkenOp?.toISOString() ?? null,
  };
}

/**
 * Revokes the devices `waar` selects. Lost or stolen: at once (one being replaced too: its
 * unsent work is then given up). Replaced: an active device may push its work once more
 * first; a device already revoked stays as it is.
 */
export async function trekIn(
  tx: Pick<ServerDb, 'update'>,
  moment: Date,
  waar: SQL,
  soort: Intrekking,
) {
  if (soort === 'verloren')
    await tx
      .update(apparaten)
      .set({ intrekking: 'verloren', intrekkingGevraagdOp: moment, ingetrokkenOp: moment })
      .where(and(waar, isNull(apparaten.ingetrokkenOp)));
  else
    await tx
      .update(apparaten)
      .set({ intrekking: 'vervangen', intrekkingGevraagdOp: moment })
      .where(and(waar, isNull(apparaten.intrekking), isNull(apparaten.ingetrokkenOp)));
}

/** An account's devices, oldest first. */
export const apparatenVan = async (db: ServerDb, gebruikerId: string) =>
  (
    await db
      .select()
      .from(apparaten)
      .where(eq(apparaten.gebruikerId, gebruikerId))
      .orderBy(apparaten.geregistreerdOp, apparaten.id)
  ).map(apparaatOverzicht);

/** Refuses an account id that does not exist. */
export const bestaandAccount = async (db: ServerDb, id: string) => {
  const rij = (
    await db.select({ id: gebruikers.id }).from(gebruikers).where(eq(gebruikers.id, id))
  )[0];
  if (!rij) throw new ServiceError(404, 'niet-gevonden', 'Dit account bestaat niet.');
};

/** Every account with its devices, so a beheerder finds the laptop to revoke. */
async function apparatenPerAccount(db: ServerDb, gebruikerId: string | undefined) {
  const accounts = await db
    .select()
    .from(gebruikers)
    .where(gebruikerId ? eq(gebruikers.id, gebruikerId) : undefined)
    .orderBy(gebruikers.naam, gebruikers.email);
  const perAccount = new Map<string, ReturnType<typeof apparaatOverzicht>[]>();
  for (const a of await db
    .select()
    .from(apparaten)
    .where(gebruikerId ? eq(apparaten.gebruikerId, gebruikerId) : undefined)
    .orderBy(apparaten.geregistreerdOp, apparaten.id))
    perAccount.set(a.gebruikerId, [...(perAccount.get(a.gebruikerId) ?? []), apparaatOverzicht(a)]);
  return accounts.map((g) => ({
    gebruiker: {
      id: g.id,
      naam: g.naam,
      email: g.email,
      rol: g.rol,
      teamId: g.teamId,
      actief: g.actief,
    },
    apparaten: perAccount.get(g.id) ?? [],
  }));
}

export function registerApparaatRoutes(ctx: RouteContext): void {
  const { app, db, now, callers } = ctx;

  app.post(
    '/beheer/apparaten/:id/intrekken',
    { schema: { params: jsonSchema(ApparaatParams), body: jsonSchema(Intrekken) } },
    async (req) => {
      const claims = await callers.aanroeper(req);
      if (claims.rol !== 'beheerder')
        throw new ServiceError(403, 'geen-toegang', 'Alleen een beheerder trekt apparaten in.');
      const { id } = ApparaatParams.parse(req.params);
      await trekIn(db, now(), eq(apparaten.id, id), Intrekken.parse(req.body).soort);
      const rij = (await db.select().from(apparaten).where(eq(apparaten.id, id)))[0];
      if (!rij) throw new ServiceError(404, 'niet-gevonden', 'Dit apparaat bestaat niet.');
      return apparaatOverzicht(rij);
    },
  );

  app.get(
    '/beheer/apparaten',
    { schema: { querystring: jsonSchema(ApparatenVraag) } },
    async (req) => {
      await callers.beheerder(req);
      const { gebruikerId } = ApparatenVraag.parse(req.query);
      if (gebruikerId) await bestaandAccount(db, gebruikerId);
      return apparatenPerAccount(db, gebruikerId);
    },
  );

  app.post(
    '/beheer/gebruikers/:id/apparaten/intrekken',
    { schema: { params: jsonSchema(GebruikerParams), body: jsonSchema(Intrekken) } },
    async (req) => {
      await callers.beheerder(req);
      const { id } = GebruikerParams.parse(req.params);
      await bestaandAccount(db, id);
      await trekIn(db, now(), eq(apparaten.gebruikerId, id), Intrekken.parse(req.body).soort);
      return { gebruikerId: id, apparaten: await apparatenVan(db, id) };
    },
  );
}
