/**
 * The aanbieders near their budgetplafond (an outlier list of the dashboard). The plafond is the
 * region's, not the team's, so the forecast per aanbieder is the region's too.
 */
import type { Dashboard } from '../../shared/api';
import { PLAFOND_SIGNAAL } from '../../shared/budget';
import { prognoseBijdrage, sojMaandenVanTeam, type SojDekking } from '../../shared/cost';
import type { Deps } from '../context';
import { stmt } from '../prepared';
import { regioToekomst, type ToewijzingFeit } from './feiten';

const plafondCache = new WeakMap<object, { sleutel: string; prognose: Map<string, number> }>();

/**
 * Region-wide forecast per aanbieder. The same for every team's dashboard, so it is kept until
 * the next write on this connection (total_changes() moves with every insert, update and delete,
 * the SOJ import included).
 */
function plafondPrognose(deps: Deps, jaar: number, dekking: SojDekking): Map<string, number> {
  const { n } = stmt(deps, 'SELECT total_changes() AS n').get() as { n: number };
  const sleutel = `${jaar}|${[...dekking].map(([p, t]) => `${p}:${[...t].join('+')}`).join(',')}|${n}`;
  const cached = plafondCache.get(deps.sqlite);
  if (cached?.sleutel === sleutel) return cached.prognose;
  const prognose = berekenPlafondPrognose(deps, jaar, dekking);
  plafondCache.set(deps.sqlite, { sleutel, prognose });
  return prognose;
}

/**
 * The same forecast rule as the team's (shared/cost.ts `prognoseCents`), per aanbieder: per team
 * the SOJ amounts of its months with SOJ data, the committed cents of its other months.
 */
function berekenPlafondPrognose(deps: Deps, jaar: number, dekking: SojDekking) {
  const realised = stmt(
    deps,
    `SELECT a.id, s.periode, s.team_id, s.cents FROM (
       SELECT aanbieder_agb, periode, team_id, sum(bedrag_cents) AS cents FROM soj_regels
        WHERE deleted = 0 AND periode BETWEEN @periodeVan AND @periodeTot
        GROUP BY aanbieder_agb, periode, team_id) s
       JOIN aanbieders a ON a.agb_code = s.aanbieder_agb`,
  ).all({ periodeVan: `${jaar}-01`, periodeTot: `${jaar}-12` }) as {
    id: string;
    periode: string;
    team_id: string | null;
    cents: number;
  }[];
  const heeftSoj = (p: string, teamId: string | null) =>
    teamId !== null && (dekking.get(p)?.has(teamId) ?? false);
  const prognose = new Map<string, number>();
  const erbij = (id: string, cents: number) => prognose.set(id, (prognose.get(id) ?? 0) + cents);
  for (const r of realised) if (heeftSoj(r.periode, r.team_id)) erbij(r.id, r.cents);
  const sojMaandenPerTeam = new Map<string, Set<string>>();
  const sojMaandenVan = (teamId: string) => {
    let maanden = sojMaandenPerTeam.get(teamId);
    if (!maanden)
      sojMaandenPerTeam.set(teamId, (maanden = sojMaandenVanTeam(jaar, dekking, teamId)));
    return maanden;
  };
  for (const f of regioToekomst(deps, `${jaar}-01-01`, `${jaar}-12-31`))
    erbij(f.aanbiederId, prognoseBijdrage(f, jaar, sojMaandenVan(f.teamId)));
  return prognose;
}

/**
 * The aanbieders the team used this year whose region forecast reaches PLAFOND_SIGNAAL of their
 * budgetplafond, or that have a cliëntenstop; closest to the plafond first.
 */
export function plafondSignalen(
  deps: Deps,
  jaarFeiten: ToewijzingFeit[],
  jaarCents: Map<string, number>,
  jaar: number,
  dekking: SojDekking,
): Dashboard['uitschieters']['plafond']['rijen'] {
  const gebruikteAanbieders = new Set(jaarFeiten.map((f) => f.aanbiederId));
  const teamPerAanbieder = new Map<string, number>();
  for (const f of jaarFeiten)
    teamPerAanbieder.set(
      f.aanbiederId,
      (teamPerAanbieder.get(f.aanbiederId) ?? 0) + jaarCents.get(f.id)!,
    );
  const regioPrognose = plafondPrognose(deps, jaar, dekking);
  return (
    stmt(
      deps,
      'SELECT id, naam, budgetplafond_cents, clientenstop FROM aanbieders WHERE deleted = 0',
    ).all() as {
      id: string;
      naam: string;
      budgetplafond_cents: number;
      clientenstop: number;
    }[]
  )
    .filter((a) => gebruikteAanbieders.has(a.id))
    .map((a) => ({
      aanbiederId: a.id,
      naam: a.naam,
      plafondCents: a.budgetplafond_cents,
      prognoseRegioCents: regioPrognose.get(a.id) ?? 0,
      clientenstop: a.clientenstop === 1,
      gecommitteerdCents: teamPerAanbieder.get(a.id) ?? 0,
    }))
    .filter((a) => a.clientenstop || a.prognoseRegioCents >= a.plafondCents * PLAFOND_SIGNAAL)
    .sort((a, b) => b.prognoseRegioCents / b.plafondCents - a.prognoseRegioCents / a.plafondCents);
}
