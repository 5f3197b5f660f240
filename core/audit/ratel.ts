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
 */
import { createHmac } from 'node:crypto';

/** A key as it travels and is kept: 32 bytes, base64url. */
export const RATELSLEUTEL_VORM = /^[A-Za-z0-9_-]{43}$/;

/**
 * At most this many steps are taken to reach a claimed position: a hundred days offline at two
 * hundred dossier looks a day. A claim further on proves nothing, and costs the service at most
 * some 100 ms of hashing.
 */
export const MAX_RATELSTAPPEN = 20_000;

const hmac = (sleutel: Buffer, tekst: string) => createHmac('sha256', sleutel).update(tekst);

/** The key for the next position: one way, so the key before it cannot be found back. */
export function volgendeRatelsleutel(sleutel: Buffer): Buffer {
  return hmac(sleutel, 'eenplan-toegangslog-volgende-sleutel').digest();
}

/** The key `stappen` positions further on, or null if that is more than `MAX_RATELSTAPPEN`. */
export function ratelVooruit(sleutel: Buffer, stappen: number): Buffer | null {
  if (!Number.isInteger(stappen) || stappen < 0 || stappen > MAX_RATELSTAPPEN) return null;
  let k = sleutel;
  for (let i = 0; i < stappen; i++) k = volgendeRatelsleutel(k);
  return k;
}

/** A line's MAC under the key of its own position (hex). */
export function ratelMac(sleutel: Buffer, hash: string): string {
  return hmac(sleutel, `regel:${hash}`).digest('hex');
}

/** Proof that the key for `positie` is held: nothing else has it once the lines before it exist. */
export function standBewijs(sleutel: Buffer, positie: number): string {
  return hmac(sleutel, `stand:${positie}`).digest('hex');
}

export const ratelBytes = (sleutel: string) => Buffer.from(sleutel, 'base64url');
export const ratelTekst = (sleutel: Buffer) => sleutel.toString('base64url');
