/**
 * Checking the rows of an SOJ file: the columns, every cell, one period per file, one decimal
 * convention per file and no duplicate lines. Every problem is reported with its row, column
 * and reason in Dutch; a file with any problem is not imported at all. Lines that are likely
 * misread but possible (an amount far from volume × tarief) are warnings for the preview.
 *
 * A line counts in the month its care ends (a trajectory may start months earlier): a line of
 * an earlier month than the file's period is a late claim, counted in that month; a credit line
 * (a negative amount, or the COD043 indicator C) is stored with a negative amount and volume.
 */
import type { SojDecimalen, SojFout } from '../../shared/api-budget';
import { SOJ_KOLOMMEN, type SojKolom } from '../../shared/budget';
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
import type { Gelezen } from './lezen';
import {
  bedragCenten,
  bepaalDecimalen,
  celTekst,
  datum,
  debetCredit,
  heelGetal,
  periodeVan,
  type Cel,
  type Uitkomst,
} from './waarden';

export const MAX_FOUTEN = 100;

/** Optional columns beside SOJ_KOLOMMEN, with the names they may go by. */
const DEBET_CREDIT = 'debet_credit';
const ALIASSEN: Record<string, string> = {
  indicatie_debet_credit: DEBET_CREDIT,
  debetcredit: DEBET_CREDIT,
  debet_credit_indicatie: DEBET_CREDIT,
};

export interface SojRegel {
  regel: number;
  /** The month of the care (the line's last day), where the amount counts: jjjj-mm. */
  periode: string;
  teamId: string;
  clientRef: string;
  productcode: string;
  perceel: Perceel;
  aanbiederAgb: string;
  verwijzer: Verwijzer;
  startdatum: IsoDate;
  einddatum: IsoDate | null;
  /** Negative on a credit line. */
  volume: number;
  eenheid: IjwEenheid;
  tariefCents: number;
  /** Negative on a credit line. */
  bedragCents: number;
  credit: boolean;
}

export interface Referentie {
  /** Team name in lower case -> id. */
  teams: Map<string, string>;
  /** Productcode -> perceel. */
  producten: Map<string, Perceel>;
  aanbieders: Set<string>;
}

export type Controle =
  | {
      ok: true;
      /** The period of the file. */
      periode: string;
      regels: SojRegel[];
      decimalen: SojDecimalen;
      waarschuwingen: SojFout[];
      meerWaarschuwingen: number;
    }
  | { ok: false; fouten: SojFout[]; meerFouten: number };

const normaliseer = (kop: string) => {
  const naam = kop
    .trim()
    .toLowerCase()
    .replace(/[\s\-/]+/g, '_');
  return ALIASSEN[naam] ?? naam;
};

/** Excel drops leading zeros of a code typed as a number (a BSN, an AGB code). */
const code = (cel: Cel, lengte: number) =>
  typeof cel === 'number' && Number.isInteger(cel) && cel >= 0 && String(cel).length < lengte
    ? String(cel).padStart(lengte, '0')
    : celTekst(cel);

export function controleerSoj(
  gelezen: Gelezen,
  ref: Referentie,
  voortgang: (deel: number) => void = () => {},
): Controle {
  const fouten: SojFout[] = [];
  let meer = 0;
  const meld = (regel: number | null, kolom: string | null, reden: string) => {
    if (fouten.length < MAX_FOUTEN) fouten.push({ regel, kolom, reden });
    else meer++;
  };
  const waarschuwingen: SojFout[] = [];
  let meerWaarschuwingen = 0;
  const waarschuw = (regel: number, kolom: string, reden: string) => {
    if (waarschuwingen.length < MAX_FOUTEN) waarschuwingen.push({ regel, kolom, reden });
    else meerWaarschuwingen++;
  };

  const kop = gelezen.kop.map(normaliseer);
  const index = new Map<string, number>();
  kop.forEach((k, i) => {
    if (index.has(k)) meld(1, k, `De kolom "${k}" staat twee keer in de kopregel.`);
    index.set(k, i);
  });
  const verwacht = SOJ_KOLOMMEN.map((k) => k.naam as string);
  const ontbreekt = verwacht.filter((k) => !index.has(k));
  const onbekend = kop.filter((k) => k !== '' && !verwacht.includes(k) && k !== DEBET_CREDIT);
  if (ontbreekt.length)
    meld(
      1,
      null,
      `Deze kolommen ontbreken: ${ontbreekt.join(', ')}. Zie de kolommen in de handleiding.`,
    );
  if (onbekend.length) meld(1, null, `Onbekende kolommen: ${onbekend.join(', ')}.`);
  if (fouten.length) return { ok: false, fouten, meerFouten: meer };
  if (gelezen.rijen.length === 0)
    return {
      ok: false,
      fouten: [
        {
          regel: null,
          kolom: null,
          reden: 'Het bestand bevat alleen een kopregel en geen regels.',
        },
      ],
      meerFouten: 0,
    };

  const rijen = gelezen.rijen;
  const d1904 = gelezen.datum1904 === true;
  const tariefKolom = index.get('tarief')!;
  const bedragKolom = index.get('bedrag')!;
  const indicatorKolom = index.get(DEBET_CREDIT);
  // One decimal convention per file, from every amount written as text.
  let getallen = 0;
  const teksten = function* () {
    for (const rij of rijen)
      for (const c of [rij.cellen[tariefKolom], rij.cellen[bedragKolom]])
        if (typeof c === 'string') yield c;
        else if (typeof c === 'number') getallen++;
  };
  const decimalen = bepaalDecimalen(teksten(), 0);
  if (decimalen.teken === 'onbepaald' && getallen > 0)
    Object.assign(decimalen, bepaalDecimalen([], getallen));

  const regels: SojRegel[] = [];
  const gezien = new Map<string, number>();
  let periode: string | null = null;
  for (let n = 0; n < rijen.length; n++) {
    const rij = rijen[n]!;
    const ruw = (k: string): Cel => rij.cellen[index.get(k)!] ?? '';
    const cel = (k: SojKolom) => celTekst(ruw(k));
    const fout = (k: string, reden: string) => meld(rij.regel, k, reden);
    const waarde = <T>(k: string, u: Uitkomst<T>): T | null => {
      if (u.ok) return u.waarde;
      fout(k, u.reden);
      return null;
    };
    const foutenVoor = fouten.length + meer;

    const p = waarde('periode', periodeVan(ruw('periode'), d1904));
    if (p !== null) {
      if (periode === null) periode = p;
      else if (p !== periode)
        fout('periode', `Periode ${p} wijkt af van ${periode}: één periode per bestand.`);
    }

    const teamId = ref.teams.get(cel('team').toLowerCase());
    if (!teamId) fout('team', `Onbekend team "${cel('team')}".`);

    const clientRef = code(ruw('client_ref'), 9);
    if (!clientRef) fout('client_ref', 'De cliëntreferentie ontbreekt.');

    const productcode = cel('productcode').toUpperCase();
    const productPerceel = ref.producten.get(productcode);
    if (!productPerceel) fout('productcode', `Onbekende productcode "${cel('productcode')}".`);

    const perceel = cel('perceel').toLowerCase() as Perceel;
    if (!PERCELEN.codes.includes(perceel)) fout('perceel', `Onbekend perceel "${cel('perceel')}".`);
    else if (productPerceel && productPerceel !== perceel)
      fout(
        'perceel',
        `Product ${productcode} hoort bij perceel ${productPerceel}, niet bij ${perceel}.`,
      );

    const agb = code(ruw('aanbieder_agb'), 8);
    if (!/^\d{8}$/.test(agb)) fout('aanbieder_agb', `"${agb}" is geen AGB-code (8 cijfers).`);
    else if (!ref.aanbieders.has(agb))
      fout('aanbieder_agb', `Onbekende aanbieder met AGB-code ${agb}.`);

    const verwijzer = cel('verwijzer').toLowerCase() as Verwijzer;
    if (!VERWIJZERS.codes.includes(verwijzer))
      fout(
        'verwijzer',
        `Onbekende verwijzer "${cel('verwijzer')}" (${VERWIJZERS.codes.join(', ')}).`,
      );

    const start = waarde('startdatum', datum(ruw('startdatum'), d1904));
    const eind =
      cel('einddatum') === '' ? null : waarde('einddatum', datum(ruw('einddatum'), d1904));
    if (start && eind && eind < start) fout('einddatum', 'De einddatum ligt voor de startdatum.');
    // A line counts in the month its care ends; never after the period of the file.
    const laatsteDag = eind ?? start;
    if (laatsteDag && periode && p === periode && laatsteDag.slice(0, 7) > periode)
      fout(
        eind ? 'einddatum' : 'startdatum',
        `De zorg op deze regel eindigt op ${formatDate(laatsteDag)}, na periode ${periode}: een regel hoort bij de maand waarin de zorg eindigt.`,
      );

    const volume = waarde('volume', heelGetal(ruw('volume')));

    const eenheid = cel('eenheid').padStart(2, '0') as IjwEenheid;
    if (!IJW_EENHEDEN.codes.includes(eenheid))
      fout('eenheid', `Onbekende eenheid "${cel('eenheid')}".`);

    const tariefCents = waarde('tarief', bedragCenten(ruw('tarief'), decimalen.teken));
    if (tariefCents !== null && tariefCents < 0)
      fout('tarief', `Een tarief kan niet negatief zijn (${cel('tarief')}).`);
    const bedrag = waarde('bedrag', bedragCenten(ruw('bedrag'), decimalen.teken));
    const indicator =
      indicatorKolom === undefined ? null : waarde(DEBET_CREDIT, debetCredit(ruw(DEBET_CREDIT)));

    // Credit: the indicator C with an amount written without sign, or a negative amount.
    let credit = false;
    if (bedrag !== null && volume !== null) {
      if (indicator === 'C' || indicator === 'D') {
        const naam = indicator === 'C' ? 'C (credit)' : 'D (debet)';
        if (bedrag < 0)
          fout(
            'bedrag',
            `Een negatief bedrag (${cel('bedrag')}) bij indicatie ${naam} is dubbelzinnig: een creditregel heeft indicatie C en een bedrag zonder minteken.`,
          );
        if (volume < 0)
          fout(
            'volume',
            `Een negatief volume (${cel('volume')}) bij indicatie ${naam} is dubbelzinnig: een creditregel heeft indicatie C en een volume zonder minteken.`,
          );
        credit = indicator === 'C';
      } else {
        credit = bedrag < 0;
        if (volume < 0 && !credit)
          fout(
            'volume',
            `Een negatief volume (${cel('volume')}) hoort alleen bij een creditregel (een negatief bedrag of indicatie C).`,
          );
      }
    }

    if (fouten.length + meer === foutenVoor) {
      const bedragCents = credit ? -Math.abs(bedrag!) : bedrag!;
      const regelVolume = credit ? -Math.abs(volume!) : volume!;
      const verwacht = Math.abs(regelVolume) * tariefCents!;
      // A partial month may be billed pro rata (down to one day of 31): beyond that, or above
      // volume × tarief, the amount may have been misread.
      if (
        Number.isSafeInteger(verwacht) &&
        (Math.abs(bedragCents) > verwacht || Math.abs(bedragCents) * 31 < verwacht - 16)
      )
        waarschuw(
          rij.regel,
          'bedrag',
          `Het bedrag ${formatEuro(Math.abs(bedragCents))} wijkt sterk af van volume × tarief (${Math.abs(regelVolume)} × ${formatEuro(tariefCents!)} = ${formatEuro(verwacht)}). Controleer of het bedrag goed is gelezen.`,
        );
      const regel: SojRegel = {
        regel: rij.regel,
        periode: laatsteDag!.slice(0, 7),
        teamId: teamId!,
        clientRef,
        productcode,
        perceel,
        aanbiederAgb: agb,
        verwijzer,
        startdatum: start!,
        einddatum: eind,
        volume: regelVolume,
        eenheid,
        tariefCents: tariefCents!,
        bedragCents,
        credit,
      };
      const sleutel = [
        regel.teamId,
        regel.clientRef,
        regel.productcode,
        regel.perceel,
        regel.aanbiederAgb,
        regel.verwijzer,
        regel.startdatum,
        regel.einddatum ?? '',
        regel.volume,
        regel.eenheid,
        regel.tariefCents,
        regel.bedragCents,
      ].join('\u0000');
      const eerder = gezien.get(sleutel);
      if (eerder !== undefined) meld(rij.regel, null, `Dubbele regel: gelijk aan regel ${eerder}.`);
      else gezien.set(sleutel, rij.regel);
      regels.push(regel);
    }
    if (n % 10_000 === 0) voortgang(n / rijen.length);
  }
  if (fouten.length) return { ok: false, fouten, meerFouten: meer };
  return {
    ok: true,
    periode: periode!,
    regels,
    decimalen,
    waarschuwingen,
    meerWaarschuwingen,
  };
}
