/**
 * Export of a dashboard table (or the rows behind a figure) to CSV or XLSX: the same table the
 * screen shows (shared/dashboard-tabellen.ts). CSV is written for Dutch Excel: UTF-8 with BOM,
 * semicolons, decimal comma, dates as dd-mm-jjjj.
 */
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Kolom, Tabel } from '../../shared/api';
import { dashboardTabellen } from '../../shared/dashboard-tabellen';
import { formatDate } from '../../shared/dates';

type Waarde = string | number | null | undefined;

function csvCel(kolom: Kolom, v: Waarde): string {
  if (v === null || v === undefined) return '';
  switch (kolom.soort) {
    case 'bedrag':
      return (Number(v) / 100).toFixed(2).replace('.', ',');
    case 'procent':
      return (Number(v) * 100).toFixed(1).replace('.', ',');
    case 'datum':
      return formatDate(String(v));
    default:
      return String(v);
  }
}

export function tabelNaarCsv(tabel: Tabel): Uint8Array {
  const kop = tabel.kolommen.map((k) => (k.soort === 'procent' ? `${k.label} (%)` : k.label));
  const rijen = tabel.rijen.map((r) => tabel.kolommen.map((k) => csvCel(k, r.waarden[k.sleutel])));
  const tekst = stringify([kop, ...rijen], { delimiter: ';', record_delimiter: '\r\n' });
  return new TextEncoder().encode(`\ufeff${tekst}`);
}

const NUMFMT: Partial<Record<Kolom['soort'], string>> = {
  bedrag: '€ #,##0.00',
  procent: '0.0%',
  datum: 'dd-mm-yyyy',
  aantal: '#,##0',
  dagen: '#,##0',
};

export async function tabelNaarXlsx(tabel: Tabel): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Eenplan';
  const sheet = workbook.addWorksheet(tabel.titel.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '));
  sheet.columns = tabel.kolommen.map((k) => ({
    header: k.label,
    key: k.sleutel,
    width: Math.max(12, k.label.length + 2),
    style: NUMFMT[k.soort] ? { numFmt: NUMFMT[k.soort] } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of tabel.rijen)
    sheet.addRow(
      Object.fromEntries(
        tabel.kolommen.map((k) => {
          const v = r.waarden[k.sleutel];
          if (v === null || v === undefined) return [k.sleutel, null];
          if (k.soort === 'bedrag') return [k.sleutel, Number(v) / 100];
          if (k.soort === 'datum') return [k.sleutel, new Date(`${String(v)}T00:00:00Z`)];
          return [k.sleutel, v];
        }),
      ),
    );
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export function kiesTabel(tabellen: Tabel[], sleutel: string): Tabel | undefined {
  return tabellen.find((t) => t.sleutel === sleutel);
}

export { dashboardTabellen };
