/**
 * Reading the values of an SOJ file as a person means them: amounts under the one decimal
 * convention of the file (integer arithmetic, never floats), dates and periods as written,
 * typed by Excel or as Excel's serial numbers, and the COD043 debet/credit indicator. Every
 * function returns the value or a reason in Dutch; the checker adds the row and column.
 */
import type { SojDecimalen } from '../../shared/api';
import { isIsoDate, parseDutchDate, type IsoDate } from '../../shared/dates';
import { formatEuro } from '../../shared/money';

/** A cell as read: text (CSV, or text in Excel), an Excel number, or an Excel date cell. */
export type Cel = string | number | { datum: IsoDate };

export type Decimaalteken = SojDecimalen['teken'];
export type Uitkomst<T> = { ok: true; waarde: T } | { ok: false; reden: string };

const goed = <T>(waarde: T): Uitkomst<T> => ({ ok: true, waarde });
const fout = <T>(reden: string): Uitkomst<T> => ({ ok: false, reden });

/** The cell as the user sees it, for messages. */
export function celTekst(cel: Cel): string {
  if (typeof cel === 'string') return cel.trim();
  if (typeof cel === 'number') return String(cel);
  return cel.datum;
}

export const isLeeg = (cel: Cel) => typeof cel === 'string' && cel.trim() === '';

// ------------------------------------------------------------------------------- amounts

interface Kaal {
  negatief: boolean;
  /** Digits with the separators as written: "1.234,56". */
  lijf: string;
}

/** Strips the euro sign, spaces and the sign: "€ -1.234,56" -> negative "1.234,56". */
function kaal(tekst: string): Kaal | null {
  let s = tekst.replace(/[\s\u00a0\u202f]/g, '').replace(/\u2212/g, '-');
  let negatief = false;
  if (s.startsWith('-')) [negatief, s] = [true, s.slice(1)];
  if (s.startsWith('€')) s = s.slice(1);
  else if (s.endsWith('€')) s = s.slice(0, -1);
  if (s.startsWith('-') && !negatief) [negatief, s] = [true, s.slice(1)];
  if (!/^\d[\d.,]*$/.test(s) || /[.,]$/.test(s)) return null;
  return { negatief, lijf: s };
}

/**
 * What an amount written as text says about the decimal convention: `komma` for "94,80" or
 * "1.234,5", `punt` for "94.80" or "1,234,567"; null when it says nothing ("125") or cannot
 * tell ("12.500": a thousands separator or three decimals).
 */
export function stemVan(tekst: string): 'komma' | 'punt' | null {
  const k = kaal(tekst);
  if (!k) return null;
  const komma = k.lijf.lastIndexOf(',');
  const punt = k.lijf.lastIndexOf('.');
  if (komma >= 0 && punt >= 0) {
    const teken = komma > punt ? 'komma' : 'punt';
    return vorm(k.lijf, teken) ? teken : null;
  }
  const scheiding = komma >= 0 ? ',' : punt >= 0 ? '.' : null;
  if (!scheiding) return null;
  const delen = k.lijf.split(scheiding);
  // Two of the same separator: it groups thousands, so the other one is the decimal sign.
  if (delen.length > 2) {
    const teken = scheiding === ',' ? 'punt' : 'komma';
    return vorm(k.lijf, teken) ? teken : null;
  }
  if (delen[1]!.length === 3) return null;
  return scheiding === ',' ? 'komma' : 'punt';
}

/** Whether digits and separators form an amount under this convention ("1.234.567,8"). */
function vorm(lijf: string, teken: 'komma' | 'punt'): boolean {
  return teken === 'komma'
    ? /^(\d+|\d{1,3}(\.\d{3})+)(,\d+)?$/.test(lijf)
    : /^(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$/.test(lijf);
}

const TEKEN_UITLEG: Record<'komma' | 'punt', string> = {
  komma: 'decimaalkomma (zoals 1.234,56)',
  punt: 'decimaalpunt (zoals 1,234.56)',
};

/** The one convention of a file, from all amounts written as text (the majority decides). */
export function bepaalDecimalen(teksten: Iterable<string>, getallen: number): SojDecimalen {
  const stemmen = { komma: 0, punt: 0 };
  let eerste: 'komma' | 'punt' | null = null;
  for (const t of teksten) {
    const stem = stemVan(t);
    if (!stem) continue;
    stemmen[stem]++;
    eerste ??= stem;
  }
  const teken: Decimaalteken =
    stemmen.komma === stemmen.punt
      ? (eerste ?? 'onbepaald')
      : stemmen.komma > stemmen.punt
        ? 'komma'
        : 'punt';
  if (teken === 'onbepaald')
    return {
      teken,
      uitleg:
        getallen > 0
          ? 'Bedragen als Excel-getallen: er is geen decimaalteken nodig.'
          : 'Geen bedrag met een herkenbaar decimaalteken; een bedrag als 12.500 wordt daarom geweigerd.',
    };
  const n = stemmen[teken];
  const tegen = stemmen[teken === 'komma' ? 'punt' : 'komma'];
  return {
    teken,
    uitleg: `${TEKEN_UITLEG[teken][0]!.toUpperCase()}${TEKEN_UITLEG[teken].slice(1)}, herkend aan ${n} ${n === 1 ? 'bedrag' : 'bedragen'}${tegen ? `; ${tegen} ${tegen === 1 ? 'bedrag schrijft' : 'bedragen schrijven'} het anders en ${tegen === 1 ? 'wordt' : 'worden'} geweigerd` : ''}.`,
  };
}

/** Integer cents of whole + fraction digits; more than two decimals only as Excel's float noise. */
function centenUit(tekst: string, heel: string, deel: string, negatief: boolean): Uitkomst<number> {
  let cents: bigint;
  if (deel.length <= 2) cents = BigInt(heel) * 100n + BigInt(deel.padEnd(2, '0'));
  else {
    const totaal = BigInt(heel + deel);
    const eenheid = 10n ** BigInt(deel.length - 2);
    const rest = totaal % eenheid;
    cents = totaal / eenheid + (2n * rest >= eenheid ? 1n : 0n);
    const verschil = 2n * rest >= eenheid ? eenheid - rest : rest;
    // Within a thousandth of a cent: 10^-5 euro, i.e. verschil / 10^k <= 10^-5.
    if (verschil * 100_000n > 10n ** BigInt(deel.length))
      return fout(
        `"${tekst}" heeft meer dan twee decimalen en ligt niet binnen een duizendste cent van een heel aantal centen; een bedrag is in hele centen.`,
      );
  }
  if (cents > BigInt(Number.MAX_SAFE_INTEGER))
    return fout(`"${tekst}" is te groot voor een bedrag.`);
  const n = Number(cents);
  return goed(negatief ? -n : n);
}

/** A float from Excel as the plain decimal digits it holds ("1121.3999999999999"). */
function getalTekst(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  const t = String(Math.abs(n));
  if (!/e/i.test(t)) return t;
  if (Math.abs(n) < 1) return Math.abs(n).toFixed(20);
  return null;
}

/**
 * An amount in cents under the file's convention. Refused: not an amount, ambiguous ("12.500"
 * where the convention cannot tell a thousands separator from three decimals), written against
 * the convention, or more than two decimals that are not Excel's float noise.
 */
export function bedragCenten(cel: Cel, teken: Decimaalteken): Uitkomst<number> {
  if (typeof cel === 'number') {
    const t = getalTekst(cel);
    if (t === null) return fout(`${cel} is geen bruikbaar bedrag.`);
    const [heel, deel = ''] = t.split('.');
    return centenUit(String(cel), heel!, deel, cel < 0);
  }
  if (typeof cel !== 'string') return fout(`"${cel.datum}" is een datum, geen bedrag.`);
  const tekst = cel.trim();
  const k = kaal(tekst);
  if (!k) return fout(`"${tekst}" is geen bedrag.`);
  const stem = stemVan(tekst);
  const heeftScheiding = /[.,]/.test(k.lijf);
  if (teken === 'onbepaald') {
    if (heeftScheiding)
      return fout(
        `"${tekst}" is dubbelzinnig: het bestand heeft geen bedrag met een herkenbaar decimaalteken, dus "${k.lijf}" kan ${k.lijf.replace(/[.,]/g, '')} euro zijn of een bedrag met decimalen. Schrijf bedragen met twee decimalen (zoals 94,80) of zonder scheidingsteken.`,
      );
    return centenUit(tekst, k.lijf, '', k.negatief);
  }
  if (stem && stem !== teken)
    return fout(
      `"${tekst}" is geschreven met een ${TEKEN_UITLEG[stem]}, maar dit bestand gebruikt de ${TEKEN_UITLEG[teken]}. Eén schrijfwijze per bestand: pas dit bedrag aan.`,
    );
  const [decimaal, groep] = teken === 'komma' ? [',', '.'] : ['.', ','];
  const delen = k.lijf.split(decimaal);
  if (delen.length > 2) return fout(`"${tekst}" is geen bedrag.`);
  const [heel, deel = ''] = delen as [string, string?];
  const groepen = new RegExp(`^\\d{1,3}(\\${groep}\\d{3})+$`);
  if (!/^\d+$/.test(heel) && !groepen.test(heel)) return fout(`"${tekst}" is geen bedrag.`);
  if (!/^\d*$/.test(deel)) return fout(`"${tekst}" is geen bedrag.`);
  if (delen.length === 2 && deel.length === 3 && !heel.includes(groep)) {
    const naam = teken === 'komma' ? 'komma' : 'punt';
    return fout(
      `"${tekst}" is dubbelzinnig: dit bestand gebruikt de ${TEKEN_UITLEG[teken]}, maar drie cijfers achter de ${naam} kunnen ook duizendtallen zijn (${duizendtallen(heel + deel)}). Schrijf het bedrag met twee decimalen.`,
    );
  }
  return centenUit(tekst, heel.split(groep).join(''), deel, k.negatief);
}

function duizendtallen(cijfers: string): string {
  const cents = Number(cijfers) * 100;
  return Number.isSafeInteger(cents) ? formatEuro(cents) : `${cijfers} euro`;
}

// ------------------------------------------------------------------------------- numbers

/** A whole number (volume); an Excel float within a millionth of one counts as that number. */
export function heelGetal(cel: Cel): Uitkomst<number> {
  if (typeof cel === 'number') {
    const n = Math.round(cel);
    if (Number.isSafeInteger(n) && Math.abs(cel - n) < 1e-6) return goed(n === 0 ? 0 : n);
    return fout(`${cel} is geen heel getal.`);
  }
  const tekst = celTekst(cel).replace(/\u2212/g, '-');
  if (!/^-?\d+$/.test(tekst)) return fout(`"${tekst}" is geen heel getal.`);
  const n = Number(tekst);
  if (!Number.isSafeInteger(n)) return fout(`"${tekst}" is geen heel getal.`);
  return goed(n === 0 ? 0 : n);
}

// --------------------------------------------------------------------------------- dates

const DAG_MS = 86_400_000;
/** Excel's serial numbers for 1990-01-01 and 2100-12-31 (1900 system): a plausible care date. */
const SERIEEL_VAN = 32_874;
const SERIEEL_TOT = 73_415;

/** An Excel serial day number as a date; the 1904 system counts from 1904-01-01. */
export function serieleDatum(serieel: number, datum1904 = false): IsoDate | null {
  const dag = Math.floor(serieel + (datum1904 ? 1462 : 0));
  if (!Number.isFinite(serieel) || dag < SERIEEL_VAN || dag > SERIEEL_TOT) return null;
  return new Date(Date.UTC(1899, 11, 30) + dag * DAG_MS).toISOString().slice(0, 10);
}

const DATUM_UITLEG = 'jjjj-mm-dd of dd-mm-jjjj';

/** A date: ISO, Dutch (d-m-jjjj, also with / or .), an Excel date cell or serial number. */
export function datum(cel: Cel, datum1904 = false): Uitkomst<IsoDate> {
  if (typeof cel === 'object') return goed(cel.datum);
  if (typeof cel === 'number') {
    const d = serieleDatum(cel, datum1904);
    return d ? goed(d) : fout(`${cel} is geen datum (${DATUM_UITLEG}).`);
  }
  const tekst = cel.trim();
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?$/.exec(tekst)?.[1];
  if (iso && isIsoDate(iso)) return goed(iso);
  const nl = parseDutchDate(tekst.replace(/[/.]/g, '-'));
  if (nl) return goed(nl);
  if (/^\d{5}$/.test(tekst)) {
    const d = serieleDatum(Number(tekst), datum1904);
    if (d) return goed(d);
  }
  return fout(`"${tekst}" is geen datum (${DATUM_UITLEG}).`);
}

const MAANDEN: Record<string, number> = {
  jan: 1,
  januari: 1,
  january: 1,
  feb: 2,
  februari: 2,
  february: 2,
  mrt: 3,
  mar: 3,
  maart: 3,
  march: 3,
  apr: 4,
  april: 4,
  mei: 5,
  may: 5,
  jun: 6,
  juni: 6,
  june: 6,
  jul: 7,
  juli: 7,
  july: 7,
  aug: 8,
  augustus: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  okt: 10,
  oct: 10,
  oktober: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

const maand = (jaar: number, m: number) =>
  m >= 1 && m <= 12 && jaar >= 1990 && jaar <= 2100
    ? `${jaar}-${String(m).padStart(2, '0')}`
    : null;

/**
 * A period jjjj-mm; also as Excel turns it into a date (a date cell, a serial number, "1-10-2026",
 * "okt-26", "oktober 2026") or writes it the other way round (10-2026): the month is meant.
 */
export function periodeVan(cel: Cel, datum1904 = false): Uitkomst<string> {
  const mislukt = fout<string>(`"${celTekst(cel)}" is geen periode (jjjj-mm).`);
  if (typeof cel !== 'string') {
    const d = datum(cel, datum1904);
    return d.ok ? goed(d.waarde.slice(0, 7)) : mislukt;
  }
  const tekst = cel.trim().toLowerCase();
  let m = /^(\d{4})[-/](\d{1,2})$/.exec(tekst);
  if (m) return ((p) => (p ? goed(p) : mislukt))(maand(Number(m[1]), Number(m[2])));
  m = /^(\d{1,2})[-/](\d{4})$/.exec(tekst);
  if (m) return ((p) => (p ? goed(p) : mislukt))(maand(Number(m[2]), Number(m[1])));
  m = /^([a-z]+)\.?[-\s/]*'?(\d{2}|\d{4})$/.exec(tekst);
  if (m && MAANDEN[m[1]!]) {
    const jaar = Number(m[2]) + (m[2]!.length === 2 ? 2000 : 0);
    const p = maand(jaar, MAANDEN[m[1]!]!);
    return p ? goed(p) : mislukt;
  }
  const d = datum(cel, datum1904);
  return d.ok ? goed(d.waarde.slice(0, 7)) : mislukt;
}

// ------------------------------------------------------------------------- debet/credit

/** COD043 (iJw 3.2, LDT_DebetCredit): D debet, C credit; empty when the column is absent. */
export function debetCredit(cel: Cel): Uitkomst<'D' | 'C' | null> {
  const t = celTekst(cel).toLowerCase();
  if (t === '') return goed(null);
  if (t === 'd' || t === 'debet') return goed('D');
  if (t === 'c' || t === 'credit') return goed('C');
  return fout(`"${celTekst(cel)}" is geen indicatie debet/credit (COD043: D of C).`);
}
