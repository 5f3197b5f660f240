/**
 * Opens the local store: an SQLCipher-v4 encrypted SQLite file (better-sqlite3-multiple-ciphers)
 * behind drizzle's better-sqlite3 driver, with migrations applied in one transaction.
 */
import { readFileSync, existsSync, openSync, readSync, closeSync } from 'node:fs';
// 'better-sqlite3' is an npm alias of better-sqlite3-multiple-ciphers (package.json), so that
// drizzle's driver, which imports 'better-sqlite3', gets the SQLCipher-capable build too.
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';
import { MIGRATIONS_FOLDER } from './migrations-folder';
import { priveDatabasebestand } from './prive-bestanden';

export type Sqlite = Database.Database;
export type Db = BetterSQLite3Database<typeof schema>;

export interface OpenOptions {
  /** File path, or ':memory:' for a throw-away store. */
  path: string;
  /** Random 256-bit database key (raw, not a passphrase: no KDF cost at open). */
  key: Buffer;
  /** Path to a better_sqlite3.node built for the running ABI (Electron passes its own build). */
  nativeBinding?: string;
  migrationsFolder?: string;
}

export interface OpenDatabase {
  sqlite: Sqlite;
  db: Db;
  close(): void;
}

export class DatabaseKeyError extends Error {
  readonly code = 'WRONG_KEY';
  constructor(path: string) {
    super(
      `De database ${path} kan met deze sleutel niet worden geopend. ` +
        'Controleer of u het juiste profiel en wachtwoord gebruikt; er is niets gewijzigd.',
    );
    this.name = 'DatabaseKeyError';
  }
}

export class UnencryptedDatabaseError extends Error {
  readonly code = 'NOT_ENCRYPTED';
  constructor(path: string) {
    super(
      `Het bestand ${path} is een onversleutelde database. Eenplan opent alleen versleutelde ` +
        'databases; er is niets gewijzigd.',
    );
    this.name = 'UnencryptedDatabaseError';
  }
}

const SQLITE_PLAIN_HEADER = 'SQLite format 3\u0000';

function isPlainSqliteFile(path: string): boolean {
  if (path === ':memory:' || !existsSync(path)) return false;
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(16);
    const read = readSync(fd, header, 0, 16, 0);
    return read === 16 && header.toString('latin1') === SQLITE_PLAIN_HEADER;
  } finally {
    closeSync(fd);
  }
}

/** Keys the connection; must run before any other statement touches the file. */
export function applyKey(sqlite: Sqlite, key: Buffer, path: string): void {
  if (key.length !== 32) throw new RangeError('De databasesleutel moet 32 bytes (256 bit) zijn.');
  // An in-memory store never reaches the disk, and SQLite3MC cannot key one.
  if (path === ':memory:') return;
  sqlite.pragma(`cipher='sqlcipher'`);
  sqlite.pragma('legacy=4');
  sqlite.pragma(`key="x'${key.toString('hex')}'"`);
}

export function openDatabase(options: OpenOptions): OpenDatabase {
  const { path, key } = options;
  if (isPlainSqliteFile(path)) throw new UnencryptedDatabaseError(path);
  // Mode 0600 before SQLite makes the file (its -wal and -shm follow the file's mode).
  if (path !== ':memory:') priveDatabasebestand(path);
  const sqlite = new Database(
    path,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  );
  try {
    applyKey(sqlite, key, path);
    try {
      // The first read decrypts page 1; with a wrong key SQLCipher reports "not a database".
      sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_NOTADB') throw new DatabaseKeyError(path);
      throw error;
    }
    // Temporary tables and sort spills stay in memory: a temp file would be plaintext.
    sqlite.pragma('temp_store=MEMORY');
    // Deleted and overwritten content is zeroed, not left as free space: the access log's
    // forward-secure key (shared/audit/ratel.ts) must be gone once it has moved on. The WAL, which
    // holds earlier page versions, is folded in and removed when the store closes (at every lock).
    sqlite.pragma('secure_delete=ON');
    // 64 MB of decrypted pages: the dashboard's aggregates re-read the same pages and every
    // miss costs a decryption. Grows only as far as it is used.
    sqlite.pragma('cache_size=-65536');
    if (path !== ':memory:') sqlite.pragma('journal_mode=WAL');
    sqlite.pragma('synchronous=NORMAL');
    sqlite.pragma('foreign_keys=ON');
    sqlite.pragma('busy_timeout=5000');
    const db = drizzle(sqlite, { schema });
    migrate(db, { migrationsFolder: options.migrationsFolder ?? MIGRATIONS_FOLDER });
    return { sqlite, db, close: () => sqlite.close() };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/** The journal of committed migrations, for status screens and tests. */
export function migrationJournal(folder = MIGRATIONS_FOLDER): { tag: string; idx: number }[] {
  const journal = JSON.parse(readFileSync(`${folder}/meta/_journal.json`, 'utf8')) as {
    entries: { tag: string; idx: number }[];
  };
  return journal.entries;
}
