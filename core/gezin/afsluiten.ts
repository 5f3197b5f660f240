/** Closing a family: help ended, every goal's result, and the family's own verdict. */
import { and, eq, inArray } from 'drizzle-orm';
import { actieplannen, doelen, gezinnen, toewijzingen } from '../../db/schema';
import type { ApiInput, ApiOutput } from '../../shared/api';
import { formatDate } from '../../shared/dates';
import { resultaatUitScore } from '../../shared/doel-voortgang';
import { TOEWIJZING_NIET_BEEINDIGD } from '../../shared/statussen';
import { laatsteScorePerDoel } from '../actieplan/doel-scores';
import { gezinVoor } from '../access';
import { ApiError } from '../api-error';
import type { Ctx } from '../context';

/** Help must have ended, and on or before the day the family is closed. */
function controleerHulpBeeindigd(ctx: Ctx, planIds: string[], datum: string): void {
  const lopend = planIds.length
    ? ctx.db
        .select({ id: toewijzingen.id })
        .from(toewijzingen)
        .where(
          and(
            inArray(toewijzingen.actieplanId, planIds),
            eq(toewijzingen.deleted, false),
            inArray(toewijzingen.status, [...TOEWIJZING_NIET_BEEINDIGD]),
          ),
        )
        .all()
    : [];
  if (lopend.length > 0) {
    throw new ApiError(
      'conflict',
      `Er ${lopend.length === 1 ? 'loopt nog een toewijzing' : `lopen nog ${lopend.length} toewijzingen`}; stop de hulp eerst.`,
    );
  }
  const laatsteHulp = planIds.length
    ? ctx.db
        .select({ op: toewijzingen.beeindigdOp })
        .from(toewijzingen)
        .where(
          and(
            inArray(toewijzingen.actieplanId, planIds),
            eq(toewijzingen.deleted, false),
            eq(toewijzingen.status, 'beeindigd'),
          ),
        )
        .all()
        .reduce((max, t) => (t.op && t.op > max ? t.op : max), '')
    : '';
  if (laatsteHulp > datum) {
    throw new ApiError(
      'ongeldige-invoer',
      `De hulp loopt tot ${formatDate(laatsteHulp)}; het gezin kan pas daarna worden afgesloten.`,
      'datum',
    );
  }
}

/**
 * Each goal's result at closing: as stated now, else as stated before, else what the last
 * evaluation scored; a goal with none of these is refused.
 */
function doelResultatenVastleggen(
  ctx: Ctx,
  planIds: string[],
  opgegeven: ApiInput<'gezin.afsluiten'>['doelen'],
): void {
  const openDoelen = planIds.length
    ? ctx.db
        .select()
        .from(doelen)
        .where(and(inArray(doelen.actieplanId, planIds), eq(doelen.deleted, false)))
        .all()
    : [];
  const resultaten = new Map(opgegeven.map((d) => [d.id, d.resultaat]));
  const laatsteScores = laatsteScorePerDoel(
    ctx,
    openDoelen.map((d) => d.id),
  );
  for (const doel of openDoelen) {
    // Not stated at closing: the result stated before, else what the last evaluation scored.
    const laatste = laatsteScores.get(doel.id);
    const resultaat =
      resultaten.get(doel.id) ??
      (doel.resultaat !== 'open' ? doel.resultaat : undefined) ??
      (laatste !== undefined ? resultaatUitScore(laatste) : undefined);
    if (!resultaat)
      throw new ApiError(
        'ongeldige-invoer',
        `Geef aan of het doel "${doel.omschrijving}" is behaald.`,
        'doelen',
      );
    ctx.write.update(doelen, doel.id, { resultaat });
  }
  for (const id of resultaten.keys()) {
    if (!openDoelen.some((d) => d.id === id))
      throw new ApiError('ongeldige-invoer', 'Een doel hoort niet bij dit gezin.', 'doelen');
  }
}

/**
 * Closing a family with the outcome the region collects (002_… 4.4): per SMART goal whether it
 * was reached, and the family's own verdict. Help must have ended first.
 */
export function gezinAfsluiten(
  ctx: Ctx,
  input: ApiInput<'gezin.afsluiten'>,
): ApiOutput<'gezin.afsluiten'> {
  const gezin = gezinVoor(ctx, input.gezinId, { schrijven: true });
  if (input.datum > ctx.today())
    throw new ApiError(
      'ongeldige-invoer',
      'Een gezin kan niet in de toekomst worden afgesloten.',
      'datum',
    );
  const plannen = ctx.db
    .select()
    .from(actieplannen)
    .where(and(eq(actieplannen.gezinId, gezin.id), eq(actieplannen.deleted, false)))
    .all();
  const planIds = plannen.map((p) => p.id);
  controleerHulpBeeindigd(ctx, planIds, input.datum);
  doelResultatenVastleggen(ctx, planIds, input.doelen);
  for (const plan of plannen.filter((p) => p.status === 'open')) {
    ctx.write.update(actieplannen, plan.id, { status: 'afgerond', afgerondOp: input.datum });
  }
  ctx.write.update(gezinnen, gezin.id, {
    status: 'afgesloten',
    afgeslotenOp: input.datum,
    oordeelGezin: input.oordeelGezin,
    oordeelCijfer: input.oordeelCijfer,
  });
  return { id: gezin.id };
}
