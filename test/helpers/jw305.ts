/**
 * A JW305 start-of-care message as a provider sends it (iJw 3.2, valid against the official JW305
 * XSD; the tests check that with xmllint). Every optional element the XSD allows has an option:
 * in the client (`volledig`: DatumGebruik, Voornamen, Voorletters, Voorvoegsel) and per product
 * (ToewijzingNummer, Product with or without its Code, ToewijzingIngangsdatum). Elements of
 * basisschema types have their children in the basisschema's namespace (`ijw:`). The header and
 * client are shared with the JW307 helper (test/helpers/jw307.ts).
 */
export interface IjwKopInvoer {
  /** The provider's AGB code (Header/Afzender). */
  agb: string;
  bsn: string;
  /** The gemeente (Header/Ontvanger); Dordrecht by default. */
  ontvanger?: string;
  berichtId?: string;
  dagtekening?: string;
  /** Every optional element of the client. */
  volledig?: boolean;
}

/** The optional elements every product line of a JW305 or JW307 may carry. */
export interface ProductRegelInvoer {
  toewijzingNummer?: string;
  /** Product/Categorie; with `productcode`, also Product/Code. */
  categorie?: string;
  productcode?: string;
  toewijzingIngangsdatum?: string;
  begindatum: string;
  /** LDT_StatusAanlevering: 1 (eerste) by default. */
  statusAanlevering?: '1' | '2' | '3' | '9';
  /** Extra XML at the end of the line (e.g. an unknown element). */
  extra?: string;
  /** Leave the required Begindatum out (an XSD error). */
  zonderBegindatum?: boolean;
}

export interface Jw305Invoer extends IjwKopInvoer {
  producten: ProductRegelInvoer[];
}

const b = (naam: string, inhoud: string) => `<ijw:${naam}>${inhoud}</ijw:${naam}>`;

/** Writer of elements in the message's namespace (`jw305:`, `jw307:`). */
export const elementen = (prefix: string) => ({
  e: (naam: string, inhoud: string) => `<${prefix}:${naam}>${inhoud}</${prefix}:${naam}>`,
  b,
});

/** Header and the client's personal data (all before the product list), for JW305 and JW307. */
export function kopEnClient(
  prefix: 'jw305' | 'jw307',
  berichtCode: string,
  v: IjwKopInvoer,
): { header: string; client: string } {
  const { e } = elementen(prefix);
  const vol = v.volledig === true;
  return {
    header: e(
      'Header',
      [
        e('BerichtCode', berichtCode),
        e('BerichtVersie', '3'),
        e('BerichtSubversie', '2'),
        e('Afzender', v.agb),
        e('Ontvanger', v.ontvanger ?? '0505'),
        e(
          'BerichtIdentificatie',
          b('Identificatie', v.berichtId ?? `${prefix.toUpperCase()}-0042`) +
            b('Dagtekening', v.dagtekening ?? '2026-11-20'),
        ),
        e('XsdVersie', b('BasisschemaXsdVersie', '0.1.0') + b('BerichtXsdVersie', '0.1.0')),
      ].join(''),
    ),
    client: [
      e('Bsn', v.bsn),
      e('Geboortedatum', b('Datum', '2013-04-01') + (vol ? b('DatumGebruik', '1') : '')),
      e('Geslacht', '0'),
      e(
        'Naam',
        b('Geslachtsnaam', b('Achternaam', 'Vries') + (vol ? b('Voorvoegsel', 'de') : '')) +
          (vol ? b('Voornamen', 'Ayşe Maria') + b('Voorletters', 'AM') : ''),
      ),
    ].join(''),
  };
}

/** The optional elements at the start of a product line, in the XSD's order. */
export function regelBegin(prefix: 'jw305' | 'jw307', p: ProductRegelInvoer): string {
  const { e } = elementen(prefix);
  return [
    p.toewijzingNummer !== undefined ? e('ToewijzingNummer', p.toewijzingNummer) : '',
    p.categorie !== undefined
      ? e(
          'Product',
          b('Categorie', p.categorie) +
            (p.productcode !== undefined ? b('Code', p.productcode) : ''),
        )
      : '',
    p.toewijzingIngangsdatum !== undefined
      ? e('ToewijzingIngangsdatum', p.toewijzingIngangsdatum)
      : '',
    p.zonderBegindatum ? '' : e('Begindatum', p.begindatum),
  ].join('');
}

export function jw305Start(v: Jw305Invoer): string {
  const { e } = elementen('jw305');
  const { header, client } = kopEnClient('jw305', '438', v);
  const regels = v.producten.map((p) =>
    e(
      'StartProduct',
      regelBegin('jw305', p) + e('StatusAanlevering', p.statusAanlevering ?? '1') + (p.extra ?? ''),
    ),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<jw305:Bericht xmlns:jw305="http://www.istandaarden.nl/ijw/3_2/jw305/schema" xmlns:ijw="http://www.istandaarden.nl/ijw/3_2/basisschema/schema">
  ${header}
  ${e('Client', client + e('StartProducten', regels.join('')))}
</jw305:Bericht>
`;
}
