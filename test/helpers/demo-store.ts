import { randomBytes } from 'node:crypto';
import { openDatabase, type OpenDatabase } from '../../db/connection';
import { generateRegion, type DemoDataset } from '../../demo/generate';
import { writeDataset } from '../../demo/write';

export const DEMO_TODAY = '2026-11-23';

/** An in-memory store holding the small demo region (fixed date, so results are stable). */
export function demoStore(): { store: OpenDatabase; data: DemoDataset } {
  const store = openDatabase({ path: ':memory:', key: randomBytes(32) });
  const data = generateRegion({ scale: 'small', today: DEMO_TODAY });
  writeDataset(store.sqlite, data);
  return { store, data };
}
