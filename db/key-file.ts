/**
 * A raw database key kept in a file beside the profile. This is the development and demo
 * default (browser host, demo data); the desktop app wraps the key with the OS keychain
 * and the user's passphrase instead (security issue), never a plain file.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function loadOrCreateKeyFile(path: string): Buffer {
  if (existsSync(path)) {
    const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'hex');
    if (key.length !== 32)
      throw new Error(`Het sleutelbestand ${path} is beschadigd (geen 256-bit sleutel).`);
    return key;
  }
  mkdirSync(dirname(path), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(path, key.toString('hex'), { mode: 0o600 });
  return key;
}
