/**
 * The access log (NEN 7513): one line per look at, change to, export or print of a dossier,
 * and per reading of the log itself. Lines are only ever appended; each line's hash covers its
 * content and the previous line's hash, and the newest hash is kept apart, so a removed, altered
 * or reordered line breaks the chain and is found by `controleer`.
 *
 * That chain alone does not hold against the laptop's own user: whoever has the passphrase can
 * rewrite lines and recompute every hash. So `controleer` also holds the log against what is kept
 * beyond the laptop's reach (README "What is logged"):
 * - the lines the central service already has, up to its anchor (seq and hash of the last line
 *   of this device's chain it holds, kept from its answers): the local line at that seq must
 *   still have that hash, and must still be there;
 * - the lines not sent yet, each with `mac = HMAC-SHA256(log key, hash)` under the key the
 *   service issued to this device at sign-in (kept in the encrypted store) and re-checked by the
 *   service when they arrive; the newest hash (the head) carries a MAC too, so cutting lines off
 *   the end is found. A line written before the profile had a key has no MAC: it is reported as
 *   not protected, not as damaged, until the anchor covers it.
 * That key is in the store too, so against someone who also uses it only the service holds: each
 * line also carries `ratel_mac`, under a forward-secure key the service issued for its position
 * and that the laptop replaces as soon as the line is written (shared/audit/ratel.ts). Here only
 * its presence and position can be checked (the keys for written lines are gone); the service
 * checks the MACs, and `logStand` proves to it how far the log has come.
 */
import { createHmac, randomUUID } from 'node:crypto';
import type { Sqlite } from '../../db/connection';
import type { LogRatel, LogStand } from '../../shared/sync/protocol';
import { BEGIN_HASH, macGelijk, regelHash, type GehashteRegel } from '../../shared/audit/keten';
import { maakRatel, RATELSLEUTEL_VORM, ratelBytes, ratelTekst } from '../../shared/audit/ratel';
import type { KetenStatus } from '../../shared/api';
import type { LogregelInvoer } from '../context';

const { ratelMac, ratelVooruit, standBewijs, volgendeRatelsleutel } = maakRatel((sleutel, tekst) =>
  createHmac('sha256', sleutel).update(tekst).digest(),
);
const KOP_SLEUTEL = 'toegangslog-kop';
/**
 * In `instellingen`: the anchor the central service last gave (`{ seq, hash }` of the last line of
 * this laptop's chain it holds), kept by the sync engine to check this log against.
 */
export const ANKER_SLEUTEL = 'toegangslog-anker';
/**
 * In `instellingen`: the device's log key from the central service (`sleutel`, 32 bytes
 * base64url) and `vanaf`, the first seq written with it: every line from there on has a MAC.
 */
export const LOGSLEUTEL_SLEUTEL = 'toegangslog-sleutel';
/**
 * In `instellingen`: the forward-secure key for `positie` (the seq of the next line to carry a
 * MAC under it), and `vanaf`, the position the service issued it for.
 */
export const RATEL_SLEUTEL = 'toegangslog-ratel';
/** A log key as the service gives it: 32 bytes, base64url. */
export const LOGSLEUTEL_VORM = /^[A-Za-z0-9_-]{43}$/;

interface Kop {
  seq: number;
  hash: string;
  /** `kopMac` of seq and hash, once the profile has a log key. */
  mac?: string;
}

interface Logsleutel {
  sleutel: string;
  vanaf: number;
}

interface RatelStand {
  sleutel: string;
  positie: number;
  vanaf: number;
}

interface Regel extends GehashteRegel {
  hash: string;
  mac: string | null;
  ratelMac: string | null;
}

/** A line's MAC: HMAC-SHA256 of its hash under the device's log key (hex). */
export function regelMac(sleutel: Buffer, hash: string): string {
  return createHmac('sha256', sleutel).update(hash).digest('hex');
}

/** The head's MAC: its seq and hash, marked so no line's MAC can stand in for it. */
function kopMac(sleutel: Buffer, kop: { seq: number; hash: string }): string {
  return createHmac('sha256', sleutel).update(`kop:${kop.seq}:${kop.hash}`).digest('hex');
}

export const logsleutelBytes = (sleutel: string) => Buffer.from(sleutel, 'base64url');

function leesInstelling<T>(sqlite: Sqlite, sleutel: string): T | null {
  const rij = sqlite
    .prepare<[string], { waarde: string }>('SELECT waarde FROM instellingen WHERE sleutel = ?')
    .get(sleutel);
  return rij ? (JSON.parse(rij.waarde) as T) : null;
}

function zetInstelling(sqlite: Sqlite, sleutel: string, waarde: unknown): void {
  sqlite
    .prepare(
      'INSERT INTO instellingen (sleutel, waarde) VALUES (?, ?) ON CONFLICT (sleutel) DO UPDATE SET waarde = excluded.waarde',
    )
    .run(sleutel, JSON.stringify(waarde));
}

/**
 * Keeps the log key the central service gave with a token. The first one: lines from the next
 * seq on get a MAC, and the head gets one now. The same again: nothing. Another one (the device
 * was registered anew): the lines and head whose MAC held under the old key get one under the
 * new key, and a MAC that did not hold stays as it was, so damage stays visible.
 */
export function bewaarLogsleutel(sqlite: Sqlite, sleutel: string): void {
  if (!LOGSLEUTEL_VORM.test(sleutel)) return;
  sqlite.transaction(() => {
    const oud = leesInstelling<Logsleutel>(sqlite, LOGSLEUTEL_SLEUTEL);
    if (oud?.sleutel === sleutel) return;
    const nieuw = logsleutelBytes(sleutel);
    const kop = leesInstelling<Kop>(sqlite, KOP_SLEUTEL);
    if (!oud) {
      const laatste =
        sqlite.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM audit_log').get()
          ?.seq ?? 0;
      zetInstelling(sqlite, LOGSLEUTEL_SLEUTEL, { sleutel, vanaf: laatste + 1 });
      // Without a head but with lines the chain is already reported damaged; left so.
      const basis = kop ?? (laatste === 0 ? { seq: 0, hash: BEGIN_HASH } : null);
      if (basis)
        zetInstelling(sqlite, KOP_SLEUTEL, {
          seq: basis.seq,
          hash: basis.hash,
          mac: kopMac(nieuw, basis),
        });
      return;
    }
    const vorige = logsleutelBytes(oud.sleutel);
    const herzet = sqlite.prepare('UPDATE audit_log SET mac = ? WHERE seq = ?');
    for (const r of sqlite
      .prepare<[number], { seq: number; hash: string; mac: string }>(
        'SELECT seq, hash, mac FROM audit_log WHERE seq >= ? AND mac IS NOT NULL',
      )
      .all(oud.vanaf))
      if (macGelijk(r.mac, regelMac(vorige, r.hash))) herzet.run(regelMac(nieuw, r.hash), r.seq);
    if (kop?.mac && macGelijk(kop.mac, kopMac(vorige, kop)))
      zetInstelling(sqlite, KOP_SLEUTEL, { seq: kop.seq, hash: kop.hash, mac: kopMac(nieuw, kop) });
    zetInstelling(sqlite, LOGSLEUTEL_SLEUTEL, { sleutel, vanaf: oud.vanaf });
  })();
}

/**
 * Keeps a forward-secure log key the service issued: lines from its position on get a MAC under
 * it. It replaces any key held before (the service issues one only when none was proved). Lines
 * already written from that position on (a dossier opened while the answer was on its way) get
 * their MAC now, so the key moves on past them and they do not stop the log.
 */
export function bewaarRatel(sqlite: Sqlite, ratel: LogRatel): void {
  if (!RATELSLEUTEL_VORM.test(ratel.sleutel)) return;
  sqlite.transaction(() => {
    let sleutel: Uint8Array = ratelBytes(ratel.sleutel);
    let positie = ratel.positie;
    const zet = sqlite.prepare('UPDATE audit_log SET ratel_mac = ? WHERE seq = ?');
    for (const r of sqlite
      .prepare<[number], { seq: number; hash: string }>(
        'SELECT seq, hash FROM audit_log WHERE seq >= ? ORDER BY seq',
      )
      .all(positie)) {
      const k = ratelVooruit(sleutel, r.seq - positie);
      if (!k) break;
      zet.run(ratelMac(k, r.hash), r.seq);
      sleutel = volgendeRatelsleutel(k);
      positie = r.seq + 1;
    }
    zetInstelling(sqlite, RATEL_SLEUTEL, {
      sleutel: ratelTekst(sleutel),
      positie,
      vanaf: ratel.positie,
    } satisfies RatelStand);
  })();
}

/** How far this log has come, with proof of the key for that position once it has one. */
export function logStand(sqlite: Sqlite): LogStand {
  const ratel = leesInstelling<RatelStand>(sqlite, RATEL_SLEUTEL);
  if (ratel && RATELSLEUTEL_VORM.test(ratel.sleutel))
    return {
      positie: ratel.positie,
      bewijs: standBewijs(ratelBytes(ratel.sleutel), ratel.positie),
    };
  const laatste =
    sqlite.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM audit_log').get()
      ?.seq ?? 0;
  return { positie: laatste + 1 };
}

export class Toegangslog {
  private readonly laatste;
  private readonly invoegen;
  private readonly kopLezen;
  private readonly kopZetten;
  private readonly regelsLezen;

  constructor(
    private readonly sqlite: Sqlite,
    private readonly apparaat: string,
    private readonly now: () => string,
  ) {
    this.laatste = sqlite.prepare<[], { seq: number; hash: string }>(
      'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
    );
    this.invoegen = sqlite.prepare(
      `INSERT INTO audit_log (seq, id, at, user_id, namens_id, actie, gezin_id, onderdeel, reden, apparaat, prev_hash, hash, mac, ratel_mac)
       VALUES (@seq, @id, @at, @userId, @namensId, @actie, @gezinId, @onderdeel, @reden, @apparaat, @prevHash, @hash, @mac, @ratelMac)`,
    );
    this.kopLezen = sqlite.prepare<[string], { waarde: string }>(
      'SELECT waarde FROM instellingen WHERE sleutel = ?',
    );
    this.kopZetten = sqlite.prepare(
      'INSERT INTO instellingen (sleutel, waarde) VALUES (?, ?) ON CONFLICT (sleutel) DO UPDATE SET waarde = excluded.waarde',
    );
    this.regelsLezen = sqlite.prepare<[], Regel>(
      `SELECT seq, id, at, user_id AS userId, namens_id AS namensId, actie, gezin_id AS gezinId,
              onderdeel, reden, apparaat, prev_hash AS prevHash, hash, mac, ratel_mac AS ratelMac
         FROM audit_log ORDER BY seq`,
    );
  }

  private lees<T>(sleutel: string): T | null {
    const rij = this.kopLezen.get(sleutel);
    return rij ? (JSON.parse(rij.waarde) as T) : null;
  }

  /** The device's log key, once the central service gave one. */
  private logsleutel(): (Logsleutel & { bytes: Buffer }) | null {
    const sleutel = this.lees<Logsleutel>(LOGSLEUTEL_SLEUTEL);
    return sleutel ? { ...sleutel, bytes: logsleutelBytes(sleutel.sleutel) } : null;
  }

  /** Appends lines for one user; runs inside the caller's transaction. */
  schrijf(userId: string, regels: readonly LogregelInvoer[]): void {
    if (regels.length === 0) return;
    const vorige = this.laatste.get();
    let seq = vorige?.seq ?? 0;
    let prevHash = vorige?.hash ?? BEGIN_HASH;
    const at = this.now();
    const sleutel = this.logsleutel()?.bytes;
    const ratel = this.lees<RatelStand>(RATEL_SLEUTEL);
    let ratelSleutel: Uint8Array | null = ratel ? ratelBytes(ratel.sleutel) : null;
    let ratelPositie = ratel?.positie ?? 0;
    for (const invoer of regels) {
      seq += 1;
      const regel: Omit<Regel, 'hash' | 'mac' | 'ratelMac'> = {
        seq,
        id: randomUUID(),
        at,
        userId,
        namensId: invoer.namensId ?? null,
        actie: invoer.actie,
        gezinId: invoer.gezinId,
        onderdeel: invoer.onderdeel,
        reden: invoer.reden ?? null,
        apparaat: this.apparaat,
        prevHash,
      };
      prevHash = regelHash(regel);
      // The key of this line's position MACs it and is replaced by the next one at once.
      let regelRatelMac: string | null = null;
      const k = ratelSleutel && ratelVooruit(ratelSleutel, seq - ratelPositie);
      if (k) {
        regelRatelMac = ratelMac(k, prevHash);
        ratelSleutel = volgendeRatelsleutel(k);
        ratelPositie = seq + 1;
      }
      this.invoegen.run({
        ...regel,
        hash: prevHash,
        mac: sleutel ? regelMac(sleutel, prevHash) : null,
        ratelMac: regelRatelMac,
      });
    }
    const kop: Kop = { seq, hash: prevHash };
    if (sleutel) kop.mac = kopMac(sleutel, kop);
    this.kopZetten.run(KOP_SLEUTEL, JSON.stringify(kop));
    if (ratel && ratelSleutel && ratelPositie !== ratel.positie)
      this.kopZetten.run(
        RATEL_SLEUTEL,
        JSON.stringify({
          sleutel: ratelTekst(ratelSleutel),
          positie: ratelPositie,
          vanaf: ratel.vanaf,
        } satisfies RatelStand),
      );
  }

  /**
   * Walks the whole chain: the first line that does not fit (`soort` `keten`: the chain itself;
   * `anker`: no longer what the central service received; `mac`: a line not yet sent, or the
   * head, without its MAC), or intact with the line count, how many of them the service's anchor
   * covers and how many neither it nor a MAC protects.
   */
  controleer(): KetenStatus {
    try {
      return this.controleerKeten();
    } catch (error) {
      // Damage that makes the log unreadable (a mangled head, anchor or key) is itself reported.
      return {
        intact: false,
        regels: 0,
        seq: 0,
        soort: 'keten',
        reden: `het logboek is onleesbaar (${(error as Error).message.slice(0, 120)})`,
      };
    }
  }

  private controleerKeten(): KetenStatus {
    const kop = this.lees<Kop>(KOP_SLEUTEL);
    const anker = this.lees<{ seq: number; hash: string }>(ANKER_SLEUTEL);
    const ankerSeq = anker?.seq ?? 0;
    const sleutel = this.logsleutel();
    const ratel = this.lees<RatelStand>(RATEL_SLEUTEL);
    let vorige = { seq: 0, hash: BEGIN_HASH };
    let regels = 0;
    let onbeschermd = 0;
    const fout = (soort: 'keten' | 'anker' | 'mac', seq: number, reden: string): KetenStatus => ({
      intact: false,
      regels,
      seq,
      reden,
      soort,
    });
    for (const r of this.regelsLezen.iterate()) {
      if (r.seq !== vorige.seq + 1) return fout('keten', vorige.seq + 1, 'regel ontbreekt');
      if (r.prevHash !== vorige.hash) return fout('keten', r.seq, 'keten verbroken');
      const { hash, mac, ratelMac: regelRatelMac, ...rest } = r;
      if (regelHash(rest) !== hash) return fout('keten', r.seq, 'regel gewijzigd');
      // Lines the service has: the whole chain up to its anchor must still end in its hash.
      if (r.seq === ankerSeq && hash !== anker!.hash)
        return fout(
          'anker',
          r.seq,
          `de regels tot en met ${ankerSeq} wijken af van wat de centrale dienst ontving`,
        );
      if (r.seq > ankerSeq) {
        // The forward-secure MAC only the service can check; here, that it is there.
        if (ratel && r.seq >= ratel.vanaf && r.seq < ratel.positie && !regelRatelMac)
          return fout('mac', r.seq, 'regel zonder MAC (niet door Eenplan geschreven)');
        if (sleutel && r.seq >= sleutel.vanaf) {
          if (!mac) return fout('mac', r.seq, 'regel zonder MAC (niet door Eenplan geschreven)');
          if (!macGelijk(mac, regelMac(sleutel.bytes, hash)))
            return fout('mac', r.seq, 'MAC klopt niet (regel buiten Eenplan gewijzigd)');
        } else onbeschermd += 1;
      }
      vorige = { seq: r.seq, hash };
      regels += 1;
    }
    if (vorige.seq < ankerSeq)
      return fout(
        'anker',
        vorige.seq + 1,
        `regels ontbreken die de centrale dienst al ontving (tot en met regel ${ankerSeq})`,
      );
    if (kop && (kop.seq !== vorige.seq || kop.hash !== vorige.hash))
      return fout('keten', vorige.seq + 1, 'laatste regels ontbreken');
    if (!kop && regels > 0) return fout('keten', 1, 'kop van de keten ontbreekt');
    // Lines cut off the end, the head set to the new last line: its MAC no longer holds.
    if (sleutel && (!kop?.mac || !macGelijk(kop.mac, kopMac(sleutel.bytes, kop))))
      return fout(
        'mac',
        vorige.seq + 1,
        'laatste regels ontbreken (MAC van de kop van de keten klopt niet)',
      );
    // The forward-secure key moves on with each line and cannot go back: lines cut off the end
    // leave it further on than the log.
    if (ratel && ratel.positie > Math.max(vorige.seq + 1, ratel.vanaf))
      return fout(
        'mac',
        vorige.seq + 1,
        `laatste regels ontbreken (de sleutel van het logboek staat op regel ${ratel.positie})`,
      );
    return { intact: true, regels, verankerd: Math.min(ankerSeq, regels), onbeschermd };
  }
}
