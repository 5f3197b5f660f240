/**
 * Crafted `logstand` values from a signed-in professional (own tokens, the service's API).
 *
 * 1. `LogStand.positie` has no upper bound (`z.number().int().min(1)`), but
 *    `toegangslog_ratels.positie` / `bewezen_tot` are `integer` (int4). A sign-in (or refresh)
 *    with `positie` 2^31 makes `ratelVoor` insert a value out of range: `500 interne-fout`
 *    instead of a `400` refusal. (2^31-1 is accepted and sets the device's key there: visible as
 *    a gap of two billion lines and a `sleutel-vervangen` note, so no hiding, but noise.)
 * 2. A proof claimed `MAX_RATELSTAPPEN` (200 000) positions ahead makes the service walk 200 000
 *    HMACs synchronously on the event loop before it can say the proof is wrong (`standHoudt`),
 *    per request, at sign-in, refresh and every upload (`{ regels: [], stand }` is enough). Any
 *    professional stalls the whole service with a few requests a second.
 *
 * What a correct system does: bound `positie` in the schema (e.g. `.max(2 ** 31 - 1)`, or
 * bigint columns), and bound the walk by what is plausible for the device (e.g. only as far as
 * the lines it could have written since its last contact, a few thousand), or cache the chain.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncEngine } from '../../core/sync/engine';
import { openDatabase } from '../../db/connection';
import type { Sqlite } from '../../db/connection';
import { HlcClock } from '../../shared/hlc';
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

describe('crafted logstand', () => {
  let o: Omgeving;
  let team: string;
  beforeAll(async () => {
    o = await maakOmgeving('pglite');
    team = await maakTeam(o.store, 'Jeugdteam Invoer');
  }, 120_000);
  afterAll(() => o?.sluit());

  async function apparaat() {
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
    await engine.verbind('http://centraal.test', pro.email, WACHTWOORD, 'Laptop');
    const apparaatId = instelling(store.sqlite, 'sync.apparaat')!;
    store.close();
    return { pro, apparaatId };
  }

  it('a positie beyond int4 at sign-in: a 400, not an internal error', async () => {
    const { pro, apparaatId } = await apparaat();
    const res = await o.app.inject({
      method: 'POST',
      url: '/auth/aanmelden',
      payload: {
        email: pro.email,
        wachtwoord: WACHTWOORD,
        apparaat: { naam: 'Laptop', id: apparaatId },
        logstand: { positie: 2 ** 31 },
      },
    });
    expect(res.statusCode).toBe(400);
  });

  it('a proof claimed 200 000 positions ahead is refused without 200 000 HMACs on the event loop', async () => {
    const { pro, apparaatId } = await apparaat();
    const { toegangstoken } = (
      await o.app.inject({
        method: 'POST',
        url: '/auth/aanmelden',
        payload: {
          email: pro.email,
          wachtwoord: WACHTWOORD,
          apparaat: { naam: 'Laptop', id: apparaatId },
        },
      })
    ).json() as { toegangstoken: string };
    const stuur = (positie: number) =>
      o.app.inject({
        method: 'POST',
        url: '/sync/toegangslog',
        headers: { authorization: `Bearer ${toegangstoken}` },
        payload: { regels: [], stand: { positie, bewijs: 'b'.repeat(64) } },
      });
    await stuur(2); // warm up
    const t0 = performance.now();
    await stuur(2);
    const gewoon = performance.now() - t0;
    const t1 = performance.now();
    const res = await stuur(1 + 200_000);
    const ver = performance.now() - t1;
    expect(res.statusCode).toBe(200);
    // A correct system answers a far-fetched claim about as fast as a near one.
    expect(ver).toBeLessThan(Math.max(10 * gewoon, 200));
  });
});
