/**
 * Issue 23, item 6: a profile's files are its owner's alone. Every file in a fresh profile
 * folder (database, WAL, SHM, key file, the profiles list) has mode 0600 and every folder 0700,
 * after the profile was made, written to, connected to an account's wrap and its passphrase
 * changed; a profile of an earlier version with wider modes is narrowed when it is opened.
 * POSIX modes: on Windows the folder's ACL protects it, and this is not run there.
 */
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../core';
import type { ProfileStore } from './profile-store';
import { Kluizen } from './kluizen';
import { koppelAccount } from './passphrase-key-file';

const ZIN = 'Zeven blauwe fietsen op de dijk';
const mappen: string[] = [];
afterEach(() => {
  for (const m of mappen.splice(0)) rmSync(m, { recursive: true, force: true });
});

/** Every file and folder under `map` (the folder itself too), with its permission bits. */
function modi(map: string): Record<string, string> {
  const uit: Record<string, string> = { '.': (statSync(map).mode & 0o777).toString(8) };
  for (const d of readdirSync(map, { recursive: true, withFileTypes: true })) {
    const pad = join(d.parentPath, d.name);
    uit[relative(map, pad)] = (statSync(pad).mode & 0o777).toString(8);
  }
  return uit;
}

describe.skipIf(process.platform === 'win32')('file modes of a profile', () => {
  it('makes every file 0600 and every folder 0700, whatever the umask', () => {
    const basis = mkdtempSync(join(tmpdir(), 'eenplan-modi-'));
    mappen.push(basis);
    const dataDir = join(basis, 'profielen');
    const oudeUmask = process.umask(0o022);
    let store: ProfileStore | undefined;
    try {
      const kluizen = new Kluizen({
        dataDir,
        maakCore: (s) => {
          store = s;
          return createCore(s);
        },
      });
      const id = kluizen.maak('Sanne', ZIN);
      // Written to (WAL and SHM in use), wrapped under an account, passphrase changed.
      store!.sqlite.exec(
        "CREATE TABLE notitie (tekst TEXT); INSERT INTO notitie VALUES ('Geheim van Sanne')",
      );
      koppelAccount(
        join(dataDir, id, 'eenplan.sleutel.json'),
        Buffer.alloc(32, 7),
        'sanne@example.nl',
        'lang genoeg wachtwoord 42',
      );
      kluizen.wijzigWachtwoordzin(ZIN, 'Acht rode boten in de haven');
      const gezien = modi(dataDir);
      expect(Object.keys(gezien).sort()).toEqual(
        [
          '.',
          'profielen.json',
          id,
          `${id}/eenplan.db`,
          `${id}/eenplan.db-shm`,
          `${id}/eenplan.db-wal`,
          `${id}/eenplan.sleutel.json`,
        ].sort(),
      );
      for (const [pad, modus] of Object.entries(gezien))
        expect([pad, modus]).toEqual([pad, pad === '.' || pad === id ? '700' : '600']);
      kluizen.vergrendel();
    } finally {
      process.umask(oudeUmask);
    }
  });

  it('narrows the modes of a profile an earlier version made with the umask’s', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'eenplan-modi-'));
    mappen.push(dataDir);
    const opties = {
      dataDir,
      maakCore: (s: ProfileStore) => createCore(s),
    };
    let kluizen = new Kluizen(opties);
    const id = kluizen.maak('Sanne', ZIN);
    kluizen.vergrendel();
    chmodSync(dataDir, 0o755);
    chmodSync(join(dataDir, id), 0o755);
    for (const bestand of ['eenplan.db', 'eenplan.db-wal', 'eenplan.db-shm'])
      try {
        chmodSync(join(dataDir, id, bestand), 0o644);
      } catch {
        // WAL and SHM are gone after a clean close.
      }

    kluizen = new Kluizen(opties);
    kluizen.ontgrendel(id, ZIN);
    for (const [pad, modus] of Object.entries(modi(dataDir)))
      expect([pad, modus]).toEqual([pad, pad === '.' || pad === id ? '700' : '600']);
    kluizen.vergrendel();
  });
});
