/**
 * iJw messages as element trees: written with a namespace prefix on every element (the schemas
 * are elementFormDefault qualified), read back with prefixes dropped. An element declared in a
 * message XSD is in the message's namespace; the children of an element whose type comes from
 * the basisschema (CDT_*) are in the basisschema's, all the way down (`basis`). Reading refuses a
 * DOCTYPE, so a file cannot pull in entities.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface Element {
  naam: string;
  /** Text of a leaf; null for an element with children. */
  tekst: string | null;
  kinderen: Element[];
  /** In the basisschema's namespace (`ijw:`), not the message's. */
  basis?: boolean;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};
const escape = (tekst: string) => tekst.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

export const blad = (naam: string, tekst: string): Element => ({ naam, tekst, kinderen: [] });
export const samen = (naam: string, kinderen: (Element | null)[]): Element => ({
  naam,
  tekst: null,
  kinderen: kinderen.filter((k): k is Element => k !== null),
});
/**
 * An element of a basisschema type (CDT_*): its children, and theirs, are in the basisschema's
 * namespace.
 */
export const basisType = (naam: string, kinderen: (Element | null)[]): Element => {
  const inBasis = (el: Element): Element => ({
    ...el,
    basis: true,
    kinderen: el.kinderen.map(inBasis),
  });
  return { ...samen(naam, kinderen), kinderen: samen(naam, kinderen).kinderen.map(inBasis) };
};
/** A leaf only when there is a value (optional elements are left out, never empty). */
export const magBlad = (naam: string, tekst: string | null | undefined): Element | null =>
  tekst === null || tekst === undefined || tekst === '' ? null : blad(naam, tekst);

export function naarXml(
  wortel: Element,
  prefix: string,
  namespaces: Record<string, string> & { ijw: string },
): string {
  const regels: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const schrijf = (el: Element, diepte: number, attributen = '') => {
    const inspring = '  '.repeat(diepte);
    const tag = `${el.basis ? 'ijw' : prefix}:${el.naam}`;
    if (el.tekst !== null) regels.push(`${inspring}<${tag}>${escape(el.tekst)}</${tag}>`);
    else {
      regels.push(`${inspring}<${tag}${attributen}>`);
      for (const kind of el.kinderen) schrijf(kind, diepte + 1);
      regels.push(`${inspring}</${tag}>`);
    }
  };
  const ns = Object.entries(namespaces)
    .map(([p, uri]) => ` xmlns:${p}="${escape(uri)}"`)
    .join('');
  schrijf(wortel, 0, ns);
  return `${regels.join('\n')}\n`;
}

type Geordend = Record<string, unknown> & { ':@'?: Record<string, string> };

const XML_ENTITEITEN: Record<string, string> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

/**
 * XML's references decoded in one pass, as an XML processor does: the five predefined entities
 * and numeric character references (`&#351;`, `&#x15F;`). One pass, so `&amp;#57;` stays the text
 * "&#57;". No other entities exist: a DOCTYPE is refused.
 */
function ontsleutel(tekst: string): string {
  return tekst.replace(
    /&(#x[0-9A-Fa-f]+|#[0-9]+|lt|gt|amp|quot|apos);/g,
    (geheel, naam: string) => {
      if (!naam.startsWith('#')) return XML_ENTITEITEN[naam] ?? geheel;
      const punt = naam[1] === 'x' ? parseInt(naam.slice(2), 16) : parseInt(naam.slice(1), 10);
      return punt <= 0x10ffff ? String.fromCodePoint(punt) : geheel;
    },
  );
}

export class XmlError extends Error {}

/** The root element and its namespace declarations. */
export function leesXml(tekst: string): { wortel: Element; namespaces: Record<string, string> } {
  if (/<!DOCTYPE/i.test(tekst))
    throw new XmlError('Het bestand bevat een DOCTYPE; dat wordt niet gelezen.');
  const geldig = XMLValidator.validate(tekst);
  if (geldig !== true)
    throw new XmlError(
      `Het bestand is geen geldige XML (regel ${geldig.err.line}: ${geldig.err.msg}).`,
    );
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    trimValues: true,
    // References are decoded here, once (`ontsleutel`): the parser leaves numeric ones as text,
    // and the XSD validator reads them decoded, so the app must read what it validated.
    processEntities: false,
  });
  const knopen = parser.parse(tekst) as Geordend[];
  const naam = (k: Geordend) => Object.keys(k).find((s) => s !== ':@')!;
  const elementen = knopen.filter((k) => !naam(k).startsWith('?'));
  if (elementen.length !== 1) throw new XmlError('Het bestand moet precies één bericht bevatten.');
  const omzetten = (k: Geordend): Element => {
    const tag = naam(k);
    const inhoud = (k[tag] as Geordend[]) ?? [];
    const tekstKnopen = inhoud.filter((c) => '#text' in c);
    const kinderen = inhoud.filter((c) => !('#text' in c)).map(omzetten);
    return {
      naam: tag.includes(':') ? tag.slice(tag.indexOf(':') + 1) : tag,
      tekst:
        kinderen.length === 0
          ? ontsleutel(tekstKnopen.map((c) => String(c['#text'])).join(''))
          : null,
      kinderen,
    };
  };
  const wortel = elementen[0]!;
  const namespaces: Record<string, string> = {};
  for (const [attr, waarde] of Object.entries(wortel[':@'] ?? {}))
    if (attr === 'xmlns' || attr.startsWith('xmlns:')) namespaces[attr.slice(6)] = waarde;
  return { wortel: omzetten(wortel), namespaces };
}

/** The text of the child at `pad` ("Client/Bsn"), or null. */
export function tekstOp(el: Element, pad: string): string | null {
  let huidig: Element | undefined = el;
  for (const deel of pad.split('/')) huidig = huidig?.kinderen.find((k) => k.naam === deel);
  return huidig?.tekst ?? null;
}

export const kinderenMet = (el: Element, naam: string) =>
  el.kinderen.filter((k) => k.naam === naam);
