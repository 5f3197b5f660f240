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
import type { SojDecimalen, SojFout } from '../../shared/api';
import type { IsoDate } from '../../shared/dates';
import type { IjwEenheid, Perceel, Verwijzer } from '../../shared/domain';
import { controleerKopregel } from './kopregel';
import type { Gelezen, Rij } from './lezen';
import { Meldingen } from './meldingen';
import { controleerRegel, type Bestand } from './regel-controleren';
import { bepaalDecimalen } from './waarden';

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

export function controleerSoj(
  gelezen: Gelezen,
  ref: Referentie,
  voortgang: (deel: number) => void = () => {},
): Controle {
  const meldingen = new Meldingen();
  const index = controleerKopregel(gelezen.kop, meldingen);
  if (meldingen.fouten.length)
    return { ok: false, fouten: meldingen.fouten, meerFouten: meldingen.meerFouten };
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
  const bestand: Bestand = {
    index,
    ref,
    datum1904: gelezen.datum1904 === true,
    decimalen: decimalenVan(rijen, index),
    meldingen,
    periode: null,
  };
  const regels: SojRegel[] = [];
  const gezien = new Map<string, number>();
  for (let n = 0; n < rijen.length; n++) {
    const regel = controleerRegel(rijen[n]!, bestand);
    if (regel) {
      const sleutel = dubbelSleutel(regel);
      const eerder = gezien.get(sleutel);
      if (eerder !== undefined)
        meldingen.fout(regel.regel, null, `Dubbele regel: gelijk aan regel ${eerder}.`);
      else gezien.set(sleutel, regel.regel);
      regels.push(regel);
    }
    if (n % 10_000 === 0) voortgang(n / rijen.length);
  }
  if (meldingen.fouten.length)
    return { ok: false, fouten: meldingen.fouten, meerFouten: meldingen.meerFouten };
  return {
    ok: true,
    periode: bestand.periode!,
    regels,
    decimalen: bestand.decimalen,
    waarschuwingen: meldingen.waarschuwingen,
    meerWaarschuwingen: meldingen.meerWaarschuwingen,
  };
}

/** One decimal convention per file, from every amount written as text. */
function decimalenVan(rijen: Rij[], index: Map<string, number>): SojDecimalen {
  const tariefKolom = index.get('tarief')!;
  const bedragKolom = index.get('bedrag')!;
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
  return decimalen;
}

/** Two lines alike in every field but their row are one line sent twice. */
function dubbelSleutel(regel: SojRegel): string {
  return [
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
}
