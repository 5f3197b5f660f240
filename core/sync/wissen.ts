import type { Sqlite } from '../../db/connection';
import { inTransaction } from '../../db/transaction';

/** A revoked laptop keeps nothing: every row of every table goes, then the file is compacted. */
export function wisLokaleGegevens(sqlite: Sqlite): void {
  // Shadow tables of the full-text index are emptied through their virtual table.
  const tabellen = (sqlite.pragma('table_list') as { schema: string; name: string; type: string }[])
    .filter(
      (t) =>
        t.schema === 'main' &&
        (t.type === 'table' || t.type === 'virtual') &&
        !t.name.startsWith('sqlite_') &&
        !t.name.startsWith('__drizzle'),
    )
    .map((t) => t.name);
  sqlite.pragma('foreign_keys = OFF');
  try {
    inTransaction(sqlite, () => {
      for (const t of tabellen) sqlite.prepare(`DELETE FROM "${t}"`).run();
    });
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
  sqlite.exec('VACUUM');
}
