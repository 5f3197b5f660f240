/**
 * Sign-in, token refresh and "who am I". Refresh tokens are used once, in families
 * (server/README.md "Tokens"); the sign-in brake is auth/aanmeldrem.ts.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { LogStand } from '../../shared/sync/protocol';
import { AanmeldRem } from '../auth/aanmeldrem';
import {
  HERGEBRUIK_SECONDEN,
  hashToken,
  maakToegangstoken,
  nieuwVernieuwtoken,
  opvolgerVan,
  TOEGANG_SECONDEN,
  VERNIEUW_DAGEN,
  type ToegangsClaims,
} from '../auth/tokens';
import { controleerWachtwoord, NEP_HASH } from '../auth/wachtwoord';
import { apparaten, gebruikers, vernieuwFamilies, vernieuwTokens } from '../db/schema';
import { ingetrokken, intrekkingVan } from '../http/callers';
import { ServiceError } from '../http/errors';
import { logsleutelVoor, ratelVoor } from '../sync/toegangslog';
import { contact, jsonSchema, type RouteContext } from './context';

export const Aanmelden = z
  .object({
    email: z.string().trim().toLowerCase().email().max(200),
    wachtwoord: z.string().min(1).max(200),
    apparaat: z
      .object({
        id: z.string().uuid().optional(),
        naam: z.string().trim().min(1).max(100),
        /** The app's version, shown to the beheerder in the device list. */
        versie: z.string().trim().min(1).max(40).optional(),
      })
      .strict(),
    /** How far the laptop's access log has come (a laptop of an earlier version says nothing). */
    logstand: LogStand.optional(),
  })
  .strict();
export const Vernieuwen = z
  .object({
    vernieuwtoken: z.string().min(20).max(200),
    versie: z.string().trim().min(1).max(40).optional(),
    logstand: LogStand.optional(),
  })
  .strict();

type Gebruiker = typeof gebruikers.$inferSelect;
type Tx = Parameters<Parameters<RouteContext['db']['transaction']>[0]>[0];

/** "5 minuten", "1 seconde": how long to wait, in words. */
function wachtTekst(seconden: number): string {
  if (seconden < 60) return seconden === 1 ? '1 seconde' : `${seconden} seconden`;
  const minuten = Math.ceil(seconden / 60);
  return minuten === 1 ? '1 minuut' : `${minuten} minuten`;
}

const opnieuw = () => new ServiceError(401, 'niet-aangemeld', 'Meld u opnieuw aan.');

const vernieuwVerloop = (ctx: RouteContext) =>
  new Date(ctx.now().getTime() + VERNIEUW_DAGEN * 86_400_000);

/**
 * The answer to a sign-in or refresh: a new access token with the given refresh token, the
 * device's key for the laptop's own log check (the same every time), and a new forward-secure
 * log key when the laptop could not prove it holds one (server/sync/toegangslog.ts).
 */
async function tokensVoor(
  ctx: RouteContext,
  gebruiker: Gebruiker,
  apparaatId: string,
  vernieuwtoken: string,
  logstand: LogStand | undefined,
) {
  const { db, now, options } = ctx;
  const logratel = await ratelVoor(db, apparaatId, logstand);
  const exp = Math.floor(now().getTime() / 1000) + TOEGANG_SECONDEN;
  const claims: ToegangsClaims = {
    sub: gebruiker.id,
    apparaat: apparaatId,
    rol: gebruiker.rol,
    team: gebruiker.teamId,
    exp,
  };
  return {
    toegangstoken: maakToegangstoken(claims, options.geheim),
    vernieuwtoken,
    verlooptOp: new Date(exp * 1000).toISOString(),
    apparaatId,
    logsleutel: await logsleutelVoor(db, apparaatId),
    ...(logratel ? { logratel } : {}),
    gebruiker: {
      id: gebruiker.id,
      naam: gebruiker.naam,
      rol: gebruiker.rol,
      teamId: gebruiker.teamId,
    },
  };
}

/**
 * A sign-in's session on a device: a new family with its first refresh token. The device's
 * earlier families end (its laptop holds only the newest; any other copy is someone else's).
 */
async function nieuweSessie(
  ctx: RouteContext,
  gebruiker: Gebruiker,
  apparaatId: string,
  logstand: LogStand | undefined,
) {
  const { db, now } = ctx;
  const familie = randomUUID();
  const vernieuw = nieuwVernieuwtoken();
  await db.transaction(async (tx) => {
    await tx
      .update(vernieuwFamilies)
      .set({ ingetrokkenOp: now(), reden: 'aanmelding' })
      .where(
        and(eq(vernieuwFamilies.apparaatId, apparaatId), isNull(vernieuwFamilies.ingetrokkenOp)),
      );
    await tx.insert(vernieuwFamilies).values({ id: familie, apparaatId, aangemaaktOp: now() });
    await tx.insert(vernieuwTokens).values({
      hash: vernieuw.hash,
      apparaatId,
      familieId: familie,
      verlooptOp: vernieuwVerloop(ctx),
    });
  });
  return tokensVoor(ctx, gebruiker, apparaatId, vernieuw.token, logstand);
}

/** An access token for the access log alone: all a revoked device still gets. */
function logtokenVoor(ctx: RouteContext, gebruiker: Gebruiker, apparaatId: string): string {
  const { now, options } = ctx;
  return maakToegangstoken(
    {
      sub: gebruiker.id,
      apparaat: apparaatId,
      rol: gebruiker.rol,
      team: gebruiker.teamId,
      exp: Math.floor(now().getTime() / 1000) + TOEGANG_SECONDEN,
      alleenLog: true,
    },
    options.geheim,
  );
}

/**
 * The refresh token's successor, decided under the lock of its family's row (two uses of one
 * token meet here in turn); null when the token may not be used (its family is then revoked if
 * it came back when it should not).
 */
async function volgendToken(
  ctx: RouteContext,
  tx: Tx,
  gevonden: { familieId: string; apparaatId: string },
  vernieuwtoken: string,
): Promise<string | null> {
  const { geheim } = ctx.options;
  const hash = hashToken(vernieuwtoken);
  const moment = ctx.now();
  const [familie] = await tx
    .select()
    .from(vernieuwFamilies)
    .where(eq(vernieuwFamilies.id, gevonden.familieId))
    .for('update');
  if (!familie || familie.ingetrokkenOp) return null;
  const [token] = await tx.select().from(vernieuwTokens).where(eq(vernieuwTokens.hash, hash));
  const hergebruik = async () => {
    await tx
      .update(vernieuwFamilies)
      .set({ ingetrokkenOp: moment, reden: 'hergebruik' })
      .where(eq(vernieuwFamilies.id, familie.id));
    return null;
  };
  // Replaced as successor before it was used: whoever shows it holds a copy.
  if (!token || token.vervallenOp) return hergebruik();
  const nieuweOpvolger = async (nummer: number) => {
    const opvolger = opvolgerVan(vernieuwtoken, geheim, nummer);
    if (token.opvolger)
      await tx
        .update(vernieuwTokens)
        .set({ vervallenOp: moment })
        .where(eq(vernieuwTokens.hash, token.opvolger));
    await tx.insert(vernieuwTokens).values({
      hash: hashToken(opvolger),
      apparaatId: gevonden.apparaatId,
      familieId: familie.id,
      verlooptOp: vernieuwVerloop(ctx),
    });
    await tx
      .update(vernieuwTokens)
      .set({ gebruiktOp: moment, opvolger: hashToken(opvolger), opvolgerNr: nummer })
      .where(eq(vernieuwTokens.hash, hash));
    return opvolger;
  };
  if (!token.gebruiktOp) return nieuweOpvolger(1);
  // Spent. Its successor already used: the laptop went on with it, so this is a copy.
  const [opvolger] = token.opvolger
    ? await tx.select().from(vernieuwTokens).where(eq(vernieuwTokens.hash, token.opvolger))
    : [];
  if (!opvolger || opvolger.gebruiktOp || opvolger.vervallenOp) return hergebruik();
  // Asked again moments after the answer (lost on the way, or two requests crossed): the
  // same answer, and nothing written.
  if (moment.getTime() - token.gebruiktOp.getTime() < HERGEBRUIK_SECONDEN * 1000) {
    const zelfde = opvolgerVan(vernieuwtoken, geheim, token.opvolgerNr);
    return hashToken(zelfde) === token.opvolger ? zelfde : null;
  }
  // Asked again later, its answer never used: the laptop never got it. A new successor, and
  // the unused one becomes void, so a copy of either is found out at its first use.
  return nieuweOpvolger(token.opvolgerNr + 1);
}

/**
 * Sign-in. The attempt is counted before its password is checked (auth/aanmeldrem.ts): per
 * account a growing delay, per source address a limit, and the owner's own laptop (a device of
 * this account, named by its id) on a count of its own.
 */
async function meldAan(ctx: RouteContext, rem: AanmeldRem, req: FastifyRequest) {
  const { db, now } = ctx;
  const invoer = Aanmelden.parse(req.body);
  const gebruiker = (
    await db.select().from(gebruikers).where(eq(gebruikers.email, invoer.email))
  )[0];
  const { id, naam, versie } = invoer.apparaat;
  const bestaand = id
    ? (await db.select().from(apparaten).where(eq(apparaten.id, id)))[0]
    : undefined;
  const eigenApparaat =
    gebruiker && bestaand?.gebruikerId === gebruiker.id && !bestaand.ingetrokkenOp;
  // No await between this look and the count: concurrent attempts each see the others.
  const reservering = rem.reserveer({
    email: invoer.email,
    adres: req.ip,
    ...(eigenApparaat ? { bekendApparaat: { gebruikerId: gebruiker.id, apparaatId: id! } } : {}),
  });
  if (!reservering.toegestaan)
    throw ServiceError.withFields(
      429,
      'te-veel-pogingen',
      `Te veel mislukte pogingen; probeer het over ${wachtTekst(reservering.wachtSeconden)} opnieuw.`,
      { wachtSeconden: reservering.wachtSeconden },
    );
  const klopt = await controleerWachtwoord(
    invoer.wachtwoord,
    gebruiker?.wachtwoordHash ?? NEP_HASH,
  );
  if (!gebruiker || !klopt || !gebruiker.actief)
    throw new ServiceError(401, 'niet-aangemeld', 'E-mailadres of wachtwoord klopt niet.');
  reservering.gelukt();
  if (bestaand && bestaand.gebruikerId !== gebruiker.id)
    throw new ServiceError(403, 'geen-toegang', 'Dit apparaat hoort bij een ander account.');
  if (bestaand) {
    await contact(ctx, bestaand.id, versie);
    // Revoked: no session, but its user proved who they are, so its log may still come in.
    // One being replaced signs in as before: its last sync needs a session.
    if (bestaand.ingetrokkenOp)
      throw ingetrokken(intrekkingVan(bestaand), logtokenVoor(ctx, gebruiker, bestaand.id));
    return nieuweSessie(ctx, gebruiker, bestaand.id, invoer.logstand);
  }
  const apparaatId = randomUUID();
  await db.insert(apparaten).values({
    id: apparaatId,
    gebruikerId: gebruiker.id,
    naam,
    geregistreerdOp: now(),
    laatsteContact: now(),
    appVersie: versie ?? null,
  });
  return nieuweSessie(ctx, gebruiker, apparaatId, invoer.logstand);
}

/**
 * A new access token for a refresh token, which is used once (its family: server/README.md
 * "Tokens"). Refusals write nothing and use nothing up; only a token that comes back when it
 * should not revokes its family.
 */
async function vernieuw(ctx: RouteContext, req: FastifyRequest) {
  const { db, now } = ctx;
  const { vernieuwtoken, versie, logstand } = Vernieuwen.parse(req.body);
  const gevonden = (
    await db
      .select({
        token: vernieuwTokens,
        familie: vernieuwFamilies,
        apparaat: apparaten,
        gebruiker: gebruikers,
      })
      .from(vernieuwTokens)
      .innerJoin(vernieuwFamilies, eq(vernieuwFamilies.id, vernieuwTokens.familieId))
      .innerJoin(apparaten, eq(apparaten.id, vernieuwTokens.apparaatId))
      .innerJoin(gebruikers, eq(gebruikers.id, apparaten.gebruikerId))
      .where(eq(vernieuwTokens.hash, hashToken(vernieuwtoken)))
  )[0];
  if (
    !gevonden ||
    gevonden.token.verlooptOp.getTime() <= now().getTime() ||
    gevonden.familie.ingetrokkenOp
  )
    throw opnieuw();
  const { apparaat, gebruiker } = gevonden;
  // A revoked device's token is not used up: it yields nothing but a log token, and its laptop
  // may need more than one try to hand in its log.
  if (apparaat.ingetrokkenOp) {
    await contact(ctx, apparaat.id, versie);
    throw ingetrokken(intrekkingVan(apparaat), logtokenVoor(ctx, gebruiker, apparaat.id));
  }
  if (!gebruiker.actief) throw opnieuw();
  const uitkomst = await db.transaction((tx) =>
    volgendToken(
      ctx,
      tx,
      { familieId: gevonden.familie.id, apparaatId: apparaat.id },
      vernieuwtoken,
    ),
  );
  if (!uitkomst) throw opnieuw();
  await contact(ctx, apparaat.id, versie);
  return tokensVoor(ctx, gebruiker, apparaat.id, uitkomst, logstand);
}

export function registerAuthRoutes(ctx: RouteContext): void {
  const { app, now } = ctx;
  const rem = new AanmeldRem(() => now().getTime());
  app.post('/auth/aanmelden', { schema: { body: jsonSchema(Aanmelden) } }, (req) =>
    meldAan(ctx, rem, req),
  );
  app.post('/auth/vernieuwen', { schema: { body: jsonSchema(Vernieuwen) } }, (req) =>
    vernieuw(ctx, req),
  );
  app.get('/ik', async (req) => {
    const claims = await ctx.callers.aanroeper(req);
    return {
      gebruikerId: claims.sub,
      rol: claims.rol,
      teamId: claims.team,
      apparaatId: claims.apparaat,
    };
  });
}
