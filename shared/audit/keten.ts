/**
 * The access log's hash chain as laptop and service both compute it: each line's hash covers its
 * stored fields and the previous line's hash (core/audit/toegangslog.ts writes the chain, the
 * service checks it as lines arrive), so both must hash exactly the same bytes.
 */
import { gelijkInVasteTijd, hex, sha256 } from '../crypto/hash';

/** The previous hash of a chain's first line. */
export const BEGIN_HASH = '0'.repeat(64);

/** A line's fields that its hash covers. */
export interface GehashteRegel {
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
}

/** The hash of a line: every stored field but the hash and MACs, in a fixed order. */
export function regelHash(r: GehashteRegel): string {
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
  return hex(sha256(JSON.stringify(inhoud)));
}

/** Whether `mac` is `verwacht`, compared in constant time. */
export const macGelijk = (mac: string, verwacht: string): boolean =>
  gelijkInVasteTijd(mac, verwacht);
