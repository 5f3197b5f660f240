/**
 * npm run bench [-- --quick]: benchmarks on the demo region (generated once and cached under
 * .cache/bench). Each figure is compared with a hand-written SQL baseline measured in the same run.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createCore } from '../core/core';
import Database from 'better-sqlite3';
import { applyKey, openDatabase } from '../db/connection';
import { generateRegion } from '../demo/generate';
import { writeDataset } from '../demo/write';
import { loadOrCreateKeyFile } from '../db/raw-key-file';
import { legPersoonVast } from '../core/sessie/session';
import { dashboardBenchmarks, importBenchmark } from './budget';
import { compare, printTable, time, type Measurement } from './harness';
import { syncBenchmarks } from './sync';
import { gezinnenVenster } from '../shared/api';
import { rendererBenchmarks } from './renderer';
import { geheugenBenchmark } from './geheugen-meting';

const TODAY = '2026-11-23';
/**
 * The caseload window the screen asks for at 1366x768 (13 rows in view, 8 either side), the size
 * bench/renderer.ts measures in Chromium.
 */
const VENSTER = gezinnenVenster(13 + 2 * 8);
const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    /** One group only: casework, budget, sync, renderer or memory (while working on it). */
    only: { type: 'string' },
  },
});
const GROEPEN = ['casework', 'budget', 'sync', 'renderer', 'memory'];
if (values.only && !GROEPEN.includes(values.only))
  throw new Error(`--only kent ${GROEPEN.join(', ')}, niet "${values.only}"`);
const groep = (naam: string) => !values.only || values.only === naam;
const scale = values.quick ? 'small' : 'region';
const iterations = values.quick ? 30 : 200;

mkdirSync('.cache/bench', { recursive: true });
const path = `.cache/bench/${scale}-${TODAY}.db`;
const key = loadOrCreateKeyFile(`${path}.key`);
if (!existsSync(path)) {
  console.log(`Demoregio "${scale}" genereren (eenmalig) ...`);
  const store = openDatabase({ path, key });
  writeDataset(store.sqlite, generateRegion({ scale, today: TODAY }));
  store.close();
}

// The start's baseline: the same file opened and keyed by the driver alone, and the first page
// of the caseload by hand-written SQL (no migration check, no core).
const kaalGestart = performance.now();
const kaal = new Database(path);
applyKey(kaal, key, path);
const kaalTeam = kaal
  .prepare('SELECT team_id AS id FROM gezinnen GROUP BY team_id ORDER BY count(*) DESC LIMIT 1')
  .get() as { id: string };
const kaalPro = kaal
  .prepare("SELECT id FROM professionals WHERE team_id = ? AND rol = 'jeugdprofessional' LIMIT 1")
  .get(kaalTeam.id) as { id: string };
kaal
  .prepare(
    `SELECT g.id, g.naam, g.woonplaats, g.status, g.aangemeld_op, p.naam AS regisseur
       FROM gezinnen g JOIN professionals p ON p.id = g.regisseur_id
      WHERE g.team_id = ? AND g.deleted = 0 AND g.regisseur_id = ?
      ORDER BY CASE g.status WHEN 'afgesloten' THEN 1 ELSE 0 END, g.naam LIMIT 500`,
  )
  .all(kaalTeam.id, kaalPro.id);
const kaalStartMs = performance.now() - kaalGestart;
// The profile's person, chosen once before (the core takes nobody from a call); outside both
// timings, so the core's start below is a start of a profile already in use.
legPersoonVast(kaal, kaalPro.id);
kaal.close();

const openStarted = performance.now();
const store = openDatabase({ path, key });
const core = createCore(store, { now: () => new Date(`${TODAY}T10:00:00Z`) });
const { sqlite } = store;
const team = sqlite
  .prepare(
    'SELECT team_id AS id, count(*) AS n FROM gezinnen GROUP BY team_id ORDER BY n DESC LIMIT 1',
  )
  .get() as { id: string; n: number };
// As the largest team's first jeugdprofessional (`kaalPro`, the profile's person).
const firstPage = core.call('gezinnen.lijst', { alleenEigen: true });
const startMs = performance.now() - openStarted;
if (!firstPage.ok) throw new Error(firstPage.error.message);

const families = sqlite.prepare('SELECT id, naam FROM gezinnen WHERE team_id = ?').all(team.id) as {
  id: string;
  naam: string;
}[];
const bsns = (
  sqlite
    .prepare(
      'SELECT l.bsn FROM gezinsleden l JOIN gezinnen g ON g.id = l.gezin_id WHERE g.team_id = ? AND l.bsn IS NOT NULL',
    )
    .all(team.id) as { bsn: string }[]
).map((r) => r.bsn);
const names = families.map((f) => f.naam.replace('Familie ', '').slice(0, 5));
const ok = <T>(result: { ok: true; data: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
};

const results: Measurement[] = [];
results.push(
  compare(
    `core start (open encrypted DB, migrate, first caseload page; team of ${team.n} families)`,
    300,
    { p50: startMs, p95: startMs },
    {
      name: 'the driver alone: open, key, first page by hand',
      timing: { p50: kaalStartMs, p95: kaalStartMs },
    },
  ),
);

if (groep('casework')) {
  const handSearchByName = sqlite.prepare(
    `SELECT g.id, g.naam FROM gezinnen g WHERE g.team_id = ? AND (g.naam LIKE ? OR g.id IN (SELECT gezin_id FROM gezinsleden WHERE voornaam || ' ' || achternaam LIKE ?)) ORDER BY g.naam LIMIT ${VENSTER}`,
  );
  results.push(
    compare(
      'caseload search by name (whole team)',
      10,
      time(
        (i) =>
          ok(
            core.call('gezinnen.lijst', {
              zoek: names[i % names.length]!,
              vanaf: 0,
              aantal: VENSTER,
            }),
          ),
        iterations,
      ),
      {
        name: 'hand-written SQL',
        timing: time(
          (i) =>
            handSearchByName.all(
              team.id,
              `%${names[i % names.length]}%`,
              `%${names[i % names.length]}%`,
            ),
          iterations,
        ),
      },
    ),
  );
  const handSearchByBsn = sqlite.prepare(
    'SELECT g.id, g.naam FROM gezinnen g WHERE g.team_id = ? AND g.id IN (SELECT gezin_id FROM gezinsleden WHERE bsn = ?)',
  );
  results.push(
    compare(
      'caseload search by BSN (whole team)',
      10,
      time(
        (i) =>
          ok(
            core.call('gezinnen.lijst', {
              zoek: bsns[i % bsns.length]!,
              vanaf: 0,
              aantal: VENSTER,
            }),
          ),
        iterations,
      ),
      {
        name: 'hand-written SQL',
        timing: time((i) => handSearchByBsn.all(team.id, bsns[i % bsns.length]), iterations),
      },
    ),
  );
  const handDossier = [
    sqlite.prepare('SELECT * FROM gezinnen WHERE id = ?'),
    sqlite.prepare('SELECT * FROM gezinsleden WHERE gezin_id = ?'),
    sqlite.prepare('SELECT * FROM netwerkleden WHERE gezin_id = ?'),
    sqlite.prepare('SELECT * FROM actieplannen WHERE gezin_id = ?'),
    sqlite.prepare(
      'SELECT d.* FROM doelen d JOIN actieplannen a ON a.id = d.actieplan_id WHERE a.gezin_id = ?',
    ),
    sqlite.prepare(
      'SELECT t.*, an.naam, p.omschrijving FROM toewijzingen t JOIN actieplannen a ON a.id = t.actieplan_id JOIN aanbieders an ON an.id = t.aanbieder_id JOIN producten p ON p.id = t.product_id WHERE a.gezin_id = ?',
    ),
    sqlite.prepare(
      'SELECT e.* FROM evaluaties e JOIN toewijzingen t ON t.id = e.toewijzing_id JOIN actieplannen a ON a.id = t.actieplan_id WHERE a.gezin_id = ?',
    ),
  ];
  results.push(
    compare(
      'open dossier (plan, actieplannen, toewijzingen, evaluaties, timeline)',
      20,
      time(
        (i) => ok(core.call('gezin.dossier', { gezinId: families[i % families.length]!.id })),
        iterations,
      ),
      {
        name: 'hand-written SQL (same rows)',
        timing: time(
          (i) => handDossier.forEach((q) => q.all(families[i % families.length]!.id)),
          iterations,
        ),
      },
    ),
  );
  const handPlan = [
    sqlite.prepare('SELECT * FROM gezinnen WHERE id = ?'),
    sqlite.prepare('SELECT * FROM gezinsplannen WHERE gezin_id = ?'),
    sqlite.prepare(
      'SELECT d.* FROM gezinsplan_domeinen d JOIN gezinsplannen p ON p.id = d.plan_id WHERE p.gezin_id = ?',
    ),
    sqlite.prepare(
      'SELECT a.* FROM afspraken a JOIN gezinsplannen p ON p.id = a.plan_id WHERE p.gezin_id = ?',
    ),
    sqlite.prepare(
      'SELECT v.* FROM gezinsplan_versies v JOIN gezinsplannen p ON p.id = v.plan_id WHERE p.gezin_id = ?',
    ),
    sqlite.prepare("SELECT * FROM gezinsleden WHERE gezin_id = ? AND rol = 'jeugdige'"),
  ];
  results.push(
    compare(
      'open gezinsplan with versions',
      20,
      time(
        (i) => ok(core.call('gezinsplan.ophalen', { gezinId: families[i % families.length]!.id })),
        iterations,
      ),
      {
        name: 'hand-written SQL (same rows)',
        timing: time(
          (i) => handPlan.forEach((q) => q.all(families[i % families.length]!.id)),
          iterations,
        ),
      },
    ),
  );
}
if (groep('budget')) {
  results.push(...dashboardBenchmarks(core, sqlite, iterations));
  results.push(await importBenchmark(core, sqlite, values.quick ? 10_000 : 100_000, 3));
}
if (groep('sync'))
  results.push(
    ...(await syncBenchmarks(store, path, team.id, values.quick ? 1 : 5, values.quick ? 5 : 20)),
  );

if (groep('renderer'))
  results.push(...(await rendererBenchmarks(sqlite, path, team.id, values.quick ? 2 : 12)));
if (groep('memory')) results.push(geheugenBenchmark(path));

console.log(`\nEenplan benchmarks (${scale}, ${iterations} runs each)\n`);
printTable(results);
mkdirSync('bench/results', { recursive: true });
writeFileSync(
  `bench/results/latest${values.only ? `-${values.only}` : ''}.json`,
  JSON.stringify({ scale, iterations, at: new Date().toISOString(), results }, null, 2),
);
core.close();
