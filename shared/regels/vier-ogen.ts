/**
 * Vier ogen (000_… sturingskader 1 and 4: never decide alone): which toewijzingen need a
 * colleague's or the teamcoach's approval before they are toegewezen, and what counts as that
 * approval. The core decides a new toewijzing's status by it (core/services/toewijzing.ts), the
 * service refuses a toewijzing made toegewezen without it.
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
}

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
  return redenen;
}

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
