/**
 * Short-lived access tokens (HMAC-SHA256 over a small JSON payload, 15 minutes) and long-lived
 * refresh tokens (stored only as a hash, used once, in families: server/README.md "Tokens").
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Rol } from '../../shared/domain';

export const TOEGANG_SECONDEN = 15 * 60;
export const VERNIEUW_DAGEN = 30;
/**
 * A refresh token is used once. Presented again within this many seconds of its answer, while
 * that answer's token is unused, it gets the same answer (the first may have been lost on the
 * way, or two requests of one laptop crossed); later it gets a new successor and the first one
 * becomes void (server/README.md "Tokens").
 */
export const HERGEBRUIK_SECONDEN = 60;

export interface ToegangsClaims {
  sub: string;
  apparaat: string;
  rol: Rol;
  team: string | null;
  /** Expiry, seconds since the epoch. */
  exp: number;
  /**
   * A revoked device's token: good only for handing in its access log (NEN 7513), so that a
   * revocation never costs a line; every other route refuses it.
   */
  alleenLog?: true;
}

const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64url');

export function maakToegangstoken(claims: ToegangsClaims, geheim: Buffer): string {
  const payload = b64(JSON.stringify(claims));
  return `${payload}.${b64(createHmac('sha256', geheim).update(payload).digest())}`;
}

/** The claims of a valid, unexpired token; null for anything else. */
export function leesToegangstoken(
  token: string,
  geheim: Buffer,
  nuSeconden: number,
): ToegangsClaims | null {
  const [payload, handtekening, ...rest] = token.split('.');
  if (!payload || !handtekening || rest.length) return null;
  const verwacht = createHmac('sha256', geheim).update(payload).digest();
  const gegeven = Buffer.from(handtekening, 'base64url');
  if (gegeven.length !== verwacht.length || !timingSafeEqual(gegeven, verwacht)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as ToegangsClaims;
    return typeof claims.exp === 'number' && claims.exp > nuSeconden ? claims : null;
  } catch {
    return null;
  }
}

export function nieuwVernieuwtoken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

/**
 * The `nummer`th successor of a refresh token: derived from the token and the service's key, so
 * the same question gets the same answer again without the service keeping any token in the
 * clear; unpredictable without both.
 */
export function opvolgerVan(token: string, geheim: Buffer, nummer: number): string {
  return createHmac('sha256', geheim).update(`vernieuw|${nummer}|${token}`).digest('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
