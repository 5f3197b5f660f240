/**
 * The structure of the two iJw 3.2 messages Eenplan writes and reads, JW301 (toewijzing) and
 * JW315 (verzoek om toewijzing), written down from the published summaries of the iJw 3.2 XSDs
 * (element order, cardinality) and the basisschema's data types (patterns, lengths). The
 * official XSD files could not be obtained on the development machine, so this is a documented
 * structure check, not XSD validation; README "iJw" says so.
 *
 * A message is checked as XSD checks a sequence: children in the given order, each between its
 * minimum and maximum count, nothing else.
 */
import { isValidBsn } from '../../shared/bsn';
import { isIsoDate } from '../../shared/dates';
import { IJW_EENHEDEN, IJW_FREQUENTIES } from '../../shared/domain';

export const IJW_BASIS_NS = 'http://www.istandaarden.nl/ijw/3_2/basisschema/schema';
export const ijwBerichtNs = (code: 'jw301' | 'jw315') =>
  `http://www.istandaarden.nl/ijw/3_2/${code}/schema`;

/** COD002-VEKT berichtcodes. */
export const BERICHTCODE = { jw301: '436', jw315: '446' } as const;
/** iJw release 3.2: major release 3, minor release 2. */
export const BERICHT_VERSIE = '3';
export const BERICHT_SUBVERSIE = '2';
export const XSD_VERSIE = '1.0.0';

export type Blad = (waarde: string) => boolean;

const patroon =
  (re: RegExp): Blad =>
  (w) =>
    re.test(w);
const lengte =
  (min: number, max: number): Blad =>
  (w) =>
    w.length >= min && w.length <= max && w.trim() === w;
const codes =
  (lijst: readonly string[]): Blad =>
  (w) =>
    lijst.includes(w);

export const T = {
  datum: ((w) => isIsoDate(w)) as Blad,
  tijd: patroon(/^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/),
  bsn: ((w) => isValidBsn(w)) as Blad,
  agb: patroon(/^\d{8}$/),
  gemeente: patroon(/^\d{4}$/),
  versie: patroon(/^\d{1,2}\.\d{1,2}\.\d{1,2}$/),
  identificatie: lengte(1, 12),
  nummer: patroon(/^[0-9A-Za-z]{1,8}$/),
  referentie: lengte(1, 15),
  commentaar: lengte(1, 200),
  geslacht: codes(['0', '1', '2']),
  naamGebruik: codes(['1', '2', '3', '4']),
  achternaam: lengte(1, 200),
  voorvoegsel: lengte(1, 10),
  voornamen: lengte(1, 200),
  voorletters: patroon(/^[A-Z]{1,6}$/),
  adresSoort: codes(['01', '02', '03', '04']),
  straat: lengte(1, 24),
  huisnummer: patroon(/^[1-9]\d{0,4}$/),
  postcode: patroon(/^\d{4}[A-Z]{2}$/),
  plaats: lengte(1, 24),
  categorie: patroon(/^\d{2}$/),
  productcode: patroon(/^[0-9A-Za-z]{5}$/),
  volume: patroon(/^[1-9]\d{0,7}$/),
  eenheid: codes(IJW_EENHEDEN.codes),
  frequentie: codes(IJW_FREQUENTIES.codes),
  verwijzerType: codes(['01', '02', '03', '04', '05', '06', '08']),
  verwijzerNaam: lengte(1, 35),
  janee: codes(['1', '2']),
  vast:
    (v: string): Blad =>
    (w) =>
      w === v,
} as const;

export interface Knoop {
  naam: string;
  min: 0 | 1;
  max: 1 | 'n';
  /** A leaf's type, or the children of a composite element. */
  type?: Blad;
  kinderen?: Knoop[];
}

const een = (naam: string, type: Blad): Knoop => ({ naam, min: 1, max: 1, type });
const mag = (naam: string, type: Blad): Knoop => ({ naam, min: 0, max: 1, type });
const groep = (naam: string, kinderen: Knoop[], min: 0 | 1 = 1, max: 1 | 'n' = 1): Knoop => ({
  naam,
  min,
  max,
  kinderen,
});

const header = (code: 'jw301' | 'jw315', afzender: Blad, ontvanger: Blad) =>
  groep('Header', [
    een('BerichtCode', T.vast(BERICHTCODE[code])),
    een('BerichtVersie', T.vast(BERICHT_VERSIE)),
    een('BerichtSubversie', T.vast(BERICHT_SUBVERSIE)),
    een('Afzender', afzender),
    een('Ontvanger', ontvanger),
    groep('BerichtIdentificatie', [
      een('Identificatie', T.identificatie),
      een('Dagtekening', T.datum),
    ]),
    groep('XsdVersie', [een('BasisschemaXsdVersie', T.versie), een('BerichtXsdVersie', T.versie)]),
  ]);

const geboortedatum = groep('Geboortedatum', [
  een('Datum', T.datum),
  mag('DatumGebruik', codes(['1', '2', '3'])),
]);

const product = groep('Product', [een('Categorie', T.categorie), mag('Code', T.productcode)], 0);

const omvang = groep(
  'Omvang',
  [een('Volume', T.volume), een('Eenheid', T.eenheid), een('Frequentie', T.frequentie)],
  0,
);

/** JW301: the gemeente allocates a product to a provider for one client. */
export const JW301: Knoop = groep('Bericht', [
  header('jw301', T.gemeente, T.agb),
  groep('Client', [
    een('Bsn', T.bsn),
    geboortedatum,
    een('Geslacht', T.geslacht),
    groep('Naam', [
      groep('Geslachtsnaam', [een('Achternaam', T.achternaam), mag('Voorvoegsel', T.voorvoegsel)]),
      mag('Voornamen', T.voornamen),
      mag('Voorletters', T.voorletters),
      een('NaamGebruik', T.naamGebruik),
    ]),
    mag('Commentaar', T.commentaar),
    groep('Contactgegevens', [
      groep(
        'Contact',
        [
          een('Soort', T.adresSoort),
          groep(
            'Adres',
            [
              een('Straatnaam', T.straat),
              groep('Huisnummer', [
                een('Huisnummer', T.huisnummer),
                mag('Huisletter', patroon(/^[A-Za-z]$/)),
                mag('HuisnummerToevoeging', lengte(1, 4)),
              ]),
              een('Postcode', T.postcode),
              een('Plaatsnaam', T.plaats),
            ],
            0,
          ),
        ],
        1,
        'n',
      ),
    ]),
    groep('ToegewezenProducten', [
      groep(
        'ToegewezenProduct',
        [
          een('ToewijzingNummer', T.nummer),
          mag('ReferentieAanbieder', T.referentie),
          product,
          een('Toewijzingsdatum', T.datum),
          een('Toewijzingstijd', T.tijd),
          een('Ingangsdatum', T.datum),
          mag('Einddatum', T.datum),
          omvang,
          mag('Commentaar', T.commentaar),
        ],
        1,
        'n',
      ),
    ]),
  ]),
]);

/** JW315: a provider asks the gemeente to allocate (after a referral by e.g. a huisarts). */
export const JW315: Knoop = groep('Bericht', [
  header('jw315', T.agb, T.gemeente),
  groep('Client', [
    een('Bsn', T.bsn),
    geboortedatum,
    een('Geslacht', T.geslacht),
    groep('Naam', [een('Achternaam', T.achternaam), mag('Voorvoegsel', T.voorvoegsel)]),
    mag('GezagsdragerBekend', T.janee),
    mag('Commentaar', T.commentaar),
    groep('AangevraagdeProducten', [
      groep(
        'AangevraagdProduct',
        [
          een('ReferentieAanbieder', T.referentie),
          mag('BeschikkingNummer', T.nummer),
          product,
          mag('BeschikkingIngangsdatum', T.datum),
          een('ToewijzingIngangsdatum', T.datum),
          mag('ToewijzingEinddatum', T.datum),
          omvang,
          groep('Verwijzer', [
            een('Type', T.verwijzerType),
            mag('Naam', T.verwijzerNaam),
            mag('ZorgverlenerCode', T.agb),
          ]),
          mag('Raamcontract', T.janee),
          mag('Commentaar', T.commentaar),
        ],
        1,
        'n',
      ),
    ]),
  ]),
]);

/** An element as parsed: its local name (prefix dropped), text or children. */
export interface Element {
  naam: string;
  tekst: string | null;
  kinderen: Element[];
}

/** The first problem with `el` against `spec`, as a Dutch sentence naming the path, or null. */
export function structuurFout(el: Element, spec: Knoop, pad = spec.naam): string | null {
  if (el.naam !== spec.naam) return `${pad}: element ${el.naam} verwacht ${spec.naam}.`;
  if (spec.type) {
    if (el.kinderen.length > 0 || el.tekst === null) return `${pad}: een waarde verwacht.`;
    return spec.type(el.tekst) ? null : `${pad}: de waarde "${el.tekst}" is niet geldig.`;
  }
  let i = 0;
  for (const kind of spec.kinderen ?? []) {
    let aantal = 0;
    while (i < el.kinderen.length && el.kinderen[i]!.naam === kind.naam) {
      if (kind.max === 1 && aantal === 1)
        return `${pad}/${kind.naam}: mag maar één keer voorkomen.`;
      const fout = structuurFout(el.kinderen[i]!, kind, `${pad}/${kind.naam}`);
      if (fout) return fout;
      aantal++;
      i++;
    }
    if (aantal < kind.min) return `${pad}/${kind.naam}: ontbreekt.`;
  }
  if (i < el.kinderen.length) return `${pad}/${el.kinderen[i]!.naam}: hoort hier niet.`;
  return null;
}
