/**
 * Opens the local profile store in a data folder with its key, and on the very first start
 * fills it with what the host gives (the small demo region, demo/seed.ts, so the app has
 * something to show).
 */
import { join } from 'node:path';
import { openDatabase, type OpenDatabase, type Sqlite } from '../../db/connection';
import { priveMap } from '../../db/prive-bestanden';

export interface ProfileStoreOptions {
  dataDir: string;
  /** The database key, unwrapped by the vault (`core/kluis`). */
  key: Buffer;
  nativeBinding?: string;
  migrationsFolder?: string;
  /** Fills the store when it is empty (the hosts pass the demo region); none: it stays empty. */
  seed?: (sqlite: Sqlite) => void;
}

export interface ProfileStore extends OpenDatabase {
  path: string;
  seededWithDemo: boolean;
}

export function openProfileStore(options: ProfileStoreOptions): ProfileStore {
  priveMap(options.dataDir);
  const path = join(options.dataDir, 'eenplan.db');
  const store = openDatabase({
    path,
    key: options.key,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.migrationsFolder ? { migrationsFolder: options.migrationsFolder } : {}),
  });
  let seededWithDemo = false;
  const empty =
    (store.sqlite.prepare('SELECT count(*) AS n FROM gemeenten').get() as { n: number }).n === 0;
  if (empty && options.seed) {
    options.seed(store.sqlite);
    seededWithDemo = true;
  }
  return { ...store, path, seededWithDemo };
}
