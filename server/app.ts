/**
 * The central service's HTTP API (Fastify). Every route validates its input against a JSON
 * schema made from its zod schema, answers errors in Dutch with a code, and logs only method,
 * route and status: never bodies, query strings or headers (they may hold personal data).
 */
import { randomUUID } from 'node:crypto';
import { and, eq, gt, isNull, or, sql, type SQL } from 'drizzle-orm';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import { controleerWachtwoord, hashWachtwoord, NEP_HASH } from './auth/wachtwoord';
import {
  HERGEBRUIK_SECONDEN,
  hashToken,
  leesToegangstoken,
  maakToegangstoken,
  nieuwVernieuwtoken,
  TOEGANG_SECONDEN,
  VERNIEUW_DAGEN,
  type ToegangsClaims,
} from './auth/tokens';
import type { ServerDb, ServerStore } from './db/connection';
import { ROLLEN } from '../shared/domain';
import { apparaten, gebruikers, teams, vernieuwTokens } from './db/schema';
import {
  INTREKKINGEN,
  PullVraag,
  PushVerzoek,
  QuarantaineMelding,
  ToegangslogPush,
  type Intrekking,
  type IntrekkingWire,
  type ToegangslogAntwoord,
} from '../shared/sync/protocol';
import { leesPull, scopesMetStand, SyncFout, type Aanroeper } from './sync/dienst';
import { stuurTekstDoor } from './sync/doorsturen';
import { bewaarQuarantaine, quarantaineOverzicht } from './sync/quarantaine-meldingen';
import { PushWachtrij } from './sync/push-wachtrij';
import { bewaarToegangslog } from './sync/toegangslog';
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
/** Failed sign-ins allowed per address and e-mail within the window, then 429. */
export const AANMELD_POGINGEN = 5;
const AANMELD_VENSTER_MS = 15 * 60 * 1000;

export interface ServerOptions {
  store: ServerStore;
  /** Key for access tokens; from the environment or the data folder in production. */
  geheim: Buffer;
  now?: () => Date;
  logger?: boolean;
  /** Folder with the desktop app's update files (served at /updates/); none: no updates. */
  updatesMap?: string;
}

type Fout =
  | 'ongeldige-invoer'
  | 'niet-aangemeld'
  | 'geen-toegang'
  | 'apparaat-ingetrokken'
  | 'niet-gevonden'
  | 'te-veel-pogingen'
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
  })
  .strict();
const Vernieuwen = z
  .object({
    vernieuwtoken: z.string().min(20).max(200),
    versie: z.string().trim().min(1).max(40).optional(),
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
    wachtwoord: z.string().min(12, { message: 'Een wachtwoord heeft minstens 12 tekens' }).max(200),
  })
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

  const pogingen = new Map<string, number[]>();
  const teVeelPogingen = (sleutel: string) => {
    const grens = now().getTime() - AANMELD_VENSTER_MS;
    const recent = (pogingen.get(sleutel) ?? []).filter((t) => t > grens);
    pogingen.set(sleutel, recent);
    return recent.length >= AANMELD_POGINGEN;
  };

  app.setErrorHandler(
    (error: Error & { statusCode?: number; validation?: unknown }, _req, reply) => {
      if (error instanceof HttpFout)
        return reply
          .status(error.status)
          .send({ code: error.code, message: error.message, ...error.extra });
      if (error instanceof SyncFout)
        return reply.status(error.status).send({
          code: error.code,
          message: error.message,
          index: error.index,
          // A laptop told its clock is off learns the service's (it then stamps by that).
          ...(error.code === 'klok-afwijking' ? { nu: now().toISOString() } : {}),
        });
      if (error.validation)
        return reply
          .status(400)
          .send({ code: 'ongeldige-invoer', message: `Ongeldige invoer: ${error.message}` });
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

  async function tokensVoor(gebruiker: typeof gebruikers.$inferSelect, apparaatId: string) {
    const exp = Math.floor(now().getTime() / 1000) + TOEGANG_SECONDEN;
    const claims: ToegangsClaims = {
      sub: gebruiker.id,
      apparaat: apparaatId,
      rol: gebruiker.rol,
      team: gebruiker.teamId,
      exp,
    };
    const vernieuw = nieuwVernieuwtoken();
    await db.insert(vernieuwTokens).values({
      hash: vernieuw.hash,
      apparaatId,
      verlooptOp: new Date(now().getTime() + VERNIEUW_DAGEN * 86_400_000),
    });
    return {
      toegangstoken: maakToegangstoken(claims, options.geheim),
      vernieuwtoken: vernieuw.token,
      verlooptOp: new Date(exp * 1000).toISOString(),
      apparaatId,
      gebruiker: {
        id: gebruiker.id,
        naam: gebruiker.naam,
        rol: gebruiker.rol,
        teamId: gebruiker.teamId,
      },
    };
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

  /** The device, refused once the beheerder revoked it (also while it is being replaced). */
  async function actiefApparaat(id: string) {
    const apparaat = (await db.select().from(apparaten).where(eq(apparaten.id, id)))[0];
    const intrekking = apparaat && intrekkingVan(apparaat);
    if (intrekking) throw ingetrokken(intrekking);
    return apparaat;
  }

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

  /** The caller from the Bearer token, with the device still allowed. */
  async function aanroeper(req: FastifyRequest): Promise<ToegangsClaims> {
    const claims = claimsVan(req);
    await actiefApparaat(claims.apparaat);
    // A log token's device is revoked, so this is a second lock: it opens the access log only.
    if (claims.alleenLog) throw ingetrokken(null);
    return claims;
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
      // Text typed for a family that moved away meanwhile goes to its new team (doorsturen.ts).
      if (fout instanceof SyncFout && fout.code === 'verhuisd' && fout.index !== undefined)
        await stuurTekstDoor(db, wie, wijzigingen[fout.index]!, now());
      throw fout;
    }
  });

  app.post(
    '/sync/toegangslog',
    { schema: { body: jsonSchema(ToegangslogPush) } },
    async (req): Promise<ToegangslogAntwoord> => {
      const wie = await syncAanroeper(req, 'log');
      const regels = ToegangslogPush.parse(req.body).regels;
      const uitkomst = await bewaarToegangslog(db, wie, regels, wie.intrekking?.soort ?? null);
      if (!wie.intrekking) return uitkomst;
      // A revoked laptop's last contacts are what a beheerder looks for.
      await contact(wie.apparaatId!, undefined);
      return { ...uitkomst, intrekking: wie.intrekking };
    },
  );

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

  app.post('/auth/aanmelden', { schema: { body: jsonSchema(Aanmelden) } }, async (req) => {
    const invoer = Aanmelden.parse(req.body);
    const sleutel = `${req.ip}|${invoer.email}`;
    if (teVeelPogingen(sleutel))
      throw new HttpFout(
        429,
        'te-veel-pogingen',
        'Te veel mislukte pogingen; probeer het over een kwartier opnieuw.',
      );
    const gebruiker = (
      await db.select().from(gebruikers).where(eq(gebruikers.email, invoer.email))
    )[0];
    const klopt = await controleerWachtwoord(
      invoer.wachtwoord,
      gebruiker?.wachtwoordHash ?? NEP_HASH,
    );
    if (!gebruiker || !klopt || !gebruiker.actief) {
      pogingen.get(sleutel)!.push(now().getTime());
      throw new HttpFout(401, 'niet-aangemeld', 'E-mailadres of wachtwoord klopt niet.');
    }
    pogingen.delete(sleutel);
    const { id, naam, versie } = invoer.apparaat;
    const bestaand = id
      ? (await db.select().from(apparaten).where(eq(apparaten.id, id)))[0]
      : undefined;
    if (bestaand && bestaand.gebruikerId !== gebruiker.id)
      throw new HttpFout(403, 'geen-toegang', 'Dit apparaat hoort bij een ander account.');
    if (bestaand) {
      await contact(bestaand.id, versie);
      // Revoked: no session, but its user proved who they are, so its log may still come in.
      // One being replaced signs in as before: its last sync needs a session.
      if (bestaand.ingetrokkenOp)
        throw ingetrokken(intrekkingVan(bestaand), logtokenVoor(gebruiker, bestaand.id));
      return tokensVoor(gebruiker, bestaand.id);
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
    return tokensVoor(gebruiker, apparaatId);
  });

  app.post('/auth/vernieuwen', { schema: { body: jsonSchema(Vernieuwen) } }, async (req) => {
    const { vernieuwtoken, versie } = Vernieuwen.parse(req.body);
    const hash = hashToken(vernieuwtoken);
    // Used once (with a short grace for a lost answer): the update only succeeds for a token
    // that is unused or was used moments ago.
    const grens = new Date(now().getTime() - HERGEBRUIK_SECONDEN * 1000);
    // The device first. A revoked one's token is not used up: it yields nothing but a log
    // token, and its laptop may need more than one try to hand in its log.
    const gevonden = (
      await db
        .select({ apparaat: apparaten, gebruiker: gebruikers })
        .from(vernieuwTokens)
        .innerJoin(apparaten, eq(apparaten.id, vernieuwTokens.apparaatId))
        .innerJoin(gebruikers, eq(gebruikers.id, apparaten.gebruikerId))
        .where(
          and(
            eq(vernieuwTokens.hash, hash),
            gt(vernieuwTokens.verlooptOp, now()),
            or(isNull(vernieuwTokens.gebruiktOp), gt(vernieuwTokens.gebruiktOp, grens)),
          ),
        )
    )[0];
    if (!gevonden) throw new HttpFout(401, 'niet-aangemeld', 'Meld u opnieuw aan.');
    await contact(gevonden.apparaat.id, versie);
    if (gevonden.apparaat.ingetrokkenOp)
      throw ingetrokken(
        intrekkingVan(gevonden.apparaat),
        logtokenVoor(gevonden.gebruiker, gevonden.apparaat.id),
      );
    const rij = (
      await db
        .update(vernieuwTokens)
        .set({ gebruiktOp: sql`coalesce(${vernieuwTokens.gebruiktOp}, ${now()})` })
        .where(
          and(
            eq(vernieuwTokens.hash, hash),
            or(isNull(vernieuwTokens.gebruiktOp), gt(vernieuwTokens.gebruiktOp, grens)),
          ),
        )
        .returning()
    )[0];
    if (!rij || rij.verlooptOp.getTime() <= now().getTime())
      throw new HttpFout(401, 'niet-aangemeld', 'Meld u opnieuw aan.');
    const { apparaat, gebruiker } = gevonden;
    if (!gebruiker.actief) throw new HttpFout(401, 'niet-aangemeld', 'Meld u opnieuw aan.');
    return tokensVoor(gebruiker, apparaat.id);
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
      if ((invoer.rol === 'beheerder') !== (invoer.teamId === null))
        throw new HttpFout(
          400,
          'ongeldige-invoer',
          'Een beheerder heeft geen team; iedereen anders wel.',
        );
      if (invoer.teamId && !(await db.select().from(teams).where(eq(teams.id, invoer.teamId)))[0])
        throw new HttpFout(400, 'ongeldige-invoer', 'Dit team bestaat niet.');
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
