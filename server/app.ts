/**
 * The central service's HTTP API (Fastify). Every route validates its input against a JSON
 * schema made from its zod schema, answers errors in Dutch with a code, and logs only method,
 * route and status: never bodies, query strings or headers (they may hold personal data).
 */
import { randomUUID } from 'node:crypto';
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { z, ZodError } from 'zod';
import { AanmeldRem } from './auth/aanmeldrem';
import { controleerWachtwoord, hashWachtwoord, NEP_HASH } from './auth/wachtwoord';
import {
  HERGEBRUIK_SECONDEN,
  hashToken,
  leesToegangstoken,
  maakToegangstoken,
  nieuwVernieuwtoken,
  opvolgerVan,
  TOEGANG_SECONDEN,
  VERNIEUW_DAGEN,
  type ToegangsClaims,
} from './auth/tokens';
import type { ServerDb, ServerStore } from './db/connection';
import { ROLLEN } from '../shared/domain';
import { beoordeelWachtwoord, MAX_WACHTWOORD_LENGTE } from '../shared/wachtwoord';
import { apparaten, gebruikers, teams, vernieuwFamilies, vernieuwTokens } from './db/schema';
import {
  INTREKKINGEN,
  PullVraag,
  PushVerzoek,
  QuarantaineMelding,
  LogStand,
  ToegangslogPush,
  type Intrekking,
  type IntrekkingWire,
  type ToegangslogAntwoord,
} from '../shared/sync/protocol';
import { leesPull, scopesMetStand, SyncFout, type Aanroeper } from './sync/dienst';
import { stuurTekstDoor } from './sync/doorsturen';
import { geefNummerblok } from './sync/toewijzingnummers';
import { bewaarQuarantaine, quarantaineOverzicht } from './sync/quarantaine-meldingen';
import { PushWachtrij } from './sync/push-wachtrij';
import {
  bewaarToegangslog,
  logsleutelVoor,
  meldGeweigerdeRegel,
  ratelVoor,
} from './sync/toegangslog';
import { updateRoutes } from './updates';
import {
  NieuweVoorziening,
  VoorzieningParams,
  VoorzieningVraag,
  VoorzieningWijzigen,
  voorzieningenLijst,
  voorzieningToevoegen,
  voorzieningWijzigen,
} from './sync/sociale-kaart-beheer';
import { ruimBewaartermijnOp, STANDAARD_BEWAARTERMIJN_JAREN } from './sync/bewaartermijn';

export const MAX_BODY_BYTES = 256 * 1024;
/** `POST /sync/toegangslog`: a batch of `MAX_LOGREGELS` lines at their longest, with room. */
export const MAX_LOG_BODY_BYTES = 2 * 1024 * 1024;
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

type Fout =
  | 'ongeldige-invoer'
  | 'niet-aangemeld'
  | 'geen-toegang'
  | 'apparaat-ingetrokken'
  | 'niet-gevonden'
  | 'te-veel-pogingen'
  | 'zwak-wachtwoord'
  | 'interne-fout';

class HttpFout extends Error {
  constructor(
    readonly status: number,
    readonly code: Fout,
    message: string,
    /** More fields of the answer (a revoked device hears how it was revoked). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const Aanmelden = z
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
const Vernieuwen = z
  .object({
    vernieuwtoken: z.string().min(20).max(200),
    versie: z.string().trim().min(1).max(40).optional(),
    logstand: LogStand.optional(),
  })
  .strict();
const ApparaatParams = z.object({ id: z.string().uuid() }).strict();
const GebruikerParams = z.object({ id: z.string().min(1).max(64) }).strict();
const Intrekken = z.object({ soort: z.enum(INTREKKINGEN) }).strict();
const ApparatenVraag = z.object({ gebruikerId: z.string().min(1).max(64).optional() }).strict();
const NieuweGebruiker = z
  .object({
    email: z.string().trim().toLowerCase().email().max(200),
    naam: z.string().trim().min(1).max(200),
    rol: z.enum(ROLLEN.codes),
    teamId: z.string().uuid().nullable(),
    // Length and predictability: shared/wachtwoord.ts, in the handler (it needs the account).
    wachtwoord: z
      .string()
      .min(1)
      .max(MAX_WACHTWOORD_LENGTE * 2),
  })
  .strict();
/** A role and team for an account: a beheerder has no team, everyone else one. */
const RolEnTeam = z
  .object({ rol: z.enum(ROLLEN.codes), teamId: z.string().uuid().nullable() })
  .strict();
const NieuwTeam = z.object({ naam: z.string().trim().min(1).max(200) }).strict();
const Bewaartermijn = z
  .object({
    /** Years after the last care (Jeugdwet: 20); the region may keep longer, never shorter. */
    jaren: z.number().int().min(20).max(100).optional(),
    peildatum: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'Datum als jjjj-mm-dd')
      .optional(),
  })
  .strict();

const jsonSchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { target: 'draft-7', io: 'input' });

type ApparaatRij = typeof apparaten.$inferSelect;

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

/** "5 minuten", "1 seconde": how long to wait, in words. */
function wachtTekst(seconden: number): string {
  if (seconden < 60) return seconden === 1 ? '1 seconde' : `${seconden} seconden`;
  const minuten = Math.ceil(seconden / 60);
  return minuten === 1 ? '1 minuut' : `${minuten} minuten`;
}

/** How a device was revoked, as its laptop hears it; null while it is active. */
function intrekkingVan(
  a: Pick<ApparaatRij, 'intrekking' | 'ingetrokkenOp'>,
): IntrekkingWire | null {
  if (!a.intrekking && !a.ingetrokkenOp) return null;
  return {
    soort: a.intrekking ?? 'verloren',
    laatsteSync: a.intrekking === 'vervangen' && !a.ingetrokkenOp,
  };
}

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

/** The routes as the OpenAPI description lists them. */
const ROUTES = [
  ['get', '/health', 'Is de dienst er, en welke database', null],
  ['get', '/openapi.json', 'Deze beschrijving', null],
  ['get', '/updates/{bestand}', 'Updates van de desktop-app (electron-builder, generic)', null],
  ['post', '/auth/aanmelden', 'Aanmelden met e-mail en wachtwoord op een apparaat', Aanmelden],
  ['post', '/auth/vernieuwen', 'Nieuw toegangstoken met een vernieuwtoken', Vernieuwen],
  ['get', '/ik', 'Wie ben ik, op welk apparaat', null],
  [
    'get',
    '/beheer/apparaten',
    'Alle apparaten per account: naam, eerste en laatste contact, app-versie, staat (beheerder)',
    null,
  ],
  [
    'post',
    '/beheer/apparaten/{id}/intrekken',
    'Een apparaat intrekken: vervangen (eerst een laatste sync) of verloren (beheerder)',
    Intrekken,
  ],
  [
    'post',
    '/beheer/gebruikers/{id}/apparaten/intrekken',
    'Alle apparaten van een account intrekken (beheerder)',
    Intrekken,
  ],
  [
    'post',
    '/beheer/gebruikers/{id}/rol',
    'Rol en team van een account wijzigen; wie van team wisselt krijgt zijn laptops vervangen (beheerder)',
    RolEnTeam,
  ],
  [
    'post',
    '/beheer/gebruikers/{id}/deactiveren',
    'Een account op non-actief zetten: niet meer aanmelden, alle apparaten ingetrokken (beheerder)',
    null,
  ],
  ['get', '/beheer/gebruikers', 'Alle accounts, zonder wachtwoorden (beheerder)', null],
  ['post', '/beheer/gebruikers', 'Een account aanmaken (beheerder)', NieuweGebruiker],
  ['post', '/beheer/teams', 'Een team aanmaken (beheerder)', NieuwTeam],
  ['get', '/beheer/sociale-kaart', 'De sociale kaart, per gemeente (beheerder)', null],
  ['post', '/beheer/sociale-kaart', 'Een voorziening toevoegen (beheerder)', NieuweVoorziening],
  [
    'post',
    '/beheer/sociale-kaart/{id}',
    'Een voorziening wijzigen of op non-actief zetten (beheerder)',
    VoorzieningWijzigen,
  ],
  [
    'get',
    '/sync/scopes',
    'De scopes die dit apparaat ontvangt, in ophaalvolgorde, met hun stand',
    null,
  ],
  [
    'post',
    '/sync/push',
    'Wijzigingen aanbieden (elke wijzigings-id hooguit één keer)',
    PushVerzoek,
  ],
  ['get', '/sync/pull', 'Wijzigingen in een scope na een cursor, per pagina', PullVraag],
  [
    'post',
    '/sync/toegangslog',
    'Toegangslogregels bewaren (NEN 7513), ook van een ingetrokken apparaat',
    ToegangslogPush,
  ],
  [
    'post',
    '/sync/quarantaine',
    'Wat dit apparaat niet kon opslaan (quarantaine), zoals het nu is; vervangt de vorige melding',
    QuarantaineMelding,
  ],
  ['get', '/beheer/quarantaine', 'Wat laptops niet konden opslaan, per apparaat (beheerder)', null],
  ['post', '/sync/nummerblok', 'Een blok toewijzingnummers voor deze laptop (ADR 0005)', null],
  [
    'post',
    '/sync/afronden',
    'Een apparaat dat vervangen wordt meldt zijn laatste sync; daarna is het ingetrokken',
    null,
  ],
] as const;

function openApi() {
  const paths: Record<string, Record<string, object>> = {};
  for (const [method, path, summary, body] of ROUTES)
    paths[path] = {
      ...paths[path],
      [method]: {
        summary,
        ...(body
          ? {
              requestBody: {
                content: { 'application/json': { schema: z.toJSONSchema(body, { io: 'input' }) } },
              },
            }
          : {}),
        responses: { 200: { description: 'OK' }, 400: { description: 'Ongeldige invoer' } },
      },
    };
  return {
    openapi: '3.1.0',
    info: { title: 'Eenplan centrale dienst', version: '0.1.0' },
    components: {
      securitySchemes: { toegangstoken: { type: 'http', scheme: 'bearer' } },
    },
    paths,
  };
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

  const rem = new AanmeldRem(() => now().getTime());

  // PostgreSQL's text cannot hold U+0000, and no name, id or log line needs it: refused before
  // any route looks at the request. A pushed field's value is stored as JSON, which can, so
  // typed text with one is not lost.
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
      throw new HttpFout(
        400,
        'ongeldige-invoer',
        'Ongeldige invoer: tekst met een nul-teken (U+0000) wordt niet aangenomen.',
      );
  });

  app.setErrorHandler(
    (error: Error & { statusCode?: number; validation?: unknown }, _req, reply) => {
      if (error instanceof HttpFout) {
        if (error.status === 429) reply.header('Retry-After', String(error.extra.wachtSeconden));
        return reply
          .status(error.status)
          .send({ code: error.code, message: error.message, ...error.extra });
      }
      if (error instanceof SyncFout)
        return reply.status(error.status).send({
          code: error.code,
          message: error.message,
          index: error.index,
          // The rule a refused change breaks (shared/sync/protocol.ts `RegelWeigering`).
          ...(error.regel ? { regel: error.regel } : {}),
          // A laptop told its clock is off learns the service's (it then stamps by that).
          ...(error.code === 'klok-afwijking' ? { nu: now().toISOString() } : {}),
        });
      if (error.validation)
        return reply
          .status(400)
          .send({ code: 'ongeldige-invoer', message: `Ongeldige invoer: ${error.message}` });
      // What the JSON schema cannot say (a number's range in a query string) the zod schema does.
      if (error instanceof ZodError)
        return reply.status(400).send({
          code: 'ongeldige-invoer',
          message: `Ongeldige invoer: ${error.issues
            .map((i) => `${i.path.join('.') || 'invoer'}: ${i.message}`)
            .join('; ')}`,
        });
      if (error.statusCode === 413)
        return reply
          .status(413)
          .send({ code: 'ongeldige-invoer', message: 'Het verzoek is te groot.' });
      if (error.statusCode && error.statusCode < 500)
        return reply
          .status(error.statusCode)
          .send({ code: 'ongeldige-invoer', message: 'Het verzoek is ongeldig.' });
      app.log.error({ err: { type: error.name } }, 'interne fout');
      return reply
        .status(500)
        .send({ code: 'interne-fout', message: 'Er ging iets mis in de centrale dienst.' });
    },
  );
  app.setNotFoundHandler((_req, reply) =>
    reply.status(404).send({ code: 'niet-gevonden', message: 'Onbekend adres.' }),
  );

  /**
   * The answer to a sign-in or refresh: a new access token with the given refresh token, the
   * device's key for the laptop's own log check (the same every time), and a new forward-secure
   * log key when the laptop could not prove it holds one (server/sync/toegangslog.ts).
   */
  async function tokensVoor(
    gebruiker: typeof gebruikers.$inferSelect,
    apparaatId: string,
    vernieuwtoken: string,
    logstand: LogStand | undefined,
  ) {
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

  const vernieuwVerloop = () => new Date(now().getTime() + VERNIEUW_DAGEN * 86_400_000);

  /**
   * A sign-in's session on a device: a new family with its first refresh token. The device's
   * earlier families end (its laptop holds only the newest; any other copy is someone else's).
   */
  async function nieuweSessie(
    gebruiker: typeof gebruikers.$inferSelect,
    apparaatId: string,
    logstand: LogStand | undefined,
  ) {
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
        verlooptOp: vernieuwVerloop(),
      });
    });
    return tokensVoor(gebruiker, apparaatId, vernieuw.token, logstand);
  }

  /** An access token for the access log alone: all a revoked device still gets. */
  function logtokenVoor(gebruiker: typeof gebruikers.$inferSelect, apparaatId: string): string {
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

  const ingetrokken = (intrekking: IntrekkingWire | null, logtoken?: string) =>
    new HttpFout(
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

  /** The device was heard from (with its app version): what the beheerder's list shows. */
  const contact = (id: string, versie: string | undefined) =>
    db
      .update(apparaten)
      .set({ laatsteContact: now(), ...(versie ? { appVersie: versie } : {}) })
      .where(eq(apparaten.id, id));

  /**
   * Revokes the devices `waar` selects. Lost or stolen: at once (one being replaced too: its
   * unsent work is then given up). Replaced: an active device may push its work once more
   * first; a device already revoked stays as it is.
   */
  async function trekIn(tx: Pick<ServerDb, 'update'>, waar: SQL, soort: Intrekking) {
    const moment = now();
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

  const apparatenVan = async (gebruikerId: string) =>
    (
      await db
        .select()
        .from(apparaten)
        .where(eq(apparaten.gebruikerId, gebruikerId))
        .orderBy(apparaten.geregistreerdOp, apparaten.id)
    ).map(apparaatOverzicht);

  function claimsVan(req: FastifyRequest): ToegangsClaims {
    const header = req.headers.authorization ?? '';
    const claims = header.startsWith('Bearer ')
      ? leesToegangstoken(header.slice(7), options.geheim, Math.floor(now().getTime() / 1000))
      : null;
    if (!claims) throw new HttpFout(401, 'niet-aangemeld', 'Meld u opnieuw aan.');
    return claims;
  }

  /**
   * The caller from the Bearer token, with the device still allowed (not revoked, not being
   * replaced) and the role and team the account has now: a beheerder's change counts at once,
   * not when the token runs out.
   */
  async function aanroeper(req: FastifyRequest): Promise<ToegangsClaims> {
    const claims = claimsVan(req);
    const rij = (
      await aanroeperVraag.execute({ gebruiker: claims.sub, apparaat: claims.apparaat })
    )[0];
    const intrekking = rij ? intrekkingVan(rij) : null;
    if (intrekking) throw ingetrokken(intrekking);
    // A log token's device is revoked, so this is a second lock: it opens the access log only.
    if (claims.alleenLog) throw ingetrokken(null);
    if (!rij?.actief) throw new HttpFout(401, 'niet-aangemeld', 'Meld u opnieuw aan.');
    return { ...claims, rol: rij.rol, team: rij.teamId };
  }

  /**
   * The caller as the database knows it now (role and team may have changed since sign-in),
   * with the device still allowed: one statement, as every sync request asks it (prepared: the
   * query builder took twice the statement's own time).
   */
  const aanroeperVraag = db
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
  /**
   * The caller, if its device may still do this. Active: everything. Being replaced: push its
   * unsent work and confirm its last sync, but receive nothing more. Revoked (or holding a log
   * token): only hand in its access log, so that a revocation never costs a NEN 7513 line.
   */
  async function syncAanroeper(
    req: FastifyRequest,
    doel: 'lezen' | 'push' | 'log' | 'afronden',
  ): Promise<Aanroeper & { intrekking: IntrekkingWire | null }> {
    const claims = claimsVan(req);
    const rij = (
      await aanroeperVraag.execute({ gebruiker: claims.sub, apparaat: claims.apparaat })
    )[0];
    const intrekking = rij ? intrekkingVan(rij) : null;
    const mag =
      doel === 'log' ||
      (!claims.alleenLog &&
        (!intrekking ||
          (doel === 'push' && intrekking.laatsteSync) ||
          (doel === 'afronden' && intrekking.soort === 'vervangen')));
    if (!mag) throw ingetrokken(intrekking);
    // A deactivated account's devices are revoked: they hand in their log, and nothing else.
    if (!rij?.actief && !(doel === 'log' && intrekking))
      throw new HttpFout(401, 'niet-aangemeld', 'Meld u opnieuw aan.');
    return {
      gebruikerId: rij!.id,
      rol: rij!.rol,
      teamId: rij!.teamId,
      apparaatId: claims.apparaat,
      intrekking,
    };
  }

  const pushes = new PushWachtrij(db, now);
  app.get('/sync/scopes', async (req) => {
    const wie = await syncAanroeper(req, 'lezen');
    await pushes.naWachtende();
    return scopesMetStand(db, wie, now());
  });

  app.post('/sync/push', { schema: { body: jsonSchema(PushVerzoek) } }, async (req) => {
    const wie = await syncAanroeper(req, 'push');
    const { wijzigingen } = PushVerzoek.parse(req.body);
    try {
      return await pushes.push({ aanroeper: wie, wijzigingen });
    } catch (fout) {
      // Text typed for a family that moved away meanwhile goes to its new team (doorsturen.ts):
      // refused as `verhuisd`, or (an edit of a row whose creation was refused so) as unknown.
      const doorsturen = ['verhuisd', 'ongeldige-wijziging'];
      if (fout instanceof SyncFout && doorsturen.includes(fout.code) && fout.index !== undefined)
        await stuurTekstDoor(db, wie, wijzigingen[fout.index]!, now());
      throw fout;
    }
  });

  app.post(
    '/sync/toegangslog',
    // A full batch of lines with long reasons is larger than other requests may be.
    { schema: { body: jsonSchema(ToegangslogPush) }, bodyLimit: MAX_LOG_BODY_BYTES },
    async (req): Promise<ToegangslogAntwoord> => {
      const wie = await syncAanroeper(req, 'log');
      const { regels, stand } = ToegangslogPush.parse(req.body);
      const uitkomst = await bewaarToegangslog(
        db,
        wie,
        regels,
        wie.intrekking?.soort ?? null,
        stand,
      ).catch(async (fout: unknown) => {
        // The refusal rolls the batch back; that a line was refused is kept all the same.
        const index = fout instanceof SyncFout ? fout.index : undefined;
        const regel = index === undefined ? undefined : regels[index];
        if (regel && wie.apparaatId) await meldGeweigerdeRegel(db, wie.apparaatId, regel.seq);
        throw fout;
      });
      if (!wie.intrekking) return uitkomst;
      // A revoked laptop's last contacts are what a beheerder looks for.
      await contact(wie.apparaatId!, undefined);
      return { ...uitkomst, intrekking: wie.intrekking };
    },
  );

  app.post('/sync/nummerblok', async (req) => {
    const wie = await syncAanroeper(req, 'lezen');
    return geefNummerblok(db, wie, now());
  });

  /** A laptop being replaced has pushed its last work: from now on it is revoked, and wipes. */
  app.post(
    '/sync/quarantaine',
    { schema: { body: jsonSchema(QuarantaineMelding) } },
    async (req) => {
      const wie = await syncAanroeper(req, 'lezen');
      return bewaarQuarantaine(db, wie, QuarantaineMelding.parse(req.body), now());
    },
  );

  app.get('/beheer/quarantaine', async (req) => {
    await beheerder(req);
    return { meldingen: await quarantaineOverzicht(db) };
  });

  app.post('/sync/afronden', async (req) => {
    const wie = await syncAanroeper(req, 'afronden');
    if (!wie.intrekking)
      throw new HttpFout(409, 'ongeldige-invoer', 'Dit apparaat wordt niet vervangen.');
    // A confirmation sent again (its answer lost on the way) keeps the first moment.
    await db
      .update(apparaten)
      .set({
        ingetrokkenOp: sql`coalesce(${apparaten.ingetrokkenOp}, ${now()})`,
        laatsteContact: now(),
      })
      .where(eq(apparaten.id, wie.apparaatId!));
    return { ok: true };
  });

  app.get('/sync/pull', { schema: { querystring: jsonSchema(PullVraag) } }, async (req, reply) => {
    const wie = await syncAanroeper(req, 'lezen');
    await pushes.naWachtende();
    const tekst = await leesPull(db, wie, PullVraag.parse(req.query));
    return reply.type('application/json; charset=utf-8').send(tekst);
  });

  app.get('/health', async () => ({ ok: true, database: options.store.soort }));
  if (options.updatesMap) updateRoutes(app, options.updatesMap);
  app.get('/openapi.json', async () => openApi());

  /**
   * Sign-in. The attempt is counted before its password is checked (auth/aanmeldrem.ts): per
   * account a growing delay, per source address a limit, and the owner's own laptop (a device of
   * this account, named by its id) on a count of its own.
   */
  app.post('/auth/aanmelden', { schema: { body: jsonSchema(Aanmelden) } }, async (req) => {
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
      throw new HttpFout(
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
      throw new HttpFout(401, 'niet-aangemeld', 'E-mailadres of wachtwoord klopt niet.');
    reservering.gelukt();
    if (bestaand && bestaand.gebruikerId !== gebruiker.id)
      throw new HttpFout(403, 'geen-toegang', 'Dit apparaat hoort bij een ander account.');
    if (bestaand) {
      await contact(bestaand.id, versie);
      // Revoked: no session, but its user proved who they are, so its log may still come in.
      // One being replaced signs in as before: its last sync needs a session.
      if (bestaand.ingetrokkenOp)
        throw ingetrokken(intrekkingVan(bestaand), logtokenVoor(gebruiker, bestaand.id));
      return nieuweSessie(gebruiker, bestaand.id, invoer.logstand);
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
    return nieuweSessie(gebruiker, apparaatId, invoer.logstand);
  });

  /**
   * A new access token for a refresh token, which is used once (its family: server/README.md
   * "Tokens"). Refusals write nothing and use nothing up; only a token that comes back when it
   * should not revokes its family.
   */
  app.post('/auth/vernieuwen', { schema: { body: jsonSchema(Vernieuwen) } }, async (req) => {
    const { vernieuwtoken, versie, logstand } = Vernieuwen.parse(req.body);
    const hash = hashToken(vernieuwtoken);
    const opnieuw = () => new HttpFout(401, 'niet-aangemeld', 'Meld u opnieuw aan.');
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
        .where(eq(vernieuwTokens.hash, hash))
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
      await contact(apparaat.id, versie);
      throw ingetrokken(intrekkingVan(apparaat), logtokenVoor(gebruiker, apparaat.id));
    }
    if (!gebruiker.actief) throw opnieuw();

    const moment = now();
    const uitkomst = await db.transaction(async (tx) => {
      // The family's row serialises its tokens: two uses of one token meet here in turn.
      const [familie] = await tx
        .select()
        .from(vernieuwFamilies)
        .where(eq(vernieuwFamilies.id, gevonden.familie.id))
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
        const opvolger = opvolgerVan(vernieuwtoken, options.geheim, nummer);
        if (token.opvolger)
          await tx
            .update(vernieuwTokens)
            .set({ vervallenOp: moment })
            .where(eq(vernieuwTokens.hash, token.opvolger));
        await tx.insert(vernieuwTokens).values({
          hash: hashToken(opvolger),
          apparaatId: apparaat.id,
          familieId: familie.id,
          verlooptOp: vernieuwVerloop(),
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
        const zelfde = opvolgerVan(vernieuwtoken, options.geheim, token.opvolgerNr);
        return hashToken(zelfde) === token.opvolger ? zelfde : null;
      }
      // Asked again later, its answer never used: the laptop never got it. A new successor, and
      // the unused one becomes void, so a copy of either is found out at its first use.
      return nieuweOpvolger(token.opvolgerNr + 1);
    });
    if (!uitkomst) throw opnieuw();
    await contact(apparaat.id, versie);
    return tokensVoor(gebruiker, apparaat.id, uitkomst, logstand);
  });

  app.get('/ik', async (req) => {
    const claims = await aanroeper(req);
    return {
      gebruikerId: claims.sub,
      rol: claims.rol,
      teamId: claims.team,
      apparaatId: claims.apparaat,
    };
  });

  app.post(
    '/beheer/apparaten/:id/intrekken',
    { schema: { params: jsonSchema(ApparaatParams), body: jsonSchema(Intrekken) } },
    async (req) => {
      const claims = await aanroeper(req);
      if (claims.rol !== 'beheerder')
        throw new HttpFout(403, 'geen-toegang', 'Alleen een beheerder trekt apparaten in.');
      const { id } = ApparaatParams.parse(req.params);
      await trekIn(db, eq(apparaten.id, id), Intrekken.parse(req.body).soort);
      const rij = (await db.select().from(apparaten).where(eq(apparaten.id, id)))[0];
      if (!rij) throw new HttpFout(404, 'niet-gevonden', 'Dit apparaat bestaat niet.');
      return apparaatOverzicht(rij);
    },
  );

  async function beheerder(req: FastifyRequest): Promise<void> {
    const claims = await aanroeper(req);
    if (claims.rol !== 'beheerder')
      throw new HttpFout(403, 'geen-toegang', 'Alleen een beheerder beheert accounts en teams.');
  }

  /** A beheerder has no team, everyone else an existing one. */
  const geldigTeam = async (rol: (typeof ROLLEN.codes)[number], teamId: string | null) => {
    if ((rol === 'beheerder') !== (teamId === null))
      throw new HttpFout(
        400,
        'ongeldige-invoer',
        'Een beheerder heeft geen team; iedereen anders wel.',
      );
    if (teamId && !(await db.select().from(teams).where(eq(teams.id, teamId)))[0])
      throw new HttpFout(400, 'ongeldige-invoer', 'Dit team bestaat niet.');
  };

  const bestaandAccount = async (id: string) => {
    const rij = (
      await db.select({ id: gebruikers.id }).from(gebruikers).where(eq(gebruikers.id, id))
    )[0];
    if (!rij) throw new HttpFout(404, 'niet-gevonden', 'Dit account bestaat niet.');
  };

  /** Every account with its devices, so a beheerder finds the laptop to revoke. */
  app.get(
    '/beheer/apparaten',
    { schema: { querystring: jsonSchema(ApparatenVraag) } },
    async (req) => {
      await beheerder(req);
      const { gebruikerId } = ApparatenVraag.parse(req.query);
      if (gebruikerId) await bestaandAccount(gebruikerId);
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
        perAccount.set(a.gebruikerId, [
          ...(perAccount.get(a.gebruikerId) ?? []),
          apparaatOverzicht(a),
        ]);
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
    },
  );

  app.post(
    '/beheer/gebruikers/:id/apparaten/intrekken',
    { schema: { params: jsonSchema(GebruikerParams), body: jsonSchema(Intrekken) } },
    async (req) => {
      await beheerder(req);
      const { id } = GebruikerParams.parse(req.params);
      await bestaandAccount(id);
      await trekIn(db, eq(apparaten.gebruikerId, id), Intrekken.parse(req.body).soort);
      return { gebruikerId: id, apparaten: await apparatenVan(id) };
    },
  );

  /**
   * No more sign-in or token refresh for the account, on any device; its devices are revoked as
   * lost at once (they hand in their access log and wipe). Work not yet sent is given up: a
   * beheerder who wants it replaces the laptops first.
   */
  app.post(
    '/beheer/gebruikers/:id/deactiveren',
    { schema: { params: jsonSchema(GebruikerParams) } },
    async (req) => {
      await beheerder(req);
      const { id } = GebruikerParams.parse(req.params);
      if (id === claimsVan(req).sub)
        throw new HttpFout(
          400,
          'ongeldige-invoer',
          'U kunt uw eigen account niet op non-actief zetten.',
        );
      await bestaandAccount(id);
      await db.transaction(async (tx) => {
        await tx.update(gebruikers).set({ actief: false }).where(eq(gebruikers.id, id));
        await trekIn(tx, eq(apparaten.gebruikerId, id), 'verloren');
      });
      return { id, actief: false, apparaten: await apparatenVan(id) };
    },
  );

  /**
   * A new role or team for an account, at once: every request reads the account as it is now.
   * Someone who leaves a team (another team, or beheerder) no longer may hold its families, so
   * their laptops not yet revoked are revoked as replaced in the same transaction: each hands in
   * its log and pushes what it still may, then wipes; signed in anew, it gets the new team.
   * Unsent work for the old team is then refused: a beheerder who wants it replaces the laptops
   * first and changes the team once the list shows them revoked.
   */
  app.post(
    '/beheer/gebruikers/:id/rol',
    { schema: { params: jsonSchema(GebruikerParams), body: jsonSchema(RolEnTeam) } },
    async (req) => {
      await beheerder(req);
      const { id } = GebruikerParams.parse(req.params);
      const { rol, teamId } = RolEnTeam.parse(req.body);
      if (id === claimsVan(req).sub)
        throw new HttpFout(400, 'ongeldige-invoer', 'U kunt uw eigen rol niet wijzigen.');
      await bestaandAccount(id);
      await geldigTeam(rol, teamId);
      await db.transaction(async (tx) => {
        const [oud] = await tx
          .select({ teamId: gebruikers.teamId })
          .from(gebruikers)
          .where(eq(gebruikers.id, id))
          .for('update');
        await tx.update(gebruikers).set({ rol, teamId }).where(eq(gebruikers.id, id));
        if (oud?.teamId && oud.teamId !== teamId)
          await trekIn(tx, eq(apparaten.gebruikerId, id), 'vervangen');
      });
      return { id, rol, teamId, apparaten: await apparatenVan(id) };
    },
  );

  app.get('/beheer/gebruikers', async (req) => {
    await beheerder(req);
    const rijen = await db.select().from(gebruikers).orderBy(gebruikers.naam);
    return rijen.map(({ wachtwoordHash: _w, ...g }) => g);
  });

  app.post(
    '/beheer/gebruikers',
    { schema: { body: jsonSchema(NieuweGebruiker) } },
    async (req, reply) => {
      await beheerder(req);
      const invoer = NieuweGebruiker.parse(req.body);
      await geldigTeam(invoer.rol, invoer.teamId);
      const oordeel = beoordeelWachtwoord(invoer.wachtwoord, invoer);
      if (!oordeel.ok) throw new HttpFout(400, 'zwak-wachtwoord', oordeel.melding);
      if ((await db.select().from(gebruikers).where(eq(gebruikers.email, invoer.email)))[0])
        throw new HttpFout(409, 'ongeldige-invoer', 'Er is al een account met dit e-mailadres.');
      const id = randomUUID();
      const { wachtwoord, ...rest } = invoer;
      await db
        .insert(gebruikers)
        .values({ id, ...rest, wachtwoordHash: await hashWachtwoord(wachtwoord) });
      return reply.status(201).send({ id });
    },
  );

  /** Deletes the families whose retention period has passed (run by the beheerder, e.g. monthly). */
  app.post(
    '/beheer/bewaartermijn',
    { schema: { body: jsonSchema(Bewaartermijn) } },
    async (req) => {
      await beheerder(req);
      const invoer = Bewaartermijn.parse(req.body);
      return ruimBewaartermijnOp(db, {
        peildatum: invoer.peildatum ?? now().toISOString().slice(0, 10),
        jaren: invoer.jaren ?? STANDAARD_BEWAARTERMIJN_JAREN,
      });
    },
  );

  app.post('/beheer/teams', { schema: { body: jsonSchema(NieuwTeam) } }, async (req, reply) => {
    await beheerder(req);
    const { naam } = NieuwTeam.parse(req.body);
    if ((await db.select().from(teams).where(eq(teams.naam, naam)))[0])
      throw new HttpFout(409, 'ongeldige-invoer', 'Er is al een team met deze naam.');
    const id = randomUUID();
    await db.insert(teams).values({ id, naam });
    return reply.status(201).send({ id });
  });

  const alsBeheerder = async (req: FastifyRequest): Promise<Aanroeper> => {
    await beheerder(req);
    return { gebruikerId: claimsVan(req).sub, rol: 'beheerder', teamId: null };
  };

  app.get(
    '/beheer/sociale-kaart',
    { schema: { querystring: jsonSchema(VoorzieningVraag) } },
    async (req) => {
      await beheerder(req);
      return voorzieningenLijst(db, VoorzieningVraag.parse(req.query).gemeenteId);
    },
  );

  app.post(
    '/beheer/sociale-kaart',
    { schema: { body: jsonSchema(NieuweVoorziening) } },
    async (req, reply) => {
      const wie = await alsBeheerder(req);
      const id = await voorzieningToevoegen(db, wie, NieuweVoorziening.parse(req.body), now());
      return reply.status(201).send({ id });
    },
  );

  app.post(
    '/beheer/sociale-kaart/:id',
    { schema: { params: jsonSchema(VoorzieningParams), body: jsonSchema(VoorzieningWijzigen) } },
    async (req) => {
      const wie = await alsBeheerder(req);
      const { id } = VoorzieningParams.parse(req.params);
      // The JSON schema cannot say "at least one field"; the refinement can.
      const invoer = VoorzieningWijzigen.safeParse(req.body);
      if (!invoer.success)
        throw new HttpFout(
          400,
          'ongeldige-invoer',
          'Geef aan wat er aan de voorziening verandert.',
        );
      await voorzieningWijzigen(db, wie, id, invoer.data, now());
      return { id };
    },
  );

  return app;
}
