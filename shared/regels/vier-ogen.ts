/**
 * Vier ogen (000_… sturingskader 1 and 4: never decide alone): which toewijzingen need a
 * colleague's or the teamcoach's approval before they are toegewezen, and what counts as that
 * approval. The core decides a new toewijzing's status by it (core/toewijzing/toewijzing.ts), the
 * service refuses a toewijzing made toegewezen without it. A toewijzing that takes the team's
 * (or the perceel's) forecast over its budget is the teamcoach's to approve (`alleenTeamcoach`):
 * the coach holds the budget ("kostenbewustzijn", 003_… 1.3.1).
 */
import { VERBLIJF_CATEGORIEEN, type IjwProductcategorie } from '../domain';
import { formatEuro } from '../money';
import type { Waarden } from './weigering';

export interface VierOgenFeiten {
  /** Help without a beschikking (the product's) never needs approval. */
  beschikkingsvrij: boolean;
  /** The zorgprofiel's category (null: none yet). */
  zorgprofiel: string | null;
  /** Help with verblijf, out of home (the product's iJw category, `isVerblijf`). */
  verblijf: boolean;
  /** "Nee, tenzij": the aanbieder has a cliëntenstop or reached its budgetplafond. */
  neeTenzij: boolean;
  /** What the toewijzing commits from start to end. */
  totaalCents: number;
  /** The team's threshold (`teams.vierOgenDrempelCents`). */
  drempelCents: number;
  /**
   * The team's or the perceel's forecast after this toewijzing is above its budget
   * (`bovenBudget`); the laptop computes it, the service takes it from the row
   * (`toewijzingen.bovenBudget`), README "Money rules".
   */
  bovenBudget: boolean;
}

/** A budget a toewijzing weighs on: the team's whole budget, or its perceel's. */
export interface BudgetNa {
  budgetCents: number | null;
  /** The forecast of the year with this toewijzing (shared/cost.ts `prognoseCents`). */
  prognoseNaCents: number;
}

/** Whether the forecast with this toewijzing is above any budget set for it. */
export const bovenBudget = (budgetten: readonly BudgetNa[]): boolean =>
  budgetten.some((b) => b.budgetCents !== null && b.prognoseNaCents > b.budgetCents);

export const BOVEN_BUDGET_REDEN = 'prognose boven het budget (akkoord van de teamcoach)';

/** Whether a product of this iJw category means the youth lives away from home. */
export const isVerblijf = (categorie: unknown) =>
  VERBLIJF_CATEGORIEEN.includes(categorie as IjwProductcategorie);

/** Why this toewijzing needs a vier-ogen approval, in words; empty when it does not. */
export function vierOgenRedenen(f: VierOgenFeiten): string[] {
  if (f.beschikkingsvrij) return [];
  const redenen: string[] = [];
  if (f.zorgprofiel === 'acuut') redenen.push('zorgprofiel Acuut');
  if (f.verblijf) redenen.push('hulp met verblijf buiten huis');
  if (f.neeTenzij)
    redenen.push('"nee, tenzij" bij een aanbieder met cliëntenstop of bereikt budgetplafond');
  if (f.totaalCents > f.drempelCents)
    redenen.push(`kosten boven de teamdrempel van ${formatEuro(f.drempelCents)}`);
  if (f.bovenBudget) redenen.push(BOVEN_BUDGET_REDEN);
  return redenen;
}

/** Whether only the teamcoach may approve this toewijzing (its row's values). */
export const alleenTeamcoach = (toewijzing: Waarden | null | undefined): boolean =>
  toewijzing?.bovenBudget === true;

/**
 * An approval that counts: an akkoord on the toewijzing, not deleted, decided `akkoord` by
 * someone other than its requester.
 */
export function isGoedgekeurd(akkoord: Waarden): boolean {
  return (
    akkoord.deleted !== true &&
    akkoord.besluit === 'akkoord' &&
    typeof akkoord.beoordeeldDoor === 'string' &&
    akkoord.beoordeeldDoor !== akkoord.aangevraagdDoor
  );
}
