import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../test/helpers/temp-dir';
import {
  DatabaseKeyError,
  migrationJournal,
  openDatabase,
  UnencryptedDatabaseError,
} from './connection';
import { MIGRATIONS_FOLDER } from './migrations-folder';

const tempDir = useTempDir();
const MARKER = 'Vrolijkheidsstraat-PLAINTEXT-7781';

function bytesOf(path: string): string {
  return existsSync(path) ? readFileSync(path).toString('latin1') : '';
}

describe('encrypted local store', () => {
  it('holds no plaintext of a stored record in the database file or its WAL', () => {
    const path = join(tempDir(), 'profiel.db');
    const key = randomBytes(32);
    const { sqlite, close } = openDatabase({ path, key });
    sqlite
      .prepare(
        "INSERT INTO gemeenten (id, hlc, code, naam, inwoners, jeugdigen) VALUES ('g1', 'h', 'GM9999', ?, 1, 1)",
      )
      .run(MARKER);
    // Before the checkpoint the row lives in the WAL; both files must be ciphertext.
    expect(bytesOf(`${path}-wal`)).not.toContain(MARKER);
    expect(bytesOf(`${path}-wal`).length).toBeGreaterThan(0);
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    close();
    const file = bytesOf(path);
    expect(file.length).toBeGreaterThan(4096);
    expect(file).not.toContain(MARKER);
    expect(file).not.toContain('SQLite format 3');
    expect(file).not.toContain('gemeenten');

    const reopened = openDatabase({ path, key });
    expect(reopened.sqlite.prepare("SELECT naam FROM gemeenten WHERE id = 'g1'").get()).toEqual({
      naam: MARKER,
    });
    reopened.close();
  });

  it('uses the SQLCipher v4 scheme', () => {
    const { sqlite, close } = openDatabase({ path: join(tempDir(), 'c.db'), key: randomBytes(32) });
    expect(sqlite.pragma('cipher', { simple: true })).toBe('sqlcipher');
    expect(Number(sqlite.pragma('legacy', { simple: true }))).toBe(4);
    close();
  });

  it('refuses a wrong key with a clear error and leaves the file untouched', () => {
    const path = join(tempDir(), 'profiel.db');
    const { sqlite, close } = openDatabase({ path, key: randomBytes(32) });
    sqlite
      .prepare(
        "INSERT INTO gemeenten (id, hlc, code, naam, inwoners, jeugdigen) VALUES ('g1', 'h', 'GM1', 'X', 1, 1)",
      )
      .run();
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    close();
    const before = readFileSync(path);

    let error: unknown;
    try {
      openDatabase({ path, key: randomBytes(32) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseKeyError);
    expect((error as Error).message).toMatch(/kan met deze sleutel niet worden geopend/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses an unencrypted database instead of treating it as empty', () => {
    const path = join(tempDir(), 'plain.db');
    const plain = new Database(path);
    plain.exec('CREATE TABLE t (a)');
    plain.close();
    expect(() => openDatabase({ path, key: randomBytes(32) })).toThrow(UnencryptedDatabaseError);
  });

  it('refuses a key that is not 256 bits', () => {
    expect(() => openDatabase({ path: join(tempDir(), 'k.db'), key: randomBytes(16) })).toThrow(
      /32 bytes/,
    );
  });
});

describe('migrations', () => {
  it('applies every committed migration and records them', () => {
    const { sqlite, close } = openDatabase({ path: join(tempDir(), 'm.db'), key: randomBytes(32) });
    const applied = sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as {
      n: number;
    };
    expect(applied.n).toBe(migrationJournal().length);
    expect(applied.n).toBeGreaterThanOrEqual(2);
    close();
  });

  it('keeps every row when an earlier schema version is upgraded', () => {
    const dir = tempDir();
    // A migrations folder as it was at the first release: only 0000.
    const oldFolder = join(dir, 'migrations-v1');
    cpSync(MIGRATIONS_FOLDER, oldFolder, { recursive: true });
    const journalPath = join(oldFolder, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: unknown[] };
    journal.entries = journal.entries.slice(0, 1);
    writeFileSync(journalPath, JSON.stringify(journal));

    const path = join(dir, 'profiel.db');
    const key = randomBytes(32);
    const v1 = openDatabase({ path, key, migrationsFolder: oldFolder });
    expect(
      v1.sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'akkoorden'").get(),
    ).toEqual({ n: 0 });
    v1.sqlite.exec(`
      INSERT INTO gemeenten (id, hlc, code, naam, inwoners, jeugdigen) VALUES ('g1', 'h1', 'GM0505', 'Dordrecht', 119260, 24180);
      INSERT INTO teams (id, hlc, naam, gemeente_id) VALUES ('t1', 'h1', 'Jeugdteam Dordrecht Noord', 'g1'), ('t2', 'h1', 'Jeugdteam Dordrecht Zuid', 'g1');
      INSERT INTO professionals (id, hlc, naam, email, rol, team_id) VALUES ('p1', 'h1', 'Sanne de Vries', 'sanne@example.org', 'jeugdprofessional', 't1');
      INSERT INTO gezinnen (id, hlc, team_id, regisseur_id, naam, adres, postcode, woonplaats, status, aangemeld_op)
        VALUES ('f1', 'h1', 't1', 'p1', 'Familie Jansen', 'Voorstraat 1', '3311 AA', 'Dordrecht', 'actief', '2026-01-05');
    `);
    const before = {
      teams: v1.sqlite.prepare('SELECT id, naam, gemeente_id FROM teams ORDER BY id').all(),
      gezinnen: v1.sqlite.prepare('SELECT * FROM gezinnen').all(),
    };
    v1.close();

    const v2 = openDatabase({ path, key });
    expect(v2.sqlite.prepare('SELECT id, naam, gemeente_id FROM teams ORDER BY id').all()).toEqual(
      before.teams,
    );
    // Every value the family had is kept; columns added later start empty (or at their default).
    const gezinnen = v2.sqlite.prepare('SELECT * FROM gezinnen').all();
    expect(gezinnen).toHaveLength(before.gezinnen.length);
    expect(gezinnen).toMatchObject(before.gezinnen);
    expect(gezinnen[0]).toMatchObject({ huisarts: null, tolk_nodig: 0, tolk_taal: null });
    // The new column got its default on the existing rows, and the new table is usable.
    expect(v2.sqlite.prepare('SELECT vier_ogen_drempel_cents AS d FROM teams').all()).toEqual([
      { d: 2_500_000 },
      { d: 2_500_000 },
    ]);
    expect(
      v2.sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'akkoorden'").get(),
    ).toEqual({ n: 1 });
    v2.close();
  });

  it('rolls back all pending migrations when one fails, leaving the old version intact', () => {
    const dir = tempDir();
    const folder = join(dir, 'migrations-broken');
    cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
    const journalPath = join(folder, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as {
      entries: { idx: number; tag: string; when: number; version: string; breakpoints: boolean }[];
    };
    const last = journal.entries[journal.entries.length - 1]!;
    journal.entries.push({ ...last, idx: last.idx + 1, tag: '9999_broken', when: last.when + 1 });
    writeFileSync(journalPath, JSON.stringify(journal));
    writeFileSync(
      join(folder, '9999_broken.sql'),
      'CREATE TABLE extra (a);\n--> statement-breakpoint\nTHIS IS NOT SQL;',
    );

    const path = join(dir, 'p.db');
    const key = randomBytes(32);
    openDatabase({ path, key }).close();
    expect(() => openDatabase({ path, key, migrationsFolder: folder })).toThrow();
    const after = openDatabase({ path, key });
    expect(
      after.sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'extra'").get(),
    ).toEqual({ n: 0 });
    after.close();
  });
});
