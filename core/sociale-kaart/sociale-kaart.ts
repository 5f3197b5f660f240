/**
 * The sociale kaart: voorliggende voorzieningen per gemeente (reference data, kept by a
 * beheerder on the central service and synced to every laptop), searched from the triage step
 * of an action plan and recorded in the plan when used.
 */
import { and, eq, inArray } from 'drizzle-orm';
import {
  gemeenten,
  gezinsleden,
  ingezetteVoorzieningen,
  socialeVoorzieningen,
  teams,
} from '../../db/schema';
import type { ApiInput, ApiOutput } from '../../shared/api';
import type { IngezetteVoorziening } from '../../shared/api';
import { ageOn } from '../../shared/dates';
import { pastBijLeeftijd } from '../../shared/sociale-kaart-leeftijd';
import { bevatWoorden, vouwTekst, zoekWoorden } from '../../shared/zoeken';
import { isVoorliggendBekeken } from '../../shared/voorliggend';
import { ApiError } from '../api-error';
import { actieplanVoor } from '../access';
import type { Ctx, ReadCtx } from '../context';

/** A search shows at most this many; the rest is found by typing more. */
const MAX_RESULTATEN = 50;

/** The gemeente of the caller's team, whose sociale kaart its families use. */
function teamGemeente(ctx: ReadCtx) {
  if (!ctx.session.teamId) return null;
  return ctx.db
    .select({ id: gemeenten.id, naam: gemeenten.naam })
    .from(teams)
    .innerJoin(gemeenten, eq(gemeenten.id, teams.gemeenteId))
    .where(eq(teams.id, ctx.session.teamId))
    .get();
}

export function socialeKaartZoeken(
  ctx: ReadCtx,
  input: ApiInput<'socialeKaart.zoeken'>,
): ApiOutput<'socialeKaart.zoeken'> {
  // Searched for a youth's action plan: only what is meant for the youth's age.
  const geboortedatum = input.actieplanId
    ? (ctx.db
        .select({ geboortedatum: gezinsleden.geboortedatum })
        .from(gezinsleden)
        .where(eq(gezinsleden.id, actieplanVoor(ctx, input.actieplanId).plan.jeugdigeId))
        .get()?.geboortedatum ?? null)
    : null;
  const gemeente = input.gemeenteId
    ? ctx.db
        .select({ id: gemeenten.id, naam: gemeenten.naam })
        .from(gemeenten)
        .where(eq(gemeenten.id, input.gemeenteId))
        .get()
    : teamGemeente(ctx);
  if (!gemeente) throw new ApiError('niet-gevonden', 'Deze gemeente is niet gevonden.');
  const woorden = zoekWoorden(input.zoek);
  const voorzieningen = ctx.db
    .select()
    .from(socialeVoorzieningen)
    .where(
      and(
        eq(socialeVoorzieningen.gemeenteId, gemeente.id),
        eq(socialeVoorzieningen.deleted, false),
        eq(socialeVoorzieningen.actief, true),
      ),
    )
    .all()
    .filter(
      (v) =>
        (!input.soort || v.soort === input.soort) &&
        (!input.alleenGratis || v.gratis) &&
        (!geboortedatum || pastBijLeeftijd(v.aanbod, geboortedatum, ctx.today())) &&
        bevatWoorden(vouwTekst(`${v.naam}\n${v.aanbod}`), woorden),
    )
    .sort((a, b) => a.naam.localeCompare(b.naam, 'nl'))
    .slice(0, MAX_RESULTATEN)
    .map(({ id, naam, soort, aanbod, contact, gratis }) => ({
      id,
      naam,
      soort,
      aanbod,
      contact,
      gratis,
      gemeente: gemeente.naam,
    }));
  return {
    gemeente,
    voorzieningen,
    leeftijd: geboortedatum ? ageOn(geboortedatum, ctx.today()) : null,
  };
}

/** The shared rule (isVoorliggendBekeken) over what the store holds for this plan. */
export function voorliggendBekeken(ctx: ReadCtx, plan: { id: string; voorliggend: string | null }) {
  return isVoorliggendBekeken(
    plan.voorliggend,
    ingezetPerActieplan(ctx, [plan.id]).get(plan.id)?.length ?? 0,
  );
}

export function voorzieningInzetten(
  ctx: Ctx,
  input: ApiInput<'actieplan.voorzieningInzetten'>,
): ApiOutput<'actieplan.voorzieningInzetten'> {
  actieplanVoor(ctx, input.actieplanId, { schrijven: true });
  const voorziening = ctx.db
    .select()
    .from(socialeVoorzieningen)
    .where(
      and(
        eq(socialeVoorzieningen.id, input.voorzieningId),
        eq(socialeVoorzieningen.deleted, false),
      ),
    )
    .get();
  if (!voorziening?.actief)
    throw new ApiError('niet-gevonden', 'Deze voorziening staat niet (meer) op de sociale kaart.');
  const al = ctx.db
    .select({ id: ingezetteVoorzieningen.id })
    .from(ingezetteVoorzieningen)
    .where(
      and(
        eq(ingezetteVoorzieningen.actieplanId, input.actieplanId),
        eq(ingezetteVoorzieningen.voorzieningId, input.voorzieningId),
        eq(ingezetteVoorzieningen.deleted, false),
      ),
    )
    .get();
  if (al) throw new ApiError('conflict', `${voorziening.naam} staat al in dit actieplan.`);
  return {
    id: ctx.write.insert(ingezetteVoorzieningen, {
      actieplanId: input.actieplanId,
      voorzieningId: input.voorzieningId,
      op: ctx.today(),
    }),
  };
}

export function voorzieningWeghalen(
  ctx: Ctx,
  input: ApiInput<'actieplan.voorzieningWeghalen'>,
): ApiOutput<'actieplan.voorzieningWeghalen'> {
  const rij = ctx.db
    .select()
    .from(ingezetteVoorzieningen)
    .where(and(eq(ingezetteVoorzieningen.id, input.id), eq(ingezetteVoorzieningen.deleted, false)))
    .get();
  if (!rij) throw new ApiError('niet-gevonden', 'Deze voorziening staat niet in het actieplan.');
  actieplanVoor(ctx, rij.actieplanId, { schrijven: true });
  // Two laptops may each have added it offline (ADR 0003): taken away, it goes as a whole.
  for (const dubbel of ctx.db
    .select({ id: ingezetteVoorzieningen.id })
    .from(ingezetteVoorzieningen)
    .where(
      and(
        eq(ingezetteVoorzieningen.actieplanId, rij.actieplanId),
        eq(ingezetteVoorzieningen.voorzieningId, rij.voorzieningId),
        eq(ingezetteVoorzieningen.deleted, false),
      ),
    )
    .all())
    ctx.write.tombstone(ingezetteVoorzieningen, dubbel.id);
  return { id: input.id };
}

/** Per action plan, the voorzieningen recorded in it (for the dossier and the PDF). */
export function ingezetPerActieplan(
  ctx: ReadCtx,
  actieplanIds: readonly string[],
): Map<string, IngezetteVoorziening[]> {
  const uit = new Map<string, IngezetteVoorziening[]>();
  if (actieplanIds.length === 0) return uit;
  const rijen = ctx.db
    .select({ i: ingezetteVoorzieningen, v: socialeVoorzieningen, gemeente: gemeenten.naam })
    .from(ingezetteVoorzieningen)
    .innerJoin(
      socialeVoorzieningen,
      eq(socialeVoorzieningen.id, ingezetteVoorzieningen.voorzieningId),
    )
    .innerJoin(gemeenten, eq(gemeenten.id, socialeVoorzieningen.gemeenteId))
    .where(
      and(
        inArray(ingezetteVoorzieningen.actieplanId, [...actieplanIds]),
        eq(ingezetteVoorzieningen.deleted, false),
      ),
    )
    .all();
  for (const { i, v, gemeente } of rijen) {
    const lijst = uit.get(i.actieplanId) ?? [];
    // Added on two laptops offline: one voorziening, shown once (ADR 0003).
    if (lijst.some((x) => x.voorzieningId === v.id)) continue;
    lijst.push({
      id: i.id,
      voorzieningId: v.id,
      naam: v.naam,
      soort: v.soort,
      aanbod: v.aanbod,
      contact: v.contact,
      gratis: v.gratis,
      gemeente,
      op: i.op,
    });
    uit.set(i.actieplanId, lijst);
  }
  return uit;
}
