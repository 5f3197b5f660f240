/**
 * Reading a JW305 (start of care) or JW307 (stop of care): well-formed, iJw 3.2 by its namespace,
 * valid by its official XSD, a BSN that passes the elfproef; then its product lines. Refused in
 * Dutch, as a JW315 is (jw315.ts).
 */
import { isValidBsn } from '../../shared/bsn';
import type { IjwRedenBeeindiging } from '../../shared/domain';
import { ApiError } from '../api-error';
import { ijwBerichtNs } from './bericht';
import { xsdFouten } from './xsd';
import { XmlError, kinderenMet, leesXml, tekstOp, type Element } from './xml';

export type Soort = 'jw305' | 'jw307';

export interface Gelezen {
  soort: Soort;
  wortel: Element;
  t(pad: string): string | null;
  regels: Element[];
}

/** Parses, checks the namespace and the XSD, and the BSN's elfproef; refuses in Dutch. */
export async function lees(xml: string): Promise<Gelezen> {
  let wortel: Element;
  let namespaces: Record<string, string>;
  try {
    ({ wortel, namespaces } = leesXml(xml));
  } catch (error) {
    if (error instanceof XmlError)
      throw new ApiError(
        'ongeldige-invoer',
        `Dit is geen geldig JW305- of JW307-bericht: ${error.message}`,
        'xml',
      );
    throw error;
  }
  const ns = Object.values(namespaces);
  const soort = (['jw305', 'jw307'] as const).find((s) => ns.includes(ijwBerichtNs(s)));
  if (!soort) {
    if (ns.includes(ijwBerichtNs('jw315')))
      throw new ApiError(
        'ongeldige-invoer',
        'Dit is een verzoek om toewijzing (JW315). Lees het in met "Verzoek om toewijzing inlezen".',
        'xml',
      );
    throw new ApiError(
      'ongeldige-invoer',
      `Dit is geen JW305- of JW307-bericht van iJw 3.2: de namespace ${ijwBerichtNs('jw305')} of ${ijwBerichtNs('jw307')} ontbreekt.`,
      'xml',
    );
  }
  const naam = soort.toUpperCase();
  const ongeldig = (bericht: string) =>
    new ApiError('ongeldige-invoer', `Dit is geen geldig ${naam}-bericht: ${bericht}`, 'xml');
  const fouten = await xsdFouten(xml, soort);
  if (fouten.length > 0)
    throw ongeldig(`volgens het ${naam}-schema (iJw 3.2): ${fouten.join('; ')}`);
  const t = (pad: string) => tekstOp(wortel, pad);
  const bsn = t('Client/Bsn')!;
  // The XSD checks nine digits; the elfproef is the BSN's own rule.
  if (!isValidBsn(bsn)) throw ongeldig(`het BSN ${bsn} klopt niet (elfproef).`);
  const client = kinderenMet(wortel, 'Client')[0]!;
  const [lijst, regel] =
    soort === 'jw305' ? ['StartProducten', 'StartProduct'] : ['StopProducten', 'StopProduct'];
  return { soort, wortel, t, regels: kinderenMet(kinderenMet(client, lijst)[0]!, regel) };
}

/** One StartProduct or StopProduct of the message. */
export interface Regel {
  nummer: string | null;
  categorie: string | null;
  code: string | null;
  ingang: string | null;
  status: string;
  begin: string;
  einde: string | null;
  reden: IjwRedenBeeindiging | null;
}

export const regelVan = (el: Element): Regel => {
  const v = (pad: string) => tekstOp(el, pad);
  return {
    nummer: v('ToewijzingNummer'),
    categorie: v('Product/Categorie'),
    code: v('Product/Code'),
    ingang: v('ToewijzingIngangsdatum'),
    status: v('StatusAanlevering')!,
    begin: v('Begindatum')!,
    einde: v('Einddatum'),
    reden: v('RedenBeeindiging') as IjwRedenBeeindiging | null,
  };
};
