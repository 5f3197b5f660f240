/**
 * Issue 22, item 3: the central access log (NEN 7513) is written in the caller's name only. The
 * service takes who and which device from the access token, keys each chain by the device id it
 * gave at sign-in, keeps each device's anchor (last seq and hash) and answers with it, and the
 * laptop stores that anchor. On PGlite and on the real PostgreSQL at 127.0.0.1:5432 (without it
 * this fails, it never skips).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Toegangslog } from '../../core/audit/toegangslog';
import { BEGIN_HASH, regelHash } from '../../shared/audit/keten';
import { SyncEngine } from '../../core/sync/engine';
import { openDatabase } from '../../db/connection';
import { HlcClock } from '../../shared/hlc';
import type { LogregelWire } from '../../shared/sync/protocol';
import { toegangslog } from '../../server/db/schema';
import {
  maakAccount,
  maakOmgeving,
  maakTeam,
  WACHTWOORD,
  type Account,
  type Omgeving,
} from '../helpers/dienst-omgeving';
import { injectTransport } from '../helpers/laptop';

interface Anker {
  seq: number;
  hash: string;
}

describe.each(['pglite', 'postgresql'] as const)('the central access log on %s', (soort) => {
  let o: Omgeving;
  let teamA: string;
  let teamB: string;

  beforeAll(async () => {
    o = await maakOmgeving(soort);
    teamA = await maakTeam(o.store, 'Jeugdteam Zwijndrecht');
    teamB = await maakTeam(o.store, 'Jeugdteam Sliedrecht');
  }, 120_000);
  afterAll(() => o?.sluit());

  /** Signs in on a new device, or again on a known one (`id`). */
  const aanmelden = async (a: Account, id?: string) => {
    const res = await o.app.inject({
      method: 'POST',
      url: '/auth/aanmelden',
      payload: {
        email: a.email,
        wachtwoord: WACHTWOORD,
        apparaat: { naam: 'Laptop', ...(id ? { id } : {}) },
      },
    });
    expect(res.statusCode).toBe(200);
    return res.json() as { toegangstoken: string; apparaatId: string };
  };
  /** A line continuing a chain (`vorige` null: the first line), with a correct hash. */
  const regel = (
    userId: string,
    vorige: Anker | null,
    label: string,
    extra: Partial<LogregelWire> = {},
  ): LogregelWire => {
    const zonderHash = {
      id: randomUUID(),
      seq: (vorige?.seq ?? 0) + 1,
      at: new Date().toISOString(),
      userId,
      namensId: null,
      actie: 'inzien' as const,
      gezinId: randomUUID(),
      onderdeel: 'gezin.dossier',
      reden: null,
      apparaat: label,
      prevHash: vorige?.hash ?? BEGIN_HASH,
      ...extra,
    };
    return { ...zonderHash, hash: regelHash(zonderHash) };
  };
  /** `n` lines continuing `vorige`. */
  const keten = (userId: string, vorige: Anker | null, label: string, n: number) => {
    const regels: LogregelWire[] = [];
    for (let i = 0; i < n; i++) regels.push(regel(userId, regels.at(-1) ?? vorige, label));
    return regels;
  };
  const stuur = (token: string, regels: readonly LogregelWire[]) =>
    o.app.inject({
      method: 'POST',
      url: '/sync/toegangslog',
      headers: { authorization: `Bearer ${token}` },
      payload: { regels },
    });
  const vanApparaat = (apparaatId: string) =>
    o.store.db
      .select()
      .from(toegangslog)
      .where(eq(toegangslog.apparaatId, apparaatId))
      .orderBy(toegangslog.seq);
  const metIds = (regels: readonly LogregelWire[]) =>
    o.store.db
      .select()
      .from(toegangslog)
      .where(
        inArray(
          toegangslog.id,
          regels.map((r) => r.id),
        ),
      );
  const aantal = async () =>
    Number(
      (
        (await o.store.db.execute(sql`SELECT count(*) AS n FROM toegangslog`)) as unknown as {
          rows: { n: number | string }[];
        }
      ).rows[0]!.n,
    );
  const label = () => randomBytes(4).toString('hex');

  it('refuses a line in another user’s name, with its whole batch, and stores nothing', async () => {
    const pro = await maakAccount(o.store, 'jeugdprofessional', teamA);
    const collegaB = await maakAccount(o.store, 'jeugdprofessional', teamB);
    const { toegangstoken } = await aanmelden(pro);
    const eigen = label();
    const voor = await aantal();

    // One account claims that a colleague of team B read a family.
    const vals = await stuur(toegangstoken, [regel(collegaB.id, null, eigen)]);
    expect([vals.statusCode, vals.json().code]).toEqual([403, 'geen-toegang']);
    expect(vals.json().message.length).toBeGreaterThan(10);
    // A good line does not carry a false one in.
    const [goed] = keten(pro.id, null, eigen, 1);
    const gemengd = await stuur(toegangstoken, [goed!, regel(collegaB.id, goed!, eigen)]);
    expect([gemengd.statusCode, gemengd.json().code]).toEqual([403, 'geen-toegang']);
    expect(gemengd.json().index).toBe(1);
    expect(await aantal()).toBe(voor);

    // The own line alone is taken: the refusals left the chain untouched.
    const alleen = await stuur(toegangstoken, [goed!]);
    expect(alleen.statusCode).toBe(200);
    expect(alleen.json().opgeslagen).toBe(1);
  });

  it('writes who and which device from the access token, keys the chain by that device and answers with its anchor', async () => {
    const pro = await maakAccount(o.store, 'jeugdprofessional', teamA);
    const { toegangstoken, apparaatId } = await aanmelden(pro);
    const regels = keten(pro.id, null, label(), 3);
    const res = await stuur(toegangstoken, regels);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      opgeslagen: 3,
      anker: { seq: 3, hash: regels[2]!.hash },
    });
    const opgeslagen = await vanApparaat(apparaatId);
    expect(opgeslagen.map((r) => [r.id, r.seq, r.gebruikerId, r.apparaatId])).toEqual(
      regels.map((r) => [r.id, r.seq, pro.id, apparaatId]),
    );
    // Sent again (an answer lost on the way): stored once, the same anchor.
    const weer = await stuur(toegangstoken, regels);
    expect(weer.json()).toEqual({ opgeslagen: 0, anker: { seq: 3, hash: regels[2]!.hash } });
    expect(await vanApparaat(apparaatId)).toHaveLength(3);
  });

  it('another laptop’s chain cannot be taken: its seq 1 under its label goes into the caller’s own chain, and its genuine lines are still accepted', async () => {
    const slachtoffer = await maakAccount(o.store, 'jeugdprofessional', teamB);
    const aanvaller = await maakAccount(o.store, 'jeugdprofessional', teamA);
    const laptopB = await aanmelden(slachtoffer);
    const laptopA = await aanmelden(aanvaller);
    const labelB = label();

    // The attacker takes seq 1 under the victim's label, and then under its device id.
    const onderLabel = regel(aanvaller.id, null, labelB);
    const onderId = regel(aanvaller.id, onderLabel, laptopB.apparaatId);
    const pogingen = [
      await stuur(laptopA.toegangstoken, [onderLabel]),
      await stuur(laptopA.toegangstoken, [onderId]),
    ];
    for (const poging of pogingen) expect(poging.statusCode).toBeLessThan(500);
    // Whatever was taken is the attacker's own: its user, its device.
    for (const r of await metIds([onderLabel, onderId]))
      expect([r.gebruikerId, r.apparaatId]).toEqual([aanvaller.id, laptopA.apparaatId]);

    // The victim's genuine first lines are accepted, and its chain holds only them.
    const echt = keten(slachtoffer.id, null, labelB, 2);
    const res = await stuur(laptopB.toegangstoken, echt);
    expect([res.statusCode, res.json()]).toEqual([
      200,
      { opgeslagen: 2, anker: { seq: 2, hash: echt[1]!.hash } },
    ]);
    expect(
      (await vanApparaat(laptopB.apparaatId)).map((r) => [r.id, r.gebruikerId, r.laptop]),
    ).toEqual(echt.map((r) => [r.id, slachtoffer.id, labelB]));

    // A genuine line of the victim sent again from the attacker's device is not the attacker's.
    const overgenomen = await stuur(laptopA.toegangstoken, [echt[0]!]);
    expect(overgenomen.statusCode).toBeGreaterThanOrEqual(400);
    expect((await metIds([echt[0]!]))[0]!.apparaatId).toBe(laptopB.apparaatId);
  });

  it("each device's chain continues its anchor: a gap, a broken link or another line at a taken place is refused", async () => {
    const pro = await maakAccount(o.store, 'jeugdprofessional', teamA);
    const { toegangstoken, apparaatId } = await aanmelden(pro);
    const eigen = label();
    const eerste = keten(pro.id, null, eigen, 2);
    expect((await stuur(toegangstoken, eerste)).statusCode).toBe(200);
    const anker = { seq: 2, hash: eerste[1]!.hash };
    const voor = await aantal();

    const gat = regel(pro.id, { seq: 3, hash: anker.hash }, eigen);
    const verbroken = regel(pro.id, { seq: 2, hash: 'f'.repeat(64) }, eigen);
    const bezet = regel(pro.id, eerste[0]!, eigen);
    for (const [naam, regels, status, code] of [
      ['a gap', [gat], 400, 'ongeldige-logregel'],
      ['a broken link', [verbroken], 400, 'ongeldige-logregel'],
      ['another line at a taken place', [bezet], 409, 'herhaalde-logregel'],
      ['the first line again', [regel(pro.id, null, eigen)], 409, 'herhaalde-logregel'],
    ] as const) {
      const res = await stuur(toegangstoken, regels);
      expect([naam, res.statusCode, res.json().code]).toEqual([naam, status, code]);
      expect(await aantal(), naam).toBe(voor);
    }

    // Signed in again on the same device: the same chain goes on.
    const weer = await aanmelden(pro, apparaatId);
    expect(weer.apparaatId).toBe(apparaatId);
    const verder = regel(pro.id, anker, eigen);
    expect((await stuur(weer.toegangstoken, [verder])).json()).toEqual({
      opgeslagen: 1,
      anker: { seq: 3, hash: verder.hash },
    });
    // A second device of the same account has a chain of its own, from its own first line.
    const tweede = await aanmelden(pro);
    const ander = keten(pro.id, null, eigen, 1);
    expect((await stuur(tweede.toegangstoken, ander)).json()).toEqual({
      opgeslagen: 1,
      anker: { seq: 1, hash: ander[0]!.hash },
    });
    expect((await vanApparaat(apparaatId)).map((r) => r.seq)).toEqual([1, 2, 3]);
    expect((await vanApparaat(tweede.apparaatId)).map((r) => r.id)).toEqual([ander[0]!.id]);
  });

  it('the laptop stores the anchor; lines from before its first sign-in stay in its own log', async () => {
    const pro = await maakAccount(o.store, 'jeugdprofessional', teamA);
    const store = openDatabase({ path: ':memory:', key: randomBytes(32) });
    const clock = new HlcClock(randomUUID().slice(0, 8));
    const engine = () =>
      new SyncEngine({ db: store.db, sqlite: store.sqlite, clock, now: () => new Date() }, () =>
        injectTransport(o),
      );
    const log = new Toegangslog(store.sqlite, 'lokaal01', () => new Date().toISOString());
    const kijk = (userId: string, n: number) =>
      log.schrijf(
        userId,
        Array.from({ length: n }, () => ({
          actie: 'inzien' as const,
          gezinId: randomUUID(),
          onderdeel: 'gezin.dossier',
        })),
      );
    const lokaal = () =>
      store.sqlite.prepare('SELECT seq, hash FROM audit_log ORDER BY seq').all() as Anker[];
    const anker = () =>
      (
        store.sqlite
          .prepare("SELECT waarde FROM instellingen WHERE sleutel = 'toegangslog-anker'")
          .get() as { waarde: string } | undefined
      )?.waarde;
    try {
      // Offline first use, under the laptop's own demo profiles.
      kijk('demo-profiel', 2);
      let e = engine();
      await e.verbind('http://centraal.test', pro.email, WACHTWOORD, 'Laptop');
      const apparaatId = (
        store.sqlite
          .prepare("SELECT waarde FROM instellingen WHERE sleutel = 'sync.apparaat'")
          .get() as {
          waarde: string;
        }
      ).waarde;
      kijk(pro.id, 2);
      await e.synchroniseer();
      expect(e.status().fout).toBeNull();
      expect((await vanApparaat(apparaatId)).map((r) => [r.seq, r.gebruikerId])).toEqual([
        [3, pro.id],
        [4, pro.id],
      ]);
      expect(JSON.parse(anker()!)).toEqual(lokaal()[3]);

      // Signed in again on the same laptop (a new engine, as after a restart): the chain goes on.
      e = engine();
      await e.verbind('http://centraal.test', pro.email, WACHTWOORD, 'Laptop');
      kijk(pro.id, 1);
      await e.synchroniseer();
      expect((await vanApparaat(apparaatId)).map((r) => r.seq)).toEqual([3, 4, 5]);
      expect(JSON.parse(anker()!)).toEqual(lokaal()[4]);
      // The two lines from before the sign-in are covered too: the anchor's hash chains over them.
      expect(log.controleer()).toEqual({ intact: true, regels: 5, verankerd: 5, onbeschermd: 0 });
    } finally {
      store.close();
    }
  });
});
