/**
 * One youth's actieplan as a document: the question for help, the triage (what the family can
 * do, the network, voorliggende voorzieningen from the sociale kaart), the goals and the help
 * allocated, with lines to sign on paper.
 */
import type { Actieplan } from '../../shared/api';
import {
  DOEL_RESULTATEN,
  PROBLEEMGEBIEDEN,
  TOEWIJZING_STATUSSEN,
  TRIAGE_UITKOMSTEN,
  VERWIJZERS,
  volumeTekst,
  VOORZIENING_SOORTEN,
  ZORGPROFIEL_CATEGORIEEN,
} from '../../shared/domain';
import { formatEuro } from '../../shared/money';
import {
  alinea,
  datumOfStreep,
  handtekeningen,
  kop,
  labelTekst,
  nieuwDocument,
  tabel,
  titelBlok,
  voetregels,
} from './document';

export interface ActieplanPdfInvoer {
  plan: Actieplan;
  gezinNaam: string;
  regisseurNaam: string;
  gemaaktOp: Date;
}

type Doc = ReturnType<typeof nieuwDocument>['doc'];

export function actieplanNaarPdf(invoer: ActieplanPdfInvoer): Promise<Uint8Array> {
  const { plan, gezinNaam, regisseurNaam, gemaaktOp } = invoer;
  const titel = `Actieplan ${plan.jeugdigeNaam} (gezin ${gezinNaam})`;
  const { doc, klaar } = nieuwDocument(titel, gemaaktOp);
  titelBlok(doc, titel, [
    `Geopend op ${datumOfStreep(plan.geopendOp)}${plan.afgerondOp ? `, afgerond op ${datumOfStreep(plan.afgerondOp)}` : ''}`,
    `Verwezen door: ${VERWIJZERS.labels[plan.verwijzer]} · Regisseur: ${regisseurNaam}`,
    `Afgedrukt op ${datumOfStreep(gemaaktOp.toISOString())}`,
  ]);

  kop(doc, 'De hulpvraag');
  alinea(doc, plan.hulpvraag, { groot: true });
  if (plan.problemen) {
    doc.moveDown(0.3);
    labelTekst(doc, 'Wat er speelt', plan.problemen);
  }
  triage(doc, plan);
  doelenEnHulp(doc, plan);

  kop(doc, 'Voor akkoord');
  alinea(
    doc,
    'Met onze handtekening geven wij aan dat wij dit actieplan hebben besproken en ermee instemmen.',
  );
  doc.moveDown(0.8);
  handtekeningen(doc, [
    { naam: '', rol: 'Ouder/verzorger', op: null, lijnen: null },
    { naam: plan.jeugdigeNaam, rol: 'Jeugdige (vanaf 12 jaar)', op: null, lijnen: null },
    { naam: regisseurNaam, rol: 'Regisseur', op: null, lijnen: null },
  ]);
  voetregels(doc, `${titel} · Eenplan`);
  doc.end();
  return klaar;
}

/** "Wat kan het gezin zelf, wat doen we samen": the triage and the voorzieningen found. */
function triage(doc: Doc, plan: Actieplan): void {
  kop(doc, 'Wat kan het gezin zelf, wat doen we samen');
  labelTekst(doc, 'Eigen kracht', plan.eigenKracht);
  labelTekst(doc, 'Netwerk', plan.netwerk);
  labelTekst(doc, 'Voorliggende voorzieningen', plan.voorliggend);
  labelTekst(
    doc,
    'Uitkomst van de triage',
    plan.triageUitkomst ? TRIAGE_UITKOMSTEN.labels[plan.triageUitkomst] : null,
  );
  if (plan.voorzieningen.length > 0) {
    doc.moveDown(0.4);
    tabel(
      doc,
      ['Voorziening (sociale kaart)', 'Soort', 'Contact', 'Kosten'],
      plan.voorzieningen.map((v) => [
        `${v.naam}\n${v.aanbod}`,
        VOORZIENING_SOORTEN.labels[v.soort],
        v.contact,
        v.gratis ? 'Gratis' : 'Eigen bijdrage',
      ]),
      [0.4, 0.16, 0.32, 0.12],
    );
  }
}

/** The goals, the zorgprofiel and the help allocated to reach them. */
function doelenEnHulp(doc: Doc, plan: Actieplan): void {
  kop(doc, 'Doelen');
  tabel(
    doc,
    ['Doel', 'Hoe merken we dat het lukt', 'Uiterlijk', 'Resultaat'],
    plan.doelen.map((d) => [
      d.omschrijving,
      d.meetbaar,
      datumOfStreep(d.uiterlijk),
      DOEL_RESULTATEN.labels[d.resultaat],
    ]),
    [0.36, 0.36, 0.13, 0.15],
  );

  if (plan.zorgprofiel) {
    kop(doc, 'Zorgprofiel');
    labelTekst(doc, 'Categorie', ZORGPROFIEL_CATEGORIEEN.labels[plan.zorgprofiel.categorie]);
    labelTekst(
      doc,
      'Probleemgebieden',
      plan.zorgprofiel.probleemgebieden.map((p) => PROBLEEMGEBIEDEN.labels[p]).join(', '),
    );
  }

  if (plan.toewijzingen.length > 0) {
    kop(doc, 'Toegewezen hulp');
    tabel(
      doc,
      ['Hulp', 'Aanbieder', 'Periode', 'Omvang', 'Kosten', 'Stand'],
      plan.toewijzingen.map((t) => [
        t.productOmschrijving,
        t.aanbiederNaam,
        `${datumOfStreep(t.startdatum)} t/m ${datumOfStreep(t.einddatum)}`,
        volumeTekst(t.volume, t.eenheid, t.frequentie),
        formatEuro(t.totaalCents),
        TOEWIJZING_STATUSSEN.labels[t.status],
      ]),
      [0.22, 0.2, 0.18, 0.16, 0.12, 0.12],
    );
  }
}
