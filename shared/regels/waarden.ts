/**
 * What a synced field may hold beyond its type (db/sync-tabellen.ts checks type, emptiness and
 * the schema's enums): a BSN passes the 11-proef, a date is a real ISO date, an amount is whole
 * cents from 0, a number lies in the range the app accepts, a code is in its code list. The
 * laptop's writer checks every value it writes with these (core/writer.ts) and the service
 * every value pushed to it (server/sync/push.ts), so neither stores what the other refuses.
 * An empty value (null) is not checked here: whether a field may be empty is the schema's.
 */
import { isValidBsn } from '../bsn';
import { isIsoDate } from '../dates';
import { geboortedatumFout, isEmail, telefoonCijfers } from '../gezinsgegevens';
import {
  ACTIEPLAN_STATUSSEN,
  AFSPRAAK_STATUSSEN,
  BEZOEK_SOORTEN,
  DOEL_RESULTATEN,
  EINDE_REDENEN,
  IJW_REDENEN_BEEINDIGING,
  EVALUATIE_UITKOMSTEN,
  GEZIN_STATUSSEN,
  GEZINSLID_ROLLEN,
  IJW_EENHEDEN,
  IJW_FREQUENTIES,
  LEEFDOMEINEN,
  PERCELEN,
  PROBLEEMGEBIEDEN,
  TOEWIJZING_STATUSSEN,
  TRIAGE_UITKOMSTEN,
  VERWIJZERS,
  ZORGPROFIEL_CATEGORIEEN,
} from '../domain';
import type { Regel } from '../sync/protocol';
import { weiger, type Weigering } from './weigering';

/** The highest amount the app accepts anywhere (a team budget: a billion euro). */
export const MAX_BEDRAG_CENTS = 100_000_000_000;
/** The volume of a toewijzing, per its frequentie (as the API accepts it). */
export const VOLUME = { min: 1, max: 10_000 } as const;
/** Budget years. */
export const JAAR = { min: 2015, max: 2100 } as const;
/** iJw's ToewijzingNummer (LDT_Nummer: an integer of at most nine digits). */
export const TOEWIJZINGNUMMER = { min: 1, max: 999_999_999 } as const;

/** Why a value does not fit, or null; `vandaag` where the checker knows the date. */
type Controle = (waarde: unknown, vandaag?: string) => { regel: Regel; reden: string } | null;

export const isDatum = (w: unknown): w is string => typeof w === 'string' && isIsoDate(w);

const MOMENT =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?$/;

/** An ISO date, or an ISO date and time (to the minute, with or without seconds and zone). */
export function isMoment(w: unknown): w is string {
  if (typeof w !== 'string') return false;
  if (isIsoDate(w)) return true;
  const m = MOMENT.exec(w);
  return Boolean(
    m && isIsoDate(m[1]!) && Number(m[2]) < 24 && Number(m[3]) < 60 && Number(m[4] ?? 0) < 60,
  );
}

export const isBedrag = (w: unknown): w is number =>
  Number.isSafeInteger(w) && (w as number) >= 0 && (w as number) <= MAX_BEDRAG_CENTS;

const datum: Controle = (w) =>
  isDatum(w) ? null : { regel: 'waarde-datum', reden: 'is geen geldige datum (jjjj-mm-dd)' };
/** A day's slack: a laptop's date may run ahead of the service's around midnight. */
const geboortedatum: Controle = (w, vandaag) =>
  datum(w) ??
  (vandaag && geboortedatumFout(w as string, vandaag, 1)
    ? { regel: 'waarde-datum', reden: 'ligt in de toekomst' }
    : null);
const moment: Controle = (w) =>
  isMoment(w) ? null : { regel: 'waarde-moment', reden: 'is geen geldige datum en tijd' };
const bedrag: Controle = (w) =>
  isBedrag(w)
    ? null
    : { regel: 'waarde-bedrag', reden: 'is geen bedrag in hele centen van 0 of meer' };
const bsn: Controle = (w) =>
  typeof w === 'string' && isValidBsn(w)
    ? null
    : { regel: 'waarde-bsn', reden: 'klopt niet (9 cijfers en de elfproef)' };
const telefoon: Controle = (w) =>
  typeof w === 'string' && telefoonCijfers(w)
    ? null
    : { regel: 'waarde-contact', reden: 'is geen Nederlands telefoonnummer' };
const email: Controle = (w) =>
  typeof w === 'string' && isEmail(w)
    ? null
    : { regel: 'waarde-contact', reden: 'is geen geldig e-mailadres' };
const bereik =
  (min: number, max: number): Controle =>
  (w) =>
    Number.isSafeInteger(w) && (w as number) >= min && (w as number) <= max
      ? null
      : {
          regel: 'waarde-bereik',
          reden: `moet een geheel getal van ${min} tot en met ${max} zijn`,
        };
const code =
  (codes: readonly string[]): Controle =>
  (w) =>
    typeof w === 'string' && codes.includes(w)
      ? null
      : { regel: 'waarde-code', reden: 'heeft een onbekende code' };
/** A JSON array of codes (a zorgprofiel's probleemgebieden). */
const codes =
  (lijst: readonly string[]): Controle =>
  (w) => {
    let gelezen: unknown;
    try {
      gelezen = typeof w === 'string' ? JSON.parse(w) : undefined;
    } catch {
      gelezen = undefined;
    }
    return Array.isArray(gelezen) &&
      gelezen.every((c) => typeof c === 'string' && lijst.includes(c))
      ? null
      : { regel: 'waarde-code', reden: 'bevat een onbekende code' };
  };

/** Per synced table, the fields with a rule. */
const VELDREGELS: Record<string, Record<string, Controle>> = {
  gemeenten: {},
  teams: { vierOgenDrempelCents: bedrag },
  aanbieders: { budgetplafondCents: bedrag },
  contracten: { perceel: code(PERCELEN.codes), geldigVan: datum, geldigTot: datum },
  producten: { perceel: code(PERCELEN.codes), tariefCents: bedrag },
  gezinnen: {
    status: code(GEZIN_STATUSSEN.codes),
    aangemeldOp: datum,
    afgeslotenOp: datum,
    oordeelCijfer: bereik(1, 10),
  },
  gezinsleden: { rol: code(GEZINSLID_ROLLEN.codes), geboortedatum, bsn, telefoon, email },
  gezinsplannen: { toestemmingOp: datum },
  gezinsplan_domeinen: { domein: code(LEEFDOMEINEN.codes) },
  afspraken: { uiterlijk: datum, status: code(AFSPRAAK_STATUSSEN.codes) },
  gezinsplan_versies: { vastgesteldOp: datum },
  handtekeningen: { getekendOp: moment },
  actieplannen: {
    verwijzer: code(VERWIJZERS.codes),
    triageUitkomst: code(TRIAGE_UITKOMSTEN.codes),
    status: code(ACTIEPLAN_STATUSSEN.codes),
    geopendOp: datum,
    afgerondOp: datum,
  },
  doelen: { uiterlijk: datum, resultaat: code(DOEL_RESULTATEN.codes) },
  zorgprofielen: {
    categorie: code(ZORGPROFIEL_CATEGORIEEN.codes),
    probleemgebieden: codes(PROBLEEMGEBIEDEN.codes),
    vastgesteldOp: datum,
  },
  ingezette_voorzieningen: { op: datum },
  toewijzingen: {
    volume: bereik(VOLUME.min, VOLUME.max),
    eenheid: code(IJW_EENHEDEN.codes),
    frequentie: code(IJW_FREQUENTIES.codes),
    tariefCents: bedrag,
    startdatum: datum,
    einddatum: datum,
    werkelijkeStart: datum,
    status: code(TOEWIJZING_STATUSSEN.codes),
    verwijzer: code(VERWIJZERS.codes),
    beeindigdOp: datum,
    eindeReden: code(EINDE_REDENEN.codes),
    redenBeeindiging: code(IJW_REDENEN_BEEINDIGING.codes),
    aangemaaktOp: datum,
    toegewezenOp: moment,
    toewijzingNummer: bereik(TOEWIJZINGNUMMER.min, TOEWIJZINGNUMMER.max),
  },
  evaluaties: {
    geplandOp: datum,
    uitgevoerdOp: datum,
    uitkomst: code(EVALUATIE_UITKOMSTEN.codes),
    cijferGezin: bereik(1, 10),
  },
  doel_scores: { score: bereik(1, 5) },
  gespreksverslag_versies: { datum, vervangenOp: moment },
  correcties: { op: moment, soort: code(['gewijzigd', 'verwijderd']) },
  akkoorden: {
    aangevraagdOp: datum,
    beoordeeldOp: datum,
    besluit: code(['akkoord', 'afgewezen']),
  },
  overdrachten: { op: datum },
  gezin_medewerkers: { sinds: datum },
  gespreksverslagen: { datum },
  bezoeken: { soort: code(BEZOEK_SOORTEN.codes), op: moment },
  doorgestuurde_teksten: { geschrevenOp: moment },
  teambudgetten: {
    jaar: bereik(JAAR.min, JAAR.max),
    perceel: code(PERCELEN.codes),
    bedragCents: bedrag,
  },
  budget_wijzigingen: {
    jaar: bereik(JAAR.min, JAAR.max),
    perceel: code(PERCELEN.codes),
    oudCents: bedrag,
    nieuwCents: bedrag,
    op: moment,
  },
};

const PER_TABEL = new Map(
  Object.entries(VELDREGELS).map(([tabel, velden]) => [tabel, new Map(Object.entries(velden))]),
);

/**
 * Why `waarde` may not be stored in this field (400), or null when it may. With `vandaag` (the
 * checker's date) a birth date ahead of it is refused too.
 */
export function waardeFout(
  tabel: string,
  veld: string,
  waarde: unknown,
  vandaag?: string,
): Weigering | null {
  if (waarde === null || waarde === undefined) return null;
  const fout = PER_TABEL.get(tabel)?.get(veld)?.(waarde, vandaag);
  return fout ? weiger(400, fout.regel, `Het veld "${veld}" ${fout.reden}.`) : null;
}
