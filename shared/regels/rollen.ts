/**
 * What a role may change, per table: written once and run on both sides (ARCHITECTURE.md "Trust:
 * who decides what"). The core's use cases decide by these functions; the service checks every
 * pushed change with `rolFout`, so a laptop that skips the app (or a forged push) cannot do
 * what the app would not. Pure: the caller hands in the row as it stands, the change's new
 * values and a way to look up related rows.
 *
 * - akkoorden: a request is made in the caller's own name and its requester never changes; a
 *   decision (besluit, beoordeeldDoor, beoordeeldOp) is taken once, by a jeugdprofessional or
 *   teamcoach who is not the requester, in the caller's own name; by the teamcoach when the
 *   toewijzing took the forecast over the budget (`bovenBudget`, which is never cleared).
 * - toewijzingen: toegewezen or gestart only with the vier-ogen approval it needs (a request
 *   waiting for approval always needs it); a continuation after op- or afschalen runs on without
 *   a new one, as the core's evaluation makes it; an ended or withdrawn one does not run again.
 *   It runs only with a choice of help the region contracted for (./toewijzing-keuze.ts), which
 *   is fixed once it has run.
 * - teambudgetten, budget_wijzigingen: only the team's teamcoach or a beheerder; a budget change
 *   is logged in the caller's own name.
 * - gezinnen.regisseurId, overdrachten.naarId, gezin_medewerkers.professionalId: an active
 *   professional of the family's team.
 */
import { totalCents } from '../cost';
import { addDays } from '../dates';
import type { IjwFrequentie } from '../domain';
import { TOEWIJZING_LOPEND } from '../statussen';
import { KEUZE_VELDEN, keuzeFout, zorgprofielVanToewijzing } from './toewijzing-keuze';
import { isBedrag, isDatum } from './waarden';
import { alleenTeamcoach, isGoedgekeurd, isVerblijf, vierOgenRedenen } from './vier-ogen';
import { weiger, type Aanroeper, type Opzoeken, type Waarden, type Weigering } from './weigering';

/** The team's threshold when it has none of its own (as `teams.vier_ogen_drempel_cents`). */
export const VIER_OGEN_DREMPEL_STANDAARD = 2_500_000;

/** The roles that decide on a vier-ogen request (the API's `akkoord.besluiten`). */
const BESLISSERS: readonly string[] = ['jeugdprofessional', 'teamcoach'];
const BESLUITVELDEN = ['besluit', 'beoordeeldDoor', 'beoordeeldOp'] as const;

/** A change's place: its table, its row and the team the row belongs to. */
export interface Plek {
  tabel: string;
  rijId: string;
  /** The family's team (or the budget's), as it is before this change. */
  teamId: string | null;
}

/**
 * Why a decision on this request (as it stands) by the caller, in the name of `beoordeeldDoor`,
 * may not be taken; null when it may.
 */
export function besluitFout(
  aanroeper: Aanroeper,
  akkoord: Waarden,
  beoordeeldDoor: unknown,
  toewijzing?: Waarden | null,
): Weigering | null {
  if (akkoord.besluit != null)
    return weiger(409, 'akkoord-al-besloten', 'Over dit verzoek is al besloten.');
  if (beoordeeldDoor !== aanroeper.id || !BESLISSERS.includes(aanroeper.rol))
    return weiger(
      403,
      'akkoord-beoordelaar',
      'Een vier-ogenbesluit neemt u zelf en op uw eigen naam, als collega of teamcoach van het team.',
    );
  if (alleenTeamcoach(toewijzing) && aanroeper.rol !== 'teamcoach')
    return weiger(
      403,
      'akkoord-teamcoach',
      'Deze toewijzing brengt de prognose boven het budget: daarover besluit de teamcoach.',
    );
  if (akkoord.aangevraagdDoor === aanroeper.id)
    return weiger(
      403,
      'akkoord-eigen-verzoek',
      'U kunt uw eigen toewijzing niet accorderen: vraag een collega of de teamcoach.',
    );
  return null;
}

function akkoordFout(aanroeper: Aanroeper, huidig: Waarden | null, nieuw: Waarden, zoek: Opzoeken) {
  const aanvrager = weiger(
    403,
    'akkoord-aanvrager',
    'Een verzoek om akkoord doet u op uw eigen naam, en wie het vroeg blijft wie het vroeg.',
  );
  if (!huidig && nieuw.aangevraagdDoor !== aanroeper.id) return aanvrager;
  if (huidig && 'aangevraagdDoor' in nieuw && nieuw.aangevraagdDoor !== huidig.aangevraagdDoor)
    return aanvrager;
  const besluit = BESLUITVELDEN.some((v) => v in nieuw && nieuw[v] !== (huidig?.[v] ?? null));
  if (!besluit) return null;
  const na = { ...huidig, ...nieuw };
  // The toewijzing as it stands (a request always has one): whether only the teamcoach decides.
  const toewijzing =
    typeof na.toewijzingId === 'string' ? zoek.rij('toewijzingen', na.toewijzingId) : null;
  return besluitFout(
    aanroeper,
    huidig ?? { ...nieuw, besluit: null },
    na.beoordeeldDoor,
    toewijzing,
  );
}

/**
 * Why this toewijzing needs a vier-ogen approval (its values as they will be), from the facts
 * the region holds: the product's category, tariff and whether it needs a beschikking, the
 * aanbieder's cliëntenstop, the team's threshold and the zorgprofiel. A fact that cannot be
 * found counts as needing it.
 */
export function vierOgenVoor(toewijzing: Waarden, teamId: string | null, zoek: Opzoeken): string[] {
  const product =
    typeof toewijzing.productId === 'string' ? zoek.rij('producten', toewijzing.productId) : null;
  if (!product) return ['een onbekend product'];
  const aanbieder =
    typeof toewijzing.aanbiederId === 'string'
      ? zoek.rij('aanbieders', toewijzing.aanbiederId)
      : null;
  const team = teamId ? zoek.rij('teams', teamId) : null;
  const profiel = zorgprofielVanToewijzing(toewijzing, zoek) ?? null;
  // What it costs at the product's tariff: a lower tariff written in the row does not count.
  const tarief = Math.max(
    isBedrag(toewijzing.tariefCents) ? toewijzing.tariefCents : 0,
    isBedrag(product.tariefCents) ? product.tariefCents : 0,
  );
  const { startdatum, einddatum, volume } = toewijzing;
  const totaal =
    isDatum(startdatum) && isDatum(einddatum) && Number.isSafeInteger(volume)
      ? totalCents({
          volume: volume as number,
          frequentie: (product.frequentie ?? toewijzing.frequentie) as IjwFrequentie,
          tariefCents: tarief,
          startdatum,
          einddatum,
        })
      : Number.NaN;
  if (!Number.isFinite(totaal) && product.beschikkingsvrij !== true)
    return ['kosten die niet te berekenen zijn'];
  return vierOgenRedenen({
    beschikkingsvrij: product.beschikkingsvrij === true,
    zorgprofiel: typeof profiel?.categorie === 'string' ? profiel.categorie : null,
    verblijf: isVerblijf(product.categorie),
    neeTenzij: toewijzing.neeTenzij === true || aanbieder?.clientenstop === true,
    totaalCents: totaal,
    drempelCents: isBedrag(team?.vierOgenDrempelCents)
      ? team.vierOgenDrempelCents
      : VIER_OGEN_DREMPEL_STANDAARD,
    // The forecast needs the SOJ data, which the service does not hold: the laptop's finding.
    bovenBudget: toewijzing.bovenBudget === true,
  });
}

/**
 * The same help continued with another volume after an evaluation (op- or afschalen): the
 * toewijzing it follows ended the day before, for the same youth, aanbieder, product and end.
 */
function isVervolg(rijId: string, t: Waarden, zoek: Opzoeken): boolean {
  if (typeof t.gezinslidId !== 'string' || !isDatum(t.startdatum)) return false;
  const dagErvoor = addDays(t.startdatum, -1);
  return zoek
    .rijenMet('toewijzingen', 'gezinslidId', t.gezinslidId)
    .some(
      (v) =>
        v.id !== rijId &&
        v.deleted !== true &&
        v.status === 'beeindigd' &&
        v.beeindigdOp === dagErvoor &&
        v.aanbiederId === t.aanbiederId &&
        v.productId === t.productId &&
        v.einddatum === t.einddatum &&
        (v.zorgprofielId ?? null) === (t.zorgprofielId ?? null) &&
        (v.actieplanId ?? null) === (t.actieplanId ?? null),
    );
}

const LOPEND: readonly unknown[] = TOEWIJZING_LOPEND;
/** A toewijzing that has run: its choice was checked when it began and is fixed from then on. */
const GELOPEN: readonly unknown[] = [...LOPEND, 'beeindigd'];
/** What a toewijzing that has run keeps: its choice of help, its youth and its day of making. */
const VASTE_VELDEN = [...KEUZE_VELDEN, 'gezinslidId', 'aangemaaktOp'];

/**
 * Whether this change makes a toewijzing run, so that its choice is checked: new and running, or
 * from concept or ter_accordering to toegewezen or gestart. Not a continuation after op- or
 * afschalen: the core makes it with the choice of the toewijzing it follows, checked when that
 * one began (and fixed since).
 */
function wordtLopend(plek: Plek, huidig: Waarden | null, na: Waarden, zoek: Opzoeken) {
  if (!LOPEND.includes(na.status) || (huidig && LOPEND.includes(huidig.status))) return false;
  return !isVervolg(plek.rijId, na, zoek);
}

/** Why the choice of a toewijzing that has run may not change, or null. */
function vasteKeuzeFout(huidig: Waarden | null, nieuw: Waarden): Weigering | null {
  if (!huidig || !GELOPEN.includes(huidig.status)) return null;
  return VASTE_VELDEN.some((v) => v in nieuw && nieuw[v] !== (huidig[v] ?? null))
    ? weiger(
        400,
        'toewijzing-keuze',
        'De aanbieder, het product en het zorgprofiel van een toewijzing die liep liggen vast: maak een nieuwe toewijzing.',
      )
    : null;
}

function toewijzingFout(plek: Plek, huidig: Waarden | null, nieuw: Waarden, zoek: Opzoeken) {
  if (huidig?.bovenBudget === true && 'bovenBudget' in nieuw && nieuw.bovenBudget !== true)
    return weiger(
      403,
      'toewijzing-boven-budget',
      'Dat deze toewijzing de prognose boven het budget bracht, blijft vastgelegd.',
    );
  const na = { ...huidig, ...nieuw };
  const keuze =
    vasteKeuzeFout(huidig, nieuw) ??
    (wordtLopend(plek, huidig, na, zoek) ? keuzeFout(na, zoek) : null);
  if (keuze) return keuze;
  if (!('status' in nieuw)) return null;
  const van = (huidig?.status as string | undefined) ?? null;
  const naar = nieuw.status;
  if (naar === van) return null;
  const opnieuw = weiger(
    403,
    'toewijzing-status',
    'Een toewijzing die beëindigd of ingetrokken is, of nog niet liep, kan zo niet verder: maak een nieuwe toewijzing.',
  );
  if (naar === 'beeindigd') return van === 'toegewezen' || van === 'gestart' ? null : opnieuw;
  if (naar !== 'toegewezen' && naar !== 'gestart') return null;
  if (van === 'beeindigd' || van === 'ingetrokken' || (van === 'gestart' && naar === 'toegewezen'))
    return opnieuw;
  if (van === 'toegewezen') return null;
  if (zoek.rijenMet('akkoorden', 'toewijzingId', plek.rijId).some(isGoedgekeurd)) return null;
  const zonder = (waarom: string) =>
    weiger(
      403,
      'toewijzing-zonder-akkoord',
      `Deze toewijzing vraagt eerst een vier-ogenakkoord van een collega of de teamcoach (${waarom}).`,
    );
  if (van === 'ter_accordering') return zonder('er is om akkoord gevraagd');
  if (naar === 'gestart' && isVervolg(plek.rijId, na, zoek)) return null;
  const redenen = vierOgenVoor(na, plek.teamId, zoek);
  return redenen.length > 0 ? zonder(redenen.join(', ')) : null;
}

/** Whether the caller may set this team's budget: its teamcoach, or a beheerder. */
export function budgetFout(aanroeper: Aanroeper, teamId: unknown): Weigering | null {
  if (aanroeper.rol === 'beheerder') return null;
  if (aanroeper.rol === 'teamcoach' && aanroeper.teamId === teamId) return null;
  return weiger(
    403,
    'budget-rol',
    aanroeper.rol === 'teamcoach'
      ? 'U stelt alleen het budget van uw eigen team vast.'
      : 'Alleen de teamcoach van het team of een beheerder stelt het teambudget vast.',
  );
}

function budgetRijFout(plek: Plek, aanroeper: Aanroeper, huidig: Waarden | null, nieuw: Waarden) {
  const fout = budgetFout(aanroeper, { ...huidig, ...nieuw }.teamId);
  if (fout || plek.tabel !== 'budget_wijzigingen') return fout;
  const anders = huidig
    ? 'door' in nieuw && nieuw.door !== huidig.door
    : nieuw.door !== aanroeper.id;
  return anders
    ? weiger(403, 'budget-door', 'Een budgetwijziging staat op naam van wie haar vastlegt.')
    : null;
}

/**
 * Why this professional cannot work with a family of `teamId` (as regisseur or medewerker), or
 * null: an active professional of that team.
 */
export function teamlidFout(
  professional: Waarden | null | undefined,
  teamId: unknown,
): string | null {
  if (!professional || professional.deleted === true) return 'Deze professional bestaat niet.';
  if (professional.teamId !== teamId || professional.rol === 'beheerder')
    return 'Deze professional hoort niet bij het team van dit gezin.';
  if (professional.actief === false) return 'Deze professional is niet meer actief.';
  return null;
}

function teamlidVeldFout(
  veld: string,
  regel: 'regisseur-team' | 'medewerker-team',
  teamId: unknown,
  huidig: Waarden | null,
  nieuw: Waarden,
  zoek: Opzoeken,
) {
  if (!(veld in nieuw) || (huidig && nieuw[veld] === huidig[veld])) return null;
  const id = nieuw[veld];
  const fout = teamlidFout(typeof id === 'string' ? zoek.rij('professionals', id) : null, teamId);
  const wie = regel === 'regisseur-team' ? 'De regisseur' : 'Een medewerker';
  return fout ? weiger(403, regel, `${wie} komt uit het team van het gezin. ${fout}`) : null;
}

/**
 * Why the caller may not make this change (its new values `nieuw`, on the row as it stands, null
 * when new), or null when the caller may. Tables without a rule here: any member of the team.
 */
export function rolFout(
  aanroeper: Aanroeper,
  plek: Plek,
  huidig: Waarden | null,
  nieuw: Waarden,
  zoek: Opzoeken,
): Weigering | null {
  switch (plek.tabel) {
    case 'akkoorden':
      return akkoordFout(aanroeper, huidig, nieuw, zoek);
    case 'toewijzingen':
      return toewijzingFout(plek, huidig, nieuw, zoek);
    case 'teambudgetten':
    case 'budget_wijzigingen':
      return budgetRijFout(plek, aanroeper, huidig, nieuw);
    case 'gezinnen':
      return teamlidVeldFout(
        'regisseurId',
        'regisseur-team',
        { ...huidig, ...nieuw }.teamId,
        huidig,
        nieuw,
        zoek,
      );
    case 'overdrachten':
      return teamlidVeldFout('naarId', 'regisseur-team', plek.teamId, huidig, nieuw, zoek);
    case 'gezin_medewerkers':
      return teamlidVeldFout('professionalId', 'medewerker-team', plek.teamId, huidig, nieuw, zoek);
    default: {
      const door = GESCHIEDENIS_TABELLEN[plek.tabel];
      if (door) return geschiedenisFout(aanroeper, huidig, nieuw, door);
      return null;
    }
  }
}

/**
 * Tables of history, with the field naming who wrote each row: a visit note's earlier wording
 * and the corrections in a dossier (issue 25, "records that can be corrected, with history").
 * They are written once, by the person who made the change, and never changed or removed after:
 * otherwise a forged push could rewrite what a note said before or whose correction it was.
 */
export const GESCHIEDENIS_TABELLEN: Readonly<Record<string, string>> = {
  gespreksverslag_versies: 'vervangenDoor',
  correcties: 'doorId',
};

function geschiedenisFout(
  aanroeper: Aanroeper,
  huidig: Waarden | null,
  nieuw: Waarden,
  doorVeld: string,
): Weigering | null {
  if (huidig)
    return weiger(
      403,
      'geschiedenis-vast',
      'Een eerdere versie of een correctie blijft zoals die is vastgelegd.',
    );
  if (nieuw[doorVeld] !== aanroeper.id)
    return weiger(
      403,
      'geschiedenis-vast',
      'Een eerdere versie of een correctie staat op naam van wie de wijziging maakte.',
    );
  return null;
}
