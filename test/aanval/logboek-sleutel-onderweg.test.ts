/**
 * No malice: a line is written while a sign-in or refresh that brings a new forward-secure key
 * is on its way. The laptop sent `logstand` with `positie` P (no key yet, so no proof); while
 * the request is out, the professional opens a dossier and line P is written (without a
 * `ratel_mac`: there is no key). The answer then brings the key "for position P" and
 * `bewaarRatel` stores it as is. Line P+1 gets the MAC of position P+1, but line P has none,
 * and the service, whose chain starts at P, refuses line P (`400 logregel-mac`) at every upload
 * for ever: no refresh or sign-in repairs it, since the laptop now proves its key. The local
 * `controleer()` also reports the honest line P as "regel zonder MAC (niet door Eenplan
 * geschreven)".
 *
 * Realistic path: a laptop updated from an earlier version (no key yet) gets its first key at
 * its next token refresh, which runs in the background sync while the user works.
 *
 * What a correct system does: `bewaarRatel` takes the key for P and, when lines from P on already
 * exist, either MACs them at once (they were written by Eenplan in this very session, before
 * anything else could touch the store) and moves the key on, or stores the key from the next
 * free position and tells the service where its chain starts (so the lines between go in
 * marked unchecked). Either way the log goes on and the local check stays intact.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Toegangslog } from '../../core/audit/toegangslog';
import { SyncEngine } from '../../core/sync/engine';
import type { Transport } from '../../core/sync/transport';
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
  type Omgeving,
} from '../helpers/dienst-omgeving';
import { injectTransport } from '../helpers/laptop';

const instelling = (sqlite: Sqlite, sleutel: string) =>
  (
    sqlite.prepare('SELECT waarde FROM instellingen WHERE sleutel = ?').get(sleutel) as
      { waarde: string } | undefined
  )?.waarde;

describe('no malice: a line written while the answer bringing a new key is on its way', () => {
  let o: Omgeving;
  let team: string;
  beforeAll(async () => {
    o = await maakOmgeving('pglite');
    team = await maakTeam(o.store, 'Jeugdteam Onderweg');
  }, 120_000);
  afterAll(() => o?.sluit());

  it('a laptop updated from an earlier version: its first refresh brings a key while a dossier is opened, and the log goes on', async () => {
    const pro = await maakAccount(o.store, 'jeugdprofessional', team);
    const store = openDatabase({ path: ':memory:', key: randomBytes(32) });
    const log = new Toegangslog(store.sqlite, 'lokaal01', () => new Date().toISOString());
    const kijk = () =>
      log.schrijf(pro.id, [{ actie: 'inzien', gezinId: randomUUID(), onderdeel: 'gezin.dossier' }]);
    const echt = injectTransport(o);
    const clock = new HlcClock(randomUUID().slice(0, 8));
    const deps = { db: store.db, sqlite: store.sqlite, clock, now: () => new Date() };
    try {
      // The earlier version: signs in without saying anything of its log (no key for it).
      const oud: Transport = (v) =>
        v.pad === '/auth/aanmelden'
          ? echt({ ...v, body: { ...(v.body as object), logstand: undefined } })
          : echt(v);
      const eerst = new SyncEngine(deps, () => oud);
      await eerst.verbind('http://centraal.test', pro.email, WACHTWOORD, 'Laptop');
      kijk();
      kijk();
      await eerst.synchroniseer();
      expect(instelling(store.sqlite, 'toegangslog-ratel')).toBeUndefined();

      // Updated and restarted: the first sync refreshes its token (with logstand), and while that
      // request is out the professional opens a dossier.
      let eenKeer = true;
      const nieuw: Transport = async (v) => {
        if (v.pad === '/auth/vernieuwen' && eenKeer) {
          eenKeer = false;
          kijk();
        }
        return echt(v);
      };
      const engine = new SyncEngine(deps, () => nieuw);
      await engine.synchroniseer().catch(() => undefined);
      expect(instelling(store.sqlite, 'toegangslog-ratel')).toBeDefined();

      // Work goes on; the laptop syncs a few more times.
      kijk();
      const fouten: string[] = [];
      for (let i = 0; i < 3; i++)
        await engine.synchroniseer().catch((e: Error) => fouten.push(e.message));

      const apparaatId = instelling(store.sqlite, 'sync.apparaat')!;
      const bij = await o.store.db
        .select({ seq: toegangslog.seq })
        .from(toegangslog)
        .where(eq(toegangslog.apparaatId, apparaatId))
        .orderBy(toegangslog.seq);
      // A correct system: every honest line reaches the service, no refusal, and the local
      // check is intact.
      expect({
        fouten,
        seqs: bij.map((r) => r.seq),
        lokaal: log.controleer(),
      }).toEqual({
        fouten: [],
        seqs: [1, 2, 3, 4],
        lokaal: expect.objectContaining({ intact: true }),
      });
    } finally {
      store.close();
    }
  });
});

/**
 * The same stuck log, then the laptop is handed in ("vervangen") or reported lost ("verloren"):
 * `naIntrekking` treats the refused lines as "would never go" and wipes the profile. The honest
 * lines 3 and 4 (a dossier looked at) are then gone from the laptop and were never at the
 * service; no note, no gap (`toegangslogGaten` only knows proofs from refresh or a stored upload,
 * and a refused upload's transaction drops the proof with the lines).
 *
 * What a correct system does: "a revocation never costs a NEN 7513 line" (protocol.ts). The
 * service keeps what it refuses as well, marked (or at least notes seq, reason and the laptop's
 * stand outside the rolled-back transaction), and the laptop does not wipe lines it could not
 * hand in without that being recorded centrally.
 */
describe('no malice: the stuck log and a revocation', () => {
  let o: Omgeving;
  let team: string;
  let beheerToken: string;
  beforeAll(async () => {
    o = await maakOmgeving('pglite');
    team = await maakTeam(o.store, 'Jeugdteam Intrekking');
    const beheer = await maakAccount(o.store, 'beheerder', null);
    beheerToken = (
      await o.app.inject({
        method: 'POST',
        url: '/auth/aanmelden',
        payload: { email: beheer.email, wachtwoord: WACHTWOORD, apparaat: { naam: 'Beheer' } },
      })
    ).json().toegangstoken;
  }, 120_000);
  afterAll(() => o?.sluit());

  it('lines refused and then wiped with the laptop leave a note at the service', async () => {
    const pro = await maakAccount(o.store, 'jeugdprofessional', team);
    const store = openDatabase({ path: ':memory:', key: randomBytes(32) });
    const log = new Toegangslog(store.sqlite, 'lokaal01', () => new Date().toISOString());
    const kijk = () =>
      log.schrijf(pro.id, [{ actie: 'inzien', gezinId: randomUUID(), onderdeel: 'gezin.dossier' }]);
    const echt = injectTransport(o);
    const deps = {
      db: store.db,
      sqlite: store.sqlite,
      clock: new HlcClock(randomUUID().slice(0, 8)),
      now: () => new Date(),
    };
    try {
      const oud: Transport = (v) =>
        v.pad === '/auth/aanmelden'
          ? echt({ ...v, body: { ...(v.body as object), logstand: undefined } })
          : echt(v);
      const eerst = new SyncEngine(deps, () => oud);
      await eerst.verbind('http://centraal.test', pro.email, WACHTWOORD, 'Laptop');
      kijk();
      kijk();
      await eerst.synchroniseer();
      let eenKeer = true;
      const nieuw: Transport = async (v) => {
        if (v.pad === '/auth/vernieuwen' && eenKeer) {
          eenKeer = false;
          kijk();
        }
        return echt(v);
      };
      const engine = new SyncEngine(deps, () => nieuw);
      await engine.synchroniseer().catch(() => undefined);
      kijk();
      await engine.synchroniseer().catch(() => undefined);
      const apparaatId = instelling(store.sqlite, 'sync.apparaat')!;

      const res = await o.app.inject({
        method: 'POST',
        url: `/beheer/apparaten/${apparaatId}/intrekken`,
        headers: { authorization: `Bearer ${beheerToken}` },
        payload: { soort: 'verloren' },
      });
      expect(res.statusCode).toBe(200);
      await engine.synchroniseer().catch(() => undefined);
      // The laptop was wiped.
      expect(
        (store.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n,
      ).toBe(0);

      const bij = await o.store.db
        .select({ seq: toegangslog.seq })
        .from(toegangslog)
        .where(eq(toegangslog.apparaatId, apparaatId))
        .orderBy(toegangslog.seq);
      const gaten = (await toegangslogGaten(o.store.db)).filter((g) => g.apparaatId === apparaatId);
      const meldingen = await logMeldingen(o.store.db, apparaatId);
      // A correct system: lines 3 and 4 are at the service, or at the very least something there
      // says lines were lost.
      expect(bij.map((r) => r.seq).includes(4) || gaten.length > 0 || meldingen.length > 0).toBe(
        true,
      );
    } finally {
      store.close();
    }
  });
});

/**
 * The same race on a laptop that *has* a key: the professional signs in again ("Verbinden")
 * while the background sync runs. The sign-in's `logstand` proves position P; before it reaches
 * the service the sync uploads line P, so the service's chain is at P+1 and the proof for P no
 * longer "holds" (`standHoudt` only walks forward). The service silently issues a new key for
 * P+1. If a line P+1 is written (under the laptop's own chain) before that answer is stored,
 * `bewaarRatel` replaces the key under it: the service refuses line P+1 for ever as "de MAC
 * klopt niet: de regel is na het schrijven gewijzigd of niet door Eenplan geschreven".
 *
 * What a correct system does: a proof for a position the device's chain already passed is still
 * a proof (the service keeps the key it issued and walks from there; it is the trusted side and
 * needs no forward security itself), so no key is issued; and `bewaarRatel` never replaces a key
 * under lines already written with it.
 */
describe('no malice: signing in again while the background sync runs', () => {
  let o: Omgeving;
  let team: string;
  beforeAll(async () => {
    o = await maakOmgeving('pglite');
    team = await maakTeam(o.store, 'Jeugdteam Tegelijk');
  }, 120_000);
  afterAll(() => o?.sluit());

  it('an honest line written during a sign-in that crosses a sync is not refused', async () => {
    const pro = await maakAccount(o.store, 'jeugdprofessional', team);
    const store = openDatabase({ path: ':memory:', key: randomBytes(32) });
    const log = new Toegangslog(store.sqlite, 'lokaal01', () => new Date().toISOString());
    const kijk = () =>
      log.schrijf(pro.id, [{ actie: 'inzien', gezinId: randomUUID(), onderdeel: 'gezin.dossier' }]);
    const echt = injectTransport(o);
    let houdAan: Promise<void> | undefined;
    let naAntwoord: (() => void) | undefined;
    const transport: Transport = async (v) => {
      if (v.pad === '/auth/aanmelden' && houdAan) {
        await houdAan;
        const antwoord = await echt(v);
        naAntwoord?.();
        return antwoord;
      }
      return echt(v);
    };
    const deps = {
      db: store.db,
      sqlite: store.sqlite,
      clock: new HlcClock(randomUUID().slice(0, 8)),
      now: () => new Date(),
    };
    try {
      const engine = new SyncEngine(deps, () => transport);
      await engine.verbind('http://centraal.test', pro.email, WACHTWOORD, 'Laptop');
      kijk();
      kijk();
      await engine.synchroniseer();
      expect(instelling(store.sqlite, 'toegangslog-ratel')).toBeDefined();

      // Sign in again; its request is slow on the way.
      let laatGaan!: () => void;
      houdAan = new Promise((r) => (laatGaan = r));
      naAntwoord = () => kijk(); // a dossier opened just as the answer comes in
      const aanmelding = engine.verbind('http://centraal.test', pro.email, WACHTWOORD, 'Laptop');
      // Meanwhile: a dossier is opened and the background sync sends the line.
      kijk();
      await engine.synchroniseer();
      laatGaan();
      await aanmelding;
      houdAan = undefined;

      kijk();
      const fouten: string[] = [];
      for (let i = 0; i < 3; i++)
        await engine.synchroniseer().catch((e: Error) => fouten.push(e.message));
      const apparaatId = instelling(store.sqlite, 'sync.apparaat')!;
      const bij = await o.store.db
        .select({ seq: toegangslog.seq })
        .from(toegangslog)
        .where(eq(toegangslog.apparaatId, apparaatId))
        .orderBy(toegangslog.seq);
      expect({ fouten, seqs: bij.map((r) => r.seq) }).toEqual({
        fouten: [],
        seqs: [1, 2, 3, 4, 5],
      });
    } finally {
      store.close();
    }
  });
});
