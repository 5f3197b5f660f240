/**
 * Gezinsplan: one plan per family over the life domains, with agreements, the family's own
 * words, consent on a fixed version, and every fixed version kept for comparison.
 */
import { and, asc, eq } from 'drizzle-orm';
import {
  afspraken,
  gezinsleden,
  gezinsplanDomeinen,
  gezinsplannen,
  gezinsplanVersies,
  handtekeningen,
} from '../../db/schema';
import { PlanInhoud, type ApiInput, type ApiOutput } from '../../shared/api';
import { ageOn } from '../../shared/dates';
import type { Ondertekening } from '../../shared/api';
import { LEEFDOMEINEN } from '../../shared/domain';
import { ApiError } from '../api-error';
import { afspraakVoor, gezinVoor, planVan } from '../access';
import type { Ctx, ReadCtx } from '../context';
import { natuurlijkeId } from '../../shared/sync/natuurlijke-id';

/** A toekomstplan section is part of the plan from age 16 (001_… 2b, 002_… 3.2.2). */
export const TOEKOMSTPLAN_LEEFTIJD = 16;

export function bestaandPlan(ctx: ReadCtx, gezinId: string) {
  const plan = planVan(ctx, gezinId);
  if (!plan) throw new ApiError('niet-gevonden', 'Dit gezin heeft nog geen gezinsplan.');
  return plan;
}

export function currentContents(
  ctx: ReadCtx,
  plan: typeof gezinsplannen.$inferSelect,
): { inhoud: PlanInhoud; afspraakIds: string[] } {
  const domeinen = ctx.db
    .select()
    .from(gezinsplanDomeinen)
    .where(and(eq(gezinsplanDomeinen.planId, plan.id), eq(gezinsplanDomeinen.deleted, false)))
    .all();
  const order = new Map(LEEFDOMEINEN.codes.map((d, i) => [d, i]));
  const rows = ctx.db
    .select()
    .from(afspraken)
    .where(and(eq(afspraken.planId, plan.id), eq(afspraken.deleted, false)))
    .orderBy(asc(afspraken.uiterlijk), asc(afspraken.wat))
    .all();
  return {
    inhoud: {
      eigenWoorden: plan.eigenWoorden,
      toekomstplan: plan.toekomstplan,
      domeinen: domeinen
        .filter((d) => d.situatie || d.doel)
        .sort((a, b) => order.get(a.domein)! - order.get(b.domein)!)
        .map((d) => ({ domein: d.domein, situatie: d.situatie, doel: d.doel })),
      afspraken: rows.map((a) => ({
        wat: a.wat,
        wie: a.wie,
        uiterlijk: a.uiterlijk,
        status: a.status,
      })),
    },
    afspraakIds: rows.map((a) => a.id),
  };
}

/**
 * What consent is about: ticking off an agreement as done is progress, not a change of plan,
 * so the status of agreements is left out when versions are compared.
 */
export function sameContents(a: PlanInhoud, b: PlanInhoud): boolean {
  const strip = (i: PlanInhoud) =>
    JSON.stringify({ ...i, afspraken: i.afspraken.map(({ status: _status, ...rest }) => rest) });
  return strip(a) === strip(b);
}

/**
 * The fixed versions as every laptop shows them (ADR 0003): ordered by the number the laptop
 * proposed, then by HLC and id, and numbered 1, 2, 3 … in that order. Two versions fixed offline
 * as "4" on two laptops are then 4 and 5 everywhere, both kept.
 */
export function versions(ctx: ReadCtx, planId: string) {
  return ctx.db
    .select()
    .from(gezinsplanVersies)
    .where(and(eq(gezinsplanVersies.planId, planId), eq(gezinsplanVersies.deleted, false)))
    .orderBy(asc(gezinsplanVersies.versie), asc(gezinsplanVersies.hlc), asc(gezinsplanVersies.id))
    .all()
    .map((v, i) => ({
      id: v.id,
      versie: i + 1,
      voorgesteld: v.versie,
      vastgesteldOp: v.vastgesteldOp,
      inhoud: PlanInhoud.parse(JSON.parse(v.inhoud)),
    }));
}

type Versie = ReturnType<typeof versions>[number];

/**
 * The shown number of the version a signature or consent is about: by its row id, or (recorded
 * before ids were kept) by the number it was proposed with.
 */
export function nummerVan(
  versies: readonly Versie[],
  versieId: string | null,
  voorgesteld: number | null,
): number | null {
  const v = versieId
    ? versies.find((x) => x.id === versieId)
    : versies.find((x) => x.voorgesteld === voorgesteld);
  return v?.versie ?? voorgesteld;
}

/** Whether a signature or consent is about this version. */
export const gaatOver = (v: Versie, versieId: string | null, voorgesteld: number | null) =>
  versieId ? versieId === v.id : voorgesteld === v.voorgesteld;

export function gezinsplanOphalen(
  ctx: ReadCtx,
  input: ApiInput<'gezinsplan.ophalen'>,
): ApiOutput<'gezinsplan.ophalen'> {
  const gezin = gezinVoor(ctx, input.gezinId);
  const plan = bestaandPlan(ctx, gezin.id);
  const { inhoud, afspraakIds } = currentContents(ctx, plan);
  const versies = versions(ctx, plan.id);
  const laatste = versies.at(-1);
  const jeugdigen = ctx.db
    .select()
    .from(gezinsleden)
    .where(
      and(
        eq(gezinsleden.gezinId, gezin.id),
        eq(gezinsleden.rol, 'jeugdige'),
        eq(gezinsleden.deleted, false),
      ),
    )
    .all();
  const gewijzigdSindsVersie = !laatste || !sameContents(laatste.inhoud, inhoud);
  const getekend = ctx.db
    .select()
    .from(handtekeningen)
    .where(and(eq(handtekeningen.planId, plan.id), eq(handtekeningen.deleted, false)))
    .orderBy(asc(handtekeningen.versie), asc(handtekeningen.getekendOp))
    .all()
    .map(({ id, versie, versieId, naam, rol, lijnen, getekendOp }) => ({
      id,
      versie: nummerVan(versies, versieId, versie) ?? versie,
      voorLaatste: Boolean(laatste && gaatOver(laatste, versieId, versie)),
      naam,
      rol,
      lijnen,
      getekendOp,
    }));
  const ondertekening: Ondertekening =
    getekend.length === 0
      ? 'niet'
      : !gewijzigdSindsVersie && getekend.some((h) => h.voorLaatste)
        ? 'ondertekend'
        : 'opnieuw';
  return {
    id: plan.id,
    gezinId: gezin.id,
    inhoud,
    afspraakIds,
    toekomstplanNodig:
      jeugdigen.some((j) => ageOn(j.geboortedatum, ctx.today()) >= TOEKOMSTPLAN_LEEFTIJD) ||
      Boolean(plan.toekomstplan),
    versie: laatste?.versie ?? 0,
    gewijzigdSindsVersie,
    toestemming:
      plan.toestemmingVersie && plan.toestemmingOp && plan.toestemmingDoor
        ? {
            versie:
              nummerVan(versies, plan.toestemmingVersieId, plan.toestemmingVersie) ??
              plan.toestemmingVersie,
            op: plan.toestemmingOp,
            door: plan.toestemmingDoor,
          }
        : null,
    versies: versies.map(({ versie, vastgesteldOp, inhoud }) => ({
      versie,
      vastgesteldOp,
      inhoud,
    })),
    handtekeningen: getekend.map(({ voorLaatste: _v, ...h }) => h),
    ondertekening,
  };
}

/** Autosave of the working copy; only what changed is written. */
export function gezinsplanOpslaan(
  ctx: Ctx,
  input: ApiInput<'gezinsplan.opslaan'>,
): ApiOutput<'gezinsplan.opslaan'> {
  gezinVoor(ctx, input.gezinId, { schrijven: true });
  const plan = bestaandPlan(ctx, input.gezinId);
  ctx.write.update(gezinsplannen, plan.id, {
    ...(input.eigenWoorden !== undefined ? { eigenWoorden: input.eigenWoorden } : {}),
    ...(input.toekomstplan !== undefined ? { toekomstplan: input.toekomstplan || null } : {}),
  });
  const seen = new Set<string>();
  for (const d of input.domeinen ?? []) {
    if (seen.has(d.domein))
      throw new ApiError(
        'ongeldige-invoer',
        `Het leefdomein ${LEEFDOMEINEN.labels[d.domein]} staat er twee keer in.`,
        'domeinen',
      );
    seen.add(d.domein);
    const existing = ctx.db
      .select()
      .from(gezinsplanDomeinen)
      .where(and(eq(gezinsplanDomeinen.planId, plan.id), eq(gezinsplanDomeinen.domein, d.domein)))
      .get();
    if (existing)
      ctx.write.update(gezinsplanDomeinen, existing.id, { situatie: d.situatie, doel: d.doel });
    // One row per plan and domain on every laptop: two offline fills meet as one row (ADR 0003).
    else
      ctx.write.insert(gezinsplanDomeinen, {
        id: natuurlijkeId('gezinsplan_domeinen', plan.id, d.domein),
        planId: plan.id,
        ...d,
      });
  }
  return { id: plan.id };
}

export function afspraakOpslaan(
  ctx: Ctx,
  input: ApiInput<'afspraak.opslaan'>,
): ApiOutput<'afspraak.opslaan'> {
  gezinVoor(ctx, input.gezinId, { schrijven: true });
  const plan = bestaandPlan(ctx, input.gezinId);
  const values = {
    wat: input.wat,
    wie: input.wie,
    uiterlijk: input.uiterlijk ?? null,
    status: input.status ?? 'open',
  };
  if (!input.id) return { id: ctx.write.insert(afspraken, { ...values, planId: plan.id }) };
  const afspraak = afspraakVoor(ctx, input.id);
  if (afspraak.planId !== plan.id)
    throw new ApiError('niet-gevonden', 'Deze afspraak hoort niet bij dit gezin.');
  ctx.write.update(afspraken, input.id, values);
  return { id: input.id };
}

export function afspraakVerwijderen(
  ctx: Ctx,
  input: ApiInput<'afspraak.verwijderen'>,
): ApiOutput<'afspraak.verwijderen'> {
  afspraakVoor(ctx, input.id);
  ctx.write.tombstone(afspraken, input.id);
  return { id: input.id };
}

/** Fixes the working copy as the next version, which the family can then consent to. */
export function gezinsplanVastleggen(
  ctx: Ctx,
  input: ApiInput<'gezinsplan.vastleggen'>,
): ApiOutput<'gezinsplan.vastleggen'> {
  gezinVoor(ctx, input.gezinId, { schrijven: true });
  const plan = bestaandPlan(ctx, input.gezinId);
  const { inhoud } = currentContents(ctx, plan);
  if (!inhoud.eigenWoorden.trim() && inhoud.domeinen.length === 0) {
    throw new ApiError(
      'ongeldige-invoer',
      'Schrijf eerst de doelen van het gezin in eigen woorden of vul een leefdomein in.',
      'eigenWoorden',
    );
  }
  const versies = versions(ctx, plan.id);
  const laatste = versies.at(-1);
  if (laatste && sameContents(laatste.inhoud, inhoud)) {
    throw new ApiError('conflict', `Er is niets gewijzigd sinds versie ${laatste.versie}.`);
  }
  // The number proposed is one above any this laptop knows; a colleague may propose the same
  // one offline, and then the order of ADR 0003 numbers the two apart.
  const voorgesteld = Math.max(plan.versie, ...versies.map((v) => v.voorgesteld)) + 1;
  ctx.write.insert(gezinsplanVersies, {
    planId: plan.id,
    versie: voorgesteld,
    vastgesteldOp: ctx.today(),
    vastgesteldDoor: ctx.session.professionalId,
    inhoud: JSON.stringify(inhoud),
  });
  ctx.write.update(gezinsplannen, plan.id, { versie: voorgesteld });
  return { versie: versions(ctx, plan.id).find((v) => v.voorgesteld === voorgesteld)!.versie };
}

/**
 * Consent and signatures apply to the last fixed version, and only if nothing changed since:
 * the family approves what it was shown.
 */
export function eisOngewijzigdeVersie(ctx: Ctx, plan: typeof gezinsplannen.$inferSelect): Versie {
  const laatste = versions(ctx, plan.id).at(-1);
  if (!laatste)
    throw new ApiError(
      'conflict',
      'Leg het gezinsplan eerst vast; toestemming en handtekeningen gelden voor een vastgelegde versie.',
    );
  const { inhoud } = currentContents(ctx, plan);
  if (!sameContents(laatste.inhoud, inhoud)) {
    throw new ApiError(
      'conflict',
      'Het plan is gewijzigd sinds de laatste versie. Leg het opnieuw vast voordat het gezin toestemming geeft of tekent.',
    );
  }
  return laatste;
}

export function gezinsplanToestemming(
  ctx: Ctx,
  input: ApiInput<'gezinsplan.toestemming'>,
): ApiOutput<'gezinsplan.toestemming'> {
  gezinVoor(ctx, input.gezinId, { schrijven: true });
  const plan = bestaandPlan(ctx, input.gezinId);
  const laatste = eisOngewijzigdeVersie(ctx, plan);
  ctx.write.update(gezinsplannen, plan.id, {
    toestemmingVersie: laatste.voorgesteld,
    toestemmingVersieId: laatste.id,
    toestemmingOp: ctx.today(),
    toestemmingDoor: input.door,
  });
  return { versie: laatste.versie };
}
