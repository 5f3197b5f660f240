/**
 * Corrections of the record: a member, goal or visit note changed or removed, with the reason.
 * Each becomes a line on the family's timeline (synced, so colleagues see why the file reads
 * differently now) and its reason goes with the call's line in the access log (NEN 7513).
 */
import { and, desc, eq } from 'drizzle-orm';
import { correcties } from '../../db/schema';
import { datumInNederland, formatDate } from '../../shared/dates';
import { raakGezin } from '../access';
import type { Ctx, ReadCtx } from '../context';

export interface Correctie {
  gezinId: string;
  /** The synced table of the corrected row. */
  onderdeel: string;
  rijId: string;
  soort: 'gewijzigd' | 'verwijderd';
  omschrijving: string;
  reden: string;
}

export function correctieVastleggen(ctx: Ctx, c: Correctie): void {
  ctx.write.insert(correcties, { ...c, op: ctx.now(), doorId: ctx.session.professionalId });
  raakGezin(ctx, c.gezinId, c.reden);
}

/** The family's corrections as timeline events, on the day they were made. */
export function correctieGebeurtenissen(
  ctx: ReadCtx,
  gezinId: string,
  naamVan: Map<string, string>,
) {
  return (
    ctx.db
      .select()
      .from(correcties)
      .where(and(eq(correcties.gezinId, gezinId), eq(correcties.deleted, false)))
      // Newest first, as the timeline: the day's events keep this order when it sorts by day, so
      // a value corrected and corrected back shows its current state on top.
      .orderBy(desc(correcties.op), desc(correcties.hlc))
      .all()
      .map((c) => ({
        datum: datumInNederland(new Date(c.op)),
        soort: 'correctie',
        tekst: `${c.omschrijving}${c.doorId && naamVan.get(c.doorId) ? ` door ${naamVan.get(c.doorId)}` : ''}. Reden: ${c.reden}`,
      }))
  );
}

/** "01-02-2031 → 01-02-2021" for a corrected value; null when nothing changed. */
export function wasWordt(oud: string | null, nieuw: string | null, datum = false): string | null {
  if ((oud ?? '') === (nieuw ?? '')) return null;
  const toon = (w: string | null) => (w ? (datum ? formatDate(w) : w) : '(leeg)');
  return `${toon(oud)} → ${toon(nieuw)}`;
}
