/**
 * The raw rows behind the coach's figures, read once per request: the committing toewijzingen
 * of the scope with the attributes the dashboard groups by, their evaluations, and the SOJ
 * realisation summed per toewijzing. Aggregation happens in one pass in JavaScript
 * (dashboard.ts), with the same cent arithmetic as everywhere else (shared/cost.ts).
 */
import type { DashboardFilter } from '../../shared/api';
import {
  effectiveEnd,
  sojMaandenVanTeam,
  type Commitment,
  type SojDekking,
} from '../../shared/cost';
import type { IsoDate } from '../../shared/dates';
import {
  COMMITTING_STATUSSEN,
  type EindeReden,
  type Perceel,
  type ToewijzingStatus,
  type Verwijzer,
  type ZorgprofielCategorie,
} from '../../shared/domain';
import type { ReadCtx, Deps } from '../context';
import { sqlLijst } from '../../shared/statussen';
import { stmt } from '../prepared';

export interface ToewijzingFeit extends Commitment {
  id: string;
  gezinslidId: string;
  gezinId: string;
  actieplanId: string | null;
  teamId: string;
  regisseurId: string;
  aanbiederId: string;
  verwijzer: Verwijzer;
  perceel: Perceel;
  productcode: string;
  zorgprofiel: ZorgprofielCategorie | null;
  status: ToewijzingStatus;
  werkelijkeStart: IsoDate | null;
  eindeReden: EindeReden | null;
  oordeelCijfer: number | null;
  /** The effective last day (einddatum, or earlier when care stopped). */
  eind: IsoDate;
}

export interface EvaluatieFeit {
  toewijzingId: string;
  uitgevoerdOp: IsoDate;
  uitkomst: string | null;
}

/** SOJ realisation of the year, summed per toewijzing and the line's own attributes. */
export interface RealisatieFeit {
  toewijzingId: string | null;
  gezinslidId: string | null;
  perceel: Perceel;
  aanbiederId: string | null;
  verwijzer: Verwijzer;
  zorgprofiel: ZorgprofielCategorie | null;
  regisseurId: string | null;
  cents: number;
  regels: number;
}

export interface Feiten {
  toewijzingen: ToewijzingFeit[];
  evaluaties: EvaluatieFeit[];
  realisatie: RealisatieFeit[];
  perPeriode: Map<string, number>;
  /** The same SOJ amounts per team id, then per period (lines without a team are left out). */
  perTeamPeriode: Map<string, Map<string, number>>;
  laatstePeriode: string | null;
  /** Per month of the year, the teams the SOJ sent data for (the teams its import held). */
  sojDekking: SojDekking;
  /**
   * The months of the year with SOJ data for the scope: the team's months; for the region the
   * months with SOJ data for at least one team (the forecast itself is per team).
   */
  sojMaanden: Set<string>;
}

/** The committing statuses as an SQL list, for `status IN (…)`. */
export const COMMITTING_SQL = sqlLijst(COMMITTING_STATUSSEN);

/**
 * A toewijzing `t` that commits money on some day from @van to @tot: a committing status, not
 * deleted, and running then up to its effective end. The SQL twin of shared/cost.ts `raaktJaar`,
 * so every query of the figures selects the same toewijzingen.
 */
export const COMMITTEERT_TUSSEN_SQL = `t.deleted = 0 AND t.status IN (${COMMITTING_SQL})
  AND t.startdatum <= @tot AND min(COALESCE(t.beeindigd_op, t.einddatum), t.einddatum) >= @van`;

/**
 * The scope as SQL over a toewijzing `t` joined with its product `p`, youth `l`, family `g` and
 * zorgprofiel `z`: team (null = region), perceel (null = all), and a period the toewijzing
 * touches. A team query starts from the team's families so it reads only their rows.
 */
function toewijzingScope(filter: Pick<DashboardFilter, 'teamId'>): string {
  const from = filter.teamId
    ? `FROM gezinnen g JOIN gezinsleden l ON l.gezin_id = g.id
       JOIN toewijzingen t ON t.gezinslid_id = l.id JOIN producten p ON p.id = t.product_id`
    : `FROM toewijzingen t JOIN producten p ON p.id = t.product_id
       JOIN gezinsleden l ON l.id = t.gezinslid_id JOIN gezinnen g ON g.id = l.gezin_id`;
  return `${from} LEFT JOIN zorgprofielen z ON z.id = t.zorgprofiel_id
   WHERE ${COMMITTEERT_TUSSEN_SQL} ${filter.teamId ? 'AND g.team_id = @team' : ''}
     AND (@perceel IS NULL OR p.perceel = @perceel)`;
}

const toewijzingFeitenSql = (filter: DashboardFilter) => `
  SELECT t.id, t.gezinslid_id, l.gezin_id, t.actieplan_id, g.team_id, g.regisseur_id,
         t.aanbieder_id, t.verwijzer, p.perceel, p.productcode, z.categorie AS zorgprofiel,
         t.status, t.volume, t.frequentie, t.tarief_cents, t.startdatum, t.einddatum,
         t.beeindigd_op, t.werkelijke_start, t.einde_reden, g.oordeel_cijfer
  ${toewijzingScope(filter)}`;

const evaluatieFeitenSql = (filter: DashboardFilter) => `
  SELECT e.toewijzing_id, e.uitgevoerd_op, e.uitkomst
  ${toewijzingScope(filter).replace(
    'LEFT JOIN zorgprofielen z ON z.id = t.zorgprofiel_id',
    'JOIN evaluaties e ON e.toewijzing_id = t.id',
  )} AND e.deleted = 0 AND e.uitgevoerd_op IS NOT NULL`;

/** SOJ lines `s` of the scope and year; served by the covering indexes on soj_regels. */
export function sojScope(filter: Pick<DashboardFilter, 'teamId'>): string {
  return `s.deleted = 0 ${filter.teamId ? 'AND s.team_id = @team' : ''}
    AND s.periode BETWEEN @periodeVan AND @periodeTot AND (@perceel IS NULL OR s.perceel = @perceel)`;
}

const realisatieSql = (filter: DashboardFilter) => `
  SELECT s.toewijzing_id, s.gezinslid_id, s.perceel, a.id AS aanbieder_id, s.verwijzer,
         z.categorie AS zorgprofiel, g.regisseur_id, s.cents, s.regels
    FROM (SELECT toewijzing_id, gezinslid_id, perceel, aanbieder_agb, verwijzer,
                 sum(bedrag_cents) AS cents, count(*) AS regels
            FROM soj_regels s WHERE ${sojScope(filter)}
           GROUP BY toewijzing_id, gezinslid_id, perceel, aanbieder_agb, verwijzer) s
    LEFT JOIN aanbieders a ON a.agb_code = s.aanbieder_agb
    LEFT JOIN toewijzingen t ON t.id = s.toewijzing_id
    LEFT JOIN zorgprofielen z ON z.id = t.zorgprofiel_id
    LEFT JOIN gezinsleden l ON l.id = s.gezinslid_id
    LEFT JOIN gezinnen g ON g.id = l.gezin_id`;

const perPeriodeSql = (filter: DashboardFilter) => `
  SELECT s.periode, s.team_id, sum(s.bedrag_cents) AS cents FROM soj_regels s
   WHERE ${sojScope(filter)}
   GROUP BY s.periode, s.team_id`;

/**
 * An import covers the teams it held lines for (soj_imports.team_ids), not the whole region: a
 * file with only team A's lines says nothing about team B's month.
 */
const SOJ_DEKKING_SQL = `
  SELECT i.periode, j.value AS team_id FROM soj_imports i, json_each(i.team_ids) j
   WHERE i.deleted = 0 AND i.periode BETWEEN @periodeVan AND @periodeTot
   ORDER BY i.periode`;

/** Per month of `jaar`, the teams with SOJ data for it (an import of that period held them). */
export function sojDekkingVan(deps: Deps, jaar: number): Map<string, Set<string>> {
  const dekking = new Map<string, Set<string>>();
  const rijen = stmt(deps, SOJ_DEKKING_SQL).all({
    periodeVan: `${jaar}-01`,
    periodeTot: `${jaar}-12`,
  }) as { periode: string; team_id: string }[];
  for (const r of rijen) {
    const teams = dekking.get(r.periode);
    if (teams) teams.add(r.team_id);
    else dekking.set(r.periode, new Set([r.team_id]));
  }
  return dekking;
}

/**
 * The months of `jaar` with SOJ data for the team: in the forecast a month counts as committed
 * for it until an import of that period holds the team.
 */
export function sojMaandenVan(deps: Deps, jaar: number, teamId: string): Set<string> {
  return sojMaandenVanTeam(jaar, sojDekkingVan(deps, jaar), teamId);
}

export function scopeParams(filter: DashboardFilter, van: IsoDate, tot: IsoDate) {
  return {
    ...(filter.teamId ? { team: filter.teamId } : {}),
    perceel: filter.perceel,
    van,
    tot,
    periodeVan: `${filter.jaar}-01`,
    periodeTot: `${filter.jaar}-12`,
  };
}

type Raw = Record<string, string | number | null>;

/** The commitment columns of a toewijzingen row as SQL returns them (snake_case). */
export function commitmentUitRij(r: Record<string, unknown>): Commitment {
  return {
    volume: r.volume,
    frequentie: r.frequentie,
    tariefCents: r.tarief_cents,
    startdatum: r.startdatum,
    einddatum: r.einddatum,
    beeindigdOp: r.beeindigd_op,
  } as Commitment;
}

export function toewijzingFeit(r: Raw): ToewijzingFeit {
  const feit = {
    id: r.id,
    gezinslidId: r.gezinslid_id,
    gezinId: r.gezin_id,
    actieplanId: r.actieplan_id,
    teamId: r.team_id,
    regisseurId: r.regisseur_id,
    aanbiederId: r.aanbieder_id,
    verwijzer: r.verwijzer,
    perceel: r.perceel,
    productcode: r.productcode,
    zorgprofiel: r.zorgprofiel,
    status: r.status,
    ...commitmentUitRij(r),
    werkelijkeStart: r.werkelijke_start,
    eindeReden: r.einde_reden,
    oordeelCijfer: r.oordeel_cijfer,
    eind: '',
  } as ToewijzingFeit;
  feit.eind = effectiveEnd(feit);
  return feit;
}

/**
 * Everything the dashboard of `filter` needs. Toewijzingen are read from the year before
 * on, because return into care looks at care that ended then.
 */
export function laadFeiten(deps: Deps, filter: DashboardFilter): Feiten {
  const params = scopeParams(filter, `${filter.jaar - 1}-01-01`, `${filter.jaar}-12-31`);
  const toewijzingen = (stmt(deps, toewijzingFeitenSql(filter)).all(params) as Raw[]).map(
    toewijzingFeit,
  );
  const evaluaties = (stmt(deps, evaluatieFeitenSql(filter)).all(params) as Raw[]).map((r) => ({
    toewijzingId: r.toewijzing_id as string,
    uitgevoerdOp: r.uitgevoerd_op as string,
    uitkomst: r.uitkomst as string | null,
  }));
  const realisatie = (stmt(deps, realisatieSql(filter)).all(params) as Raw[]).map((r) => ({
    toewijzingId: r.toewijzing_id,
    gezinslidId: r.gezinslid_id,
    perceel: r.perceel,
    aanbiederId: r.aanbieder_id,
    verwijzer: r.verwijzer,
    zorgprofiel: r.zorgprofiel,
    regisseurId: r.regisseur_id,
    cents: r.cents,
    regels: r.regels,
  })) as RealisatieFeit[];
  const perPeriode = new Map<string, number>();
  const perTeamPeriode = new Map<string, Map<string, number>>();
  for (const r of stmt(deps, perPeriodeSql(filter)).all(params) as Raw[]) {
    const periode = r.periode as string;
    const cents = r.cents as number;
    perPeriode.set(periode, (perPeriode.get(periode) ?? 0) + cents);
    if (r.team_id === null) continue;
    const team = perTeamPeriode.get(r.team_id as string) ?? new Map<string, number>();
    team.set(periode, cents);
    perTeamPeriode.set(r.team_id as string, team);
  }
  const sojDekking = sojDekkingVan(deps, filter.jaar);
  const sojMaanden = filter.teamId
    ? sojMaandenVanTeam(filter.jaar, sojDekking, filter.teamId)
    : new Set([...sojDekking.keys()].sort());
  return {
    toewijzingen,
    evaluaties,
    realisatie,
    perPeriode,
    perTeamPeriode,
    laatstePeriode: [...sojMaanden].at(-1) ?? null,
    sojDekking,
    sojMaanden,
  };
}

/** Commitments of the whole region from `van` on, for the aanbieders' budgetplafond. */
export function regioToekomst(deps: Deps, van: IsoDate, tot: IsoDate) {
  return (
    stmt(
      deps,
      `SELECT t.aanbieder_id, g.team_id, t.volume, t.frequentie, t.tarief_cents, t.startdatum,
              t.einddatum, t.beeindigd_op
         FROM toewijzingen t JOIN gezinsleden l ON l.id = t.gezinslid_id
         JOIN gezinnen g ON g.id = l.gezin_id
        WHERE ${COMMITTEERT_TUSSEN_SQL}`,
    ).all({ van, tot }) as Raw[]
  ).map((r) => ({
    aanbiederId: r.aanbieder_id as string,
    teamId: r.team_id as string,
    ...commitmentUitRij(r),
  }));
}

/**
 * Names of youths for the teamcoach's lists; a beheerder reads no dossiers and gets none, so
 * every caller shows its own placeholder.
 */
export function namenVanJeugdigen(ctx: ReadCtx, ids: string[]): Map<string, string> {
  if (ctx.session.rol === 'beheerder' || ids.length === 0) return new Map();
  const rows = stmt(
    ctx,
    `SELECT id, voornaam || ' ' || achternaam AS naam FROM gezinsleden
      WHERE id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as { id: string; naam: string }[];
  return new Map(rows.map((r) => [r.id, r.naam]));
}
