/**
 * The access log's forward-secure chain of keys (a ratchet), shared by the laptop and the service.
 *
 * A key kept beside the log protects nothing against whoever opens the store: they read it and
 * recompute every MAC. So the service issues a key for one position (the seq of the next line),
 * the laptop MACs that line with it and replaces it at once by the next key, derived one way from
 * it. What the store holds is only the key for lines not written yet: a line already written
 * cannot be given a new MAC, and lines cut off the end leave the key further on than the log.
 * The service holds the same chain from the position it issued and checks each line as it comes
 * in; a laptop proves how far its key has gone (`standBewijs`) at every contact.
 *
 * The HMAC is passed in: the service walks up to `MAX_RATELSTAPPEN` keys per request, for which
 * Node's native HMAC is several times faster than the plain-TypeScript one that is the default.
 */
import { hex, hmacSha256, naarBase64url, vanBase64url } from '../crypto/hash';

/** A key as it travels and is kept: 32 bytes, base64url. */
export const RATELSLEUTEL_VORM = /^[A-Za-z0-9_-]{43}$/;

/**
 * At most this many steps are taken to reach a claimed position: a hundred days offline at two
 * hundred dossier looks a day. A claim further on proves nothing, and costs the service at most
 * some 100 ms of hashing.
 */
export const MAX_RATELSTAPPEN = 20_000;

export type HmacSha256 = (sleutel: Uint8Array, tekst: string) => Uint8Array;

export interface Ratel {
  /** The key for the next position: one way, so the key before it cannot be found back. */
  volgendeRatelsleutel(sleutel: Uint8Array): Uint8Array;
  /** The key `stappen` positions further on, or null if that is more than `MAX_RATELSTAPPEN`. */
  ratelVooruit(sleutel: Uint8Array, stappen: number): Uint8Array | null;
  /** A line's MAC under the key of its own position (hex). */
  ratelMac(sleutel: Uint8Array, hash: string): string;
  /** Proof that the key for `positie` is held: nothing else has it once the lines before it exist. */
  standBewijs(sleutel: Uint8Array, positie: number): string;
}

export function maakRatel(hmac: HmacSha256 = hmacSha256): Ratel {
  const volgendeRatelsleutel = (sleutel: Uint8Array) =>
    hmac(sleutel, 'eenplan-toegangslog-volgende-sleutel');
  return {
    volgendeRatelsleutel,
    ratelVooruit(sleutel, stappen) {
      if (!Number.isInteger(stappen) || stappen < 0 || stappen > MAX_RATELSTAPPEN) return null;
      let k = sleutel;
      for (let i = 0; i < stappen; i++) k = volgendeRatelsleutel(k);
      return k;
    },
    ratelMac: (sleutel, hash) => hex(hmac(sleutel, `regel:${hash}`)),
    standBewijs: (sleutel, positie) => hex(hmac(sleutel, `stand:${positie}`)),
  };
}

export const ratelBytes = (sleutel: string) => vanBase64url(sleutel);
export const ratelTekst = (sleutel: Uint8Array) => naarBase64url(sleutel);
