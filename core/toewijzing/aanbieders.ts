/**
 * The aanbieders a family can choose for a zorgprofiel: contracted for it, with the products
 * that fit, their ceiling and cliëntenstop, and the keuzehulp's figures.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { aanbieders, contracten, producten, toewijzingen } from '../../db/schema';
import type { AanbiederKeuze, ApiInput } from '../../shared/api';
import { gecommitteerdInJaar } from '../../shared/cost';
import { COMMITTING_STATUSSEN as COMMITTING, VERBLIJF_CATEGORIEEN } from '../../shared/domain';
import { contractGeldig } from '../../shared/regels/toewijzing-keuze';
import { pastBijZorgprofiel } from '../../shared/zorgprofiel-producten';
import { actieplanVoor, zorgprofielVan } from '../access';
import type { ReadCtx } from '../context';
import { cijfersVoorAanbieders } from './keuzehulp';

function usedThisYear(ctx: ReadCtx, aanbiederIds: string[], year: number): Map<string, number> {
  const used = new Map<string, number>();
  if (aanbiederIds.length === 0) return used;
  const rows = ctx.db
    .select()
    .from(toewijzingen)
    .where(
      and(
        inArray(toewijzingen.aanbiederId, aanbiederIds),
        eq(toewijzingen.deleted, false),
        inArray(toewijzingen.status, [...COMMITTING]),
      ),
    )
    .all();
  for (const t of rows)
    used.set(t.aanbiederId, (used.get(t.aanbiederId) ?? 0) + gecommitteerdInJaar(t, year).cents);
  return used;
}

/** An aanbieder the family can choose, before the keuzehulp's figures are added. */
export type Keuze = Omit<AanbiederKeuze, 'cijfers'>;

/**
 * The aanbieders contracted for this action plan's zorgprofiel, each with the products of its
 * contracted percelen that fit the zorgprofiel (shared/zorgprofiel-producten.ts).
 */
export function gecontracteerdVoorProfiel(ctx: ReadCtx, actieplanId: string): Keuze[] {
  const { plan } = actieplanVoor(ctx, actieplanId);
  const profiel = zorgprofielVan(ctx, plan.id);
  const today = ctx.today();
  const bestaand = eq(contracten.deleted, false);
  // Without a zorgprofiel only beschikkingsvrij help is open (the lighter path). Valid today by
  // the rule the service checks a running toewijzing with (shared/regels/toewijzing-keuze.ts).
  const contractRows = ctx.db
    .select()
    .from(contracten)
    .where(profiel ? and(bestaand, eq(contracten.zorgprofiel, profiel.categorie)) : bestaand)
    .all()
    .filter((c) => contractGeldig(c, today));
  const percelenPer = new Map<string, Set<string>>();
  for (const c of contractRows)
    percelenPer.set(c.aanbiederId, (percelenPer.get(c.aanbiederId) ?? new Set()).add(c.perceel));
  const productRows = ctx.db
    .select()
    .from(producten)
    .where(eq(producten.deleted, false))
    .all()
    .filter((p) => (profiel ? pastBijZorgprofiel(p, profiel.categorie) : p.beschikkingsvrij));
  const ids = [...percelenPer.keys()];
  const used = usedThisYear(ctx, ids, Number(today.slice(0, 4)));
  const rows = ids.length
    ? ctx.db
        .select()
        .from(aanbieders)
        .where(and(inArray(aanbieders.id, ids), eq(aanbieders.deleted, false)))
        .all()
    : [];
  return rows
    .map((a) => {
      const percelen = percelenPer.get(a.id)!;
      const benutCents = used.get(a.id) ?? 0;
      return {
        id: a.id,
        naam: a.naam,
        plaats: a.plaats,
        clientenstop: a.clientenstop,
        plafondCents: a.budgetplafondCents,
        benutCents,
        plafondBereikt: benutCents >= a.budgetplafondCents,
        producten: productRows
          .filter((p) => percelen.has(p.perceel))
          .map((p) => ({
            id: p.id,
            productcode: p.productcode,
            omschrijving: p.omschrijving,
            perceel: p.perceel,
            eenheid: p.eenheid,
            frequentie: p.frequentie,
            tariefCents: p.tariefCents,
            beschikkingsvrij: p.beschikkingsvrij,
            verblijf: VERBLIJF_CATEGORIEEN.includes(p.categorie),
          })),
      };
    })
    .filter((a) => a.producten.length > 0)
    .sort(
      (a, b) =>
        Number(a.clientenstop || a.plafondBereikt) - Number(b.clientenstop || b.plafondBereikt) ||
        a.naam.localeCompare(b.naam),
    );
}

/**
 * The keuzehulp: the aanbieders the family can choose from for this action plan's zorgprofiel,
 * with what was measured of each (core/toewijzing/keuzehulp.ts).
 */
export function aanbiedersVoorProfiel(
  ctx: ReadCtx,
  input: ApiInput<'aanbieders.voorProfiel'>,
): AanbiederKeuze[] {
  const keuze = gecontracteerdVoorProfiel(ctx, input.actieplanId);
  const cijfers = cijfersVoorAanbieders(
    ctx,
    keuze.map((k) => k.id),
  );
  return keuze.map((k) => ({ ...k, cijfers: cijfers.get(k.id)! }));
}
