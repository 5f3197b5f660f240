/**
 * One line of an SOJ file, cell by cell: who and what it is about (team, client, product,
 * perceel, aanbieder, verwijzer), when (period, start and end), and how much (volume, unit,
 * tarief, amount, debet or credit). Every problem goes to the file's Meldingen with the line's
 * row and column; a line is kept only when it has none.
 */
import type { SojDecimalen } from '../../shared/api';
import type { SojKolom } from '../../shared/budget';
import { formatDate, type IsoDate } from '../../shared/dates';
import {
  IJW_EENHEDEN,
  PERCELEN,
  VERWIJZERS,
  type IjwEenheid,
  type Perceel,
  type Verwijzer,
} from '../../shared/domain';
import { formatEuro } from '../../shared/money';
import type { Referentie, SojRegel } from './controleren';
import { DEBET_CREDIT } from './kopregel';
import type { Rij } from './lezen';
import type { Meldingen } from './meldingen';
import {
  bedragCenten,
  celTekst,
  datum,
  debetCredit,
  heelGetal,
  periodeVan,
  type Cel,
  type Uitkomst,
} from './waarden';

/** What every line of the file is checked against. */
export interface Bestand {
  index: Map<string, number>;
  ref: Referentie;
  datum1904: boolean;
  decimalen: SojDecimalen;
  meldingen: Meldingen;
  /** The period of the file: that of its first line with a valid one. */
  periode: string | null;
}

/** The cells of one line, and its problems reported on its row. */
interface Lezer {
  regel: number;
  ruw(k: string): Cel;
  cel(k: SojKolom): string;
  fout(k: string, reden: string): void;
  waarde<T>(k: string, u: Uitkomst<T>): T | null;
}

function lezerVan(rij: Rij, bestand: Bestand): Lezer {
  const ruw = (k: string): Cel => rij.cellen[bestand.index.get(k)!] ?? '';
  const fout = (k: string, reden: string) => bestand.meldingen.fout(rij.regel, k, reden);
  return {
    regel: rij.regel,
    ruw,
    cel: (k) => celTekst(ruw(k)),
    fout,
    waarde: (k, u) => {
      if (u.ok) return u.waarde;
      fout(k, u.reden);
      return null;
    },
  };
}

/** Excel drops leading zeros of a code typed as a number (a BSN, an AGB code). */
const code = (cel: Cel, lengte: number) =>
  typeof cel === 'number' && Number.isInteger(cel) && cel >= 0 && String(cel).length < lengte
    ? String(cel).padStart(lengte, '0')
    : celTekst(cel);

/** The line checked; null when it has a problem (reported). */
export function controleerRegel(rij: Rij, bestand: Bestand): SojRegel | null {
  const l = lezerVan(rij, bestand);
  const foutenVoor = bestand.meldingen.aantalFouten;
  const p = l.waarde('periode', periodeVan(l.ruw('periode'), bestand.datum1904));
  if (p !== null) {
    if (bestand.periode === null) bestand.periode = p;
    else if (p !== bestand.periode)
      l.fout('periode', `Periode ${p} wijkt af van ${bestand.periode}: één periode per bestand.`);
  }
  const wie = wieEnWat(l, bestand.ref);
  const wanneer = looptijd(l, bestand, p);
  const hoeveel = hoeveelheden(l, bestand);
  if (bestand.meldingen.aantalFouten !== foutenVoor) return null;
  const bedragCents = hoeveel.credit ? -Math.abs(hoeveel.bedrag!) : hoeveel.bedrag!;
  const volume = hoeveel.credit ? -Math.abs(hoeveel.volume!) : hoeveel.volume!;
  waarschuwBijAfwijkendBedrag(
    bestand.meldingen,
    rij.regel,
    volume,
    hoeveel.tariefCents!,
    bedragCents,
  );
  return {
    regel: rij.regel,
    periode: wanneer.laatsteDag!.slice(0, 7),
    teamId: wie.teamId!,
    clientRef: wie.clientRef,
    productcode: wie.productcode,
    perceel: wie.perceel,
    aanbiederAgb: wie.agb,
    verwijzer: wie.verwijzer,
    startdatum: wanneer.start!,
    einddatum: wanneer.eind,
    volume,
    eenheid: hoeveel.eenheid,
    tariefCents: hoeveel.tariefCents!,
    bedragCents,
    credit: hoeveel.credit,
  };
}

/** Team, client, product, perceel, aanbieder and verwijzer, each known to Eenplan. */
function wieEnWat(l: Lezer, ref: Referentie) {
  const teamId = ref.teams.get(l.cel('team').toLowerCase());
  if (!teamId) l.fout('team', `Onbekend team "${l.cel('team')}".`);

  const clientRef = code(l.ruw('client_ref'), 9);
  if (!clientRef) l.fout('client_ref', 'De cliëntreferentie ontbreekt.');

  const productcode = l.cel('productcode').toUpperCase();
  const productPerceel = ref.producten.get(productcode);
  if (!productPerceel) l.fout('productcode', `Onbekende productcode "${l.cel('productcode')}".`);

  const perceel = l.cel('perceel').toLowerCase() as Perceel;
  if (!PERCELEN.codes.includes(perceel))
    l.fout('perceel', `Onbekend perceel "${l.cel('perceel')}".`);
  else if (productPerceel && productPerceel !== perceel)
    l.fout(
      'perceel',
      `Product ${productcode} hoort bij perceel ${productPerceel}, niet bij ${perceel}.`,
    );

  const agb = code(l.ruw('aanbieder_agb'), 8);
  if (!/^\d{8}$/.test(agb)) l.fout('aanbieder_agb', `"${agb}" is geen AGB-code (8 cijfers).`);
  else if (!ref.aanbieders.has(agb))
    l.fout('aanbieder_agb', `Onbekende aanbieder met AGB-code ${agb}.`);

  const verwijzer = l.cel('verwijzer').toLowerCase() as Verwijzer;
  if (!VERWIJZERS.codes.includes(verwijzer))
    l.fout(
      'verwijzer',
      `Onbekende verwijzer "${l.cel('verwijzer')}" (${VERWIJZERS.codes.join(', ')}).`,
    );
  return { teamId, clientRef, productcode, perceel, agb, verwijzer };
}

/** Start and end; a line counts in the month its care ends, never after the file's period. */
function looptijd(l: Lezer, bestand: Bestand, p: string | null) {
  const d1904 = bestand.datum1904;
  const start = l.waarde('startdatum', datum(l.ruw('startdatum'), d1904));
  const eind: IsoDate | null =
    l.cel('einddatum') === '' ? null : l.waarde('einddatum', datum(l.ruw('einddatum'), d1904));
  if (start && eind && eind < start) l.fout('einddatum', 'De einddatum ligt voor de startdatum.');
  const laatsteDag = eind ?? start;
  const periode = bestand.periode;
  if (laatsteDag && periode && p === periode && laatsteDag.slice(0, 7) > periode)
    l.fout(
      eind ? 'einddatum' : 'startdatum',
      `De zorg op deze regel eindigt op ${formatDate(laatsteDag)}, na periode ${periode}: een regel hoort bij de maand waarin de zorg eindigt.`,
    );
  return { start, eind, laatsteDag };
}

/** Volume, unit, tarief and amount; and whether it is a credit line. */
function hoeveelheden(l: Lezer, bestand: Bestand) {
  const volume = l.waarde('volume', heelGetal(l.ruw('volume')));

  const eenheid = l.cel('eenheid').padStart(2, '0') as IjwEenheid;
  if (!IJW_EENHEDEN.codes.includes(eenheid))
    l.fout('eenheid', `Onbekende eenheid "${l.cel('eenheid')}".`);

  const teken = bestand.decimalen.teken;
  const tariefCents = l.waarde('tarief', bedragCenten(l.ruw('tarief'), teken));
  if (tariefCents !== null && tariefCents < 0)
    l.fout('tarief', `Een tarief kan niet negatief zijn (${l.cel('tarief')}).`);
  const bedrag = l.waarde('bedrag', bedragCenten(l.ruw('bedrag'), teken));
  const indicator = bestand.index.has(DEBET_CREDIT)
    ? l.waarde(DEBET_CREDIT, debetCredit(l.ruw(DEBET_CREDIT)))
    : null;
  const credit =
    bedrag !== null && volume !== null ? isCredit(l, bedrag, volume, indicator) : false;
  return { volume, eenheid, tariefCents, bedrag, credit };
}

/** Credit: the indicator C with an amount written without sign, or a negative amount. */
function isCredit(l: Lezer, bedrag: number, volume: number, indicator: 'D' | 'C' | null) {
  if (indicator === 'C' || indicator === 'D') {
    const naam = indicator === 'C' ? 'C (credit)' : 'D (debet)';
    if (bedrag < 0)
      l.fout(
        'bedrag',
        `Een negatief bedrag (${l.cel('bedrag')}) bij indicatie ${naam} is dubbelzinnig: een creditregel heeft indicatie C en een bedrag zonder minteken.`,
      );
    if (volume < 0)
      l.fout(
        'volume',
        `Een negatief volume (${l.cel('volume')}) bij indicatie ${naam} is dubbelzinnig: een creditregel heeft indicatie C en een volume zonder minteken.`,
      );
    return indicator === 'C';
  }
  const credit = bedrag < 0;
  if (volume < 0 && !credit)
    l.fout(
      'volume',
      `Een negatief volume (${l.cel('volume')}) hoort alleen bij een creditregel (een negatief bedrag of indicatie C).`,
    );
  return credit;
}

/**
 * A partial month may be billed pro rata (down to one day of 31): beyond that, or above
 * volume × tarief, the amount may have been misread.
 */
function waarschuwBijAfwijkendBedrag(
  meldingen: Meldingen,
  regel: number,
  volume: number,
  tariefCents: number,
  bedragCents: number,
) {
  const verwacht = Math.abs(volume) * tariefCents;
  if (
    Number.isSafeInteger(verwacht) &&
    (Math.abs(bedragCents) > verwacht || Math.abs(bedragCents) * 31 < verwacht - 16)
  )
    meldingen.waarschuwing(
      regel,
      'bedrag',
      `Het bedrag ${formatEuro(Math.abs(bedragCents))} wijkt sterk af van volume × tarief (${Math.abs(volume)} × ${formatEuro(tariefCents)} = ${formatEuro(verwacht)}). Controleer of het bedrag goed is gelezen.`,
    );
}
