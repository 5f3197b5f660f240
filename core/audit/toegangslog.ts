/**
 * The access log (NEN 7513): one line per look at, change to, export or print of a dossier,
 * and per reading of the log itself. Lines are only ever appended; each line's hash covers its
 * content and the previous line's hash, and the newest hash is kept apart, so a removed, altered
 * or reordered line breaks the chain and is found by `controleer`.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Sqlite } from '../../db/connection';
import type { AuditActie, KetenStatus } from '../../shared/api-toegangslog';

export const BEGIN_HASH = '0'.repeat(64);
const KOP_SLEUTEL = 'toegangslog-kop';
/**
 * In `instellingen`: the anchor the central service last gave (`{ seq, hash }` of the last line of
 * this laptop's chain it holds), kept by the sync engine to check this log against.
 */
export const ANKER_SLEUTEL = 'toegangslog-anker';

export interface LogregelInvoer {
  actie: AuditActie;
  gezinId: string | null;
  /** The part of the record: the API method that showed or changed it. */
  onderdeel: string;
  reden?: string | null;
  /** Whose behalf the user acted on, when not their own. */
  namensId?: string | null;
}

interface Regel {
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

/** The hash of a line: every stored field but the hash itself, in a fixed order. */
export function regelHash(r: Omit<Regel, 'hash'>): string {
  const inhoud = [
    r.seq,
    r.id,
    r.at,
    r.userId,
    r.namensId,
    r.actie,
    r.gezinId,
    r.onderdeel,
    r.reden,
    r.apparaat,
    r.prevHash,
  ];
  return createHash('sha256').update(JSON.stringify(inhoud)).digest('hex');
}

export class Toegangslog {
  private readonly laatste;
  private readonly invoegen;
  private readonly kopLezen;
  private readonly kopZetten;

  constructor(
    private readonly sqlite: Sqlite,
    private readonly apparaat: string,
    private readonly now: () => string,
  ) {
    this.laatste = sqlite.prepare<[], { seq: number; hash: string }>(
      'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
    );
    this.invoegen = sqlite.prepare(
      `INSERT INTO audit_log (seq, id, at, user_id, namens_id, actie, gezin_id, onderdeel, reden, apparaat, prev_hash, hash)
       VALUES (@seq, @id, @at, @userId, @namensId, @actie, @gezinId, @onderdeel, @reden, @apparaat, @prevHash, @hash)`,
    );
    this.kopLezen = sqlite.prepare<[string], { waarde: string }>(
      'SELECT waarde FROM instellingen WHERE sleutel = ?',
    );
    this.kopZetten = sqlite.prepare(
      'INSERT INTO instellingen (sleutel, waarde) VALUES (?, ?) ON CONFLICT (sleutel) DO UPDATE SET waarde = excluded.waarde',
    );
  }

  /** Appends lines for one user; runs inside the caller's transaction. */
  schrijf(userId: string, regels: readonly LogregelInvoer[]): void {
    if (regels.length === 0) return;
    const vorige = this.laatste.get();
    let seq = vorige?.seq ?? 0;
    let prevHash = vorige?.hash ?? BEGIN_HASH;
    const at = this.now();
    for (const invoer of regels) {
      seq += 1;
      const regel: Omit<Regel, 'hash'> = {
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
      this.invoegen.run({ ...regel, hash: prevHash });
    }
    this.kopZetten.run(KOP_SLEUTEL, JSON.stringify({ seq, hash: prevHash }));
  }

  /** Walks the whole chain: the first line that does not fit, or intact with the line count. */
  controleer(): KetenStatus {
    const kop = this.kopLezen.get(KOP_SLEUTEL);
    const verwacht = kop ? (JSON.parse(kop.waarde) as { seq: number; hash: string }) : null;
    let vorige = { seq: 0, hash: BEGIN_HASH };
    let regels = 0;
    const fout = (seq: number, reden: string): KetenStatus => ({
      intact: false,
      regels,
      seq,
      reden,
    });
    for (const r of this.sqlite
      .prepare<[], Regel>(
        `SELECT seq, id, at, user_id AS userId, namens_id AS namensId, actie, gezin_id AS gezinId,
                onderdeel, reden, apparaat, prev_hash AS prevHash, hash
           FROM audit_log ORDER BY seq`,
      )
      .iterate()) {
      if (r.seq !== vorige.seq + 1) return fout(vorige.seq + 1, 'regel ontbreekt');
      if (r.prevHash !== vorige.hash) return fout(r.seq, 'keten verbroken');
      const { hash, ...rest } = r;
      if (regelHash(rest) !== hash) return fout(r.seq, 'regel gewijzigd');
      vorige = { seq: r.seq, hash };
      regels += 1;
    }
    if (verwacht && (verwacht.seq !== vorige.seq || verwacht.hash !== vorige.hash))
      return fout(vorige.seq + 1, 'laatste regels ontbreken');
    if (!verwacht && regels > 0) return fout(1, 'kop van de keten ontbreekt');
    return { intact: true, regels };
  }
}
