/** The region's KPIs on the dashboard (002_… 4.4): afschaling, return into care, help without
 * jeugdhulp, and the duration and cost of care that ended. */
import type { Dashboard, DashboardFilter } from '../../shared/api';
import { totalCents } from '../../shared/cost';
import { daysInclusive } from '../../shared/dates';
import type { Deps } from '../context';
import { stmt } from '../prepared';
import { COMMITTING_SQL, type Feiten, type ToewijzingFeit } from './feiten';
import type { ToewijzingKenmerk } from './kenmerken';

const DAYS_PER_MONTH = 365.25 / 12;

/** Action plans closed in the year and whether they needed jeugdhulp (002_… 4.4). */
export function actieplanFeiten(deps: Deps, filter: DashboardFilter) {
  return stmt(
    deps,
    `SELECT a.id, a.gezin_id,
            EXISTS (SELECT 1 FROM toewijzingen t WHERE t.actieplan_id = a.id AND t.deleted = 0
                      AND t.status IN (${COMMITTING_SQL}))
              AS met_jeugdhulp
       FROM actieplannen a JOIN gezinnen g ON g.id = a.gezin_id
      WHERE a.deleted = 0 AND a.status = 'afgerond' AND a.afgerond_op BETWEEN @van AND @tot
        AND (@team IS NULL OR g.team_id = @team)`,
  ).all({ team: filter.teamId, van: `${filter.jaar}-01-01`, tot: `${filter.jaar}-12-31` }) as {
    id: string;
    gezin_id: string;
    met_jeugdhulp: number;
  }[];
}

export function kpis(
  deps: Deps,
  filter: DashboardFilter,
  feiten: Feiten,
  sets: Map<ToewijzingKenmerk, Set<string>>,
  beeindigd: ToewijzingFeit[],
): Dashboard['kpis'] {
  const byId = new Map(feiten.toewijzingen.map((f) => [f.id, f]));
  const evaluatiesInJaar = feiten.evaluaties.filter(
    (e) => e.uitgevoerdOp.startsWith(`${filter.jaar}-`) && e.uitkomst !== null,
  );
  const jeugdigenVan = (ids: Set<string>) =>
    new Set([...ids].map((id) => byId.get(id)!.gezinslidId)).size;
  const plannen = actieplanFeiten(deps, filter);
  const dagenTotaal = beeindigd.reduce((s, f) => s + daysInclusive(f.startdatum, f.eind), 0);
  const centsTotaal = beeindigd.reduce((s, f) => s + totalCents(f), 0);
  return {
    afschaling: {
      teller: evaluatiesInJaar.filter((e) => e.uitkomst === 'afschalen').length,
      noemer: evaluatiesInJaar.length,
    },
    terugkeer: {
      teller: jeugdigenVan(sets.get('terugkeer')!),
      noemer: jeugdigenVan(sets.get('zorg_geeindigd')!),
    },
    zonderJeugdhulp: {
      teller: plannen.filter((p) => p.met_jeugdhulp === 0).length,
      noemer: plannen.length,
    },
    duur: {
      aantal: beeindigd.length,
      gemiddeldeDagen: beeindigd.length ? Math.round(dagenTotaal / beeindigd.length) : 0,
      kostenPerMaandCents: dagenTotaal
        ? Math.round(centsTotaal / (dagenTotaal / DAYS_PER_MONTH))
        : 0,
    },
  };
}
