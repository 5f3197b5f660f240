/**
 * AVG inzage: everything Eenplan holds about one family, as one JSON document: every record
 * of the family (members with their full BSN, network, plan and its versions, agreements, action
 * plans, goals, zorgprofielen, toewijzingen, evaluations, approvals, transfers) and every
 * access-log line about it. Written to the access log as an export.
 */
import { getTableColumns, inArray } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { SYNC_TABELLEN } from '../../db/sync-tabellen';
import type { ApiInput, ApiOutput } from '../../shared/api';
import { gezinVoor } from '../access';
import type { Ctx } from '../context';
import { logregelsVoor } from './inzage';

export function gezinInzage(ctx: Ctx, input: ApiInput<'gezin.inzage'>): ApiOutput<'gezin.inzage'> {
  const gezin = gezinVoor(ctx, input.gezinId);
  ctx.actie = 'exporteren';
  // Walk down the family's tables, parents first: each child's parent ids are known by then.
  const ids = new Map<string, string[]>([['gezinnen', [gezin.id]]]);
  const onderdelen: Record<string, Record<string, unknown>[]> = {};
  for (const spec of SYNC_TABELLEN) {
    if (spec.naam === 'gezinnen') {
      onderdelen.gezinnen = [gezin];
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
    if (rijen.length) onderdelen[spec.naam] = rijen;
  }
  return {
    gemaaktOp: ctx.now(),
    gezinId: gezin.id,
    onderdelen,
    toegangslog: logregelsVoor(ctx, { gezinId: gezin.id }),
  };
}
