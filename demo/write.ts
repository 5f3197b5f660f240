/**
 * Stores a generated dataset in one transaction: either the whole region is there or nothing.
 * Uses one prepared INSERT per table (built from the drizzle table definition) because a
 * region is about half a million rows.
 */
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Sqlite } from '../db/connection';
import * as schema from '../db/schema';
import type { DemoDataset } from './generate';

/** Insert order that satisfies every foreign key. */
export const TABLE_ORDER: readonly (keyof DemoDataset)[] = [
  'gemeenten',
  'socialeVoorzieningen',
  'teams',
  'professionals',
  'aanbieders',
  'contracten',
  'producten',
  'gezinnen',
  'gezinsleden',
  'netwerkleden',
  'gezinsplannen',
  'gezinsplanDomeinen',
  'afspraken',
  'gezinsplanVersies',
  'actieplannen',
  'doelen',
  'zorgprofielen',
  'toewijzingen',
  'evaluaties',
  'teambudgetten',
  'sojImports',
  'sojRegels',
];

export type Progress = (done: number, total: number, table: string) => void;

export function insertRows(
  sqlite: Sqlite,
  table: SQLiteTable,
  rows: readonly Record<string, unknown>[],
): void {
  const columns = Object.entries(getTableColumns(table));
  const names = columns.map(([, c]) => `"${c.name}"`).join(', ');
  const params = columns.map(() => '?').join(', ');
  const insert = sqlite.prepare(
    `INSERT INTO "${getTableName(table)}" (${names}) VALUES (${params})`,
  );
  for (const row of rows) {
    insert.run(
      columns.map(([key, column]) => {
        const value = row[key] ?? (column.hasDefault ? column.default : null);
        return value === null || value === undefined ? null : column.mapToDriverValue(value);
      }),
    );
  }
}

export function writeDataset(sqlite: Sqlite, data: DemoDataset, onProgress?: Progress): void {
  const total = TABLE_ORDER.reduce((sum, key) => sum + data[key].length, 0);
  let done = 0;
  sqlite.transaction(() => {
    for (const key of TABLE_ORDER) {
      const rows = data[key] as Record<string, unknown>[];
      const table = schema[key] as SQLiteTable;
      // Chunks only to report progress; all of it is one transaction.
      for (let i = 0; i < rows.length; i += 20_000) {
        insertRows(sqlite, table, rows.slice(i, i + 20_000));
        done += Math.min(20_000, rows.length - i);
        onProgress?.(done, total, key);
      }
    }
  })();
}

export function rowCounts(data: DemoDataset): Record<string, number> {
  return Object.fromEntries(TABLE_ORDER.map((key) => [key, data[key].length]));
}
