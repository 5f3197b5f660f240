/**
 * Finding a record for the caller: anything outside the caller's team is "not found", so the
 * existence of another team's family is never revealed.
 */
import { and, eq } from 'drizzle-orm';
import {
  actieplannen,
  afspraken,
  doelen,
  evaluaties,
  gezinnen,
  gezinsplannen,
  netwerkleden,
  toewijzingen,
  zorgprofielen,
} from '../db/schema';
import { ApiError } from './api-error';
import type { Ctx } from './context';

type Gezin = typeof gezinnen.$inferSelect;

function notFound(what: string): never {
  throw new ApiError('niet-gevonden', `${what} is niet gevonden (of hoort niet bij uw team).`);
}

export function gezinVoor(ctx: Ctx, gezinId: string, options: { schrijven?: boolean } = {}): Gezin {
  const gezin = ctx.db
    .select()
    .from(gezinnen)
    .where(and(eq(gezinnen.id, gezinId), eq(gezinnen.deleted, false)))
    .get();
  if (!gezin || gezin.teamId !== ctx.session.teamId) notFound('Het gezin');
  if (options.schrijven && gezin.status === 'afgesloten') {
    throw new ApiError('conflict', 'Dit gezin is afgesloten; er kan niets meer worden gewijzigd.');
  }
  return gezin;
}

export function actieplanVoor(
  ctx: Ctx,
  actieplanId: string,
  options: { schrijven?: boolean } = {},
) {
  const plan = ctx.db
    .select()
    .from(actieplannen)
    .where(and(eq(actieplannen.id, actieplanId), eq(actieplannen.deleted, false)))
    .get();
  if (!plan) notFound('Het actieplan');
  const gezin = gezinVoor(ctx, plan.gezinId, options);
  return { plan, gezin };
}

export function toewijzingVoor(
  ctx: Ctx,
  toewijzingId: string,
  options: { schrijven?: boolean } = {},
) {
  const toewijzing = ctx.db
    .select()
    .from(toewijzingen)
    .where(and(eq(toewijzingen.id, toewijzingId), eq(toewijzingen.deleted, false)))
    .get();
  if (!toewijzing?.actieplanId) notFound('De toewijzing');
  const { plan, gezin } = actieplanVoor(ctx, toewijzing.actieplanId, options);
  return { toewijzing, plan, gezin };
}

export function evaluatieVoor(ctx: Ctx, evaluatieId: string) {
  const evaluatie = ctx.db
    .select()
    .from(evaluaties)
    .where(and(eq(evaluaties.id, evaluatieId), eq(evaluaties.deleted, false)))
    .get();
  if (!evaluatie) notFound('De evaluatie');
  return { evaluatie, ...toewijzingVoor(ctx, evaluatie.toewijzingId, { schrijven: true }) };
}

export function doelVoor(ctx: Ctx, doelId: string) {
  const doel = ctx.db
    .select()
    .from(doelen)
    .where(and(eq(doelen.id, doelId), eq(doelen.deleted, false)))
    .get();
  if (!doel) notFound('Het doel');
  return { doel, ...actieplanVoor(ctx, doel.actieplanId, { schrijven: true }) };
}

export function zorgprofielVan(ctx: Ctx, actieplanId: string) {
  return ctx.db
    .select()
    .from(zorgprofielen)
    .where(and(eq(zorgprofielen.actieplanId, actieplanId), eq(zorgprofielen.deleted, false)))
    .all()
    .sort(
      (a, b) => b.vastgesteldOp.localeCompare(a.vastgesteldOp) || b.hlc.localeCompare(a.hlc),
    )[0];
}

export function planVan(ctx: Ctx, gezinId: string) {
  return ctx.db.select().from(gezinsplannen).where(eq(gezinsplannen.gezinId, gezinId)).get();
}

export function afspraakVoor(ctx: Ctx, afspraakId: string) {
  const afspraak = ctx.db
    .select()
    .from(afspraken)
    .where(and(eq(afspraken.id, afspraakId), eq(afspraken.deleted, false)))
    .get();
  if (!afspraak) notFound('De afspraak');
  const plan = ctx.db
    .select()
    .from(gezinsplannen)
    .where(eq(gezinsplannen.id, afspraak.planId))
    .get();
  if (!plan) notFound('De afspraak');
  gezinVoor(ctx, plan.gezinId, { schrijven: true });
  return afspraak;
}

export function netwerklidVoor(ctx: Ctx, netwerklidId: string) {
  const lid = ctx.db
    .select()
    .from(netwerkleden)
    .where(and(eq(netwerkleden.id, netwerklidId), eq(netwerkleden.deleted, false)))
    .get();
  if (!lid) notFound('Het netwerklid');
  gezinVoor(ctx, lid.gezinId, { schrijven: true });
  return lid;
}
