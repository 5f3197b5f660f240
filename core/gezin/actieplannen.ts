/** The action plans of one family as its dossier shows them: goals, zorgprofiel and care. */
import { and, eq, inArray } from 'drizzle-orm';
import {
  aanbieders,
  actieplannen,
  akkoorden,
  doelen,
  evaluaties,
  producten,
  toewijzingen,
  zorgprofielen,
} from '../../db/schema';
import type { Actieplan, Toewijzing } from '../../shared/api';
import { totalCents } from '../../shared/cost';
import { addDays, daysInclusive } from '../../shared/dates';
import type { Probleemgebied } from '../../shared/domain';
import { voortgangPerDoel } from '../actieplan/doel-scores';
import type { ReadCtx } from '../context';
import { ingezetPerActieplan } from '../sociale-kaart/sociale-kaart';
import { EVALUATIE_BINNENKORT_DAGEN } from './gezinnen';

type Evaluatie = Toewijzing['evaluaties'][number];

export function evaluatieStand(
  e: { geplandOp: string; uitgevoerdOp: string | null },
  today: string,
): Evaluatie['stand'] {
  if (e.uitgevoerdOp) return 'uitgevoerd';
  if (e.geplandOp < today) return 'te_laat';
  if (e.geplandOp <= addDays(today, EVALUATIE_BINNENKORT_DAGEN)) return 'binnenkort';
  return 'gepland';
}

const byPlan = <T extends { actieplanId: string | null }>(rows: T[]) => {
  const map = new Map<string, T[]>();
  for (const r of rows)
    if (r.actieplanId) map.set(r.actieplanId, [...(map.get(r.actieplanId) ?? []), r]);
  return map;
};

/** The rows of the plans' goals, profiles and toewijzingen, and those of the toewijzingen. */
function rijenVan(ctx: ReadCtx, planIds: string[]) {
  const none = planIds.length === 0;
  const doelRows = none
    ? []
    : ctx.db
        .select()
        .from(doelen)
        .where(and(inArray(doelen.actieplanId, planIds), eq(doelen.deleted, false)))
        .all();
  const profielRows = none
    ? []
    : ctx.db
        .select()
        .from(zorgprofielen)
        .where(and(inArray(zorgprofielen.actieplanId, planIds), eq(zorgprofielen.deleted, false)))
        .all();
  const toewijzingRows = none
    ? []
    : ctx.db
        .select({ t: toewijzingen, aanbieder: aanbieders.naam, product: producten })
        .from(toewijzingen)
        .innerJoin(aanbieders, eq(aanbieders.id, toewijzingen.aanbiederId))
        .innerJoin(producten, eq(producten.id, toewijzingen.productId))
        .where(and(inArray(toewijzingen.actieplanId, planIds), eq(toewijzingen.deleted, false)))
        .all();
  const tIds = toewijzingRows.map((r) => r.t.id);
  const evalRows = tIds.length
    ? ctx.db
        .select()
        .from(evaluaties)
        .where(and(inArray(evaluaties.toewijzingId, tIds), eq(evaluaties.deleted, false)))
        .all()
    : [];
  const akkoordRows = tIds.length
    ? ctx.db
        .select()
        .from(akkoorden)
        .where(and(inArray(akkoorden.toewijzingId, tIds), eq(akkoorden.deleted, false)))
        .all()
    : [];
  return { doelRows, profielRows, toewijzingRows, evalRows, akkoordRows };
}

type Rijen = ReturnType<typeof rijenVan>;

function toewijzingDetail(
  { t, aanbieder, product }: Rijen['toewijzingRows'][number],
  rijen: Rijen,
  naamVan: Map<string, string>,
  today: string,
): Toewijzing {
  const akkoord = rijen.akkoordRows
    .filter((a) => a.toewijzingId === t.id)
    .sort((a, b) => b.aangevraagdOp.localeCompare(a.aangevraagdOp))[0];
  return {
    id: t.id,
    gezinslidId: t.gezinslidId,
    aanbiederNaam: aanbieder,
    productcode: product.productcode,
    productOmschrijving: product.omschrijving,
    volume: t.volume,
    eenheid: t.eenheid,
    frequentie: t.frequentie,
    tariefCents: t.tariefCents,
    startdatum: t.startdatum,
    einddatum: t.einddatum,
    werkelijkeStart: t.werkelijkeStart,
    wachttijdDagen: t.werkelijkeStart ? daysInclusive(t.startdatum, t.werkelijkeStart) - 1 : null,
    status: t.status,
    rol: t.rol,
    beschikkingsvrij: t.beschikkingsvrij,
    neeTenzij: t.neeTenzij,
    beeindigdOp: t.beeindigdOp,
    eindeReden: t.eindeReden,
    totaalCents: totalCents({
      ...t,
      einddatum: t.beeindigdOp && t.beeindigdOp < t.einddatum ? t.beeindigdOp : t.einddatum,
    }),
    evaluaties: rijen.evalRows
      .filter((e) => e.toewijzingId === t.id)
      // By the day it falls on: an extra evaluation between the planned ones.
      .sort((a, b) => (a.uitgevoerdOp ?? a.geplandOp).localeCompare(b.uitgevoerdOp ?? b.geplandOp))
      .map((e) => ({
        id: e.id,
        geplandOp: e.geplandOp,
        uitgevoerdOp: e.uitgevoerdOp,
        uitkomst: e.uitkomst,
        toelichting: e.toelichting,
        stand: evaluatieStand(e, today),
        cijferGezin: e.cijferGezin,
        extra: e.extra,
      })),
    akkoord: akkoord
      ? {
          id: akkoord.id,
          reden: akkoord.reden,
          aangevraagdDoorNaam: naamVan.get(akkoord.aangevraagdDoor) ?? '',
          aangevraagdOp: akkoord.aangevraagdOp,
          besluit: akkoord.besluit,
          beoordeeldDoorNaam: akkoord.beoordeeldDoor
            ? (naamVan.get(akkoord.beoordeeldDoor) ?? null)
            : null,
          toelichting: akkoord.toelichting,
        }
      : null,
  };
}

/** The family's action plans, newest first, each with its goals, zorgprofiel and care. */
export function actieplannenVan(
  ctx: ReadCtx,
  gezinId: string,
  lidNaam: Map<string, string>,
  naamVan: Map<string, string>,
): Actieplan[] {
  const today = ctx.today();
  const plannen = ctx.db
    .select()
    .from(actieplannen)
    .where(and(eq(actieplannen.gezinId, gezinId), eq(actieplannen.deleted, false)))
    .all();
  const planIds = plannen.map((p) => p.id);
  const rijen = rijenVan(ctx, planIds);
  const voorzieningenPer = ingezetPerActieplan(ctx, planIds);
  const voortgang = voortgangPerDoel(
    ctx,
    rijen.doelRows.map((d) => d.id),
  );
  const doelenPer = byPlan(rijen.doelRows);
  const profielPer = byPlan(rijen.profielRows);
  const toewijzingPer = byPlan(
    rijen.toewijzingRows.map((r) => ({ ...r, actieplanId: r.t.actieplanId })),
  );
  return plannen
    .sort((a, b) => b.geopendOp.localeCompare(a.geopendOp))
    .map((p) => {
      const profiel = (profielPer.get(p.id) ?? []).sort(
        (a, b) => b.vastgesteldOp.localeCompare(a.vastgesteldOp) || b.hlc.localeCompare(a.hlc),
      )[0];
      return {
        id: p.id,
        jeugdigeId: p.jeugdigeId,
        jeugdigeNaam: lidNaam.get(p.jeugdigeId) ?? '',
        hulpvraag: p.hulpvraag,
        problemen: p.problemen,
        verwijzer: p.verwijzer,
        eigenKracht: p.eigenKracht,
        netwerk: p.netwerk,
        voorliggend: p.voorliggend,
        triageUitkomst: p.triageUitkomst,
        jeugdhulpNodig: p.jeugdhulpNodig,
        status: p.status,
        geopendOp: p.geopendOp,
        afgerondOp: p.afgerondOp,
        doelen: (doelenPer.get(p.id) ?? []).map((d) => ({
          id: d.id,
          omschrijving: d.omschrijving,
          meetbaar: d.meetbaar,
          uiterlijk: d.uiterlijk,
          resultaat: d.resultaat,
          voortgang: voortgang.get(d.id) ?? [],
        })),
        zorgprofiel: profiel
          ? {
              id: profiel.id,
              categorie: profiel.categorie,
              probleemgebieden: JSON.parse(profiel.probleemgebieden) as Probleemgebied[],
              vastgesteldOp: profiel.vastgesteldOp,
            }
          : null,
        toewijzingen: (toewijzingPer.get(p.id) ?? [])
          .sort((a, b) => a.t.startdatum.localeCompare(b.t.startdatum))
          .map((r) => toewijzingDetail(r, rijen, naamVan, today)),
        voorzieningen: voorzieningenPer.get(p.id) ?? [],
      };
    });
}
