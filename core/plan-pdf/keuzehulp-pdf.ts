/**
 * The keuzehulp on one page for the family to take home: the aanbieders they can choose for
 * the zorgprofiel (as found with their search), each with what was measured and on how many
 * families, so they can compare at the kitchen table and choose later.
 */
import type { AanbiederKeuze } from '../../shared/api';
import {
  CIJFER_VOLGORDE,
  cijferTekst,
  MIN_GEZINNEN,
  type AanbiederCijfers,
} from '../../shared/keuzehulp';
import {
  alinea,
  datumOfStreep,
  kop,
  nieuwDocument,
  tabel,
  titelBlok,
  voetregels,
} from './document';

/** What fits on one A4 page with three lines per row (the test keeps it one page); a longer list is narrowed with the search first. */
export const MAX_OP_PAGINA = 12;

/** Column heads short enough for one page (the screen says them in full). */
const KOPPEN: Record<keyof AanbiederCijfers, string> = {
  wachttijdDagen: 'Wachttijd tot de start',
  doelenBehaald: 'Doelen behaald',
  uitval: 'Voortijdig gestopt',
  cijferGezin: 'Cijfer van gezinnen',
  gezinnen: 'Gezinnen',
};

export interface KeuzehulpPdfInvoer {
  jeugdigeNaam: string;
  gezinNaam: string;
  /** The zorgprofiel's label, or null for beschikkingsvrije hulp. */
  zorgprofiel: string | null;
  zoek: string;
  aanbieders: readonly AanbiederKeuze[];
  gemaaktOp: Date;
}

const FIGUREN = CIJFER_VOLGORDE;

/** A figure in its cell: the value over the families behind it, or "te weinig gezinnen". */
function cel(soort: keyof AanbiederCijfers, a: AanbiederKeuze): string {
  const c = a.cijfers[soort];
  if (c.waarde === null) return soort === 'gezinnen' ? `< ${MIN_GEZINNEN}` : 'te weinig\ngezinnen';
  return soort === 'gezinnen'
    ? cijferTekst(soort, c)
    : `${cijferTekst(soort, c)}\n${c.gezinnen} gezinnen`;
}

/** The aanbieder, its place and, when it takes no one new, why. */
function aanbiederCel(a: AanbiederKeuze): string {
  const letOp = a.clientenstop ? 'Cliëntenstop' : a.plafondBereikt ? 'Budgetplafond bereikt' : '';
  return [a.naam, a.plaats, letOp].filter(Boolean).join('\n');
}

export function keuzehulpNaarPdf(invoer: KeuzehulpPdfInvoer): Promise<Uint8Array> {
  const { jeugdigeNaam, gezinNaam, zorgprofiel, zoek, aanbieders, gemaaktOp } = invoer;
  const titel = `Aanbieders vergelijken voor ${jeugdigeNaam}`;
  const { doc, klaar } = nieuwDocument(titel, gemaaktOp);
  titelBlok(doc, titel, [
    `Gezin ${gezinNaam} · ${zorgprofiel ? `zorgprofiel ${zorgprofiel}` : 'beschikkingsvrije hulp'}`,
    `${aanbieders.length} aanbieders${zoek.trim() ? ` gevonden met “${zoek.trim()}”` : ' gecontracteerd'} · afgedrukt op ${datumOfStreep(gemaaktOp.toISOString())}`,
  ]);
  alinea(
    doc,
    `U kiest zelf de aanbieder. Hieronder staat wat bij eerdere gezinnen is gemeten: hoe lang het duurde voordat de hulp begon, hoeveel doelen werden behaald, hoe vaak de hulp voortijdig stopte en welk cijfer gezinnen gaven. Bij minder dan ${MIN_GEZINNEN} gezinnen noemen we geen cijfer (“te weinig gezinnen”): dat zegt dan meer over één gezin dan over de aanbieder.`,
  );
  kop(doc, 'Vergelijking');
  const getoond = aanbieders.slice(0, MAX_OP_PAGINA);
  tabel(
    doc,
    ['Aanbieder', ...FIGUREN.map((f) => KOPPEN[f])],
    getoond.map((a) => [aanbiederCel(a), ...FIGUREN.map((f) => cel(f, a))]),
    [0.29, 0.145, 0.145, 0.145, 0.145, 0.13],
  );
  if (aanbieders.length > getoond.length)
    alinea(
      doc,
      `En nog ${aanbieders.length - getoond.length} aanbieders. Zoek gerichter (op plaats of soort hulp) om ze te vergelijken.`,
    );
  alinea(
    doc,
    'Cliëntenstop of budgetplafond bereikt: deze aanbieder neemt alleen bij een zwaarwegende reden nieuwe gezinnen aan (“nee, tenzij”). Vraag uw jeugdprofessional wat dat voor u betekent.',
  );
  voetregels(doc, `Eenplan · ${titel}`);
  doc.end();
  return klaar;
}
