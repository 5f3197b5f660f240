/**
 * The AVG inzage as a letter to the family: a greeting, what the law gives them (AVG articles
 * 15-17, the Jeugdwet's retention), who to ask, and then, as its enclosure, everything Eenplan
 * holds about them (the same content as the JSON export, `inzage-export.ts`) in Dutch words:
 * each part of the record under a Dutch heading, each field with its Dutch label and each code
 * as its label from shared/domain.ts, and the access log as a table of who did what when.
 * Made locally in the house style of every Eenplan PDF (core/plan-pdf/document.ts).
 */
import type { ApiOutput, PlanInhoud } from '../../shared/api';
import { AUDIT_ACTIE_LABELS, onderdeelLabel } from '../../shared/api';
import { formatDate, isIsoDate } from '../../shared/dates';
import { PROBLEEMGEBIEDEN } from '../../shared/domain';
import { formatEuro } from '../../shared/money';
import { CODES, EIGEN_CODES, EIGEN_VELDEN, ONDERDELEN, VELDEN, WEGLATEN } from './inzage-labels';
import {
  alinea,
  kop,
  LETTER,
  nieuwDocument,
  tabel,
  voetregels,
  type Pdf,
} from '../plan-pdf/document';

type Inzage = ApiOutput<'gezin.inzage'>;
type Rij = Record<string, unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

const tijdstip = (iso: string) =>
  // A planned visit is local time without a zone; a moment something happened is UTC.
  /[Zz]|[+-]\d{2}:\d{2}$/.test(iso)
    ? new Date(iso).toLocaleString('nl-NL', {
        dateStyle: 'short',
        timeStyle: 'short',
        timeZone: 'Europe/Amsterdam',
      })
    : `${formatDate(iso.slice(0, 10) as Parameters<typeof formatDate>[0])} ${iso.slice(11, 16)}`;

/** camelCase field name -> "Camel case", for a field this letter does not know yet. */
function veldLabel(onderdeel: string, veld: string): string {
  const bekend = EIGEN_VELDEN[onderdeel]?.[veld] ?? VELDEN[veld];
  if (bekend) return bekend;
  const woorden = veld
    .replace(/Id$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return woorden.charAt(0).toUpperCase() + woorden.slice(1);
}

function jsonLijst(v: string): unknown[] | null {
  try {
    const lijst: unknown = JSON.parse(v);
    return Array.isArray(lijst) ? lijst : null;
  } catch {
    return null;
  }
}

/**
 * A field's value in words, or null when it says nothing to the family (a reference to another
 * record, which appears in the letter under its own heading).
 */
function waarde(
  onderdeel: string,
  veld: string,
  v: unknown,
  namen: ReadonlyMap<string, string>,
): string | null {
  // An empty reference to another record is not a missing fact.
  if (v === null || v === undefined || v === '') return veld.endsWith('Id') ? null : '—';
  if (typeof v === 'boolean') return v ? 'ja' : 'nee';
  if (typeof v === 'number') {
    if (veld.endsWith('Cents')) return formatEuro(v);
    if (onderdeel === 'gezinsplannen' && veld === 'versie' && v === 0) return 'nog geen';
    return String(v);
  }
  const tekst = String(v);
  const codes = EIGEN_CODES[onderdeel]?.[veld] ?? CODES[veld];
  if (codes) return codes[tekst] ?? tekst.replaceAll('_', ' ');
  if (veld === 'probleemgebieden' || veld === 'aanwezig') {
    const lijst = jsonLijst(tekst);
    if (lijst)
      return lijst.length === 0
        ? '—'
        : lijst
            .map((p) =>
              veld === 'probleemgebieden'
                ? (PROBLEEMGEBIEDEN.labels[p as keyof typeof PROBLEEMGEBIEDEN.labels] ?? String(p))
                : String(p),
            )
            .join(', ');
  }
  // A colleague or a family member by name; any other reference says nothing here.
  const naam = namen.get(tekst);
  if (naam) return naam;
  if (veld.endsWith('Id') || UUID.test(tekst)) return null;
  if (isIsoDate(tekst)) return formatDate(tekst);
  if (MOMENT.test(tekst)) return tijdstip(tekst);
  return tekst;
}

function regel(doc: Pdf, label: string, tekst: string) {
  // A new page before the label, not between the bold label and its value.
  if (doc.y > doc.page.height - doc.page.margins.bottom - 2 * doc.currentLineHeight(true))
    doc.addPage();
  doc
    .font(LETTER.vet)
    .fontSize(9.5)
    .fillColor('black')
    .text(`${label}: `, { continued: true })
    .font(LETTER.gewoon)
    .text(tekst, { lineGap: 1 });
}

/** A fixed version of the plan: its words and agreements, not its JSON. */
function versieInhoud(doc: Pdf, json: string) {
  let inhoud: Partial<Pick<PlanInhoud, 'eigenWoorden' | 'afspraken'>> | null;
  try {
    inhoud = JSON.parse(json) as typeof inhoud;
  } catch {
    inhoud = null;
  }
  if (!inhoud) return;
  regel(doc, 'In uw eigen woorden', inhoud.eigenWoorden?.trim() || '—');
  const afspraken = inhoud.afspraken ?? [];
  regel(
    doc,
    'Afspraken',
    afspraken.length ? afspraken.map((a) => `${a.wat} (${a.wie})`).join('; ') : '—',
  );
}

function onderdeel(doc: Pdf, naam: string, rijen: Rij[], namen: ReadonlyMap<string, string>) {
  // A heading with at least its first lines under it, not alone at the foot of a page.
  if (doc.y > doc.page.height - 160) doc.addPage();
  kop(doc, ONDERDELEN[naam] ?? veldLabel('', naam));
  for (const [i, rij] of rijen.entries()) {
    if (i > 0) doc.moveDown(0.5);
    if (doc.y > doc.page.height - 130) doc.addPage();
    if (rij.deleted === true)
      doc
        .font(LETTER.schuin)
        .fontSize(9.5)
        .fillColor('#555555')
        .text('Verwijderd uit het dossier; bewaard in de geschiedenis van het dossier.');
    for (const [veld, v] of Object.entries(rij)) {
      if (WEGLATEN.has(veld)) continue;
      if (veld === 'lijnen') {
        // A signature's pen strokes are coordinates; the family reads that it is there.
        regel(doc, 'Handtekening', 'gezet op het scherm');
        continue;
      }
      if (naam === 'gezinsplan_versies' && veld === 'inhoud') {
        versieInhoud(doc, String(v));
        continue;
      }
      const tekst = waarde(naam, veld, v, namen);
      if (tekst !== null) regel(doc, veldLabel(naam, veld), tekst);
    }
  }
}

const volledigeNaam = (lid: Rij) =>
  `${String(lid.voornaam ?? '')} ${String(lid.achternaam ?? '')}`.trim();

/** The letter itself: to whom, the greeting, the rights, who to ask, the signature. */
function brief(doc: Pdf, inzage: Inzage, gezinNaam: string, namen: ReadonlyMap<string, string>) {
  const gezin = inzage.onderdelen.gezinnen?.[0] ?? {};
  const ouders = (inzage.onderdelen.gezinsleden ?? []).filter(
    (l) => l.rol === 'ouder' && l.deleted !== true,
  );
  const regisseur = namen.get(String(gezin.regisseurId ?? '')) ?? null;
  const datum = formatDate(inzage.gemaaktOp.slice(0, 10) as Parameters<typeof formatDate>[0]);

  const team = typeof gezin.team === 'string' ? gezin.team : 'Jeugdteam';
  doc.font(LETTER.vet).fontSize(10).fillColor('#1d4f91').text(team);
  doc.moveDown(1.5).font(LETTER.gewoon).fontSize(10.5).fillColor('black');
  for (const r of [
    gezinNaam,
    String(gezin.adres ?? ''),
    `${String(gezin.postcode ?? '')}  ${String(gezin.woonplaats ?? '')}`.trim(),
  ])
    if (r) doc.text(r);
  doc.moveDown(1.5);
  regel(doc, 'Datum', datum);
  regel(doc, 'Onderwerp', 'inzage in uw dossier (AVG artikel 15)');
  doc.moveDown(1.2).font(LETTER.gewoon).fontSize(10.5);

  const aanhef = ouders.length ? ouders.map(volledigeNaam).join(' en ') : gezinNaam;
  const alineas = [
    `Beste ${aanhef},`,
    'U heeft gevraagd welke gegevens wij over u en uw gezin vastleggen. Daar heeft u recht op: ' +
      'volgens de Algemene verordening gegevensbescherming (AVG, artikel 15) mag u weten welke ' +
      'gegevens wij over u bewaren, waarvoor wij ze gebruiken en wie ze heeft ingezien.',
    `In de bijlage bij deze brief staat alles wat wij in Eenplan over uw gezin hebben vastgelegd, ` +
      `zoals het was op ${datum}: de gezinsleden, het gezinsplan, de actieplannen en de hulp. ` +
      'Daarna volgt een lijst van iedereen die uw dossier heeft bekeken of gewijzigd, met de datum ' +
      'en de tijd.',
    'Wij gebruiken deze gegevens om samen met u het gezinsplan te maken en de hulp te regelen die ' +
      'u en uw kinderen nodig hebben (Jeugdwet). Wij bewaren uw dossier tot twintig jaar nadat de ' +
      'laatste hulp is geëindigd, zoals de Jeugdwet vraagt. Daarna wordt het verwijderd.',
    'Klopt er iets niet, of mist er iets? Dan mag u ons vragen het te verbeteren of aan te vullen ' +
      '(AVG artikel 16). U mag ook vragen om gegevens te verwijderen (artikel 17); dat kan niet ' +
      'altijd, omdat de wet ons vraagt het dossier te bewaren. Bent u het niet eens met hoe wij ' +
      'met uw gegevens omgaan, dan kunt u een klacht indienen bij de Autoriteit Persoonsgegevens.',
    regisseur
      ? `Heeft u vragen over deze brief? Neem dan contact op met ${regisseur}, uw regisseur.`
      : 'Heeft u vragen over deze brief? Neem dan contact op met uw regisseur.',
  ];
  for (const a of alineas) {
    alinea(doc, a);
    doc.moveDown(0.6);
  }
  doc.moveDown(0.4);
  alinea(doc, 'Met vriendelijke groet,');
  doc.moveDown(1.5);
  if (regisseur) doc.font(LETTER.vet).fontSize(10.5).text(regisseur);
  doc.font(LETTER.gewoon).fontSize(10.5).text(`Regisseur, ${team}`);
}

/** `namen`: professionals by id, so "regisseur" and "vastgesteld door" show a name. */
export function inzageNaarPdf(
  inzage: Inzage,
  gezinNaam: string,
  namen: ReadonlyMap<string, string>,
): Promise<Uint8Array> {
  const titel = `Inzage in het dossier van ${gezinNaam}`;
  const { doc, klaar } = nieuwDocument(titel, new Date(inzage.gemaaktOp));
  // The family's members by name too: an actieplan or a toewijzing is "voor" one of them; and a
  // goal by its words, where a score refers to it.
  const alleNamen = new Map(namen);
  for (const lid of inzage.onderdelen.gezinsleden ?? [])
    alleNamen.set(String(lid.id), volledigeNaam(lid));
  for (const doel of inzage.onderdelen.doelen ?? [])
    alleNamen.set(String(doel.id), String(doel.omschrijving ?? ''));

  brief(doc, inzage, gezinNaam, alleNamen);

  doc.addPage();
  doc.font(LETTER.vet).fontSize(16).fillColor('#1d4f91').text(`Bijlage: ${titel}`);
  doc
    .moveDown(0.2)
    .font(LETTER.gewoon)
    .fontSize(10)
    .fillColor('#555555')
    .text(
      `Alles wat Eenplan over uw gezin vastlegt, zoals het was op ${tijdstip(inzage.gemaaktOp)}.`,
    )
    .fillColor('black');
  for (const [naam, rijen] of Object.entries(inzage.onderdelen))
    onderdeel(doc, naam, rijen, alleNamen);

  kop(doc, 'Wie uw dossier bekeek of wijzigde');
  if (inzage.toegangslog.length === 0) alinea(doc, 'Nog niets vastgelegd.');
  else
    tabel(
      doc,
      ['Wanneer', 'Wie', 'Wat'],
      inzage.toegangslog.map((r) => [
        tijdstip(r.at),
        `${r.medewerker}${r.namens ? ` namens ${r.namens}` : ''}`,
        `${AUDIT_ACTIE_LABELS[r.actie]}: ${onderdeelLabel(r.onderdeel)}${r.reden ? ` (reden: ${r.reden})` : ''}`,
      ]),
      [0.24, 0.28, 0.48],
    );
  voetregels(doc, `${titel} · Eenplan`);
  doc.end();
  return klaar;
}
