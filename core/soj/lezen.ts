/**
 * Reading a monthly SOJ file, CSV or XLSX, into rows of text with their row number in the
 * file. Parsing is done by maintained libraries (csv-parse, exceljs); this module only picks
 * the format, checks the encoding and reports progress.
 */
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import type { SojFout } from '../../shared/api-budget';

export interface Rij {
  /** Row number as a spreadsheet shows it: the header is row 1. */
  regel: number;
  cellen: string[];
}

export interface Gelezen {
  kop: string[];
  rijen: Rij[];
}

export class BestandFout extends Error {
  constructor(readonly fout: SojFout) {
    super(fout.reden);
  }
}

const fout = (reden: string, regel: number | null = null): BestandFout =>
  new BestandFout({ regel, kolom: null, reden });

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
  const parser = parse({ delimiter, info: true, skip_empty_lines: true, trim: true, bom: true });
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
    if (e.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH')
      throw fout('Deze regel heeft een ander aantal kolommen dan de kopregel.', e.lines ?? null);
    if (e.code?.startsWith('CSV_'))
      throw fout(
        'Deze regel kan niet als CSV worden gelezen (controleer de aanhalingstekens).',
        e.lines ?? null,
      );
    throw error;
  }
  const [kop, ...rijen] = records;
  if (!kop) throw fout('Het bestand is leeg.');
  return { kop: kop.cellen, rijen };
}

function celTekst(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object') {
    if ('result' in value) return celTekst(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String(value.text);
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
  const rijen: Rij[] = [];
  let kop: string[] | null = null;
  const total = sheet.rowCount;
  sheet.eachRow({ includeEmpty: false }, (row, nummer) => {
    const cellen: string[] = [];
    const breedte = kop?.length ?? row.cellCount;
    for (let c = 1; c <= breedte; c++) cellen.push(celTekst(row.getCell(c).value));
    if (cellen.every((c) => c === '')) return;
    if (!kop) kop = cellen;
    else rijen.push({ regel: nummer, cellen });
    if (nummer % 5000 === 0) voortgang(nummer / total);
  });
  if (!kop) throw fout('Het bestand is leeg.');
  return { kop, rijen };
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
