/**
 * A JW315 verzoek om toewijzing as a provider would send it (iJw 3.2), for tests: a huisarts's
 * referral for 4 hours a week of the given product, December to May.
 */
export interface Jw315Invoer {
  agb: string;
  bsn: string;
  productcode: string;
  categorie?: string;
  /** Leave the Verwijzer out (a structure error). */
  zonderVerwijzer?: boolean;
  /** Extra XML inside the requested product (e.g. an unknown element). */
  extra?: string;
}

export function jw315Verzoek(v: Jw315Invoer): string {
  const e = (naam: string, inhoud: string) => `<jw315:${naam}>${inhoud}</jw315:${naam}>`;
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
      e('BerichtIdentificatie', e('Identificatie', 'VZ2026-0042') + e('Dagtekening', '2026-11-20')),
      e('XsdVersie', e('BasisschemaXsdVersie', '1.0.0') + e('BerichtXsdVersie', '1.0.0')),
    ].join(''),
  )}
  ${e(
    'Client',
    [
      e('Bsn', v.bsn),
      e('Geboortedatum', e('Datum', '2013-04-01')),
      e('Geslacht', '0'),
      e('Naam', e('Achternaam', 'Vries') + e('Voorvoegsel', 'de')),
      e(
        'AangevraagdeProducten',
        e(
          'AangevraagdProduct',
          [
            e('ReferentieAanbieder', 'REF-881'),
            e(
              'Product',
              e('Categorie', v.categorie ?? v.productcode.slice(0, 2)) + e('Code', v.productcode),
            ),
            e('ToewijzingIngangsdatum', '2026-12-01'),
            e('ToewijzingEinddatum', '2027-05-31'),
            e('Omvang', e('Volume', '4') + e('Eenheid', '04') + e('Frequentie', '2')),
            v.zonderVerwijzer
              ? ''
              : e('Verwijzer', e('Type', '02') + e('Naam', 'Huisartsenpraktijk Vest')),
            v.extra ?? '',
          ].join(''),
        ),
      ),
    ].join(''),
  )}
</jw315:Bericht>
`;
}
