/**
 * The beheerder's routes for accounts, teams, the retention period, the laptops' quarantine and
 * the sociale kaart (devices: ./apparaten.ts).
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { ROLLEN } from '../../shared/domain';
import { beoordeelWachtwoord, MAX_WACHTWOORD_LENGTE } from '../../shared/wachtwoord';
import { hashWachtwoord } from '../auth/wachtwoord';
import { apparaten, gebruikers, teams } from '../db/schema';
import { ServiceError } from '../http/errors';
import { ruimBewaartermijnOp, STANDAARD_BEWAARTERMIJN_JAREN } from '../sync/bewaartermijn';
import { quarantaineOverzicht } from '../sync/quarantaine-meldingen';
import {
  NieuweVoorziening,
  VoorzieningParams,
  VoorzieningVraag,
  VoorzieningWijzigen,
  voorzieningenLijst,
  voorzieningToevoegen,
  voorzieningWijzigen,
} from '../sync/sociale-kaart-beheer';
import { apparatenVan, bestaandAccount, GebruikerParams, trekIn } from './apparaten';
import { jsonSchema, type RouteContext } from './context';

export const NieuweGebruiker = z
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
export const RolEnTeam = z
  .object({ rol: z.enum(ROLLEN.codes), teamId: z.string().uuid().nullable() })
  .strict();
export const NieuwTeam = z.object({ naam: z.string().trim().min(1).max(200) }).strict();
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

/** A beheerder has no team, everyone else an existing one. */
async function geldigTeam(
  db: RouteContext['db'],
  rol: (typeof ROLLEN.codes)[number],
  teamId: string | null,
) {
  if ((rol === 'beheerder') !== (teamId === null))
    throw new ServiceError(
      400,
      'ongeldige-invoer',
      'Een beheerder heeft geen team; iedereen anders wel.',
    );
  if (teamId && !(await db.select().from(teams).where(eq(teams.id, teamId)))[0])
    throw new ServiceError(400, 'ongeldige-invoer', 'Dit team bestaat niet.');
}

/** Deactivating an account, and changing its role or team: both revoke its laptops. */
export function registerAccountRoutes(ctx: RouteContext): void {
  const { app, db, now, callers } = ctx;
  const { beheerder, claimsVan } = callers;

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
        throw new ServiceError(
          400,
          'ongeldige-invoer',
          'U kunt uw eigen account niet op non-actief zetten.',
        );
      await bestaandAccount(db, id);
      await db.transaction(async (tx) => {
        await tx.update(gebruikers).set({ actief: false }).where(eq(gebruikers.id, id));
        await trekIn(tx, now(), eq(apparaten.gebruikerId, id), 'verloren');
      });
      return { id, actief: false, apparaten: await apparatenVan(db, id) };
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
        throw new ServiceError(400, 'ongeldige-invoer', 'U kunt uw eigen rol niet wijzigen.');
      await bestaandAccount(db, id);
      await geldigTeam(db, rol, teamId);
      await db.transaction(async (tx) => {
        const [oud] = await tx
          .select({ teamId: gebruikers.teamId })
          .from(gebruikers)
          .where(eq(gebruikers.id, id))
          .for('update');
        await tx.update(gebruikers).set({ rol, teamId }).where(eq(gebruikers.id, id));
        if (oud?.teamId && oud.teamId !== teamId)
          await trekIn(tx, now(), eq(apparaten.gebruikerId, id), 'vervangen');
      });
      return { id, rol, teamId, apparaten: await apparatenVan(db, id) };
    },
  );
}

/** The list of accounts, and new accounts and teams. */
export function registerGebruikerRoutes(ctx: RouteContext): void {
  const { app, db } = ctx;
  const { beheerder } = ctx.callers;

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
      await geldigTeam(db, invoer.rol, invoer.teamId);
      const oordeel = beoordeelWachtwoord(invoer.wachtwoord, invoer);
      if (!oordeel.ok) throw new ServiceError(400, 'zwak-wachtwoord', oordeel.melding);
      if ((await db.select().from(gebruikers).where(eq(gebruikers.email, invoer.email)))[0])
        throw new ServiceError(
          409,
          'ongeldige-invoer',
          'Er is al een account met dit e-mailadres.',
        );
      const id = randomUUID();
      const { wachtwoord, ...rest } = invoer;
      await db
        .insert(gebruikers)
        .values({ id, ...rest, wachtwoordHash: await hashWachtwoord(wachtwoord) });
      return reply.status(201).send({ id });
    },
  );

  app.post('/beheer/teams', { schema: { body: jsonSchema(NieuwTeam) } }, async (req, reply) => {
    await beheerder(req);
    const { naam } = NieuwTeam.parse(req.body);
    if ((await db.select().from(teams).where(eq(teams.naam, naam)))[0])
      throw new ServiceError(409, 'ongeldige-invoer', 'Er is al een team met deze naam.');
    const id = randomUUID();
    await db.insert(teams).values({ id, naam });
    return reply.status(201).send({ id });
  });
}

export function registerBeheerRoutes(ctx: RouteContext): void {
  const { app, db, now, callers } = ctx;
  const { beheerder, alsBeheerder } = callers;

  app.get('/beheer/quarantaine', async (req) => {
    await beheerder(req);
    return { meldingen: await quarantaineOverzicht(db) };
  });

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
        throw new ServiceError(
          400,
          'ongeldige-invoer',
          'Geef aan wat er aan de voorziening verandert.',
        );
      await voorzieningWijzigen(db, wie, id, invoer.data, now());
      return { id };
    },
  );
}
