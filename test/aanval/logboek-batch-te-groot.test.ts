/**
 * No malice: a laptop that wrote a few hundred access-log lines offline (a busy day, a trip)
 * can never send them. `pushToegangslog` sends batches of `MAX_LOGREGELS` (500) lines, but the
 * service's body limit (`MAX_BODY_BYTES`, 256 KiB) is reached well before that: each line with
 * its hash, previous hash, `mac` and `ratelMac` is ~600 bytes on the wire (and a `reden` may add
 * 500 characters). The service answers `413 Het verzoek is te groot.` (no `index`), so the engine
 * does not shrink the batch either; every later sync sends the same too-large batch again.
 * The log is stuck for good: nothing after the last contact ever reaches the service, the
 * laptop's `toegangslog-anker` stays behind, and a revocation then wipes the lines (they are
 * treated as "refused outright"; see logboek-sleutel-onderweg.test.ts).
 *
 * What a correct system does: the batch size fits the body limit (cap batches by bytes, or raise
 * the limit of `/sync/toegangslog` to cover `MAX_LOGREGELS` lines of maximum size), and a 413
 * makes the engine halve its batch instead of failing the same way for ever.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Toegangslog } from '../../core/audit/toegangslog';
import { SyncEngine } from '../../core/sync/engine';
import { openDatabase } from '../../db/connection';
import type { Sqlite } from '../../db/connection';
import { HlcClock } from '../../shared/hlc';
import { toegangslog } from '../../server/db/schema';
import {
  maakAccount,
  maakOmgeving,
  maakTeam,
  WACHTWOORD,
  type Omgeving,
} from '../helpers/dienst-omgeving';
import { injectTransport } from '../helpers/laptop';

const instelling = (sqlite: Sqlite, sleutel: string) =>
  (
    sqlite.prepare('SELECT waarde FROM instellingen WHERE sleutel = ?').get(sleutel) as
      { waarde: string } | undefined
  )?.waarde;

describe('no malice: a few hundred lines written offline', () => {
  let o: Omgeving;
  let team: string;
  beforeAll(async () => {
    o = await maakOmgeving('pglite');
    team = await maakTeam(o.store, 'Jeugdteam Druk');
  }, 120_000);
  afterAll(() => o?.sluit());

  it('450 dossier looks offline all reach the service', async () => {
    const pro = await maakAccount(o.store, 'jeugdprofessional', team);
    const store = openDatabase({ path: ':memory:', key: randomBytes(32) });
    const engine = new SyncEngine(
      {
        db: store.db,
        sqlite: store.sqlite,
        clock: new HlcClock(randomUUID().slice(0, 8)),
        now: () => new Date(),
      },
      () => injectTransport(o),
    );
    const log = new Toegangslog(store.sqlite, 'lokaal01', () => new Date().toISOString());
    try {
      await engine.verbind('http://centraal.test', pro.email, WACHTWOORD, 'Laptop');
      // Ordinary lines: a dossier part opened, no reason given.
      log.schrijf(
        pro.id,
        Array.from({ length: 450 }, () => ({
          actie: 'inzien' as const,
          gezinId: randomUUID(),
          onderdeel: 'gezin.dossier',
        })),
      );
      const fouten: string[] = [];
      for (let i = 0; i < 3; i++)
        await engine.synchroniseer().catch((e: Error) => fouten.push(e.message));
      const apparaatId = instelling(store.sqlite, 'sync.apparaat')!;
      const bij = await o.store.db
        .select({ seq: toegangslog.seq })
        .from(toegangslog)
        .where(eq(toegangslog.apparaatId, apparaatId));
      // A correct system: all 450 lines are at the service, no sync fails.
      expect({ fouten, aantal: bij.length }).toEqual({ fouten: [], aantal: 450 });
    } finally {
      store.close();
    }
  });
});
