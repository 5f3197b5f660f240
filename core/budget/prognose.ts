/**
 * The forecast and what remains of a budget, for one team (or one perceel of it) and year: the
 * one definition the dashboard's "Resterend" and the allocation dialog's "na deze toewijzing over"
 * both show (shared/cost.ts `prognoseCents`, README "Money rules").
 */
import {
  gecommitteerdInJaar,
  prognoseBijdrage,
  prognoseCents,
  type Commitment,
} from '../../shared/cost';
import type { Perceel } from '../../shared/domain';
import type { Deps } from '../context';
import { stmt } from '../prepared';
import { budgetVoor } from './teambudget';
import { COMMITTEERT_TUSSEN_SQL, commitmentUitRij, sojMaandenVan } from './feiten';

export interface Prognose {
  jaar: number;
  perceel: Perceel | null;
  /** The budget set for it; null when none is set. */
  budgetCents: number | null;
  prognoseCents: number;
  /** The months of the year with SOJ data for the team (counted as realised), jjjj-mm. */
  sojMaanden: Set<string>;
  /** Committed per month of the year, of the toewijzingen counted. */
  gecommitteerdPerMaand: Map<string, number>;
}

/** The forecast of the team's year, as the dashboard computes it for the same filter. */
export function teamPrognose(
  deps: Deps,
  teamId: string,
  jaar: number,
  perceel: Perceel | null,
): Prognose {
  const rijen = stmt(
    deps,
    `SELECT t.volume, t.frequentie, t.tarief_cents, t.startdatum, t.einddatum, t.beeindigd_op
       FROM gezinnen g JOIN gezinsleden l ON l.gezin_id = g.id
       JOIN toewijzingen t ON t.gezinslid_id = l.id JOIN producten p ON p.id = t.product_id
      WHERE g.team_id = @team AND ${COMMITTEERT_TUSSEN_SQL}
        AND (@perceel IS NULL OR p.perceel = @perceel)`,
  ).all({ team: teamId, perceel, van: `${jaar}-01-01`, tot: `${jaar}-12-31` }) as Record<
    string,
    unknown
  >[];
  const gecommitteerdPerMaand = new Map<string, number>();
  for (const r of rijen) voegToe(gecommitteerdPerMaand, commitmentUitRij(r), jaar);
  const gerealiseerd = new Map(
    (
      stmt(
        deps,
        `SELECT periode, sum(bedrag_cents) AS cents FROM soj_regels
          WHERE deleted = 0 AND team_id = @team AND periode BETWEEN @periodeVan AND @periodeTot
            AND (@perceel IS NULL OR perceel = @perceel)
          GROUP BY periode`,
      ).all({ team: teamId, perceel, periodeVan: `${jaar}-01`, periodeTot: `${jaar}-12` }) as {
        periode: string;
        cents: number;
      }[]
    ).map((r) => [r.periode, r.cents]),
  );
  const sojMaanden = sojMaandenVan(deps, jaar, teamId);
  return {
    jaar,
    perceel,
    budgetCents: budgetVoor(deps, { teamId, jaar, perceel }),
    prognoseCents: prognoseCents(jaar, sojMaanden, gerealiseerd, gecommitteerdPerMaand),
    sojMaanden,
    gecommitteerdPerMaand,
  };
}

/** Adds a toewijzing's months of `jaar` to a per-month sum. */
export function voegToe(perMaand: Map<string, number>, c: Commitment, jaar: number): void {
  for (const [p, cents] of gecommitteerdInJaar(c, jaar).perMaand)
    perMaand.set(p, (perMaand.get(p) ?? 0) + cents);
}

/** What one more toewijzing adds to the forecast: its cents in the months without SOJ data. */
export function bijdrage(prognose: Prognose, c: Commitment): number {
  return prognoseBijdrage(c, prognose.jaar, prognose.sojMaanden);
}
