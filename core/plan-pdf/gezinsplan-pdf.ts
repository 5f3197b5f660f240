/**
 * The gezinsplan as the family's document: their own words first (000_… 2 and 8: the plan is
 * the family's), then the life domains, the agreements as a table and the signatures under
 * the version they approve.
 */
import type { Gezinsplan } from '../../shared/api';
import { AFSPRAAK_STATUSSEN, LEEFDOMEINEN, ONDERTEKENAARS } from '../../shared/domain';
import {
  alinea,
  datumOfStreep,
  handtekeningen,
  kop,
  nieuwDocument,
  tabel,
  titelBlok,
  voetregels,
  type Ondertekenaar,
} from './document';

export interface GezinsplanPdfInvoer {
  plan: Gezinsplan;
  gezinNaam: string;
  regisseurNaam: string;
  gemaaktOp: Date;
}

function versieRegel(plan: Gezinsplan): string {
  const laatste = plan.versies.at(-1);
  if (!laatste) return 'Werkversie: nog niet vastgelegd.';
  const regel = `Versie ${laatste.versie}, vastgelegd op ${datumOfStreep(laatste.vastgesteldOp)}`;
  return plan.gewijzigdSindsVersie
    ? `${regel}; daarna gewijzigd (dit is de werkversie).`
    : `${regel}.`;
}

function ondertekeningRegel(plan: Gezinsplan): string {
  switch (plan.ondertekening) {
    case 'ondertekend':
      return `Ondertekend: de handtekeningen hieronder gelden voor versie ${plan.versie}.`;
    case 'opnieuw':
      return 'Gewijzigd na ondertekening: het plan is nog niet opnieuw ondertekend. De handtekeningen hieronder gelden voor een eerdere versie.';
    default:
      return 'Nog niet ondertekend.';
  }
}

export function gezinsplanNaarPdf(invoer: GezinsplanPdfInvoer): Promise<Uint8Array> {
  const { plan, gezinNaam, regisseurNaam, gemaaktOp } = invoer;
  const { doc, klaar } = nieuwDocument(`Gezinsplan ${gezinNaam}`, gemaaktOp);
  titelBlok(doc, `Gezinsplan ${gezinNaam}`, [
    versieRegel(plan),
    `Regisseur: ${regisseurNaam}`,
    `Afgedrukt op ${datumOfStreep(gemaaktOp.toISOString())}`,
  ]);

  kop(doc, 'Wat wij willen bereiken, in onze eigen woorden');
  alinea(doc, plan.inhoud.eigenWoorden, { groot: true });
  if (plan.toekomstplanNodig || plan.inhoud.toekomstplan) {
    kop(doc, 'Toekomstplan (vanaf 16 jaar)');
    alinea(doc, plan.inhoud.toekomstplan);
  }

  kop(doc, 'Leefdomeinen');
  tabel(
    doc,
    ['Leefdomein', 'Hoe het nu gaat', 'Wat we willen bereiken'],
    plan.inhoud.domeinen.map((d) => [
      LEEFDOMEINEN.labels[d.domein],
      d.situatie || '—',
      d.doel || '—',
    ]),
    [0.22, 0.39, 0.39],
  );

  kop(doc, 'Afspraken');
  tabel(
    doc,
    ['Wat', 'Wie', 'Uiterlijk', 'Stand'],
    plan.inhoud.afspraken.map((a) => [
      a.wat,
      a.wie,
      datumOfStreep(a.uiterlijk),
      AFSPRAAK_STATUSSEN.labels[a.status],
    ]),
    [0.46, 0.22, 0.16, 0.16],
  );

  kop(doc, 'Handtekeningen');
  alinea(doc, ondertekeningRegel(plan));
  doc.moveDown(0.6);
  const getekend: Ondertekenaar[] = plan.handtekeningen
    .filter((h) => h.versie === (plan.handtekeningen.at(-1)?.versie ?? 0))
    .map((h) => ({
      naam: h.naam,
      rol: `${ONDERTEKENAARS.labels[h.rol]}, versie ${h.versie}`,
      op: h.getekendOp,
      lijnen: h.lijnen,
    }));
  // Without signatures on screen the plan can still be signed on paper.
  const lijnen: Ondertekenaar[] =
    getekend.length > 0
      ? getekend
      : [
          { naam: '', rol: ONDERTEKENAARS.labels.ouder, op: null, lijnen: null },
          { naam: regisseurNaam, rol: ONDERTEKENAARS.labels.regisseur, op: null, lijnen: null },
        ];
  handtekeningen(doc, lijnen);
  voetregels(doc, `Gezinsplan ${gezinNaam} · Eenplan`);
  doc.end();
  return klaar;
}
