/**
 * A profile's files are its owner's alone: folders 0700, files 0600 (the database and its WAL
 * and SHM, the key file, the profiles list). Files written by an earlier version with the umask's
 * 0644 are narrowed when they are next opened. On Windows the modes mean little (the profile
 * folder's ACL, inherited from the user's AppData, is what protects it) and are set all the same.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

export const MAP_MODUS = 0o700;
export const BESTAND_MODUS = 0o600;

/** The folder (and any parent it had to make) with mode 0700; an existing one narrowed too. */
export function priveMap(pad: string): void {
  mkdirSync(pad, { recursive: true, mode: MAP_MODUS });
  chmodSync(pad, MAP_MODUS);
}

/**
 * A database file before SQLite opens it: made empty with mode 0600 if it is not there (SQLite
 * gives its -wal and -shm files the database file's mode), and those three narrowed to 0600 if
 * an earlier version made them wider.
 */
export function priveDatabasebestand(pad: string): void {
  if (!existsSync(pad)) closeSync(openSync(pad, 'a', BESTAND_MODUS));
  for (const bestand of [pad, `${pad}-wal`, `${pad}-shm`])
    if (existsSync(bestand)) chmodSync(bestand, BESTAND_MODUS);
}
