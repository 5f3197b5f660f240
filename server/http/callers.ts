/**
 * Who is calling: the claims of the Bearer token, checked against the account and device as the
 * database knows them now (a beheerder's change counts at once, not when the token runs out).
 */
import { eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { leesToegangstoken, type ToegangsClaims } from '../auth/tokens';
import type { ServerDb } from '../db/connection';
import { apparaten, gebruikers } from '../db/schema';
import type { Aanroeper } from '../sync/push';
import type { Intrekking, IntrekkingWire } from '../../shared/sync/protocol';
import { ServiceError } from './errors';

type ApparaatRij = typeof apparaten.$inferSelect;

/** How a device was revoked, as its laptop hears it; null while it is active. */
export function intrekkingVan(
  a: Pick<ApparaatRij, 'intrekking' | 'ingetrokkenOp'>,
): IntrekkingWire | null {
  if (!a.intrekking && !a.ingetrokkenOp) return null;
  return {
    soort: a.intrekking ?? 'verloren',
    laatsteSync: a.intrekking === 'vervangen' && !a.ingetrokkenOp,
  };
}

/** The 403 a revoked device gets, with how it was revoked (and a log token where it proved itself). */
export const ingetrokken = (intrekking: IntrekkingWire | null, logtoken?: string) =>
  ServiceError.withFields(
    403,
    'apparaat-ingetrokken',
    intrekking?.laatsteSync
      ? 'Dit apparaat wordt vervangen; het stuurt zijn laatste wijzigingen en wordt daarna gewist.'
      : 'Dit apparaat is ingetrokken; de gegevens erop worden gewist.',
    {
      intrekking: intrekking ?? { soort: 'verloren', laatsteSync: false },
      ...(logtoken ? { logtoken } : {}),
    },
  );

/** What a sync request wants: its device may still do some of it once revoked. */
export type SyncDoel = 'lezen' | 'push' | 'log' | 'afronden';

export interface Callers {
  /** The token's claims, unchecked against the database. */
  claimsVan(req: FastifyRequest): ToegangsClaims;
  /** The caller with the device still allowed, with the role and team the account has now. */
  aanroeper(req: FastifyRequest): Promise<ToegangsClaims>;
  /** The caller, if its device may still do `doel`. */
  syncAanroeper(
    req: FastifyRequest,
    doel: SyncDoel,
  ): Promise<Aanroeper & { intrekking: IntrekkingWire | null }>;
  /** Refuses anyone but a beheerder. */
  beheerder(req: FastifyRequest): Promise<void>;
  /** A beheerder as the sync service's caller (reference data they change). */
  alsBeheerder(req: FastifyRequest): Promise<Aanroeper>;
}

/**
 * The caller as the database knows it now (role and team may have changed since sign-in),
 * with the device still allowed: one statement, as every sync request asks it (prepared: the
 * query builder took twice the statement's own time).
 */
const aanroeperVraag = (db: ServerDb) =>
  db
    .select({
      id: gebruikers.id,
      rol: gebruikers.rol,
      teamId: gebruikers.teamId,
      actief: gebruikers.actief,
      ingetrokkenOp: sql<Date | null>`(select ${apparaten.ingetrokkenOp} from ${apparaten} where ${apparaten.id} = ${sql.placeholder('apparaat')})`,
      intrekking: sql<Intrekking | null>`(select ${apparaten.intrekking} from ${apparaten} where ${apparaten.id} = ${sql.placeholder('apparaat')})`,
    })
    .from(gebruikers)
    .where(eq(gebruikers.id, sql.placeholder('gebruiker')))
    .prepare('sync_aanroeper');

export function createCallers(db: ServerDb, geheim: Buffer, now: () => Date): Callers {
  const opnieuw = () => new ServiceError(401, 'niet-aangemeld', 'Meld u opnieuw aan.');

  function claimsVan(req: FastifyRequest): ToegangsClaims {
    const header = req.headers.authorization ?? '';
    const claims = header.startsWith('Bearer ')
      ? leesToegangstoken(header.slice(7), geheim, Math.floor(now().getTime() / 1000))
      : null;
    if (!claims) throw opnieuw();
    return claims;
  }

  const vraag = aanroeperVraag(db);
  const zoals = async (claims: ToegangsClaims) =>
    (await vraag.execute({ gebruiker: claims.sub, apparaat: claims.apparaat }))[0];

  async function aanroeper(req: FastifyRequest): Promise<ToegangsClaims> {
    const claims = claimsVan(req);
    const rij = await zoals(claims);
    const intrekking = rij ? intrekkingVan(rij) : null;
    if (intrekking) throw ingetrokken(intrekking);
    // A log token's device is revoked, so this is a second lock: it opens the access log only.
    if (claims.alleenLog) throw ingetrokken(null);
    if (!rij?.actief) throw opnieuw();
    return { ...claims, rol: rij.rol, team: rij.teamId };
  }

  /**
   * Active: everything. Being replaced: push its unsent work and confirm its last sync, but
   * receive nothing more. Revoked (or holding a log token): only hand in its access log, so that
   * a revocation never costs a NEN 7513 line.
   */
  async function syncAanroeper(req: FastifyRequest, doel: SyncDoel) {
    const claims = claimsVan(req);
    const rij = await zoals(claims);
    const intrekking = rij ? intrekkingVan(rij) : null;
    const mag =
      doel === 'log' ||
      (!claims.alleenLog &&
        (!intrekking ||
          (doel === 'push' && intrekking.laatsteSync) ||
          (doel === 'afronden' && intrekking.soort === 'vervangen')));
    if (!mag) throw ingetrokken(intrekking);
    // A deactivated account's devices are revoked: they hand in their log, and nothing else.
    if (!rij?.actief && !(doel === 'log' && intrekking)) throw opnieuw();
    return {
      gebruikerId: rij!.id,
      rol: rij!.rol,
      teamId: rij!.teamId,
      apparaatId: claims.apparaat,
      intrekking,
    };
  }

  async function beheerder(req: FastifyRequest): Promise<void> {
    const claims = await aanroeper(req);
    if (claims.rol !== 'beheerder')
      throw new ServiceError(
        403,
        'geen-toegang',
        'Alleen een beheerder beheert accounts en teams.',
      );
  }

  const alsBeheerder = async (req: FastifyRequest): Promise<Aanroeper> => {
    await beheerder(req);
    return { gebruikerId: claimsVan(req).sub, rol: 'beheerder', teamId: null };
  };

  return { claimsVan, aanroeper, syncAanroeper, beheerder, alsBeheerder };
}
