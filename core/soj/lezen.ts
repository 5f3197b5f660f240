/**
 * Reading a monthly SOJ file, CSV or XLSX, into rows of cells with their row number in the
 * file. Parsing is done by maintained libraries (csv-parse, exceljs); this module picks the
 * format, checks the encoding, keeps Excel's numbers and dates as such (not as text), drops
 * the empty rows and columns spreadsheets leave behind, and reports progress.
 */
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import type { SojFout } from '../../shared/api';
import { isLeeg, type Cel } from './waarden';

export interface Rij {
  /** Row number as a spreadsheet shows it: the header is row 1. */
  regel: number;
  /** As wide as the header. */
  cellen: Cel[];
}

export interface Gelezen {
  kop: string[];
  rijen: Rij[];
  /** An Excel workbook in the 1904 date system (serial numbers count from 1904-01-01). */
  datum1904?: boolean;
}

export class SojFileError extends Error {
  constructor(readonly fout: SojFout) {
    super(fout.reden);
  }
}

const fout = (reden: string, regel: number | null = null): SojFileError =>
  new SojFileError({ regel, kolom: null, reden });

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** Text of a CSV file: UTF-8 (with or without BOM) only; anything else is refused clearly. */
export function csvTekst(bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw fout(
      'Het bestand is opgeslagen als UTF-16 ("Unicode-tekst"). Sla het op als "CSV UTF-8 (door komma’s gescheiden)" en probeer het opnieuw.',
    );
  if (bytes.includes(0))
    throw fout('Dit is geen tekstbestand. Kies het CSV- of Excel-bestand (.xlsx) van het SOJ.');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw fout(
      'Het bestand is niet in UTF-8 opgeslagen (bijvoorbeeld Windows-1252 of ANSI), waardoor letters als ë verkeerd zouden worden gelezen. Sla het op als "CSV UTF-8" en probeer het opnieuw.',
    );
  }
}

async function leesCsv(bytes: Uint8Array, voortgang: (deel: number) => void): Promise<Gelezen> {
  const tekst = csvTekst(bytes);
  const eersteRegel = tekst.slice(0, tekst.search(/\r?\n|$/));
  // Dutch Excel writes semicolons; other tools commas.
  const delimiter =
    (eersteRegel.match(/;/g)?.length ?? 0) >= (eersteRegel.match(/,/g)?.length ?? 0) ? ';' : ',';
  const parser = parse({
    delimiter,
    info: true,
    skip_empty_lines: true,
    trim: true,
    bom: true,
    // Excel leaves rows of separators only (";;;;") and empty columns; checked below.
    relax_column_count: true,
  });
  const records: Rij[] = [];
  parser.on('readable', () => {
    let record: { record: string[]; info: { lines: number } } | null;
    while ((record = parser.read() as typeof record) !== null)
      records.push({ regel: record.info.lines, cellen: record.record });
  });
  const klaar = new Promise<void>((resolve, reject) => {
    parser.on('end', resolve);
    parser.on('error', reject);
  });
  // A parse error also surfaces through write() below; this one must not go unhandled.
  klaar.catch(() => undefined);
  const STUK = 512 * 1024;
  try {
    for (let i = 0; i < tekst.length; i += STUK) {
      parser.write(tekst.slice(i, i + STUK));
      voortgang(Math.min(1, (i + STUK) / tekst.length));
      // Let the host answer other requests (and progress polls) between chunks.
      await new Promise((r) => setImmediate(r));
    }
    parser.end();
    await klaar;
  } catch (error) {
    const e = error as { code?: string; lines?: number; message: string };
    if (e.code?.startsWith('CSV_'))
      throw fout(
        'Deze regel kan niet als CSV worden gelezen (controleer de aanhalingstekens).',
        e.lines ?? null,
      );
    throw error;
  }
  return opgeschoond(records);
}

/**
 * Drops the rows without any content (Excel's ";;;;" rows) and the empty cells past the
 * header's last column; a row that is still narrower or wider than the header is refused.
 */
function opgeschoond(records: Rij[]): Gelezen {
  const gevuld = records.filter((r) => !r.cellen.every(isLeeg));
  const [eerste, ...rijen] = gevuld;
  if (!eerste) throw fout('Het bestand is leeg.');
  const kop = eerste.cellen.map((c) => String(c).trim());
  while (kop.length > 0 && kop[kop.length - 1] === '') kop.pop();
  for (const rij of rijen) {
    if (rij.cellen.length > kop.length && rij.cellen.slice(kop.length).every(isLeeg))
      rij.cellen.length = kop.length;
    if (rij.cellen.length !== kop.length)
      throw new SojFileError({
        regel: rij.regel,
        kolom: null,
        reden: `Deze regel heeft ${rij.cellen.length} kolommen, de kopregel ${kop.length}: een ander aantal kolommen dan de kopregel.`,
      });
  }
  return { kop, rijen };
}

/** An Excel cell as a person reads it: text, a number (also a formula's result) or a date. */
function celWaarde(value: ExcelJS.CellValue): Cel {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return { datum: value.toISOString().slice(0, 10) };
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'WAAR' : 'ONWAAR';
  if (typeof value === 'object') {
    if ('error' in value) return String(value.error);
    if ('result' in value) return celWaarde(value.result as ExcelJS.CellValue);
    if ('richText' in value)
      return value.richText
        .map((t) => t.text)
        .join('')
        .trim();
    if ('text' in value) return String(value.text).trim();
    return '';
  }
  return String(value).trim();
}

async function leesXlsx(bytes: Uint8Array, voortgang: (deel: number) => void): Promise<Gelezen> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw fout('Dit Excel-bestand kan niet worden geopend. Is het beschadigd of beveiligd?');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) throw fout('Het bestand is leeg.');
  const records: Rij[] = [];
  let breedte: number | null = null;
  const total = sheet.rowCount;
  sheet.eachRow({ includeEmpty: false }, (row, nummer) => {
    const cellen: Cel[] = [];
    // Cells right of the header's columns are not part of the table (notes, stray values).
    const tot = breedte ?? row.cellCount;
    for (let c = 1; c <= tot; c++) cellen.push(celWaarde(row.getCell(c).value));
    if (cellen.every(isLeeg)) return;
    if (breedte === null) {
      while (cellen.length > 0 && isLeeg(cellen[cellen.length - 1]!)) cellen.pop();
      breedte = cellen.length;
    }
    records.push({ regel: nummer, cellen });
    if (nummer % 5000 === 0) voortgang(nummer / total);
  });
  const properties = workbook.properties as { date1904?: boolean };
  return { ...opgeschoond(records), datum1904: properties.date1904 === true };
}

export async function leesSojBestand(
  bytes: Uint8Array,
  bestandsnaam: string,
  voortgang: (deel: number) => void = () => {},
): Promise<Gelezen> {
  if (bytes.length === 0) throw fout('Het bestand is leeg.');
  if (isZip(bytes)) return leesXlsx(bytes, voortgang);
  if (/\.xlsx?$/i.test(bestandsnaam))
    throw fout(
      'Dit is geen geldig .xlsx-bestand. Oude .xls-bestanden: sla ze op als .xlsx of CSV.',
    );
  return leesCsv(bytes, voortgang);
}
