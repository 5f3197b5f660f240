/**
 * The central service's HTTP API (Fastify). Every route validates its input against a JSON
 * schema made from its zod schema, answers errors in Dutch with a code, and logs only method,
 * route and status: never bodies, query strings or headers (they may hold personal data).
 */
import { randomUUID } from 'node:crypto';
import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
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
import type { ServerStore } from './db/connection';
import { ROLLEN } from '../shared/domain';
import { apparaten, gebruikers, teams, vernieuwTokens } from './db/schema';
import { PullVraag, PushVerzoek, ToegangslogPush } from '../shared/sync/protocol';
import { leesPull, scopesMetStand, SyncFout, type Aanroeper } from './sync/dienst';
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
  ) {
    super(message);
  }
}

const Aanmelden = z
  .object({
    email: z.string().trim().toLowerCase().email().max(200),
    wachtwoord: z.string().min(1).max(200),
    apparaat: z
      .object({ id: z.string().uuid().optional(), naam: z.string().trim().min(1).max(100) })
      .strict(),
  })
  .strict();
const Vernieuwen = z.object({ vernieuwtoken: z.string().min(20).max(200) }).strict();
const ApparaatParams = z.object({ id: z.string().uuid() }).strict();
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

/** The routes as the OpenAPI description lists them. */
const ROUTES = [
  ['get', '/health', 'Is de dienst er, en welke database', null],
  ['get', '/openapi.json', 'Deze beschrijving', null],
  ['get', '/updates/{bestand}', 'Updates van de desktop-app (electron-builder, generic)', null],
  ['post', '/auth/aanmelden', 'Aanmelden met e-mail en wachtwoord op een apparaat', Aanmelden],
  ['post', '/auth/vernieuwen', 'Nieuw toegangstoken met een vernieuwtoken', Vernieuwen],
  ['get', '/ik', 'Wie ben ik, op welk apparaat', null],
  ['post', '/beheer/apparaten/{id}/intrekken', 'Een apparaat intrekken (beheerder)', null],
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
        return reply.status(error.status).send({ code: error.code, message: error.message });
      if (error instanceof SyncFout)
        return reply
          .status(error.status)
          .send({ code: error.code, message: error.message, index: error.index });
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

  const ingetrokken = () =>
    new HttpFout(
      403,
      'apparaat-ingetrokken',
      'Dit apparaat is ingetrokken; de gegevens erop worden gewist.',
    );

  async function actiefApparaat(id: string) {
    const apparaat = (await db.select().from(apparaten).where(eq(apparaten.id, id)))[0];
    if (apparaat?.ingetrokkenOp) throw ingetrokken();
    return apparaat;
  }

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
    })
    .from(gebruikers)
    .where(eq(gebruikers.id, sql.placeholder('gebruiker')))
    .prepare('sync_aanroeper');
  async function syncAanroeper(req: FastifyRequest): Promise<Aanroeper> {
    const claims = claimsVan(req);
    const rij = (
      await aanroeperVraag.execute({ gebruiker: claims.sub, apparaat: claims.apparaat })
    )[0];
    if (rij?.ingetrokkenOp) throw ingetrokken();
    if (!rij?.actief) throw new HttpFout(401, 'niet-aangemeld', 'Meld u opnieuw aan.');
    return { gebruikerId: rij.id, rol: rij.rol, teamId: rij.teamId, apparaatId: claims.apparaat };
  }

  const pushes = new PushWachtrij(db, now);
  app.get('/sync/scopes', async (req) => {
    const wie = await syncAanroeper(req);
    await pushes.naWachtende();
    return scopesMetStand(db, wie);
  });

  app.post('/sync/push', { schema: { body: jsonSchema(PushVerzoek) } }, async (req) => {
    const wie = await syncAanroeper(req);
    return pushes.push({ aanroeper: wie, wijzigingen: PushVerzoek.parse(req.body).wijzigingen });
  });

  app.post('/sync/toegangslog', { schema: { body: jsonSchema(ToegangslogPush) } }, async (req) => {
    const wie = await syncAanroeper(req);
    return bewaarToegangslog(db, wie, ToegangslogPush.parse(req.body).regels);
  });

  app.get('/sync/pull', { schema: { querystring: jsonSchema(PullVraag) } }, async (req, reply) => {
    const wie = await syncAanroeper(req);
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
    let apparaatId = invoer.apparaat.id;
    const bestaand = apparaatId ? await actiefApparaat(apparaatId) : undefined;
    if (bestaand && bestaand.gebruikerId !== gebruiker.id)
      throw new HttpFout(403, 'geen-toegang', 'Dit apparaat hoort bij een ander account.');
    if (!bestaand) {
      apparaatId = randomUUID();
      await db
        .insert(apparaten)
        .values({ id: apparaatId, gebruikerId: gebruiker.id, naam: invoer.apparaat.naam });
    }
    return tokensVoor(gebruiker, apparaatId!);
  });

  app.post('/auth/vernieuwen', { schema: { body: jsonSchema(Vernieuwen) } }, async (req) => {
    const { vernieuwtoken } = Vernieuwen.parse(req.body);
    const hash = hashToken(vernieuwtoken);
    // Used once (with a short grace for a lost answer): the update only succeeds for a token
    // that is unused or was used moments ago.
    const grens = new Date(now().getTime() - HERGEBRUIK_SECONDEN * 1000);
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
    const apparaat = (await actiefApparaat(rij.apparaatId))!;
    const gebruiker = (
      await db.select().from(gebruikers).where(eq(gebruikers.id, apparaat.gebruikerId))
    )[0];
    if (!gebruiker?.actief) throw new HttpFout(401, 'niet-aangemeld', 'Meld u opnieuw aan.');
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
    { schema: { params: jsonSchema(ApparaatParams) } },
    async (req) => {
      const claims = await aanroeper(req);
      if (claims.rol !== 'beheerder')
        throw new HttpFout(403, 'geen-toegang', 'Alleen een beheerder trekt apparaten in.');
      const { id } = ApparaatParams.parse(req.params);
      const rij = (
        await db
          .update(apparaten)
          .set({ ingetrokkenOp: now() })
          .where(eq(apparaten.id, id))
          .returning()
      )[0];
      if (!rij) throw new HttpFout(404, 'niet-gevonden', 'Dit apparaat bestaat niet.');
      return { ok: true };
    },
  );

  async function beheerder(req: FastifyRequest): Promise<void> {
    const claims = await aanroeper(req);
    if (claims.rol !== 'beheerder')
      throw new HttpFout(403, 'geen-toegang', 'Alleen een beheerder beheert accounts en teams.');
  }

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
