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
  gezinMedewerkers,
  gezinnen,
  gezinsplannen,
  netwerkleden,
  toewijzingen,
  zorgprofielen,
} from '../db/schema';
import { ApiError } from './api-error';
import type { ReadCtx } from './context';

type Gezin = typeof gezinnen.$inferSelect;

function notFound(what: string): never {
  throw new ApiError('niet-gevonden', `${what} is niet gevonden (of hoort niet bij uw team).`);
}

export interface Toegang {
  schrijven?: boolean;
  /** The use case itself is the reason (a vier-ogen decision), so a teamcoach is not asked. */
  reden?: string;
}

/** How long a teamcoach's stated reason covers reading the same dossier. */
export const INZAGE_GELDIG_MS = 30 * 60 * 1000;

/** A family of the caller's team, without the teamcoach's reason check. */
export function gezinVanTeam(ctx: ReadCtx, gezinId: string): Gezin {
  const gezin = ctx.db
    .select()
    .from(gezinnen)
    .where(and(eq(gezinnen.id, gezinId), eq(gezinnen.deleted, false)))
    .get();
  if (!gezin || gezin.teamId !== ctx.session.teamId) notFound('Het gezin');
  return gezin;
}

/** Records that this call shows or changes the family (one access-log line per family). */
export function raakGezin(ctx: ReadCtx, gezinId: string, reden: string | null = null): void {
  if (!ctx.geraakt.has(gezinId) || reden) ctx.geraakt.set(gezinId, reden);
}

/**
 * The family, when the caller may see it: of the own team, and for a teamcoach only with a
 * reason stated first (NEN 7513; `inzage.reden`). Every family passed here is logged.
 */
export function gezinVoor(ctx: ReadCtx, gezinId: string, options: Toegang = {}): Gezin {
  const gezin = gezinVanTeam(ctx, gezinId);
  let reden = options.reden ?? null;
  if (ctx.session.rol === 'teamcoach' && !reden) {
    const gegeven = ctx.inzageRedenen.get(`${ctx.session.professionalId}|${gezin.id}`);
    if (!gegeven || gegeven.tot < Date.parse(ctx.now()))
      throw new ApiError(
        'reden-nodig',
        'Als teamcoach geeft u eerst aan waarom u dit dossier inziet; dat wordt vastgelegd.',
      );
    reden = gegeven.reden;
  }
  raakGezin(ctx, gezin.id, reden);
  if (options.schrijven && gezin.status === 'afgesloten') {
    throw new ApiError('conflict', 'Dit gezin is afgesloten; er kan niets meer worden gewijzigd.');
  }
  // The team reads every family's dossier, but only those who work with a family change it
  // ("één gezin, één regisseur"): the regisseur and the colleagues the regisseur added.
  if (options.schrijven && ctx.session.rol === 'jeugdprofessional' && !werktMetGezin(ctx, gezin))
    throw new ApiError(
      'geen-toegang',
      'U bent geen regisseur of medewerker van dit gezin; u kunt het dossier inzien maar niet wijzigen. Vraag de regisseur u als medewerker toe te voegen.',
    );
  return gezin;
}

/** The current row that makes a colleague a medewerker of a family, if any. */
export function medewerkerVan(ctx: ReadCtx, gezinId: string, professionalId: string) {
  return ctx.db
    .select({ id: gezinMedewerkers.id })
    .from(gezinMedewerkers)
    .where(
      and(
        eq(gezinMedewerkers.gezinId, gezinId),
        eq(gezinMedewerkers.professionalId, professionalId),
        eq(gezinMedewerkers.deleted, false),
      ),
    )
    .get();
}

/** Whether the caller works with this family: its regisseur or one of its medewerkers. */
export function werktMetGezin(ctx: ReadCtx, gezin: Gezin): boolean {
  if (gezin.regisseurId === ctx.session.professionalId) return true;
  return Boolean(medewerkerVan(ctx, gezin.id, ctx.session.professionalId));
}

export function actieplanVoor(ctx: ReadCtx, actieplanId: string, options: Toegang = {}) {
  const plan = ctx.db
    .select()
    .from(actieplannen)
    .where(and(eq(actieplannen.id, actieplanId), eq(actieplannen.deleted, false)))
    .get();
  if (!plan) notFound('Het actieplan');
  const gezin = gezinVoor(ctx, plan.gezinId, options);
  return { plan, gezin };
}

export function toewijzingVoor(ctx: ReadCtx, toewijzingId: string, options: Toegang = {}) {
  const toewijzing = ctx.db
    .select()
    .from(toewijzingen)
    .where(and(eq(toewijzingen.id, toewijzingId), eq(toewijzingen.deleted, false)))
    .get();
  if (!toewijzing?.actieplanId) notFound('De toewijzing');
  const { plan, gezin } = actieplanVoor(ctx, toewijzing.actieplanId, options);
  return { toewijzing, plan, gezin };
}

export function evaluatieVoor(ctx: ReadCtx, evaluatieId: string) {
  const evaluatie = ctx.db
    .select()
    .from(evaluaties)
    .where(and(eq(evaluaties.id, evaluatieId), eq(evaluaties.deleted, false)))
    .get();
  if (!evaluatie) notFound('De evaluatie');
  return { evaluatie, ...toewijzingVoor(ctx, evaluatie.toewijzingId, { schrijven: true }) };
}

export function doelVoor(ctx: ReadCtx, doelId: string) {
  const doel = ctx.db
    .select()
    .from(doelen)
    .where(and(eq(doelen.id, doelId), eq(doelen.deleted, false)))
    .get();
  if (!doel) notFound('Het doel');
  return { doel, ...actieplanVoor(ctx, doel.actieplanId, { schrijven: true }) };
}

export function zorgprofielVan(ctx: ReadCtx, actieplanId: string) {
  return ctx.db
    .select()
    .from(zorgprofielen)
    .where(and(eq(zorgprofielen.actieplanId, actieplanId), eq(zorgprofielen.deleted, false)))
    .all()
    .sort(
      (a, b) => b.vastgesteldOp.localeCompare(a.vastgesteldOp) || b.hlc.localeCompare(a.hlc),
    )[0];
}

export function planVan(ctx: ReadCtx, gezinId: string) {
  return ctx.db.select().from(gezinsplannen).where(eq(gezinsplannen.gezinId, gezinId)).get();
}

export function afspraakVoor(ctx: ReadCtx, afspraakId: string) {
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

export function netwerklidVoor(ctx: ReadCtx, netwerklidId: string) {
  const lid = ctx.db
    .select()
    .from(netwerkleden)
    .where(and(eq(netwerkleden.id, netwerklidId), eq(netwerkleden.deleted, false)))
    .get();
  if (!lid) notFound('Het netwerklid');
  gezinVoor(ctx, lid.gezinId, { schrijven: true });
  return lid;
}
