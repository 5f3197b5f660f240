/**
 * How the register writer's batch reaches PostgreSQL: its writes as data-modifying CTEs of as few
 * statements as fit, each scope's counter raised once (./register-writer.ts).
 */
import { sql, type SQL } from 'drizzle-orm';
import { ontvangen, scopes, wijzigingenLog } from '../db/schema';
import type { Tx } from './register-writer';

/**
 * Bound parameters per write statement: PGlite (PostgreSQL in WebAssembly) aborted here on a
 * statement of data-modifying CTEs with about 3,000; at 1,000 a push of 60 changes is one.
 */
export const MAX_PARAMETERS = 1_000;
export const RIJEN_PER_DEEL = 150;
const REGELS_PER_DEEL = 90;

/** One write of a batch: CTEs of a combined statement, named from `naam`. */
export interface Deel {
  /** Its bound parameters, about: a statement holds at most MAX_PARAMETERS. */
  parameters: number;
  /** A scope piece's scope: two pieces of one scope never share a statement (one row update). */
  scope?: string;
  ctes(naam: string): SQL[];
  /** A scope piece learns the scope's seq after its lines. */
  klaar?(eind: number): void;
}

/** A log line's place in its scope; the seq is known once the line is written. */
export interface Plek {
  scope: string;
  seq?: number;
}

/** A receipt as `ontvangen` holds it, or as this batch will write it. */
export interface Bon {
  wijzigingId: string;
  gebruikerId: string;
  inhoudHash: string;
  plek: Plek;
}

export type LogRegel = Omit<typeof wijzigingenLog.$inferInsert, 'scope' | 'seq'> & { plek: Plek };

/** What a batch adds to one scope: log lines in order, and the change of its checksum. */
export interface ScopeWerk {
  regels: LogRegel[];
  bonnen: Bon[];
  hash: string;
  aantal: number;
}

const alsBigint = (hex: SQL) => sql`(('x' || ${hex})::bit(64)::bigint)`;

/**
 * The scope's counter is raised once for all its lines (PGlite aborts after many updates of one
 * row in a transaction), in the statement with the first REGELS_PER_DEEL lines and receipts,
 * which are numbered from the seq it returns; the later pieces carry their seqs as values.
 */
export function scopeDelen(scope: string, werk: ScopeWerk): Deel[] {
  const bonVan = new Map(werk.bonnen.map((b) => [b.plek, b]));
  const totaal = werk.regels.length;
  const teller = sql`insert into ${scopes} (scope, seq, hash, aantal)
    values (${scope}, ${totaal}, ${werk.hash}, ${werk.aantal})
    on conflict (scope) do update set
      seq = ${scopes.seq} + excluded.seq,
      hash = lpad(to_hex(${alsBigint(sql`${scopes.hash}`)} # ${alsBigint(sql`excluded.hash`)}), 16, '0'),
      aantal = ${scopes.aantal} + excluded.aantal
    returning seq`;
  const delen: Deel[] = [];
  for (let i = 0; i === 0 || i < totaal; i += REGELS_PER_DEEL) {
    const stuk = werk.regels.slice(i, i + REGELS_PER_DEEL);
    const bonnen = stuk.flatMap((r) => {
      const b = bonVan.get(r.plek);
      return b ? [b] : [];
    });
    const eerste = i === 0;
    delen.push({
      parameters: (eerste ? 4 : 0) + 7 * stuk.length + 5 * bonnen.length,
      scope,
      ctes: (naam) => {
        const uit: SQL[] = [];
        // The first piece numbers its lines from the counter's answer in the same statement.
        const seqVan = (r: LogRegel) =>
          eerste
            ? sql`(select seq from ${sql.raw(naam)}) - ${totaal}::bigint + ${i + stuk.indexOf(r) + 1}::bigint`
            : sql`${r.plek.seq!}::bigint`;
        if (eerste) uit.push(sql`${sql.raw(naam)} as (${teller})`);
        if (stuk.length > 0)
          uit.push(sql`${sql.raw(`${naam}_log`)} as (
            insert into ${wijzigingenLog} (scope, seq, tabel, rij_id, soort, velden, hash)
            values ${sql.join(
              stuk.map(
                (r) =>
                  sql`(${scope}, ${seqVan(r)}, ${r.tabel}, ${r.rijId}, ${r.soort}, ${r.velden}, ${r.hash})`,
              ),
              sql`, `,
            )})`);
        if (bonnen.length > 0)
          uit.push(sql`${sql.raw(`${naam}_bon`)} as (
            insert into ${ontvangen} (wijziging_id, gebruiker_id, inhoud_hash, scope, seq)
            values ${sql.join(
              bonnen.map(
                (b) =>
                  sql`(${b.wijzigingId}, ${b.gebruikerId}, ${b.inhoudHash}, ${scope}, ${seqVan(stuk.find((r) => r.plek === b.plek)!)})`,
              ),
              sql`, `,
            )})`);
        return uit;
      },
      ...(eerste
        ? {
            klaar: (eind: number) =>
              werk.regels.forEach((r, j) => (r.plek.seq = eind - totaal + j + 1)),
          }
        : {}),
    });
  }
  return delen;
}

/**
 * Runs the writes as data-modifying CTEs of as few statements as fit MAX_PARAMETERS: they touch
 * different tables (a piece's lines read only its own counter's new seq).
 */
export async function voerUit(tx: Tx, delen: Deel[]) {
  let groep: Deel[] = [];
  let parameters = 0;
  const stuur = async () => {
    if (groep.length === 0) return;
    const namen = groep.map((_, i) => `d${i}`);
    const ctes = groep.flatMap((deel, i) => deel.ctes(namen[i]!));
    const tellers = groep.flatMap((deel, i) => (deel.klaar ? [{ deel, naam: namen[i]! }] : []));
    const uitkomst =
      tellers.length === 0
        ? sql`select 0 as i, 0 as seq`
        : sql.raw(
            tellers.map(({ naam }, i) => `select ${i} as i, seq from ${naam}`).join(' union all '),
          );
    const antwoord = (await tx.execute(
      sql`with ${sql.join(ctes, sql`, `)} ${uitkomst}`,
    )) as unknown as {
      rows: { i: number | string; seq: number | string }[];
    };
    for (const r of antwoord.rows) tellers[Number(r.i)]?.deel.klaar!(Number(r.seq));
    groep = [];
    parameters = 0;
  };
  for (const deel of delen) {
    const zelfdeScope = deel.scope && groep.some((d) => d.scope === deel.scope);
    if (parameters + deel.parameters > MAX_PARAMETERS || zelfdeScope) await stuur();
    groep.push(deel);
    parameters += deel.parameters;
  }
  await stuur();
}
