/**
 * Vier ogen: a professional decides together with colleagues, never alone (000_… sturingskader 1
 * and 4). Requests wait in a queue for a colleague or the teamcoach; the requester cannot approve.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { akkoorden, evaluaties, toewijzingen } from '../../db/schema';
import type { ApiInput, ApiOutput } from '../../shared/api';
import { totalCents } from '../../shared/cost';
import type { IjwFrequentie } from '../../shared/domain';
import { besluitFout } from '../../shared/regels/rollen';
import { ApiError } from '../api-error';
import { toewijzingVoor } from '../access';
import type { Ctx, ReadCtx } from '../context';
import { aanroeperVan, weigerAls } from '../regels';

interface WachtrijRij {
  id: string;
  toewijzingId: string;
  gezinId: string;
  gezinNaam: string;
  product: string;
  aanbieder: string;
  voornaam: string;
  reden: string;
  aangevraagdDoorNaam: string;
  aangevraagdOp: string;
  volume: number;
  frequentie: IjwFrequentie;
  tariefCents: number;
  startdatum: string;
  einddatum: string;
}

export function akkoordWachtrij(ctx: ReadCtx): ApiOutput<'akkoorden.wachtrij'> {
  const rows = ctx.sqlite
    .prepare(
      `SELECT a.id, a.toewijzing_id AS toewijzingId, g.id AS gezinId, g.naam AS gezinNaam, p.omschrijving AS product, an.naam AS aanbieder,
              l.voornaam, a.reden, pr.naam AS aangevraagdDoorNaam, a.aangevraagd_op AS aangevraagdOp,
              t.volume, t.frequentie, t.tarief_cents AS tariefCents, t.startdatum, t.einddatum
         FROM akkoorden a JOIN toewijzingen t ON t.id = a.toewijzing_id JOIN producten p ON p.id = t.product_id
         JOIN aanbieders an ON an.id = t.aanbieder_id JOIN gezinsleden l ON l.id = t.gezinslid_id
         JOIN gezinnen g ON g.id = l.gezin_id JOIN professionals pr ON pr.id = a.aangevraagd_door
        WHERE g.team_id = ? AND a.deleted = 0 AND a.besluit IS NULL AND a.aangevraagd_door != ?
          AND (t.overschrijding = 0 OR ? = 'teamcoach')
        ORDER BY a.aangevraagd_op`,
    )
    // A request over the budget is the teamcoach's to decide (shared/regels/vier-ogen.ts).
    .all(ctx.session.teamId, ctx.session.professionalId, ctx.session.rol) as WachtrijRij[];
  return rows.map((r) => ({
    id: r.id,
    toewijzingId: r.toewijzingId,
    gezinId: r.gezinId,
    gezinNaam: r.gezinNaam,
    omschrijving: `${r.product} bij ${r.aanbieder} voor ${r.voornaam}`,
    totaalCents: totalCents({
      volume: r.volume,
      frequentie: r.frequentie,
      tariefCents: r.tariefCents,
      startdatum: r.startdatum,
      einddatum: r.einddatum,
    }),
    reden: r.reden,
    aangevraagdDoorNaam: r.aangevraagdDoorNaam,
    aangevraagdOp: r.aangevraagdOp,
  }));
}

export function akkoordBesluiten(
  ctx: Ctx,
  input: ApiInput<'akkoord.besluiten'>,
): ApiOutput<'akkoord.besluiten'> {
  const akkoord = ctx.db
    .select()
    .from(akkoorden)
    .where(and(eq(akkoorden.id, input.id), eq(akkoorden.deleted, false)))
    .get();
  if (!akkoord) throw new ApiError('niet-gevonden', 'Dit verzoek om akkoord is niet gevonden.');
  const { toewijzing } = toewijzingVoor(ctx, akkoord.toewijzingId, { reden: 'Vier-ogenbesluit' });
  // Decided once, by a colleague or the teamcoach, never by the requester: the rule the service
  // checks the decision against when it arrives (shared/regels/rollen.ts).
  weigerAls(besluitFout(aanroeperVan(ctx), akkoord, ctx.session.professionalId, toewijzing));
  if (toewijzing.status !== 'ter_accordering')
    throw new ApiError('conflict', 'Deze toewijzing wacht niet (meer) op akkoord.');
  ctx.write.update(akkoorden, akkoord.id, {
    besluit: input.besluit,
    toelichting: input.toelichting,
    beoordeeldDoor: ctx.session.professionalId,
    beoordeeldOp: ctx.today(),
  });
  ctx.write.update(
    toewijzingen,
    toewijzing.id,
    input.besluit === 'akkoord'
      ? { status: 'toegewezen', toegewezenOp: ctx.now() }
      : { status: 'ingetrokken' },
  );
  if (input.besluit === 'afgewezen') {
    for (const e of ctx.db
      .select()
      .from(evaluaties)
      .where(and(eq(evaluaties.toewijzingId, toewijzing.id), isNull(evaluaties.uitgevoerdOp)))
      .all()) {
      ctx.write.tombstone(evaluaties, e.id);
    }
  }
  return { id: akkoord.id };
}
