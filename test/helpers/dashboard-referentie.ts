/**
 * Test scaffolding for the coach's dashboard against the independent reference
 * (core/budget/dashboard.test.ts): the demo's SOJ lines as the SOJ would send them, every row the
 * reference needs read with plain SELECTs, and the dashboard in the reference's shape.
 */
import type { OpenDatabase } from '../../db/connection';
import type { DemoDataset } from '../../demo/generate';
import type { Dashboard } from '../../shared/api';
import { DIMENSIES, type RefInvoer } from '../referentie/budget-referentie';

export const TODAY = '2026-11-23';

const KOLOMMEN = [
  'periode',
  'team',
  'client_ref',
  'productcode',
  'perceel',
  'aanbieder_agb',
  'verwijzer',
  'startdatum',
  'einddatum',
  'volume',
  'eenheid',
  'tarief',
  'bedrag',
] as const;
export type Rij = Record<(typeof KOLOMMEN)[number], string>;

/** Cents as the SOJ writes euro: 1234,56 or -12,50, with integers only. */
const euro = (cents: number) =>
  `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)},${String(Math.abs(cents) % 100).padStart(2, '0')}`;

/**
 * The demo's SOJ lines as the SOJ would send them: one file per imported period; every 37th
 * line of a month comes a month late (a late claim, README "The SOJ file"), and the last file
 * credits three lines of two months before. The last file holds no lines for the region's last
 * team: for that team the month has no SOJ data and counts as committed (README "Money rules",
 * Forecast, per team), for the other teams it has.
 */
export function sojBestanden(data: DemoDataset): Rij[][] {
  const team = new Map(data.teams.map((t) => [t.id!, t.naam]));
  const perioden = data.sojImports.map((i) => i.periode).sort();
  const rij = (r: DemoDataset['sojRegels'][number], periode: string, credit = false): Rij => ({
    periode,
    team: team.get(r.teamId!)!,
    client_ref: r.clientRef,
    productcode: r.productcode,
    perceel: r.perceel,
    aanbieder_agb: r.aanbiederAgb,
    verwijzer: r.verwijzer,
    startdatum: r.startdatum,
    einddatum: r.einddatum ?? '',
    volume: String(credit ? -r.volume : r.volume),
    eenheid: r.eenheid,
    tarief: euro(r.tariefCents),
    bedrag: euro(credit ? -r.bedragCents : r.bedragCents),
  });
  const bestanden = new Map<string, Rij[]>(perioden.map((p) => [p, []]));
  for (const [i, p] of perioden.entries()) {
    const later = perioden[i + 1];
    data.sojRegels
      .filter((r) => r.periode === p)
      .forEach((r, n) => {
        const bestand = later && n % 37 === 5 ? later : p;
        bestanden.get(bestand)!.push(rij(r, bestand));
      });
  }
  const laatste = perioden.at(-1)!;
  const eerder = perioden.at(-3)!;
  const zonder = data.teams.at(-1)!.id!;
  bestanden.set(
    laatste,
    bestanden.get(laatste)!.filter((r) => r.team !== team.get(zonder)),
  );
  for (const r of data.sojRegels
    .filter((r) => r.periode === eerder && r.teamId !== zonder)
    .slice(0, 3))
    bestanden.get(laatste)!.push(rij(r, laatste, true));
  return [...bestanden.values()];
}

export function csv(rijen: Rij[]): string {
  const lines = [KOLOMMEN.join(';'), ...rijen.map((r) => KOLOMMEN.map((k) => r[k]).join(';'))];
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8').toString('base64');
}

/** Every row the reference needs, read as stored (plain SELECTs, no app code). */
export function leesInvoer(store: OpenDatabase, bestanden: Rij[][]): RefInvoer {
  const rows = <T>(sql: string) => store.sqlite.prepare(sql).all() as T[];
  return {
    vandaag: TODAY,
    teams: rows('SELECT id, naam FROM teams WHERE deleted = 0'),
    gezinnen: rows(
      'SELECT id, team_id AS teamId, regisseur_id AS regisseurId, oordeel_cijfer AS oordeelCijfer FROM gezinnen WHERE deleted = 0',
    ),
    gezinsleden: rows(
      'SELECT id, gezin_id AS gezinId, bsn, voornaam, achternaam FROM gezinsleden WHERE deleted = 0',
    ),
    producten: rows('SELECT id, productcode, perceel FROM producten WHERE deleted = 0'),
    zorgprofielen: rows('SELECT id, categorie FROM zorgprofielen WHERE deleted = 0'),
    aanbieders: rows<{ id: string; agbCode: string; budgetplafondCents: number; c: number }>(
      'SELECT id, agb_code AS agbCode, budgetplafond_cents AS budgetplafondCents, clientenstop AS c FROM aanbieders WHERE deleted = 0',
    ).map(({ c, ...a }) => ({ ...a, clientenstop: c === 1 })),
    toewijzingen: rows(
      `SELECT id, gezinslid_id AS gezinslidId, actieplan_id AS actieplanId,
              zorgprofiel_id AS zorgprofielId, aanbieder_id AS aanbiederId, product_id AS productId,
              verwijzer, status, volume, frequentie, tarief_cents AS tariefCents, startdatum,
              einddatum, beeindigd_op AS beeindigdOp, werkelijke_start AS werkelijkeStart,
              einde_reden AS eindeReden
         FROM toewijzingen WHERE deleted = 0`,
    ),
    evaluaties: rows(
      'SELECT toewijzing_id AS toewijzingId, uitgevoerd_op AS uitgevoerdOp, uitkomst FROM evaluaties WHERE deleted = 0',
    ),
    actieplannen: rows(
      'SELECT id, gezin_id AS gezinId, status, afgerond_op AS afgerondOp FROM actieplannen WHERE deleted = 0',
    ),
    doelen: rows('SELECT actieplan_id AS actieplanId, resultaat FROM doelen WHERE deleted = 0'),
    teambudgetten: rows(
      'SELECT team_id AS teamId, jaar, perceel, bedrag_cents AS bedragCents FROM teambudgetten WHERE deleted = 0',
    ),
    sojBestanden: bestanden,
  };
}

/** The dashboard in the reference's shape: keys instead of labels, sets sorted by id. */
export function vorm(d: Dashboard) {
  return {
    peildatum: d.peildatum,
    kop: d.kop,
    maanden: d.maanden,
    uitsplitsing: Object.fromEntries(
      DIMENSIES.map((dim) => [
        dim,
        d.uitsplitsing[dim]
          .map(({ label: _l, ...g }) => g)
          .sort((a, b) => String(a.sleutel).localeCompare(String(b.sleutel))),
      ]),
    ),
    kpis: d.kpis,
    aanbieders: d.aanbieders
      .map(({ naam: _n, ...a }) => a)
      .sort((a, b) => a.aanbiederId.localeCompare(b.aanbiederId)),
  };
}

/** Counts the figures (numbers, and money that may be null) in an expectation. */
export function figuren(x: unknown): number {
  if (typeof x === 'number' || x === null) return 1;
  if (Array.isArray(x)) return x.reduce((s: number, y) => s + figuren(y), 0);
  if (typeof x === 'object') return Object.values(x as object).reduce((s, y) => s + figuren(y), 0);
  return 0;
}
