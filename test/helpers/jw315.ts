/**
 * A JW315 verzoek om toewijzing as a provider sends it (iJw 3.2, valid against the official
 * JW315 XSD; the tests check that with xmllint): a huisarts's referral for 4 hours a week of the
 * given product, December to May. Elements of basisschema types have their children in the
 * basisschema's namespace (`ijw:`).
 */
export interface Jw315Invoer {
  agb: string;
  bsn: string;
  productcode: string;
  categorie: string;
  /** Every optional element the XSD allows, a budget instead of a volume included. */
  volledig?: boolean;
  /** Leave the Verwijzer out (an XSD error). */
  zonderVerwijzer?: boolean;
  /** Extra XML inside the requested product (e.g. an unknown element). */
  extra?: string;
}

const e = (naam: string, inhoud: string) => `<jw315:${naam}>${inhoud}</jw315:${naam}>`;
const b = (naam: string, inhoud: string) => `<ijw:${naam}>${inhoud}</ijw:${naam}>`;
/** An element of a basisschema type: its children in the basisschema's namespace. */
const t = (naam: string, ...kinderen: string[]) => e(naam, kinderen.join(''));

export function jw315Verzoek(v: Jw315Invoer): string {
  const vol = v.volledig === true;
  return `<?xml version="1.0" encoding="UTF-8"?>
<jw315:Bericht xmlns:jw315="http://www.istandaarden.nl/ijw/3_2/jw315/schema" xmlns:ijw="http://www.istandaarden.nl/ijw/3_2/basisschema/schema">
  ${e(
    'Header',
    [
      e('BerichtCode', '446'),
      e('BerichtVersie', '3'),
      e('BerichtSubversie', '2'),
      e('Afzender', v.agb),
      e('Ontvanger', '0505'),
      t('BerichtIdentificatie', b('Identificatie', 'VZ2026-0042'), b('Dagtekening', '2026-11-20')),
      t('XsdVersie', b('BasisschemaXsdVersie', '0.1.0'), b('BerichtXsdVersie', '0.1.0')),
    ].join(''),
  )}
  ${e(
    'Client',
    [
      e('Bsn', v.bsn),
      t('Geboortedatum', b('Datum', '2013-04-01'), vol ? b('DatumGebruik', '1') : ''),
      e('Geslacht', '0'),
      t(
        'Naam',
        b('Geslachtsnaam', b('Achternaam', 'Vries') + b('Voorvoegsel', 'de')),
        vol ? b('Voornamen', 'Ayşe Maria') + b('Voorletters', 'AM') : '',
      ),
      vol ? e('GezagsdragerBekend', '1') : '',
      vol ? e('Commentaar', 'Moeder belt liever na 15.00 uur.') : '',
      e(
        'AangevraagdeProducten',
        e(
          'AangevraagdProduct',
          [
            e('ReferentieAanbieder', vol ? 'REF-2026-000881-HUISARTS-VEST-ABCD01' : 'REF-881'),
            vol ? e('BeschikkingNummer', '987654321') : '',
            t('Product', b('Categorie', v.categorie), b('Code', v.productcode)),
            vol ? e('BeschikkingIngangsdatum', '2026-11-25') : '',
            e('ToewijzingIngangsdatum', '2026-12-01'),
            e('ToewijzingEinddatum', '2027-05-31'),
            vol
              ? e('Budget', '125000')
              : t('Omvang', b('Volume', '4'), b('Eenheid', '04'), b('Frequentie', '2')),
            v.zonderVerwijzer
              ? ''
              : t(
                  'Verwijzer',
                  b('Type', '02'),
                  b(
                    'Naam',
                    vol
                      ? 'Huisartsenpraktijk Vest en Omstreken, locatie Dordrecht-Noord'
                      : 'Huisartsenpraktijk Vest',
                  ),
                  vol ? b('ZorgverlenerCode', '01234567') : '',
                ),
            vol ? e('Raamcontract', '2') : '',
            vol ? e('Commentaar', 'Graag start in de kerstvakantie.') : '',
            v.extra ?? '',
          ].join(''),
        ),
      ),
    ].join(''),
  )}
</jw315:Bericht>
`;
}
