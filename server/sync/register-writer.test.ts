/**
 * A large batch is written in several statements: every log line still gets its own next seq,
 * every receipt the seq of its line, and the scope's count and checksum match its rows, on both
 * databases the service runs on.
 */
import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFERENTIE_SCOPE } from '../../db/sync-tabellen';
import { xorAlle } from '../../shared/sync/rij';
import { ontvangen, rijen, scopes, wijzigingenLog } from '../db/schema';
import { RegisterWriter } from './register-writer';
import { maakOmgeving, zaaiReferentie, type Omgeving } from '../../test/helpers/dienst-omgeving';

const AANTAL = 1_234;

describe.each(['pglite', 'postgresql'] as const)('writing a large batch on %s', (soort) => {
  let omgeving: Omgeving;
  beforeAll(async () => {
    omgeving = await maakOmgeving(soort);
  }, 60_000);
  afterAll(() => omgeving?.sluit());

  const stand = async () => {
    const { db } = omgeving.store;
    const [scope] = await db.select().from(scopes).where(eq(scopes.scope, REFERENTIE_SCOPE));
    const log = await db
      .select({ seq: wijzigingenLog.seq })
      .from(wijzigingenLog)
      .where(eq(wijzigingenLog.scope, REFERENTIE_SCOPE))
      .orderBy(asc(wijzigingenLog.seq));
    const rijenInScope = await db.select().from(rijen).where(eq(rijen.scope, REFERENTIE_SCOPE));
    return { scope: scope!, seqs: log.map((r) => r.seq), rijenInScope };
  };

  it('numbers every line once, in order, and keeps the checksum of the rows', async () => {
    const ids = Array.from({ length: AANTAL }, () => randomUUID());
    await zaaiReferentie(
      omgeving.store,
      'gemeenten',
      ids.map((id, i) => ({
        id,
        code: `GM${i}`,
        naam: `Gemeente ${i}`,
        inwoners: i,
        jeugdigen: i,
      })),
    );
    const { scope, seqs, rijenInScope } = await stand();
    expect(seqs).toEqual(Array.from({ length: AANTAL }, (_, i) => i + 1));
    expect(scope.seq).toBe(AANTAL);
    expect(scope.aantal).toBe(rijenInScope.length);
    expect(scope.hash).toBe(xorAlle(rijenInScope.map((r) => r.hash)));
    const bonnen = await omgeving.store.db
      .select({ seq: ontvangen.seq })
      .from(ontvangen)
      .where(eq(ontvangen.scope, REFERENTIE_SCOPE));
    expect(bonnen.map((b) => b.seq).sort((a, b) => a - b)).toEqual(seqs);

    // Lines without receipts (as a verhuizing or the retention writes them) fit more per
    // statement; two pieces of one scope must still not share one.
    await omgeving.store.db.transaction(async (tx) => {
      const schrijver = new RegisterWriter(tx);
      for (const r of rijenInScope) {
        schrijver.logRegel(REFERENTIE_SCOPE, r.tabel, r.rijId, null);
        schrijver.rekenOm(REFERENTIE_SCOPE, r.hash, null);
      }
      await schrijver.schrijf();
    });
    const daarna = await stand();
    const n = AANTAL + rijenInScope.length;
    expect(daarna.seqs).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    expect(daarna.scope).toMatchObject({ seq: n, aantal: 0, hash: '0000000000000000' });
  });
});
