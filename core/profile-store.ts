/**
 * Opens the local profile store in a data folder with its key, and on the very first start
 * fills it with the small demo region so the app has something to show.
 */
import { join } from 'node:path';
import { openDatabase, type OpenDatabase } from '../db/connection';
import { priveMap } from '../db/prive-bestanden';
import { generateRegion } from '../db/demo/generate';
import { writeDataset } from '../db/demo/write';
import { datumInNederland } from '../shared/dates';

export interface ProfileStoreOptions {
  dataDir: string;
  /** The database key, unwrapped by the vault (`core/kluis`). */
  key: Buffer;
  nativeBinding?: string;
  migrationsFolder?: string;
  /** Load the small demo region when the store is empty (default true). */
  demoOnFirstStart?: boolean;
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
  if (empty && options.demoOnFirstStart !== false) {
    writeDataset(
      store.sqlite,
      generateRegion({ scale: 'small', today: datumInNederland(new Date()) }),
    );
    seededWithDemo = true;
  }
  return { ...store, path, seededWithDemo };
}
