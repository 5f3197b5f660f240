/**
 * The keuzehulp's figures per aanbieder (shared/keuzehulp.ts), over the rows this laptop holds:
 * the case data of the own team's families (what syncs to a laptop, README "What syncs"), so
 * the figures are the team's experience with each aanbieder. The central service can run the
 * same function over the whole region.
 */
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { doelen, evaluaties, gezinsleden, toewijzingen } from '../../db/schema';
import { aanbiederCijfers, type AanbiederCijfers } from '../../shared/keuzehulp';
import type { ReadCtx } from '../context';

export function cijfersVoorAanbieders(
  ctx: ReadCtx,
  aanbiederIds: readonly string[],
): Map<string, AanbiederCijfers> {
  if (aanbiederIds.length === 0) return new Map();
  const rijen = ctx.db
    .select({
      id: toewijzingen.id,
      aanbiederId: toewijzingen.aanbiederId,
      gezinId: gezinsleden.gezinId,
      actieplanId: toewijzingen.actieplanId,
      status: toewijzingen.status,
      startdatum: toewijzingen.startdatum,
      werkelijkeStart: toewijzingen.werkelijkeStart,
      beeindigdOp: toewijzingen.beeindigdOp,
      eindeReden: toewijzingen.eindeReden,
      redenBeeindiging: toewijzingen.redenBeeindiging,
    })
    .from(toewijzingen)
    .innerJoin(gezinsleden, eq(gezinsleden.id, toewijzingen.gezinslidId))
    .where(
      and(inArray(toewijzingen.aanbiederId, [...aanbiederIds]), eq(toewijzingen.deleted, false)),
    )
    .all();
  const planIds = [...new Set(rijen.flatMap((r) => (r.actieplanId ? [r.actieplanId] : [])))];
  const doelRijen = planIds.length
    ? ctx.db
        .select({ actieplanId: doelen.actieplanId, resultaat: doelen.resultaat })
        .from(doelen)
        .where(and(inArray(doelen.actieplanId, planIds), eq(doelen.deleted, false)))
        .all()
    : [];
  const cijfers = ctx.db
    .select({ toewijzingId: evaluaties.toewijzingId, cijfer: evaluaties.cijferGezin })
    .from(evaluaties)
    .where(and(isNotNull(evaluaties.cijferGezin), eq(evaluaties.deleted, false)))
    .all()
    .map((c) => ({ toewijzingId: c.toewijzingId, cijfer: c.cijfer! }));
  return aanbiederCijfers({ toewijzingen: rijen, doelen: doelRijen, cijfers }, aanbiederIds);
}
