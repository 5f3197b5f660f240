/**
 * The iJw 3.2 messages Eenplan writes and reads, and what identifies them. Their structure is
 * the official XSDs' (core/ijw/xsd, copied from iStandaarden's release 3.2): every message is
 * checked against them before it is offered or read (core/ijw/xsd.ts).
 */
export const IJW_BASIS_NS = 'http://www.istandaarden.nl/ijw/3_2/basisschema/schema';

export const IJW_BERICHTEN = ['jw301', 'jw305', 'jw307', 'jw315'] as const;
export type IjwBericht = (typeof IJW_BERICHTEN)[number];

export const ijwBerichtNs = (code: IjwBericht) =>
  `http://www.istandaarden.nl/ijw/3_2/${code}/schema`;

/** COD002-VEKT berichtcodes. */
export const BERICHTCODE: Record<IjwBericht, string> = {
  jw301: '436',
  jw305: '438',
  jw307: '440',
  jw315: '446',
};
/** iJw release 3.2: major release 3, minor release 2. */
export const BERICHT_VERSIE = '3';
export const BERICHT_SUBVERSIE = '2';
/** The versions the XSDs themselves give (their appinfo `BerichtXsdVersie`, `BasisschemaXsdVersie`). */
export const XSD_VERSIE = '0.1.0';
