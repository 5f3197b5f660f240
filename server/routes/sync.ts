/** The laptops' sync routes: scopes, push, pull, the access log, number blocks, quarantine. */
import { eq, sql } from 'drizzle-orm';
import {
  PullVraag,
  PushVerzoek,
  QuarantaineMelding,
  ToegangslogPush,
  type ToegangslogAntwoord,
} from '../../shared/sync/protocol';
import { apparaten } from '../db/schema';
import { ServiceError } from '../http/errors';
import { scopesMetStand } from '../sync/scopes';
import { leesPull } from '../sync/pull';
import { stuurTekstDoor } from '../sync/doorsturen';
import { PushWachtrij } from '../sync/push-wachtrij';
import { bewaarQuarantaine } from '../sync/quarantaine-meldingen';
import { meldGeweigerdeRegel } from '../sync/toegangslog';
import { bewaarToegangslog } from '../sync/toegangslog-ontvangen';
import { geefNummerblok } from '../sync/toewijzingnummers';
import { contact, jsonSchema, type RouteContext } from './context';

/** `POST /sync/toegangslog`: a batch of `MAX_LOGREGELS` lines at their longest, with room. */
export const MAX_LOG_BODY_BYTES = 2 * 1024 * 1024;

/** Access-log lines handed in (NEN 7513), also by a revoked device. */
function registerToegangslogRoute(ctx: RouteContext): void {
  const { app, db } = ctx;
  const { syncAanroeper } = ctx.callers;
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
        const index = fout instanceof ServiceError ? fout.index : undefined;
        const regel = index === undefined ? undefined : regels[index];
        if (regel && wie.apparaatId) await meldGeweigerdeRegel(db, wie.apparaatId, regel.seq);
        throw fout;
      });
      if (!wie.intrekking) return uitkomst;
      // A revoked laptop's last contacts are what a beheerder looks for.
      await contact(ctx, wie.apparaatId!, undefined);
      return { ...uitkomst, intrekking: wie.intrekking };
    },
  );
}

export function registerSyncRoutes(ctx: RouteContext): void {
  const { app, db, now } = ctx;
  const { syncAanroeper } = ctx.callers;
  const pushes = new PushWachtrij(db, now);
  registerToegangslogRoute(ctx);

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
      if (
        fout instanceof ServiceError &&
        doorsturen.includes(fout.code) &&
        fout.index !== undefined
      )
        await stuurTekstDoor(db, wie, wijzigingen[fout.index]!, now());
      throw fout;
    }
  });

  app.post('/sync/nummerblok', async (req) => {
    const wie = await syncAanroeper(req, 'lezen');
    return geefNummerblok(db, wie, now());
  });

  app.post(
    '/sync/quarantaine',
    { schema: { body: jsonSchema(QuarantaineMelding) } },
    async (req) => {
      const wie = await syncAanroeper(req, 'lezen');
      return bewaarQuarantaine(db, wie, QuarantaineMelding.parse(req.body), now());
    },
  );

  /** A laptop being replaced has pushed its last work: from now on it is revoked, and wipes. */
  app.post('/sync/afronden', async (req) => {
    const wie = await syncAanroeper(req, 'afronden');
    if (!wie.intrekking)
      throw new ServiceError(409, 'ongeldige-invoer', 'Dit apparaat wordt niet vervangen.');
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
}
