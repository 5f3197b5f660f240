/**
 * Attack: the lines written since the last contact are deleted whole, the forward-secure key is
 * thrown away, and the laptop signs in again. README "The remaining window", point 1, says this
 * is "not unseen": the service "notes the replacement (`toegangslog_meldingen`,
 * `sleutel-vervangen`)". But `ratelVoor` only notes it when the new key's position is beyond the
 * old key's position (`positie > oud.positie`). When *every* line since the last contact is
 * removed, the laptop's position is back at the old one, so the new key is issued at exactly
 * the old position and nothing is noted; `toegangslogGaten` shows nothing either (the key was
 * never proved beyond what the service holds) and the local `controleer()` says intact.
 *
 * What a correct system does: a key that the laptop has held and used (the service checked
 * lines under it, or accepted a proof under it) is never replaced silently; a replacement
 * without proof is noted (`sleutel-vervangen`) whatever the position, because the service cannot
 * tell whether lines were written and removed. Only a key that was issued and never once proved
 * (a lost sign-in answer) may be replaced without a note.
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Toegangslog } from '../../core/audit/toegangslog';
import { BEGIN_HASH, regelHash } from '../../shared/audit/keten';
import { SyncEngine } from '../../core/sync/engine';
import { openDatabase } from '../../db/connection';
import type { Sqlite } from '../../db/connection';
import { HlcClock } from '../../shared/hlc';
import { toegangslog } from '../../server/db/schema';
import { logMeldingen, toegangslogGaten } from '../../server/sync/toegangslog';
import {
  maakAccount,
  maakOmgeving,
  maakTeam,
  WACHTWOORD,
  type Account,
  type Omgeving,
} from '../helpers/dienst-omgeving';
import { injectTransport } from '../helpers/laptop';

const instelling = (sqlite: Sqlite, sleutel: string) =>
  (
    sqlite.prepare('SELECT waarde FROM instellingen WHERE sleutel = ?').get(sleutel) as
      { waarde: string } | undefined
  )?.waarde;

/** Everything the passphrase gives: recompute the chain, the head and its MAC with the store's key. */
function herbereken(sqlite: Sqlite): void {
  const rijen = sqlite
    .prepare(
      `SELECT seq, id, at, user_id AS userId, namens_id AS namensId, actie, gezin_id AS gezinId,
              onderdeel, reden, apparaat, prev_hash AS prevHash, hash
         FROM audit_log ORDER BY seq`,
    )
    .all() as { seq: number; hash: string; prevHash: string }[];
  let prevHash = BEGIN_HASH;
  let kop = { seq: 0, hash: BEGIN_HASH };
  for (const r of rijen) {
    const { hash: _h, ...rest } = r;
    const hash = regelHash({ ...(rest as Parameters<typeof regelHash>[0]), prevHash });
    sqlite
      .prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?')
      .run(prevHash, hash, r.seq);
    prevHash = hash;
    kop = { seq: r.seq, hash };
  }
  const { sleutel } = JSON.parse(instelling(sqlite, 'toegangslog-sleutel')!) as { sleutel: string };
  const mac = createHmac('sha256', Buffer.from(sleutel, 'base64url'))
    .update(`kop:${kop.seq}:${kop.hash}`)
    .digest('hex');
  sqlite
    .prepare("UPDATE instellingen SET waarde = ? WHERE sleutel = 'toegangslog-kop'")
    .run(JSON.stringify({ ...kop, mac }));
}

describe('attack: offline lines removed whole, key thrown away, signed in again', () => {
  let o: Omgeving;
  let team: string;
  beforeAll(async () => {
    o = await maakOmgeving('pglite');
    team = await maakTeam(o.store, 'Jeugdteam Aanval');
  }, 120_000);
  afterAll(() => o?.sluit());

  async function laptop(pro: Account) {
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
    const kijk = (gezinId: string) =>
      log.schrijf(pro.id, [{ actie: 'inzien', gezinId, onderdeel: 'gezin.dossier' }]);
    await engine.verbind('http://centraal.test', pro.email, WACHTWOORD, 'Laptop');
    return { store, engine, log, kijk, apparaatId: instelling(store.sqlite, 'sync.apparaat')! };
  }

  it('a dossier look written offline and removed with the key leaves a note', async () => {
    const pro = await maakAccount(o.store, 'jeugdprofessional', team);
    const l = await laptop(pro);
    try {
      l.kijk(randomUUID());
      l.kijk(randomUUID());
      await l.engine.synchroniseer();
      // Offline: the professional looks at a family's dossier they had no business with.
      const geheim = 'gezin-dat-niemand-mag-weten';
      l.kijk(geheim);
      expect(l.log.controleer()).toMatchObject({ intact: true, regels: 3 });

      // With the passphrase, outside Eenplan: the line, the forward-secure key and its MAC gone,
      // the chain and head recomputed with the key the store holds.
      l.store.sqlite.prepare('DELETE FROM audit_log WHERE seq = 3').run();
      l.store.sqlite.prepare("DELETE FROM instellingen WHERE sleutel = 'toegangslog-ratel'").run();
      herbereken(l.store.sqlite);
      // Sign in again (own password): the laptop asks for, and gets, a new key.
      await l.engine.verbind('http://centraal.test', pro.email, WACHTWOORD, 'Laptop');
      l.kijk(randomUUID());
      await l.engine.synchroniseer();

      const bij = await o.store.db
        .select()
        .from(toegangslog)
        .where(eq(toegangslog.apparaatId, l.apparaatId))
        .orderBy(toegangslog.seq);
      // The service never saw the look at the dossier...
      expect(bij.map((r) => r.gezinId)).not.toContain(geheim);
      // ...and every line it has is fully checked, so the seq-3 line there is the replacement.
      expect(bij.every((r) => r.ratelGecontroleerd)).toBe(true);
      const gaten = (await toegangslogGaten(o.store.db)).filter(
        (g) => g.apparaatId === l.apparaatId,
      );
      const meldingen = await logMeldingen(o.store.db, l.apparaatId);
      const lokaal = l.log.controleer();

      // A correct system leaves a trace somewhere: the key that had been proved and used was
      // replaced without proof, so at least a `sleutel-vervangen` note must exist.
      expect({ gaten, meldingen, lokaalIntact: lokaal.intact }).not.toEqual({
        gaten: [],
        meldingen: [],
        lokaalIntact: true,
      });
    } finally {
      l.store.close();
    }
  });

  it('a crafted sign-in with an old or made-up proof gets a fresh key, noted', async () => {
    const pro = await maakAccount(o.store, 'jeugdprofessional', team);
    const l = await laptop(pro);
    try {
      l.kijk(randomUUID());
      await l.engine.synchroniseer();
      const apparaatId = l.apparaatId;
      // Straight to the API: sign in on the own device with a proof that proves nothing.
      const res = await o.app.inject({
        method: 'POST',
        url: '/auth/aanmelden',
        payload: {
          email: pro.email,
          wachtwoord: WACHTWOORD,
          apparaat: { naam: 'Laptop', id: apparaatId },
          logstand: { positie: 2, bewijs: '0'.repeat(64) },
        },
      });
      expect(res.statusCode).toBe(200);
      // A new key was handed out for a device whose key had been used...
      expect(res.json().logratel).toMatchObject({ positie: 2 });
      // ...and a correct system notes that it replaced a key that had been in use.
      expect(await logMeldingen(o.store.db, apparaatId)).not.toEqual([]);
    } finally {
      l.store.close();
    }
  });

  /**
   * The same without any key replacement on the device: the laptop forgets its device id
   * (`sync.apparaat`) and signs in as a new device. The old device's chain ends where the service
   * has it (no gap: the offline line was never proved); the new device's chain "may start at any
   * seq" (server/sync/toegangslog.ts), so it continues from the local log without the removed
   * line. Even a fix that notes every replacement of a used key on one device misses this.
   *
   * What a correct system does: a new device whose first line does not start at seq 1 continues
   * a chain from somewhere; the service asks for (or the laptop sends) the anchor of the device it
   * continues, and notes a chain taken over from a device whose last proved position it does not
   * reach; at the least the beheerder gets a note "new device for the same profile".
   */
  it('a laptop registering as a new device to continue its log without the line is noted', async () => {
    const pro = await maakAccount(o.store, 'jeugdprofessional', team);
    const l = await laptop(pro);
    try {
      l.kijk(randomUUID());
      l.kijk(randomUUID());
      await l.engine.synchroniseer();
      const geheim = 'nog-een-gezin';
      l.kijk(geheim);
      l.store.sqlite.prepare('DELETE FROM audit_log WHERE seq = 3').run();
      l.store.sqlite
        .prepare("DELETE FROM instellingen WHERE sleutel IN ('toegangslog-ratel', 'sync.apparaat')")
        .run();
      herbereken(l.store.sqlite);
      await l.engine.verbind('http://centraal.test', pro.email, WACHTWOORD, 'Laptop');
      const nieuw = instelling(l.store.sqlite, 'sync.apparaat')!;
      expect(nieuw).not.toBe(l.apparaatId);
      l.kijk(randomUUID());
      await l.engine.synchroniseer();
      const alles = await o.store.db.select().from(toegangslog);
      expect(alles.map((r) => r.gezinId)).not.toContain(geheim);
      const gaten = (await toegangslogGaten(o.store.db)).filter(
        (g) => g.apparaatId === l.apparaatId || g.apparaatId === nieuw,
      );
      const meldingen = [
        ...(await logMeldingen(o.store.db, l.apparaatId)),
        ...(await logMeldingen(o.store.db, nieuw)),
      ];
      expect({ gaten, meldingen, lokaalIntact: l.log.controleer().intact }).not.toEqual({
        gaten: [],
        meldingen: [],
        lokaalIntact: true,
      });
    } finally {
      l.store.close();
    }
  });
});
