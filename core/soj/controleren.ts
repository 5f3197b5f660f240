/**
 * Checking the rows of an SOJ file: the columns, every cell, one period per file and no
 * duplicate lines. Every problem is reported with its row, column and reason in Dutch; a file
 * with any problem is not imported at all.
 */
import type { SojFout } from '../../shared/api-budget';
import { SOJ_KOLOMMEN, type SojKolom } from '../../shared/budget';
import { isIsoDate, parseDutchDate, type IsoDate } from '../../shared/dates';
import {
  IJW_EENHEDEN,
  PERCELEN,
  VERWIJZERS,
  type IjwEenheid,
  type Perceel,
  type Verwijzer,
} from '../../shared/domain';
import { parseEuroToCents } from '../../shared/money';
import type { Gelezen } from './lezen';

export const MAX_FOUTEN = 100;

export interface SojRegel {
  regel: number;
  periode: string;
  teamId: string;
  clientRef: string;
  productcode: string;
  perceel: Perceel;
  aanbiederAgb: string;
  verwijzer: Verwijzer;
  startdatum: IsoDate;
  einddatum: IsoDate | null;
  volume: number;
  eenheid: IjwEenheid;
  tariefCents: number;
  bedragCents: number;
}

export interface Referentie {
  /** Team name in lower case -> id. */
  teams: Map<string, string>;
  /** Productcode -> perceel. */
  producten: Map<string, Perceel>;
  aanbieders: Set<string>;
}

export type Controle =
  | { ok: true; periode: string; regels: SojRegel[] }
  | { ok: false; fouten: SojFout[]; meerFouten: number };

const normaliseer = (kop: string) =>
  kop
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

function datum(tekst: string): IsoDate | null {
  if (isIsoDate(tekst)) return tekst;
  return parseDutchDate(tekst);
}

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

  const kop = gelezen.kop.map(normaliseer);
  const index = new Map<string, number>();
  kop.forEach((k, i) => {
    if (index.has(k)) meld(1, k, `De kolom "${k}" staat twee keer in de kopregel.`);
    index.set(k, i);
  });
  const verwacht = SOJ_KOLOMMEN.map((k) => k.naam as string);
  const ontbreekt = verwacht.filter((k) => !index.has(k));
  const onbekend = kop.filter((k) => k !== '' && !verwacht.includes(k));
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

  const regels: SojRegel[] = [];
  const gezien = new Map<string, number>();
  let periode: string | null = null;
  const rijen = gelezen.rijen;
  for (let n = 0; n < rijen.length; n++) {
    const rij = rijen[n]!;
    const cel = (k: SojKolom) => (rij.cellen[index.get(k)!] ?? '').trim();
    const fout = (k: SojKolom, reden: string) => meld(rij.regel, k, reden);
    const foutenVoor = fouten.length + meer;

    const p = cel('periode');
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(p)) fout('periode', `"${p}" is geen periode (jjjj-mm).`);
    else if (periode === null) periode = p;
    else if (p !== periode)
      fout('periode', `Periode ${p} wijkt af van ${periode}: één periode per bestand.`);

    const teamId = ref.teams.get(cel('team').toLowerCase());
    if (!teamId) fout('team', `Onbekend team "${cel('team')}".`);

    const clientRef = cel('client_ref');
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

    const agb = cel('aanbieder_agb');
    if (!/^\d{8}$/.test(agb)) fout('aanbieder_agb', `"${agb}" is geen AGB-code (8 cijfers).`);
    else if (!ref.aanbieders.has(agb))
      fout('aanbieder_agb', `Onbekende aanbieder met AGB-code ${agb}.`);

    const verwijzer = cel('verwijzer').toLowerCase() as Verwijzer;
    if (!VERWIJZERS.codes.includes(verwijzer))
      fout(
        'verwijzer',
        `Onbekende verwijzer "${cel('verwijzer')}" (${VERWIJZERS.codes.join(', ')}).`,
      );

    const start = datum(cel('startdatum'));
    if (!start)
      fout('startdatum', `"${cel('startdatum')}" is geen datum (jjjj-mm-dd of dd-mm-jjjj).`);
    const eindTekst = cel('einddatum');
    const eind = eindTekst === '' ? null : datum(eindTekst);
    if (eindTekst !== '' && !eind)
      fout('einddatum', `"${eindTekst}" is geen datum (jjjj-mm-dd of dd-mm-jjjj).`);
    if (start && eind && eind < start) fout('einddatum', 'De einddatum ligt voor de startdatum.');
    // A line is billed in the month its care ends (a trajectory may start months earlier).
    const laatsteDag = eind ?? start;
    if (laatsteDag && periode && p === periode && !laatsteDag.startsWith(`${p}-`))
      fout(
        eind ? 'einddatum' : 'startdatum',
        `De zorg op deze regel eindigt niet in periode ${p}.`,
      );

    const volumeTekst = cel('volume');
    const volume = /^\d+$/.test(volumeTekst) ? Number(volumeTekst) : NaN;
    if (!Number.isSafeInteger(volume))
      fout('volume', `"${volumeTekst}" is geen heel getal van 0 of meer.`);

    const eenheid = cel('eenheid').padStart(2, '0') as IjwEenheid;
    if (!IJW_EENHEDEN.codes.includes(eenheid))
      fout('eenheid', `Onbekende eenheid "${cel('eenheid')}".`);

    const bedrag = (k: 'tarief' | 'bedrag') => {
      const c = parseEuroToCents(cel(k));
      if (c === null) fout(k, `"${cel(k)}" is geen bedrag.`);
      else if (c < 0)
        fout(k, `Een negatief bedrag (${cel(k)}) kan niet; correcties komen als nieuwe periode.`);
      return c ?? 0;
    };
    const tariefCents = bedrag('tarief');
    const bedragCents = bedrag('bedrag');

    if (fouten.length + meer === foutenVoor) {
      const sleutel = rij.cellen.map((c) => c.trim()).join('\u0000');
      const eerder = gezien.get(sleutel);
      if (eerder !== undefined) meld(rij.regel, null, `Dubbele regel: gelijk aan regel ${eerder}.`);
      else gezien.set(sleutel, rij.regel);
      regels.push({
        regel: rij.regel,
        periode: p,
        teamId: teamId!,
        clientRef,
        productcode,
        perceel,
        aanbiederAgb: agb,
        verwijzer,
        startdatum: start!,
        einddatum: eind,
        volume,
        eenheid,
        tariefCents,
        bedragCents,
      });
    }
    if (n % 10_000 === 0) voortgang(n / rijen.length);
  }
  if (fouten.length) return { ok: false, fouten, meerFouten: meer };
  return { ok: true, periode: periode!, regels };
}
