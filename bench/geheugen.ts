/**
 * Resident memory of a fresh process with the region open, run as a child of the benchmark (its
 * own heap and page cache, nothing of the benchmark's), bundled and run by plain Node as the
 * desktop app runs the core (no TypeScript loader, default heap settings). `core` opens the
 * region through the core and does a day's reading (the largest team's caseload, dossiers, the
 * team's and the region's dashboards); `kaal` opens the same file with the SQLite driver alone
 * and reads every table through (none kept), the floor any app over this file pays. Prints the
 * RSS in MB.
 */
import { openDatabase } from '../db/connection';
import { createCore } from '../core/core';
import { loadOrCreateKeyFile } from '../db/raw-key-file';
import { legPersoonVast } from '../core/sessie/session';

const [soort, pad] = process.argv.slice(2);
// Migrations from the working folder: this file runs bundled, away from db/.
const store = openDatabase({
  path: pad!,
  key: loadOrCreateKeyFile(`${pad}.key`),
  migrationsFolder: 'db/migrations',
});
const { sqlite } = store;
if (soort === 'kaal') {
  const tabellen = sqlite
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as { name: string }[];
  // Every page through the page cache, no rows kept.
  for (const { name } of tabellen)
    for (const _ of sqlite.prepare(`SELECT * FROM "${name}"`).iterate());
} else {
  const core = createCore(store, { now: () => new Date('2026-11-23T10:00:00Z') });
  const team = sqlite
    .prepare('SELECT team_id AS id FROM gezinnen GROUP BY team_id ORDER BY count(*) DESC LIMIT 1')
    .get() as { id: string };
  const wie = (rol: string, teamId: string | null) =>
    (
      sqlite
        .prepare(
          'SELECT id FROM professionals WHERE rol = ? AND (team_id = ? OR ? IS NULL) LIMIT 1',
        )
        .get(rol, teamId, teamId) as { id: string }
    ).id;
  const pro = wie('jeugdprofessional', team.id);
  const coach = wie('teamcoach', team.id);
  const beheerder = wie('beheerder', null);
  const ok = (r: { ok: boolean; error?: { message: string } }) => {
    if (!r.ok) throw new Error(r.error!.message);
  };
  // The day of several people, each as the profile's person (the core takes nobody from a call).
  legPersoonVast(sqlite, coach);
  ok(core.call('gezinnen.lijst', {}));
  legPersoonVast(sqlite, pro);
  ok(core.call('gezinnen.lijst', { alleenEigen: false }));
  const gezinnen = sqlite
    .prepare('SELECT id FROM gezinnen WHERE team_id = ? LIMIT 200')
    .all(team.id) as { id: string }[];
  for (const g of gezinnen) ok(core.call('gezin.dossier', { gezinId: g.id }));
  legPersoonVast(sqlite, coach);
  ok(core.call('budget.dashboard', { teamId: team.id, jaar: 2026 }));
  legPersoonVast(sqlite, beheerder);
  ok(core.call('budget.dashboard', { teamId: null, jaar: 2026 }));
}
process.stdout.write(JSON.stringify({ rssMb: process.memoryUsage().rss / 2 ** 20 }));
store.close();
