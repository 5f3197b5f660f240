/**
 * A raw database key kept in a file beside a database: for tools only (the demo data CLI, the
 * benchmarks). The app's profiles keep their key wrapped by the passphrase (`core/kluis`); a
 * profile of an earlier version that still has such a file gets it wrapped and removed.
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
