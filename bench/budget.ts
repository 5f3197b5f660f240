/**
 * Budget benchmarks: the coach's dashboard against the same aggregates in hand-written SQL, and
 * the SOJ import against a bare bulk insert of the same rows.
 */
import type { Sqlite } from '../db/connection';
import { COMMITTING_SQL } from '../core/budget/feiten';
import type { Core } from '../core/core';
import { gekozenPersoon, legPersoonVast } from '../core/sessie/session';
import { SOJ_KOLOMMEN } from '../shared/budget';
import { compare, time, type Measurement } from './harness';

/** Cents of toewijzing `t` (with effective end `eind`) between two SQL date expressions. */
function centsSql(van: string, tot: string): string {
  const f = `max(t.startdatum, ${van})`;
  const e = `min(t.eind, ${tot})`;
  const dagen = `(julianday(${e}) - julianday(${f}) + 1)`;
  return `CASE WHEN ${e} < ${f} THEN 0 ELSE round(t.tarief_cents * (CASE t.frequentie
    WHEN '1' THEN t.volume * ${dagen}
    WHEN '2' THEN t.volume * ${dagen} / 7.0
    WHEN '4' THEN t.volume * ${dagen} / (365.25 / 12)
    ELSE t.volume * ${dagen} / (julianday(t.einddatum) - julianday(t.startdatum) + 1) END)) END`;
}

/**
 * Makes `professionalId` the profile's person (the core takes nobody from a call), only when it
 * is someone else: the timed calls stay reads.
 */
export function alsPersoon(sqlite: Sqlite, professionalId: string): void {
  if (gekozenPersoon(sqlite) !== professionalId) legPersoonVast(sqlite, professionalId);
}

/** The dashboard's main aggregates written directly in SQL: the baseline to beat. */
function handWrittenDashboard(sqlite: Sqlite, perTeam: boolean) {
  const tw = `WITH t AS (
    SELECT t.*, min(coalesce(t.beeindigd_op, t.einddatum), t.einddatum) AS eind, p.perceel,
           z.categorie AS zorgprofiel, g.regisseur_id
      FROM ${
        perTeam
          ? `gezinnen g JOIN gezinsleden l ON l.gezin_id = g.id
             JOIN toewijzingen t ON t.gezinslid_id = l.id`
          : `toewijzingen t JOIN gezinsleden l ON l.id = t.gezinslid_id
             JOIN gezinnen g ON g.id = l.gezin_id`
      }
      JOIN producten p ON p.id = t.product_id LEFT JOIN zorgprofielen z ON z.id = t.zorgprofiel_id
     WHERE t.deleted = 0 AND t.status IN (${COMMITTING_SQL}) ${perTeam ? 'AND g.team_id = @team' : ''}
       AND t.startdatum <= '2026-12-31'
       AND min(coalesce(t.beeindigd_op, t.einddatum), t.einddatum) >= '2026-01-01')`;
  const jaar = centsSql("'2026-01-01'", "'2026-12-31'");
  const dims = ['perceel', 'zorgprofiel', 'aanbieder_id', 'verwijzer', 'regisseur_id'];
  const sojScope = `s.deleted = 0 AND s.periode BETWEEN '2026-01' AND '2026-12'
    ${perTeam ? 'AND s.team_id = @team' : ''}`;
  const sojDims = {
    perceel: 's.perceel',
    zorgprofiel: 'z.categorie',
    aanbieder_id: 'a.id',
    verwijzer: 's.verwijzer',
    regisseur_id: 'g.regisseur_id',
  } as Record<string, string>;
  const queries = [
    `${tw} SELECT sum(${jaar}), sum(${centsSql("'2026-11-01'", "'2026-12-31'")}),
       count(*), count(DISTINCT gezinslid_id) FROM t`,
    `${tw}, m(van, tot) AS (VALUES ${Array.from({ length: 12 }, (_, i) => {
      const mm = String(i + 1).padStart(2, '0');
      return `('2026-${mm}-01', date('2026-${mm}-01', '+1 month', '-1 day'))`;
    }).join(',')})
     SELECT m.van, sum(${centsSql('m.van', 'm.tot')}) FROM t JOIN m ON t.startdatum <= m.tot
        AND t.eind >= m.van GROUP BY m.van`,
    ...dims.map(
      (d) =>
        `${tw} SELECT ${d}, count(*), count(DISTINCT gezinslid_id), sum(${jaar}) FROM t GROUP BY ${d}`,
    ),
    `SELECT s.periode, sum(s.bedrag_cents) FROM soj_regels s WHERE ${sojScope} GROUP BY s.periode`,
    ...dims.map(
      (d) => `SELECT ${sojDims[d]}, sum(s.bedrag_cents) FROM soj_regels s
        LEFT JOIN aanbieders a ON a.agb_code = s.aanbieder_agb
        LEFT JOIN toewijzingen t ON t.id = s.toewijzing_id
        LEFT JOIN zorgprofielen z ON z.id = t.zorgprofiel_id
        LEFT JOIN gezinsleden l ON l.id = s.gezinslid_id
        LEFT JOIN gezinnen g ON g.id = l.gezin_id
       WHERE ${sojScope} GROUP BY 1`,
    ),
    `${tw} SELECT e.uitkomst, count(*) FROM evaluaties e JOIN t ON t.id = e.toewijzing_id
       WHERE e.uitgevoerd_op BETWEEN '2026-01-01' AND '2026-12-31' GROUP BY e.uitkomst`,
    `${tw} SELECT aanbieder_id, count(*), sum(julianday(werkelijke_start) - julianday(startdatum))
       FROM t WHERE werkelijke_start LIKE '2026-%' GROUP BY aanbieder_id`,
    `SELECT count(*), sum(NOT EXISTS (SELECT 1 FROM toewijzingen t WHERE t.actieplan_id = a.id
        AND t.status IN (${COMMITTING_SQL}))) FROM actieplannen a JOIN gezinnen g ON g.id = a.gezin_id
      WHERE a.status = 'afgerond' AND a.afgerond_op LIKE '2026-%' ${perTeam ? 'AND g.team_id = @team' : ''}`,
  ].map((q) => sqlite.prepare(q));
  return (team: string | null) => queries.forEach((q) => q.all(perTeam ? { team } : {}));
}

export function dashboardBenchmarks(core: Core, sqlite: Sqlite, iterations: number): Measurement[] {
  const team = sqlite
    .prepare(
      `SELECT g.team_id AS id, count(*) AS n FROM toewijzingen t JOIN gezinsleden l ON l.id = t.gezinslid_id
         JOIN gezinnen g ON g.id = l.gezin_id GROUP BY g.team_id ORDER BY n DESC LIMIT 1`,
    )
    .get() as { id: string; n: number };
  const coach = sqlite
    .prepare("SELECT id FROM professionals WHERE team_id = ? AND rol = 'teamcoach' LIMIT 1")
    .get(team.id) as { id: string };
  const beheerder = sqlite
    .prepare("SELECT id FROM professionals WHERE rol = 'beheerder' LIMIT 1")
    .get() as { id: string };
  const handTeam = handWrittenDashboard(sqlite, true);
  const handRegio = handWrittenDashboard(sqlite, false);
  const dashboard = (teamId: string | null, who: string) => {
    alsPersoon(sqlite, who);
    const r = core.call('budget.dashboard', { teamId, jaar: 2026 });
    if (!r.ok) throw new Error(r.error.message);
  };
  const n = Math.max(10, Math.round(iterations / 4));
  return [
    compare(
      `team dashboard (team with ${team.n} toewijzingen)`,
      50,
      time(() => dashboard(team.id, coach.id), n),
      { name: 'hand-written SQL aggregates', timing: time(() => handTeam(team.id), n) },
    ),
    compare(
      'region-wide dashboard',
      300,
      time(() => dashboard(null, beheerder.id), Math.max(5, Math.round(n / 4))),
      {
        name: 'hand-written SQL aggregates',
        timing: time(() => handRegio(null), Math.max(5, Math.round(n / 4))),
      },
    ),
  ];
}

const PERIODE = '2030-01';

/** `count` SOJ lines for a period no one uses, built from real lines of the region. */
function sojRegels(sqlite: Sqlite, count: number): string[][] {
  const basis = sqlite
    .prepare(
      `SELECT t.naam AS team, s.client_ref, s.productcode, s.perceel, s.aanbieder_agb, s.verwijzer,
              s.volume, s.eenheid, s.tarief_cents, s.bedrag_cents
         FROM soj_regels s JOIN teams t ON t.id = s.team_id WHERE s.periode = '2026-10'`,
    )
    .all() as Record<string, string | number>[];
  const euro = (c: number) => (c / 100).toFixed(2).replace('.', ',');
  return Array.from({ length: count }, (_, i) => {
    const b = basis[i % basis.length]!;
    return [
      PERIODE,
      String(b.team),
      i < basis.length ? String(b.client_ref) : `${String(b.client_ref)}-${i}`,
      String(b.productcode),
      String(b.perceel),
      String(b.aanbieder_agb),
      String(b.verwijzer),
      `${PERIODE}-01`,
      `${PERIODE}-31`,
      String(b.volume),
      String(b.eenheid),
      euro(Number(b.tarief_cents)),
      euro(Number(b.bedrag_cents)),
    ];
  });
}

export async function importBenchmark(
  core: Core,
  sqlite: Sqlite,
  lines: number,
  runs: number,
): Promise<Measurement> {
  const beheerder = sqlite
    .prepare("SELECT id FROM professionals WHERE rol = 'beheerder' LIMIT 1")
    .get() as { id: string };
  const rows = sojRegels(sqlite, lines);
  const csv = new TextEncoder().encode(
    [SOJ_KOLOMMEN.map((k) => k.naam).join(';'), ...rows.map((r) => r.join(';'))].join('\r\n'),
  );
  // The upload as the screen sends it (base64 in the JSON of the call), made once.
  const upload = { naam: 'bench.csv', inhoud: Buffer.from(csv).toString('base64') };
  const opruimen = () => {
    sqlite.prepare('DELETE FROM soj_regels WHERE periode = ?').run(PERIODE);
    sqlite.prepare('DELETE FROM soj_imports WHERE periode = ?').run(PERIODE);
  };
  const importTimes: number[] = [];
  alsPersoon(sqlite, beheerder.id);
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const r = await core.callAsync('soj.importeren', upload);
    if (!r.ok) throw new Error(r.error.message);
    await core.sojWacht(r.data.jobId);
    // The preview is confirmed at once, as a user pressing the button would.
    const bevestigd = core.call('soj.bevestigen', { jobId: r.data.jobId });
    if (!bevestigd.ok) throw new Error(bevestigd.error.message);
    await core.sojWacht(r.data.jobId);
    importTimes.push(performance.now() - start);
    const status = core.call('soj.importStatus', { jobId: r.data.jobId });
    if (!status.ok || status.data.fase !== 'klaar') throw new Error('SOJ-import mislukt');
  }
  opruimen();

  // The limit: the same rows straight into the table with one prepared statement.
  const teamId = new Map(
    (sqlite.prepare('SELECT id, naam FROM teams').all() as { id: string; naam: string }[]).map(
      (t) => [t.naam, t.id],
    ),
  );
  const insertImport = sqlite.prepare(
    `INSERT INTO soj_imports (id, hlc, deleted, periode, bestandsnaam, ingelezen_op, aantal_regels)
     VALUES ('bench', 'x', 0, ?, 'bench.csv', '2030-02-01', ?)`,
  );
  const insert = sqlite.prepare(
    `INSERT INTO soj_regels (id, hlc, deleted, import_id, periode, team_id, client_ref, productcode,
       perceel, aanbieder_agb, verwijzer, startdatum, einddatum, volume, eenheid, tarief_cents,
       bedrag_cents) VALUES (?, 'x', 0, 'bench', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const cents = (s: string) => Math.round(Number(s.replace(',', '.')) * 100);
  const bulk = time(
    () => {
      sqlite.transaction(() => {
        insertImport.run(PERIODE, rows.length);
        rows.forEach((r, i) =>
          insert.run(
            `b${i}`,
            r[0],
            teamId.get(r[1]!),
            r[2],
            r[3],
            r[4],
            r[5],
            r[6],
            r[7],
            r[8],
            Number(r[9]),
            r[10],
            cents(r[11]!),
            cents(r[12]!),
          ),
        );
      })();
      opruimen();
    },
    runs,
    0,
  );
  importTimes.sort((a, b) => a - b);
  return compare(
    `SOJ import of ${lines.toLocaleString('en')} CSV lines (read, check, link, replace period)`,
    5_000,
    { p50: importTimes[Math.floor(runs / 2)]!, p95: importTimes[runs - 1]! },
    { name: 'bare bulk insert of the same rows', timing: bulk },
  );
}
