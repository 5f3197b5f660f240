/**
 * AVG inzage: everything Eenplan holds about one family, as one JSON document: every record
 * of the family (members with their full BSN, network, plan and its versions, agreements, action
 * plans, goals, zorgprofielen, toewijzingen, evaluations, approvals, transfers) and every
 * access-log line about it, with the names of the aanbieders, products and voorzieningen it refers
 * to. Written to the access log as an export.
 */
import { eq, getTableColumns, inArray } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { aanbieders, producten, socialeVoorzieningen, teams } from '../../db/schema';
import { SYNC_TABELLEN } from '../../db/sync-tabellen';
import type { ApiInput, ApiOutput } from '../../shared/api';
import { gezinVoor } from '../access';
import type { ReadCtx } from '../context';
import { logregelsVoor } from './inzage';

export function gezinInzage(
  ctx: ReadCtx,
  input: ApiInput<'gezin.inzage'>,
): ApiOutput<'gezin.inzage'> {
  const gezin = gezinVoor(ctx, input.gezinId);
  ctx.actie = 'exporteren';
  // Walk down the family's tables, parents first: each child's parent ids are known by then.
  const ids = new Map<string, string[]>([['gezinnen', [gezin.id]]]);
  const onderdelen: Record<string, Record<string, unknown>[]> = {};
  for (const spec of SYNC_TABELLEN) {
    if (spec.naam === 'gezinnen') {
      onderdelen.gezinnen = [metNamen(ctx, 'gezinnen', gezin)];
      continue;
    }
    const ouderIds = spec.ouder ? ids.get(spec.ouder.tabel) : undefined;
    if (!spec.ouder || !ouderIds?.length) continue;
    const kolom = (getTableColumns(spec.tabel) as Record<string, SQLiteColumn>)[spec.ouder.veld]!;
    const rijen = ctx.db.select().from(spec.tabel).where(inArray(kolom, ouderIds)).all() as Record<
      string,
      unknown
    >[];
    ids.set(
      spec.naam,
      rijen.map((r) => r.id as string),
    );
    if (rijen.length) onderdelen[spec.naam] = rijen.map((r) => metNamen(ctx, spec.naam, r));
  }
  return {
    gemaaktOp: ctx.now(),
    gezinId: gezin.id,
    onderdelen,
    toegangslog: logregelsVoor(ctx, { gezinId: gezin.id }),
  };
}

/**
 * A reference to the region's own data (team, aanbieder, product, voorziening) says nothing to a
 * family as an id: the row carries its name too, first, so the help reads as "which help, from
 * whom".
 */
function metNamen(
  ctx: ReadCtx,
  tabel: string,
  rij: Record<string, unknown>,
): Record<string, unknown> {
  const naam = <T extends Record<string, unknown>>(rijen: T[], veld: keyof T) =>
    rijen[0] ? String(rijen[0][veld]) : null;
  if (tabel === 'gezinnen') {
    const team = ctx.db
      .select({ naam: teams.naam })
      .from(teams)
      .where(eq(teams.id, String(rij.teamId)))
      .all();
    return { team: naam(team, 'naam'), ...rij };
  }
  if (tabel === 'toewijzingen') {
    const product = ctx.db
      .select({ omschrijving: producten.omschrijving })
      .from(producten)
      .where(eq(producten.id, String(rij.productId)))
      .all();
    const aanbieder = ctx.db
      .select({ naam: aanbieders.naam })
      .from(aanbieders)
      .where(eq(aanbieders.id, String(rij.aanbiederId)))
      .all();
    return { product: naam(product, 'omschrijving'), aanbieder: naam(aanbieder, 'naam'), ...rij };
  }
  if (tabel === 'ingezette_voorzieningen') {
    const voorziening = ctx.db
      .select({ naam: socialeVoorzieningen.naam })
      .from(socialeVoorzieningen)
      .where(eq(socialeVoorzieningen.id, String(rij.voorzieningId)))
      .all();
    return { voorziening: naam(voorziening, 'naam'), ...rij };
  }
  return rij;
}
