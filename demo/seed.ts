/**
 * The small demo region a new profile starts with, so the app has something to show. The hosts
 * pass it to the profile store (web/web-cli.ts, electron/main.ts); the core never imports the
 * demo generator.
 */
import type { Sqlite } from '../db/connection';
import { datumInNederland } from '../shared/dates';
import { generateRegion } from './generate';
import { writeDataset } from './write';

export function seedDemo(sqlite: Sqlite): void {
  writeDataset(sqlite, generateRegion({ scale: 'small', today: datumInNederland(new Date()) }));
}
