import { createHash, createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  gelijkInVasteTijd,
  hex,
  hmacSha256,
  naarBase64url,
  sha1,
  sha256InTypeScript as sha256,
  vanBase64url,
  vanHex,
} from './hash';

const node = (soort: string, invoer: string | Uint8Array) =>
  createHash(soort).update(invoer).digest('hex');

/** Lengths around the 64-byte block edges, where padding goes wrong first. */
const LENGTES = [0, 1, 3, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1000, 5000];

describe('sha256 and sha1 in plain TypeScript', () => {
  it('give the published test vectors', () => {
    expect(hex(sha256(''))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(hex(sha256('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(hex(sha256('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(hex(sha1('abc'))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(hex(sha1(''))).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
  });

  it('equal node:crypto on random bytes and text of every length around a block', () => {
    for (const lengte of LENGTES) {
      for (let i = 0; i < 5; i++) {
        const bytes = new Uint8Array(randomBytes(lengte));
        expect(hex(sha256(bytes))).toBe(node('sha256', bytes));
        expect(hex(sha1(bytes))).toBe(node('sha1', bytes));
        const tekst = `é€😀\u0000${bytes.toString()}`.slice(0, lengte);
        expect(hex(sha256(tekst))).toBe(node('sha256', tekst));
        expect(hex(sha1(tekst))).toBe(node('sha1', tekst));
      }
    }
  });
});

describe('hmacSha256', () => {
  it('equals node:crypto for short, block-sized and long keys', () => {
    for (const sleutelLengte of [0, 16, 32, 64, 65, 100]) {
      for (const lengte of LENGTES) {
        const sleutel = new Uint8Array(randomBytes(sleutelLengte));
        const bericht = randomBytes(lengte).toString('hex');
        expect(hex(hmacSha256(sleutel, bericht))).toBe(
          createHmac('sha256', sleutel).update(bericht).digest('hex'),
        );
      }
    }
  });

  it('gives the RFC 4231 test case 2', () => {
    expect(hex(hmacSha256(new TextEncoder().encode('Jefe'), 'what do ya want for nothing?'))).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });
});

describe('base64url, hex and comparing', () => {
  it('equal Buffer for every length', () => {
    for (let lengte = 0; lengte < 70; lengte++) {
      const bytes = randomBytes(lengte);
      const tekst = bytes.toString('base64url');
      expect(naarBase64url(new Uint8Array(bytes))).toBe(tekst);
      expect(Buffer.from(vanBase64url(tekst))).toEqual(bytes);
      expect(Buffer.from(vanBase64url(bytes.toString('base64')))).toEqual(bytes);
      expect(Buffer.from(vanHex(bytes.toString('hex')))).toEqual(bytes);
    }
  });

  it('compares texts', () => {
    expect(gelijkInVasteTijd('abc', 'abc')).toBe(true);
    expect(gelijkInVasteTijd('abc', 'abd')).toBe(false);
    expect(gelijkInVasteTijd('abc', 'abcd')).toBe(false);
    expect(gelijkInVasteTijd('', '')).toBe(true);
  });
});
