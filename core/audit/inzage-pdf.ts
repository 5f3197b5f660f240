/**
 * The AVG inzage as a readable A4 document for the family: the same content as the JSON export
 * (`inzage-export.ts`), each part of the record under a Dutch heading with its fields as
 * "label: value" lines, and the access log as a list of who did what when. Made locally with
 * pdfkit and its built-in fonts, so it works offline.
 */
import PDFDocument from 'pdfkit';
import type { ApiOutput } from '../../shared/api';
import { AUDIT_ACTIE_LABELS, onderdeelLabel } from '../../shared/api-toegangslog';
import { formatDate, isIsoDate } from '../../shared/dates';

type Inzage = ApiOutput<'gezin.inzage'>;

const ONDERDELEN: Record<string, string> = {
  gezinnen: 'Gezin',
  gezinsleden: 'Gezinsleden',
  gezin_medewerkers: 'Regisseur en medewerkers',
  netwerkleden: 'Netwerk',
  gezinsplannen: 'Gezinsplan',
  gezinsplan_domeinen: 'Leefdomeinen',
  afspraken: 'Afspraken',
  gezinsplan_versies: 'Vastgelegde versies van het gezinsplan',
  actieplannen: 'Actieplannen',
  doelen: 'Doelen',
  zorgprofielen: 'Zorgprofielen',
  toewijzingen: 'Toewijzingen',
  evaluaties: 'Evaluaties',
  akkoorden: 'Akkoorden (vier ogen)',
  overdrachten: 'Overdrachten',
  handtekeningen: 'Handtekeningen onder het gezinsplan',
  gespreksverslagen: 'Gespreksverslagen',
  ingezette_voorzieningen: 'Ingezette voorzieningen (sociale kaart)',
  bezoeken: 'Geplande bezoeken',
};

/** Technical columns that tell a family nothing. */
const WEGLATEN = new Set(['hlc', 'authorId', 'deleted']);

/** camelCase field name -> "Camel case" label. */
function label(veld: string): string {
  if (veld === 'bsn') return 'BSN';
  const woorden = veld.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return woorden.charAt(0).toUpperCase() + woorden.slice(1);
}

function waarde(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? 'ja' : 'nee';
  if (typeof v === 'string' && isIsoDate(v)) return formatDate(v);
  return String(v);
}

const tijdstip = (iso: string) =>
  new Date(iso).toLocaleString('nl-NL', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `namen`: professionals by id, so "regisseur" and "vastgesteld door" show a name. */
export function inzageNaarPdf(
  inzage: Inzage,
  gezinNaam: string,
  namen: ReadonlyMap<string, string>,
): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: {
      Title: `Inzage ${gezinNaam}`,
      Author: 'Eenplan',
      CreationDate: new Date(inzage.gemaaktOp),
    },
  });
  const delen: Buffer[] = [];
  doc.on('data', (d: Buffer) => delen.push(d));
  const klaar = new Promise<Uint8Array>((resolve) =>
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(delen)))),
  );

  doc.font('Helvetica-Bold').fontSize(18).text(`Inzage in het dossier van ${gezinNaam}`);
  doc
    .moveDown(0.3)
    .font('Helvetica')
    .fontSize(10)
    .fillColor('#444')
    .text(
      `Gemaakt op ${tijdstip(inzage.gemaaktOp)}. Dit overzicht bevat alles wat Eenplan over het gezin ` +
        'vastlegt (AVG artikel 15), en wie het dossier wanneer heeft ingezien of gewijzigd (NEN 7513).',
    )
    .fillColor('black');

  for (const [tabel, rijen] of Object.entries(inzage.onderdelen)) {
    doc
      .moveDown(1)
      .font('Helvetica-Bold')
      .fontSize(13)
      .text(ONDERDELEN[tabel] ?? tabel);
    for (const [i, rij] of rijen.entries()) {
      if (i > 0) doc.moveDown(0.4);
      for (const [veld, v] of Object.entries(rij)) {
        if (WEGLATEN.has(veld) || veld === 'id') continue;
        // A signature's pen strokes are coordinates; the family reads that it is there.
        if (veld === 'lijnen') {
          doc.font('Helvetica-Bold').fontSize(9.5).text('Handtekening: ', { continued: true });
          doc.font('Helvetica').text('gezet op het scherm');
          continue;
        }
        // References: a colleague by name; a reference to another record says nothing here.
        const persoon = typeof v === 'string' ? namen.get(v) : undefined;
        if (!persoon && (veld.endsWith('Id') || (typeof v === 'string' && UUID.test(v)))) continue;
        doc
          .font('Helvetica-Bold')
          .fontSize(9.5)
          .text(`${label(veld.replace(/Id$/, ''))}: `, { continued: true })
          .font('Helvetica')
          .text(persoon ?? waarde(v));
      }
    }
  }

  doc.moveDown(1).font('Helvetica-Bold').fontSize(13).text('Wie zag of wijzigde het dossier');
  doc.font('Helvetica').fontSize(9.5);
  if (inzage.toegangslog.length === 0) doc.text('Nog niets vastgelegd.');
  for (const r of inzage.toegangslog)
    doc.text(
      `${tijdstip(r.at)} · ${r.medewerker}${r.namens ? ` namens ${r.namens}` : ''} · ` +
        `${AUDIT_ACTIE_LABELS[r.actie]}: ${onderdeelLabel(r.onderdeel)}${r.reden ? ` (reden: ${r.reden})` : ''}`,
    );
  doc.end();
  return klaar;
}
