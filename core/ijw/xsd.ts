/**
 * Checks an iJw message against the official XSD of its kind, with libxml2 (the validator behind
 * xmllint, here compiled to WebAssembly so the app needs no native library). A message Eenplan
 * writes is checked before it is offered; a message it reads, before anything in it is used.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateXML } from 'xmllint-wasm';
import type { IjwBericht } from './bericht';

/** The XSDs beside this module (copied beside the bundle for the desktop app). */
export const XSD_MAP = fileURLToPath(new URL('./xsd', import.meta.url));

const bestanden = new Map<string, string>();
const xsd = (naam: string) => {
  let tekst = bestanden.get(naam);
  if (tekst === undefined) {
    tekst = readFileSync(`${XSD_MAP}/${naam}`, 'utf8');
    bestanden.set(naam, tekst);
  }
  return { fileName: naam, contents: tekst };
};

/** At most this many XSD errors are reported (one mistake often causes several). */
const MAX_MELDINGEN = 5;

/**
 * The XSD errors of `xml` as a message of kind `soort`, in the validator's words with their line;
 * empty when it is valid.
 */
export async function xsdFouten(xml: string, soort: IjwBericht): Promise<string[]> {
  const uitkomst = await validateXML({
    xml: [{ fileName: 'bericht.xml', contents: xml }],
    schema: [xsd(`${soort.toUpperCase()}.xsd`)],
    preload: [xsd('basisschema.xsd')],
  });
  if (uitkomst.valid) return [];
  return uitkomst.errors.slice(0, MAX_MELDINGEN).map((f) => {
    const regel = f.loc?.lineNumber ? `regel ${f.loc.lineNumber}: ` : '';
    // "{namespace}Element" is noise to a reader; the element's name is enough.
    return `${regel}${f.message.replace(/^Schemas validity error : /, '').replace(/\{[^}]*\}/g, '')}`;
  });
}
