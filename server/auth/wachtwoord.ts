/** Passwords hashed with scrypt (node:crypto), compared in constant time. */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCb(password, salt, keylen, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );

/** OWASP's scrypt minimum (N=2^17, r=8, p=1) costs 128 MB; 2^15 keeps sign-in fast on 2 cores. */
const N = 2 ** 15;
const R = 8;
const P = 1;
const MAXMEM = 64 * 1024 * 1024;

export async function hashWachtwoord(wachtwoord: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(wachtwoord, salt, 32, { N, r: R, p: P, maxmem: MAXMEM });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function controleerWachtwoord(
  wachtwoord: string,
  opgeslagen: string,
): Promise<boolean> {
  const [soort, n, r, p, salt, hash] = opgeslagen.split('$');
  if (soort !== 'scrypt' || !salt || !hash) return false;
  const verwacht = Buffer.from(hash, 'base64');
  const key = await scrypt(wachtwoord, Buffer.from(salt, 'base64'), verwacht.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAXMEM,
  });
  return timingSafeEqual(key, verwacht);
}

/** A hash to compare against when the account does not exist, so timing reveals nothing. */
export const NEP_HASH = `scrypt$${N}$${R}$${P}$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(32).toString('base64')}`;
