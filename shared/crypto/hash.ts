/**
 * SHA-256, SHA-1 and HMAC-SHA256 in plain TypeScript, so that shared/ (read by the laptop, the
 * service and the renderer) needs no Node module for the hashes both sides must compute alike:
 * the row hashes of the sync checksum, the natural-key ids and the access log's chain and MACs.
 * Every value equals what node:crypto gives (shared/crypto/hash.test.ts holds them side by side).
 */

const utf8 = new TextEncoder();

/** Text as UTF-8 bytes; bytes as they are. */
export const bytesVan = (invoer: string | Uint8Array): Uint8Array =>
  typeof invoer === 'string' ? utf8.encode(invoer) : invoer;

export function hex(bytes: Uint8Array): string {
  let uit = '';
  for (const b of bytes) uit += (b < 16 ? '0' : '') + b.toString(16);
  return uit;
}

export function vanHex(tekst: string): Uint8Array {
  const uit = new Uint8Array(tekst.length >> 1);
  for (let i = 0; i < uit.length; i++) uit[i] = parseInt(tekst.slice(2 * i, 2 * i + 2), 16);
  return uit;
}

const samen = (...delen: Uint8Array[]): Uint8Array => {
  const uit = new Uint8Array(delen.reduce((n, d) => n + d.length, 0));
  let plek = 0;
  for (const d of delen) {
    uit.set(d, plek);
    plek += d.length;
  }
  return uit;
};

/** The message padded to whole 64-byte blocks, its bit length big-endian at the end. */
function opgevuld(bericht: Uint8Array): Uint8Array {
  const lengte = Math.ceil((bericht.length + 9) / 64) * 64;
  const blokken = new Uint8Array(lengte);
  blokken.set(bericht);
  blokken[bericht.length] = 0x80;
  const view = new DataView(blokken.buffer);
  const bits = bericht.length * 8;
  view.setUint32(lengte - 8, Math.floor(bits / 2 ** 32));
  view.setUint32(lengte - 4, bits >>> 0);
  return blokken;
}

const K256 = Int32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const W = new Int32Array(80);

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));

/** Reads the 16 big-endian words of the block at `plek` into W. */
function leesBlok(bytes: Uint8Array, plek: number): void {
  for (let i = 0; i < 16; i++, plek += 4)
    W[i] =
      (bytes[plek]! << 24) | (bytes[plek + 1]! << 16) | (bytes[plek + 2]! << 8) | bytes[plek + 3]!;
}

/** One block of SHA-256 into the state `h` (FIPS 180-4, 6.2.2); written out for speed. */
function sha256Blok(h: Int32Array): void {
  for (let i = 16; i < 64; i++) {
    const w15 = W[i - 15]!;
    const w2 = W[i - 2]!;
    const s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3);
    const s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10);
    W[i] = (W[i - 16]! + s0 + W[i - 7]! + s1) | 0;
  }
  let a = h[0]!,
    b = h[1]!,
    c = h[2]!,
    d = h[3]!,
    e = h[4]!,
    f = h[5]!,
    g = h[6]!,
    k = h[7]!;
  for (let i = 0; i < 64; i++) {
    const s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
    const t1 = (k + s1 + ((e & f) ^ (~e & g)) + K256[i]! + W[i]!) | 0;
    const s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
    const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    k = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  h[0] = (h[0]! + a) | 0;
  h[1] = (h[1]! + b) | 0;
  h[2] = (h[2]! + c) | 0;
  h[3] = (h[3]! + d) | 0;
  h[4] = (h[4]! + e) | 0;
  h[5] = (h[5]! + f) | 0;
  h[6] = (h[6]! + g) | 0;
  h[7] = (h[7]! + k) | 0;
}

const SHA256_BEGIN = [
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
];

type Sha256 = (invoer: string | Uint8Array) => Uint8Array;
let versneld: Sha256 | null = null;

/**
 * A host with a native SHA-256 (Node) hands it in: the same bytes at about twice the speed, which
 * a first sync of a region (a hash per row written) notices. shared/ itself stays free of Node.
 */
export function gebruikSnelleSha256(native: Sha256): void {
  versneld = native;
}

export function sha256(invoer: string | Uint8Array): Uint8Array {
  return versneld ? versneld(invoer) : sha256InTypeScript(invoer);
}

/** The plain-TypeScript SHA-256, for where no native one is handed in (and to test against). */
export function sha256InTypeScript(invoer: string | Uint8Array): Uint8Array {
  const bytes = opgevuld(bytesVan(invoer));
  const h = Int32Array.from(SHA256_BEGIN);
  for (let plek = 0; plek < bytes.length; plek += 64) {
    leesBlok(bytes, plek);
    sha256Blok(h);
  }
  return naarBytes(h);
}

function naarBytes(woorden: Int32Array): Uint8Array {
  const uit = new Uint8Array(woorden.length * 4);
  const view = new DataView(uit.buffer);
  woorden.forEach((w, i) => view.setUint32(4 * i, w));
  return uit;
}

const rotl = (x: number, n: number) => (x << n) | (x >>> (32 - n));

/** SHA-1: only for name-based UUIDs (RFC 9562 version 5), never for anything that must hold. */
export function sha1(invoer: string | Uint8Array): Uint8Array {
  const bytes = opgevuld(bytesVan(invoer));
  const h = Int32Array.from([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0]);
  for (let plek = 0; plek < bytes.length; plek += 64) {
    leesBlok(bytes, plek);
    for (let i = 16; i < 80; i++) W[i] = rotl(W[i - 3]! ^ W[i - 8]! ^ W[i - 14]! ^ W[i - 16]!, 1);
    let [a, b, c, d, e] = h as unknown as number[];
    for (let i = 0; i < 80; i++) {
      const [f, k] =
        i < 20
          ? [(b! & c!) | (~b! & d!), 0x5a827999]
          : i < 40
            ? [b! ^ c! ^ d!, 0x6ed9eba1]
            : i < 60
              ? [(b! & c!) | (b! & d!) | (c! & d!), 0x8f1bbcdc]
              : [b! ^ c! ^ d!, 0xca62c1d6];
      const t = (rotl(a!, 5) + f + e! + k + W[i]!) | 0;
      e = d;
      d = c;
      c = rotl(b!, 30);
      b = a;
      a = t;
    }
    h[0] = (h[0]! + a!) | 0;
    h[1] = (h[1]! + b!) | 0;
    h[2] = (h[2]! + c!) | 0;
    h[3] = (h[3]! + d!) | 0;
    h[4] = (h[4]! + e!) | 0;
  }
  return naarBytes(h);
}

/** HMAC-SHA256 (RFC 2104). */
export function hmacSha256(sleutel: Uint8Array, bericht: string | Uint8Array): Uint8Array {
  const k = new Uint8Array(64);
  k.set(sleutel.length > 64 ? sha256(sleutel) : sleutel);
  const binnen = k.map((b) => b ^ 0x36);
  const buiten = k.map((b) => b ^ 0x5c);
  return sha256(samen(buiten, sha256(samen(binnen, bytesVan(bericht)))));
}

/** Whether two texts are equal, in time that depends on their length only. */
export function gelijkInVasteTijd(a: string, b: string): boolean {
  const x = bytesVan(a);
  const y = bytesVan(b);
  if (x.length !== y.length) return false;
  let verschil = 0;
  for (let i = 0; i < x.length; i++) verschil |= x[i]! ^ y[i]!;
  return verschil === 0;
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Bytes as base64url without padding (as Node's `toString('base64url')`). */
export function naarBase64url(bytes: Uint8Array): string {
  let uit = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const tekens = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let j = 0; j < tekens; j++) uit += BASE64URL[(n >> (18 - 6 * j)) & 63];
  }
  return uit;
}

/** base64url (padding and the standard alphabet accepted too, like Node) as bytes. */
export function vanBase64url(tekst: string): Uint8Array {
  const uit: number[] = [];
  let n = 0;
  let bits = 0;
  for (const teken of tekst) {
    const waarde = teken === '+' ? 62 : teken === '/' ? 63 : BASE64URL.indexOf(teken);
    if (waarde < 0) continue;
    n = ((n << 6) | waarde) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      uit.push((n >> bits) & 0xff);
    }
  }
  return Uint8Array.from(uit);
}
