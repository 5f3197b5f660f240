/** Progress per SMART goal: its score at each evaluation, recorded with the evaluation. */
import { and, eq, inArray } from 'drizzle-orm';
import { doelen, doelScores, evaluaties } from '../../db/schema';
import type { DoelVoortgang } from '../../shared/api';
import { ApiError } from '../api-error';
import type { Ctx, ReadCtx } from '../context';

/** Each goal's scores, oldest first (by the evaluation's date). */
export function voortgangPerDoel(ctx: ReadCtx, doelIds: string[]): Map<string, DoelVoortgang[]> {
  const uit = new Map<string, DoelVoortgang[]>();
  if (doelIds.length === 0) return uit;
  const rijen = ctx.db
    .select({
      doelId: doelScores.doelId,
      evaluatieId: doelScores.evaluatieId,
      score: doelScores.score,
      toelichting: doelScores.toelichting,
      datum: evaluaties.uitgevoerdOp,
      hlc: doelScores.hlc,
    })
    .from(doelScores)
    .innerJoin(evaluaties, eq(evaluaties.id, doelScores.evaluatieId))
    .where(
      and(
        inArray(doelScores.doelId, doelIds),
        eq(doelScores.deleted, false),
        eq(evaluaties.deleted, false),
      ),
    )
    .all()
    .sort((a, b) => (a.datum ?? '').localeCompare(b.datum ?? '') || a.hlc.localeCompare(b.hlc));
  for (const r of rijen) {
    if (!r.datum) continue;
    uit.set(r.doelId, [
      ...(uit.get(r.doelId) ?? []),
      { evaluatieId: r.evaluatieId, datum: r.datum, score: r.score, toelichting: r.toelichting },
    ]);
  }
  return uit;
}

export function laatsteScorePerDoel(ctx: ReadCtx, doelIds: string[]): Map<string, number> {
  return new Map(
    [...voortgangPerDoel(ctx, doelIds)].map(([id, lijst]) => [id, lijst.at(-1)!.score]),
  );
}

/** Records the scores given at an evaluation; only for goals of the toewijzing's action plan. */
export function scoresVastleggen(
  ctx: Ctx,
  evaluatieId: string,
  actieplanId: string | null,
  scores: readonly { doelId: string; score: number; toelichting?: string }[],
): void {
  if (scores.length === 0) return;
  const eigen = new Set(
    actieplanId
      ? ctx.db
          .select({ id: doelen.id })
          .from(doelen)
          .where(and(eq(doelen.actieplanId, actieplanId), eq(doelen.deleted, false)))
          .all()
          .map((d) => d.id)
      : [],
  );
  const gezien = new Set<string>();
  for (const s of scores) {
    if (!eigen.has(s.doelId))
      throw new ApiError(
        'ongeldige-invoer',
        'Een gescoord doel hoort niet bij het actieplan van deze hulp.',
        'doelScores',
      );
    if (gezien.has(s.doelId))
      throw new ApiError('ongeldige-invoer', 'Een doel is twee keer gescoord.', 'doelScores');
    gezien.add(s.doelId);
    ctx.write.insert(doelScores, {
      evaluatieId,
      doelId: s.doelId,
      score: s.score,
      toelichting: s.toelichting || null,
    });
  }
}
