/**
 * The house style of every PDF Eenplan hands over (plans, the AVG inzage): A4, DejaVu Sans
 * embedded, a title block, headings, paragraphs, tables with a header row, and signatures drawn
 * as vector paths from their stored pen strokes.
 *
 * The font is embedded, not pdfkit's built-in Helvetica: that one covers WinAnsi only, and
 * "Ayşe Yılmaz" or "Łukasz" came out as "AyöP YÆÖ". DejaVu Sans (npm package dejavu-fonts-ttf)
 * covers Latin, Greek, Cyrillic and more; only the glyphs used are embedded (pdfkit subsets), so
 * a document stays small, and it is read from disk, so it works offline.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { formatDate, type IsoDate } from '../../shared/dates';
import { alsSvgPad, leesLijnen, VAK_BREEDTE, VAK_HOOGTE } from '../../shared/handtekening';

export type Pdf = PDFKit.PDFDocument;

const KLEUR = '#1d4f91';
const GRIJS = '#555555';
const MARGE = 56;

/** The font names to pass to `doc.font(...)`: every PDF uses these and no others. */
export const LETTER = {
  gewoon: 'Eenplan',
  vet: 'Eenplan-Vet',
  schuin: 'Eenplan-Schuin',
} as const;

const BESTANDEN: Record<keyof typeof LETTER, string> = {
  gewoon: 'DejaVuSans.ttf',
  vet: 'DejaVuSans-Bold.ttf',
  schuin: 'DejaVuSans-Oblique.ttf',
};
export const LETTERTYPE_BESTANDEN = Object.values(BESTANDEN);

/**
 * Where the font files are: beside the bundle in the desktop app (scripts/build-electron.mjs
 * copies them there, as it does the migrations), otherwise in the npm package.
 */
function lettertypeMap(): string {
  const naastBundel = fileURLToPath(new URL('./fonts', import.meta.url));
  if (existsSync(join(naastBundel, BESTANDEN.gewoon))) return naastBundel;
  return dirname(
    createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${BESTANDEN.gewoon}`),
  );
}

let map: string | undefined;
const lettertype = (soort: keyof typeof LETTER) =>
  join((map ??= lettertypeMap()), BESTANDEN[soort]);

export interface Document {
  doc: Pdf;
  klaar: Promise<Uint8Array>;
}

export function nieuwDocument(titel: string, gemaaktOp: Date): Document {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGE,
    bufferPages: true,
    // The embedded font from the start, so Helvetica is never loaded into the document.
    font: lettertype('gewoon'),
    info: { Title: titel, Author: 'Eenplan', CreationDate: gemaaktOp },
  });
  for (const soort of Object.keys(LETTER) as (keyof typeof LETTER)[])
    doc.registerFont(LETTER[soort], lettertype(soort));
  const delen: Buffer[] = [];
  doc.on('data', (d: Buffer) => delen.push(d));
  const klaar = new Promise<Uint8Array>((resolve) =>
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(delen)))),
  );
  return { doc, klaar };
}

export function titelBlok(doc: Pdf, titel: string, regels: string[]) {
  doc.font(LETTER.vet).fontSize(20).fillColor(KLEUR).text(titel);
  doc.moveDown(0.2).font(LETTER.gewoon).fontSize(10).fillColor(GRIJS);
  for (const r of regels) doc.text(r);
  doc.fillColor('black').moveDown(0.6);
  const y = doc.y;
  doc
    .moveTo(MARGE, y)
    .lineTo(doc.page.width - MARGE, y)
    .lineWidth(0.5)
    .strokeColor('#bbbbbb')
    .stroke();
  doc.moveDown(0.6);
}

export function kop(doc: Pdf, tekst: string) {
  if (doc.y > doc.page.height - MARGE - 80) doc.addPage();
  doc.moveDown(0.6).font(LETTER.vet).fontSize(13).fillColor(KLEUR).text(tekst).fillColor('black');
  doc.moveDown(0.25);
}

/** A paragraph; an empty text shows as a grey "nog niet ingevuld". */
export function alinea(
  doc: Pdf,
  tekst: string | null | undefined,
  opties: { groot?: boolean } = {},
) {
  const leeg = !tekst?.trim();
  doc
    .font(leeg ? LETTER.schuin : LETTER.gewoon)
    .fontSize(opties.groot ? 12 : 10.5)
    .fillColor(leeg ? GRIJS : 'black')
    .text(leeg ? 'Nog niet ingevuld.' : tekst!.trim(), { lineGap: 2 })
    .fillColor('black');
}

export function labelTekst(doc: Pdf, label: string, tekst: string | null | undefined) {
  doc.font(LETTER.vet).fontSize(10.5).text(`${label}: `, { continued: true });
  doc.font(LETTER.gewoon).text(tekst?.trim() || '—');
}

/** A table with a header row; `breedtes` are fractions of the text width. */
export function tabel(doc: Pdf, koppen: string[], rijen: string[][], breedtes: number[]) {
  if (rijen.length === 0) {
    alinea(doc, null);
    return;
  }
  const breedte = doc.page.width - 2 * MARGE;
  doc.font(LETTER.gewoon).fontSize(9.5);
  doc.table({
    position: { x: MARGE },
    columnStyles: breedtes.map((b) => ({ width: Math.floor(b * breedte) })),
    defaultStyle: { padding: [4, 5, 4, 5], borderColor: '#999999', border: 0.5 },
    data: [
      koppen.map((k) => ({
        text: k,
        type: 'TH' as const,
        font: { src: LETTER.vet },
        backgroundColor: '#e8eef7',
      })),
      ...rijen,
    ],
  });
  doc.x = MARGE;
  doc.moveDown(0.4);
}

export const datumOfStreep = (iso: string | null | undefined) =>
  iso ? formatDate(iso.slice(0, 10) as IsoDate) : '—';

export interface Ondertekenaar {
  naam: string;
  rol: string;
  op: string | null;
  /** Stored pen strokes, or null for an empty line to sign on paper. */
  lijnen: string | null;
}

/** Signature boxes, two per row: the drawn signature (or an empty line), name, role and date. */
export function handtekeningen(doc: Pdf, ondertekenaars: Ondertekenaar[]) {
  const breedte = (doc.page.width - 2 * MARGE - 24) / 2;
  const hoogte = breedte * (VAK_HOOGTE / VAK_BREEDTE);
  for (let i = 0; i < ondertekenaars.length; i += 2) {
    if (doc.y + hoogte + 50 > doc.page.height - MARGE) doc.addPage();
    const y = doc.y;
    for (const [k, o] of ondertekenaars.slice(i, i + 2).entries()) {
      const x = MARGE + k * (breedte + 24);
      const streken = o.lijnen ? leesLijnen(o.lijnen) : null;
      if (streken) {
        doc.save();
        doc.translate(x, y).scale(breedte / VAK_BREEDTE);
        doc
          .path(alsSvgPad(streken))
          .lineWidth(3)
          .lineCap('round')
          .lineJoin('round')
          .strokeColor('#10205a')
          .stroke();
        doc.restore();
      }
      doc
        .moveTo(x, y + hoogte)
        .lineTo(x + breedte, y + hoogte)
        .lineWidth(0.5)
        .strokeColor('#333333')
        .stroke();
      doc
        .font(LETTER.vet)
        .fontSize(9.5)
        .fillColor('black')
        .text(o.naam || ' ', x, y + hoogte + 4, { width: breedte });
      doc
        .font(LETTER.gewoon)
        .fontSize(9)
        .fillColor(GRIJS)
        .text(
          `${o.rol}${o.op ? ` · getekend op ${datumOfStreep(o.op)}` : ' · datum: ____________'}`,
          x,
          doc.y,
          { width: breedte },
        );
    }
    doc.fillColor('black');
    doc.x = MARGE;
    doc.y = y + hoogte + 44;
  }
}

/** "Pagina n van m" and the document's name at the foot of every page. */
export function voetregels(doc: Pdf, tekst: string) {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Inside the bottom margin: without this pdfkit would start a new page for the line.
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGE + 16;
    doc.font(LETTER.gewoon).fontSize(8).fillColor(GRIJS);
    doc.text(tekst, MARGE, y, { lineBreak: false });
    doc.text(`Pagina ${i - start + 1} van ${count}`, MARGE, y, {
      width: doc.page.width - 2 * MARGE,
      align: 'right',
      lineBreak: false,
    });
  }
}
