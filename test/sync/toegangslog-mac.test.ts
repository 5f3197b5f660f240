/**
 * Issue 23, item 3: the laptop's access log holds against its own user. With the passphrase
 * (here: plain SQL on the open store) a professional rewrites or deletes lines and recomputes the
 * whole SHA-256 chain and its head; `controleer()` still finds it: lines the central service
 * already has against the service's anchor, lines not yet sent by their MAC under the log key
 * the service gave the device at sign-in. The service re-checks the MAC of every line it gets
 * and refuses a wrong or dropped one, storing nothing of the batch. On PGlite and on the real
 * PostgreSQL at 127.0.0.1:5432 (without it this fails, it never skips).
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Toegangslog } from '../../core/audit/toegangslog';
import { BEGIN_HASH, regelHash } from '../../shared/audit/keten';
import { maakRatel, ratelBytes } from '../../shared/audit/ratel';
import { SyncEngine } from '../../core/sync/engine';
import { openDatabase, type OpenDatabase } from '../../db/connection';
import type { Sqlite } from '../../db/connection';
import { HlcClock } from '../../shared/hlc';
import type { LogRatel, LogregelWire, LogStand } from '../../shared/sync/protocol';
import { toegangslog } from '../../server/db/schema';
import { GeenVerbinding } from '../../core/sync/transport';
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

const { ratelMac, standBewijs, volgendeRatelsleutel } = maakRatel();

interface Rij {
  seq: number;
  id: string;
  at: string;
  userId: string;
  namensId: string | null;
  actie: string;
  gezinId: string | null;
  onderdeel: string;
  reden: string | null;
  apparaat: string;
  prevHash: string;
  hash: string;
}

const rijen = (sqlite: Sqlite) =>
  sqlite
    .prepare(
      `SELECT seq, id, at, user_id AS userId, namens_id AS namensId, actie, gezin_id AS gezinId,
              onderdeel, reden, apparaat, prev_hash AS prevHash, hash
         FROM audit_log ORDER BY seq`,
    )
    .all() as Rij[];

const instelling = (sqlite: Sqlite, sleutel: string) =>
  (
    sqlite.prepare('SELECT waarde FROM instellingen WHERE sleutel = ?').get(sleutel) as
      { waarde: string } | undefined
  )?.waarde;

/**
 * What someone with the passphrase does after editing lines: every line's previous hash and hash
 * recomputed in order, and the head set to the new last line, as the app itself writes it. The
 * MACs they leave as they are: they do not use the log key.
 */
function herbereken(sqlite: Sqlite): void {
  let prevHash = BEGIN_HASH;
  let laatste = { seq: 0, hash: BEGIN_HASH };
  const zet = sqlite.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?');
  for (const r of rijen(sqlite)) {
    const { hash: _oud, ...rest } = r;
    const hash = regelHash({ ...rest, prevHash });
    zet.run(prevHash, hash, r.seq);
    prevHash = hash;
    laatste = { seq: r.seq, hash };
  }
  sqlite
    .prepare("UPDATE instellingen SET waarde = ? WHERE sleutel = 'toegangslog-kop'")
    .run(JSON.stringify(laatste));
}

/** Runs `werk` on the store and undoes it afterwards; returns what `controleer` said. */
function sabotage(store: OpenDatabase, log: Toegangslog, werk: () => void) {
  store.sqlite.exec('SAVEPOINT sabotage');
  try {
    werk();
    return log.controleer();
  } finally {
    store.sqlite.exec('ROLLBACK TO sabotage');
    store.sqlite.exec('RELEASE sabotage');
  }
}

describe.each(['pglite', 'postgresql'] as const)(
  'the access log against its own user on %s',
  (soort) => {
    let o: Omgeving;
    let team: string;

    beforeAll(async () => {
      o = await maakOmgeving(soort);
      team = await maakTeam(o.store, 'Jeugdteam Papendrecht');
    }, 120_000);
    afterAll(() => o?.sluit());

    const vanApparaat = (apparaatId: string) =>
      o.store.db
        .select()
        .from(toegangslog)
        .where(eq(toegangslog.apparaatId, apparaatId))
        .orderBy(toegangslog.seq);

    /** A connected laptop with `voor` lines from before its first sign-in. */
    async function laptop(pro: Account, voor = 0) {
      const store = openDatabase({ path: ':memory:', key: randomBytes(32) });
      const clock = new HlcClock(randomUUID().slice(0, 8));
      const engine = new SyncEngine(
        { db: store.db, sqlite: store.sqlite, clock, now: () => new Date() },
        () => injectTransport(o),
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
      kijk('demo-profiel', voor);
      await engine.verbind('http://centraal.test', pro.email, WACHTWOORD, 'Laptop');
      const apparaatId = instelling(store.sqlite, 'sync.apparaat')!;
      return { store, engine, log, kijk, apparaatId };
    }

    it('finds a sent line rewritten, or the last ones deleted, with the chain recomputed: against the anchor', async () => {
      const pro = await maakAccount(o.store, 'jeugdprofessional', team);
      const collega = await maakAccount(o.store, 'jeugdprofessional', team);
      const l = await laptop(pro);
      try {
        l.kijk(pro.id, 4);
        await l.engine.synchroniseer();
        expect((await vanApparaat(l.apparaatId)).map((r) => r.seq)).toEqual([1, 2, 3, 4]);
        expect(l.log.controleer()).toEqual({
          intact: true,
          regels: 4,
          verankerd: 4,
          onbeschermd: 0,
        });

        // Who read a dossier, rewritten to a colleague; every hash and the head recomputed.
        const herschreven = sabotage(l.store, l.log, () => {
          l.store.sqlite.prepare('UPDATE audit_log SET user_id = ? WHERE seq = 2').run(collega.id);
          herbereken(l.store.sqlite);
        });
        expect(herschreven).toMatchObject({ intact: false, soort: 'anker', seq: 4 });
        expect(herschreven.intact === false && herschreven.reden).toMatch(/centrale dienst/);

        // The last two lines deleted, the head moved to the line before them.
        const weg = sabotage(l.store, l.log, () => {
          l.store.sqlite.prepare('DELETE FROM audit_log WHERE seq > 2').run();
          herbereken(l.store.sqlite);
        });
        expect(weg).toMatchObject({ intact: false, soort: 'anker', seq: 3 });
        expect(weg.intact === false && weg.reden).toMatch(/ontbreken/);

        // Every edit was on the laptop only: the service still has the lines as they were sent.
        expect((await vanApparaat(l.apparaatId)).map((r) => r.gebruikerId)).toEqual(
          Array(4).fill(pro.id),
        );
        expect(l.log.controleer()).toMatchObject({ intact: true, regels: 4 });
      } finally {
        l.store.close();
      }
    });

    it('finds an unsent line rewritten, or the last ones deleted, with the chain recomputed: by the MAC', async () => {
      const pro = await maakAccount(o.store, 'jeugdprofessional', team);
      const l = await laptop(pro);
      try {
        l.kijk(pro.id, 2);
        await l.engine.synchroniseer();
        // Offline, two more lines: not sent yet, each with a MAC.
        l.kijk(pro.id, 3);
        expect(l.log.controleer()).toEqual({
          intact: true,
          regels: 5,
          verankerd: 2,
          onbeschermd: 0,
        });

        const herschreven = sabotage(l.store, l.log, () => {
          l.store.sqlite
            .prepare("UPDATE audit_log SET gezin_id = 'een-ander-gezin' WHERE seq = 4")
            .run();
          herbereken(l.store.sqlite);
        });
        expect(herschreven).toMatchObject({ intact: false, soort: 'mac', seq: 4 });
        expect(herschreven.intact === false && herschreven.reden).toMatch(/MAC klopt niet/);

        // The MAC dropped too: a line written after the key came must have one.
        expect(
          sabotage(l.store, l.log, () => {
            l.store.sqlite.prepare("UPDATE audit_log SET reden = 'nodig' WHERE seq = 3").run();
            l.store.sqlite.prepare('UPDATE audit_log SET mac = NULL WHERE seq >= 3').run();
            herbereken(l.store.sqlite);
          }),
        ).toMatchObject({ intact: false, soort: 'mac', seq: 3 });

        // The last two lines deleted and the head set to the line before: the head's MAC fails.
        const weg = sabotage(l.store, l.log, () => {
          l.store.sqlite.prepare('DELETE FROM audit_log WHERE seq > 3').run();
          herbereken(l.store.sqlite);
        });
        expect(weg).toMatchObject({ intact: false, soort: 'mac', seq: 4 });
        expect(weg.intact === false && weg.reden).toMatch(/laatste regels ontbreken/);
        // ...also with the head's old MAC kept beside the new seq and hash.
        expect(
          sabotage(l.store, l.log, () => {
            const kop = JSON.parse(instelling(l.store.sqlite, 'toegangslog-kop')!) as object;
            l.store.sqlite.prepare('DELETE FROM audit_log WHERE seq > 3').run();
            herbereken(l.store.sqlite);
            const nieuw = JSON.parse(instelling(l.store.sqlite, 'toegangslog-kop')!) as object;
            l.store.sqlite
              .prepare("UPDATE instellingen SET waarde = ? WHERE sleutel = 'toegangslog-kop'")
              .run(JSON.stringify({ ...kop, ...nieuw }));
          }),
        ).toMatchObject({ intact: false, soort: 'mac' });
        expect(l.log.controleer().intact).toBe(true);
      } finally {
        l.store.close();
      }
    });

    it('refuses an unsent line whose MAC no longer holds when it is uploaded, and stores nothing of it', async () => {
      const pro = await maakAccount(o.store, 'jeugdprofessional', team);
      const l = await laptop(pro);
      try {
        l.kijk(pro.id, 2);
        await l.engine.synchroniseer();
        l.kijk(pro.id, 2);
        l.store.sqlite
          .prepare("UPDATE audit_log SET reden = 'Verzonnen reden' WHERE seq = 3")
          .run();
        herbereken(l.store.sqlite);
        expect(l.log.controleer()).toMatchObject({ intact: false, soort: 'mac', seq: 3 });

        await expect(l.engine.synchroniseer()).rejects.toMatchObject({
          soort: 'invalid-change',
          message: expect.stringMatching(/MAC klopt niet/),
        });
        expect((await vanApparaat(l.apparaatId)).map((r) => r.seq)).toEqual([1, 2]);
        expect(JSON.parse(instelling(l.store.sqlite, 'toegangslog-anker')!)).toMatchObject({
          seq: 2,
        });
      } finally {
        l.store.close();
      }
    });

    it('the remaining window: with the key read from the store and the anchor rewritten the local check passes, but the service refuses the next upload', async () => {
      const pro = await maakAccount(o.store, 'jeugdprofessional', team);
      const collega = await maakAccount(o.store, 'jeugdprofessional', team);
      const l = await laptop(pro);
      try {
        l.kijk(pro.id, 3);
        await l.engine.synchroniseer();
        // Anchor, key and head are all in the store the passphrase opens: rewritten with the lines
        // (the head's MAC made with the key, as the app would), the laptop alone cannot tell.
        l.store.sqlite.prepare('UPDATE audit_log SET user_id = ? WHERE seq = 1').run(collega.id);
        herbereken(l.store.sqlite);
        const laatste = rijen(l.store.sqlite).at(-1)!;
        const kop = { seq: laatste.seq, hash: laatste.hash };
        const { sleutel } = JSON.parse(instelling(l.store.sqlite, 'toegangslog-sleutel')!) as {
          sleutel: string;
        };
        const kopMac = createHmac('sha256', Buffer.from(sleutel, 'base64url'))
          .update(`kop:${kop.seq}:${kop.hash}`)
          .digest('hex');
        const zet = l.store.sqlite.prepare('UPDATE instellingen SET waarde = ? WHERE sleutel = ?');
        zet.run(JSON.stringify(kop), 'toegangslog-anker');
        zet.run(JSON.stringify({ ...kop, mac: kopMac }), 'toegangslog-kop');
        expect(l.log.controleer()).toMatchObject({ intact: true });
        // The service's copy and chain did not move: the next line does not continue them.
        l.kijk(pro.id, 1);
        await expect(l.engine.synchroniseer()).rejects.toMatchObject({
          message: expect.stringMatching(/keten is verbroken/),
        });
        expect((await vanApparaat(l.apparaatId)).map((r) => [r.seq, r.gebruikerId])).toEqual([
          [1, pro.id],
          [2, pro.id],
          [3, pro.id],
        ]);
      } finally {
        l.store.close();
      }
    });

    it('lines from before the first sign-in have no MAC: reported as not protected until the anchor covers them', async () => {
      const pro = await maakAccount(o.store, 'jeugdprofessional', team);
      const l = await laptop(pro, 2);
      try {
        expect(l.store.sqlite.prepare('SELECT mac FROM audit_log ORDER BY seq').all()).toEqual([
          { mac: null },
          { mac: null },
        ]);
        l.kijk(pro.id, 1);
        expect(l.log.controleer()).toEqual({
          intact: true,
          regels: 3,
          verankerd: 0,
          onbeschermd: 2,
        });
        await l.engine.synchroniseer();
        // The service has seq 3 only, but its hash chains over 1 and 2.
        expect((await vanApparaat(l.apparaatId)).map((r) => r.seq)).toEqual([3]);
        expect(l.log.controleer()).toEqual({
          intact: true,
          regels: 3,
          verankerd: 3,
          onbeschermd: 0,
        });
        expect(
          sabotage(l.store, l.log, () => {
            l.store.sqlite.prepare("UPDATE audit_log SET onderdeel = 'niets' WHERE seq = 1").run();
            herbereken(l.store.sqlite);
          }),
        ).toMatchObject({ intact: false, soort: 'anker' });
      } finally {
        l.store.close();
      }
    });

    /**
     * What someone with the passphrase does who also reads the keys in the store: every hash, the
     * head and its MAC, and every line's MACs recomputed with whatever key the store holds now,
     * as the app itself would write them (the forward-secure MACs only where `ratelOok`: lines
     * left as they were keep their own).
     */
    function vervalsAlles(sqlite: Sqlite, ratelOok = true): void {
      herbereken(sqlite);
      const lees = (k: string) =>
        JSON.parse(instelling(sqlite, k) ?? 'null') as Record<string, string> | null;
      const hmac = (sleutel: string, tekst: string) =>
        createHmac('sha256', Buffer.from(sleutel, 'base64url')).update(tekst).digest('hex');
      const statisch = lees('toegangslog-sleutel')?.sleutel;
      const ratel = ratelOok ? lees('toegangslog-ratel')?.sleutel : undefined;
      const zet = sqlite.prepare('UPDATE audit_log SET mac = ? WHERE seq = ?');
      const zetRatel = sqlite.prepare('UPDATE audit_log SET ratel_mac = ? WHERE seq = ?');
      for (const r of rijen(sqlite)) {
        if (statisch) zet.run(hmac(statisch, r.hash), r.seq);
        if (ratel) zetRatel.run(ratelMac(ratelBytes(ratel), r.hash), r.seq);
      }
      const kop = lees('toegangslog-kop') as unknown as { seq: number; hash: string };
      if (statisch)
        sqlite
          .prepare("UPDATE instellingen SET waarde = ? WHERE sleutel = 'toegangslog-kop'")
          .run(JSON.stringify({ ...kop, mac: hmac(statisch, `kop:${kop.seq}:${kop.hash}`) }));
    }

    describe('with every key the store holds (the forward-secure chain of keys)', () => {
      it('an unsent line rewritten and every MAC recomputed with the keys in the store: the service refuses it', async () => {
        const pro = await maakAccount(o.store, 'jeugdprofessional', team);
        const collega = await maakAccount(o.store, 'jeugdprofessional', team);
        const l = await laptop(pro);
        try {
          l.kijk(pro.id, 2);
          await l.engine.synchroniseer();
          l.kijk(pro.id, 3);
          // Which dossier was read, and on whose behalf, rewritten.
          l.store.sqlite
            .prepare(
              "UPDATE audit_log SET gezin_id = 'een-ander-gezin', namens_id = ? WHERE seq = 3",
            )
            .run(collega.id);
          vervalsAlles(l.store.sqlite);
          await expect(l.engine.synchroniseer()).rejects.toMatchObject({
            soort: 'invalid-change',
            message: expect.stringMatching(/MAC/),
          });
          expect((await vanApparaat(l.apparaatId)).map((r) => r.seq)).toEqual([1, 2]);
        } finally {
          l.store.close();
        }
      });

      it('the unsent last lines cut off and everything recomputed: the laptop and the service both know lines are missing', async () => {
        const pro = await maakAccount(o.store, 'jeugdprofessional', team);
        const l = await laptop(pro);
        try {
          l.kijk(pro.id, 2);
          await l.engine.synchroniseer();
          l.kijk(pro.id, 3);
          l.store.sqlite.prepare('DELETE FROM audit_log WHERE seq > 3').run();
          vervalsAlles(l.store.sqlite, false);
          expect(l.log.controleer()).toMatchObject({ intact: false, soort: 'mac', seq: 4 });
          // The upload says how far the laptop's key has gone: two lines it never sent.
          await l.engine.synchroniseer();
          expect(await toegangslogGaten(o.store.db)).toContainEqual({
            apparaatId: l.apparaatId,
            ontvangenTot: 3,
            bewezenTot: 5,
          });
          // A line written now takes the place of a cut one: refused, not slipped in.
          l.kijk(pro.id, 1);
          await expect(l.engine.synchroniseer()).rejects.toMatchObject({
            message: expect.stringMatching(/MAC/),
          });
          expect((await vanApparaat(l.apparaatId)).map((r) => r.seq)).toEqual([1, 2, 3]);
        } finally {
          l.store.close();
        }
      });

      it('the keys and MACs dropped and the laptop signed in again: a new key, and the service notes what it could not check', async () => {
        const pro = await maakAccount(o.store, 'jeugdprofessional', team);
        const l = await laptop(pro);
        try {
          l.kijk(pro.id, 2);
          await l.engine.synchroniseer();
          l.kijk(pro.id, 3);
          // The line of seq 4 should never have been: removed, the MACs and keys with it.
          l.store.sqlite.prepare('DELETE FROM audit_log WHERE seq = 5').run();
          l.store.sqlite.prepare("UPDATE audit_log SET gezin_id = 'x' WHERE seq = 4").run();
          l.store.sqlite.prepare('UPDATE audit_log SET mac = NULL, ratel_mac = NULL').run();
          l.store.sqlite
            .prepare(
              "DELETE FROM instellingen WHERE sleutel IN ('toegangslog-sleutel', 'toegangslog-ratel')",
            )
            .run();
          herbereken(l.store.sqlite);
          await l.engine.verbind('http://centraal.test', pro.email, WACHTWOORD, 'Laptop');
          await l.engine.synchroniseer();
          const bij = await vanApparaat(l.apparaatId);
          expect(bij.map((r) => [r.seq, r.ratelGecontroleerd])).toEqual([
            [1, true],
            [2, true],
            [3, false],
            [4, false],
          ]);
          // Lines 3 and 4 came after the key was thrown away: stored, marked unchecked, and the
          // replacement noted from the first line the service could no longer check.
          expect(await logMeldingen(o.store.db, l.apparaatId)).toEqual([
            expect.objectContaining({ soort: 'sleutel-vervangen', vanaf: 3 }),
          ]);
          // Nothing stops: the laptop's next lines go in under its new key.
          l.kijk(pro.id, 2);
          await l.engine.synchroniseer();
          expect((await vanApparaat(l.apparaatId)).map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6]);
        } finally {
          l.store.close();
        }
      });

      it('a sign-in answer lost on the way never blocks: the laptop signs in again and goes on', async () => {
        const pro = await maakAccount(o.store, 'jeugdprofessional', team);
        const l = await laptop(pro);
        try {
          l.kijk(pro.id, 2);
          await l.engine.synchroniseer();
          l.kijk(pro.id, 1);
          // The service handles the next sign-in, but its answer never reaches the laptop.
          let verliesAntwoord = true;
          const echt = injectTransport(o);
          const engine = new SyncEngine(
            {
              db: l.store.db,
              sqlite: l.store.sqlite,
              clock: new HlcClock(randomUUID().slice(0, 8)),
              now: () => new Date(),
            },
            () => async (verzoek) => {
              const antwoord = await echt(verzoek);
              if (verzoek.pad === '/auth/aanmelden' && verliesAntwoord) {
                verliesAntwoord = false;
                throw new GeenVerbinding();
              }
              return antwoord;
            },
          );
          await expect(
            engine.verbind('http://centraal.test', pro.email, WACHTWOORD, 'Laptop'),
          ).rejects.toMatchObject({ soort: 'offline' });
          l.kijk(pro.id, 1);
          await engine.verbind('http://centraal.test', pro.email, WACHTWOORD, 'Laptop');
          l.kijk(pro.id, 1);
          await engine.synchroniseer();
          expect(
            (await vanApparaat(l.apparaatId)).map((r) => [r.seq, r.ratelGecontroleerd]),
          ).toEqual([1, 2, 3, 4, 5].map((seq) => [seq, true]));
          expect(await toegangslogGaten(o.store.db)).not.toContainEqual(
            expect.objectContaining({ apparaatId: l.apparaatId }),
          );
          expect(await logMeldingen(o.store.db, l.apparaatId)).toEqual([]);
          expect(l.log.controleer()).toMatchObject({ intact: true, regels: 5 });
        } finally {
          l.store.close();
        }
      });
    });

    describe('the service side', () => {
      const aanmelden = async (a: Account, id?: string, logstand?: LogStand) => {
        const res = await o.app.inject({
          method: 'POST',
          url: '/auth/aanmelden',
          payload: {
            email: a.email,
            wachtwoord: WACHTWOORD,
            apparaat: { naam: 'Laptop', ...(id ? { id } : {}) },
            ...(logstand ? { logstand } : {}),
          },
        });
        expect(res.statusCode).toBe(200);
        return res.json() as {
          toegangstoken: string;
          vernieuwtoken: string;
          apparaatId: string;
          logsleutel: string;
          logratel?: LogRatel;
        };
      };
      const keten = (userId: string, vorige: { seq: number; hash: string } | null, n: number) => {
        const regels: LogregelWire[] = [];
        for (let i = 0; i < n; i++) {
          const voor = regels.at(-1) ?? vorige;
          const zonderHash = {
            id: randomUUID(),
            seq: (voor?.seq ?? 0) + 1,
            at: new Date().toISOString(),
            userId,
            namensId: null,
            actie: 'inzien' as const,
            gezinId: randomUUID(),
            onderdeel: 'gezin.dossier',
            reden: null,
            apparaat: 'lokaal01',
            prevHash: voor?.hash ?? BEGIN_HASH,
          };
          regels.push({ ...zonderHash, hash: regelHash(zonderHash) });
        }
        return regels;
      };
      const stuur = (token: string, regels: readonly LogregelWire[]) =>
        o.app.inject({
          method: 'POST',
          url: '/sync/toegangslog',
          headers: { authorization: `Bearer ${token}` },
          payload: { regels },
        });

      it('gives each device one key of its own, with every token', async () => {
        const pro = await maakAccount(o.store, 'jeugdprofessional', team);
        const eerste = await aanmelden(pro);
        expect(eerste.logsleutel).toMatch(/^[A-Za-z0-9_-]{43}$/);
        const weer = await aanmelden(pro, eerste.apparaatId);
        expect(weer.logsleutel).toBe(eerste.logsleutel);
        const vernieuwd = await o.app.inject({
          method: 'POST',
          url: '/auth/vernieuwen',
          payload: { vernieuwtoken: weer.vernieuwtoken },
        });
        expect(vernieuwd.statusCode).toBe(200);
        expect(vernieuwd.json().logsleutel).toBe(eerste.logsleutel);
        expect((await aanmelden(pro)).logsleutel).not.toBe(eerste.logsleutel);
      });

      const ratelSleutels = (sleutel: string, n: number) => {
        const sleutels: Uint8Array[] = [ratelBytes(sleutel)];
        while (sleutels.length < n) sleutels.push(volgendeRatelsleutel(sleutels.at(-1)!));
        return sleutels;
      };

      it('gives a forward-secure key only to a laptop that cannot prove it holds one', async () => {
        const pro = await maakAccount(o.store, 'jeugdprofessional', team);
        const eerste = await aanmelden(pro, undefined, { positie: 1 });
        expect(eerste.logratel).toEqual({
          sleutel: expect.stringMatching(/^[\w-]{43}$/),
          positie: 1,
        });
        const k1 = ratelBytes(eerste.logratel!.sleutel);
        // With proof of its key: none again, at sign-in or refresh.
        const bewijs = { positie: 1, bewijs: standBewijs(k1, 1) };
        const weer = await aanmelden(pro, eerste.apparaatId, bewijs);
        expect(weer.logratel).toBeUndefined();
        const vernieuwd = await o.app.inject({
          method: 'POST',
          url: '/auth/vernieuwen',
          payload: { vernieuwtoken: weer.vernieuwtoken, logstand: bewijs },
        });
        expect(vernieuwd.json().logratel).toBeUndefined();
        // A proof under another key, or for a position the key never reached, proves nothing.
        const ander = await aanmelden(pro, eerste.apparaatId, {
          positie: 1,
          bewijs: '0'.repeat(64),
        });
        expect(ander.logratel).toMatchObject({ positie: 1 });
        expect(ander.logratel!.sleutel).not.toBe(eerste.logratel!.sleutel);
        // A laptop of an earlier version says nothing of its log and gets no key.
        expect((await aanmelden(pro)).logratel).toBeUndefined();
      });

      it('refuses a line with a wrong MAC, and one without from the key’s position on; stores nothing of the batch', async () => {
        const pro = await maakAccount(o.store, 'jeugdprofessional', team);
        const { toegangstoken, apparaatId, logratel } = await aanmelden(pro, undefined, {
          positie: 1,
        });
        const ander = await aanmelden(pro, undefined, { positie: 1 });
        const k = ratelSleutels(logratel!.sleutel, 3);
        const [a, b, c] = keten(pro.id, null, 3).map((r, i) => ({
          ...r,
          ratelMac: ratelMac(k[i]!, r.hash),
        }));

        for (const [naam, regels] of [
          ['a MAC of another hash', [{ ...a!, ratelMac: ratelMac(k[0]!, b!.hash) }]],
          [
            'a MAC under another device’s key',
            [{ ...a!, ratelMac: ratelMac(ratelBytes(ander.logratel!.sleutel), a!.hash) }],
          ],
          ['a good line, then a wrong MAC', [a!, { ...b!, ratelMac: '0'.repeat(64) }]],
          [
            'a good line, then the key of its position used again',
            [a!, { ...b!, ratelMac: ratelMac(k[0]!, b!.hash) }],
          ],
        ] as const) {
          const res = await stuur(toegangstoken, regels);
          expect([naam, res.statusCode, res.json().code]).toEqual([naam, 400, 'logregel-mac']);
          expect(res.json().index).toBe(regels.length - 1);
          expect(await vanApparaat(apparaatId), naam).toEqual([]);
        }

        expect((await stuur(toegangstoken, [a!, b!])).json()).toMatchObject({ opgeslagen: 2 });
        const { ratelMac: _weg, ...zonder } = c!;
        const kaal = await stuur(toegangstoken, [zonder]);
        expect([kaal.statusCode, kaal.json().code]).toEqual([400, 'logregel-mac']);
        expect((await vanApparaat(apparaatId)).map((r) => r.seq)).toEqual([1, 2]);
        expect((await stuur(toegangstoken, [c!])).json()).toMatchObject({ opgeslagen: 1 });
        expect((await vanApparaat(apparaatId)).every((r) => r.ratelGecontroleerd)).toBe(true);
      });

      it('takes lines without MACs from a laptop of an earlier version, marked unchecked', async () => {
        const pro = await maakAccount(o.store, 'jeugdprofessional', team);
        const { toegangstoken, apparaatId } = await aanmelden(pro);
        const regels = keten(pro.id, null, 3);
        expect((await stuur(toegangstoken, regels)).json()).toMatchObject({ opgeslagen: 3 });
        expect((await vanApparaat(apparaatId)).map((r) => r.ratelGecontroleerd)).toEqual([
          false,
          false,
          false,
        ]);
      });
    });
  },
);
