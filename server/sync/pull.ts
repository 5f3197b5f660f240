/** Serving a scope's log to a laptop, page by page (`GET /sync/pull`), and reading a scope's rows. */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { type PullAntwoord } from '../../shared/sync/protocol';
import type { ServerDb } from '../db/connection';
import { ServiceError } from '../http/errors';
import { rijen, scopes, wijzigingenLog } from '../db/schema';

import type { Aanroeper } from './push';
import { NUL_HASH } from './register-writer';
import { scopesVoor } from './scopes';

/**
 * A page of the log as a JSON text (PullAntwoord): the stored registers are spliced in as they
 * are, not parsed and serialised again for every row.
 */
export async function leesPull(
  db: ServerDb,
  aanroeper: Aanroeper,
  vraag: { scope: string; na: number; limiet: number },
): Promise<string> {
  if (!scopesVoor(aanroeper).includes(vraag.scope))
    throw new ServiceError(403, 'geen-toegang', 'Deze gegevens zijn niet voor u bestemd.');
  // One statement, so one snapshot: the scope's seq and checksum match the page without a
  // transaction around two reads (pulls are most of a service's statements). The page's JSON is
  // built by the database, the stored registers spliced in as they are: one text value to hand
  // over instead of thousands of rows to decode and serialise again.
  const antwoord = (await db.execute(sql`
    select s.seq as stand, s.hash as stand_hash, s.aantal as stand_aantal,
           p.regels, p.tot, p.aantal
    from ${scopes} s
    left join lateral (
      select string_agg(
               '{"seq":' || l.seq || ',"tabel":' || to_json(l.tabel)::text
               || ',"rijId":' || to_json(l.rij_id)::text || ',"soort":"' || l.soort || '"'
               || coalesce(',"velden":' || l.velden, '') || coalesce(',"hash":"' || l.hash || '"', '') || '}',
               ',' order by l.seq) filter (where l.n <= ${vraag.limiet}) as regels,
             max(l.seq) filter (where l.n <= ${vraag.limiet}) as tot,
             count(*) as aantal
      from (select seq, tabel, rij_id, soort, velden, hash, row_number() over (order by seq) as n
              from ${wijzigingenLog}
             where scope = s.scope and seq > ${vraag.na}
             order by seq limit ${vraag.limiet + 1}) l
    ) p on true
    where s.scope = ${vraag.scope}`)) as unknown as { rows: PullRij[] };
  const rij = antwoord.rows[0];
  const stand = rij
    ? { seq: Number(rij.stand), hash: rij.stand_hash, aantal: Number(rij.stand_aantal) }
    : { seq: 0, hash: NUL_HASH, aantal: 0 };
  if (vraag.na > stand.seq)
    throw new ServiceError(
      409,
      'cursor-onbekend',
      'De centrale dienst kent deze stand niet; de gegevens worden opnieuw opgehaald.',
    );
  const meer = Number(rij?.aantal ?? 0) > vraag.limiet;
  const kop: Omit<PullAntwoord, 'regels'> = {
    scope: vraag.scope,
    tot: rij?.tot != null ? Number(rij.tot) : vraag.na,
    meer,
    laatste: stand.seq,
    ...(meer ? {} : { checksum: { hash: stand.hash, aantal: stand.aantal } }),
  };
  return `${JSON.stringify(kop).slice(0, -1)},"regels":[${rij?.regels ?? ''}]}`;
}

/** The pull statement's one row: the scope's state, and its page as JSON with its extent. */
interface PullRij {
  stand: number | string;
  stand_hash: string;
  stand_aantal: number | string;
  regels: string | null;
  tot: number | string | null;
  aantal: number | string;
}

/** Rows of one table in a scope (for tests and the repair check). */
export async function rijenIn(db: ServerDb, scope: string, tabellen?: string[]) {
  const waar = tabellen
    ? and(eq(rijen.scope, scope), inArray(rijen.tabel, tabellen))
    : eq(rijen.scope, scope);
  return db.select().from(rijen).where(waar);
}
