/**
 * A JW307 stop-of-care message as a provider sends it (iJw 3.2, valid against the official JW307
 * XSD; the tests check that with xmllint): per product the start it stops, the JZ588 reden
 * beëindiging and the end date, with the same optional elements as a JW305
 * (test/helpers/jw305.ts).
 */
import {
  elementen,
  kopEnClient,
  regelBegin,
  type IjwKopInvoer,
  type ProductRegelInvoer,
} from './jw305';

export interface StopRegelInvoer extends ProductRegelInvoer {
  /** JZ588 code. */
  reden: string;
  einddatum: string;
}

export interface Jw307Invoer extends IjwKopInvoer {
  producten: StopRegelInvoer[];
}

export function jw307Stop(v: Jw307Invoer): string {
  const { e } = elementen('jw307');
  const { header, client } = kopEnClient('jw307', '440', v);
  const regels = v.producten.map((p) =>
    e(
      'StopProduct',
      regelBegin('jw307', p) +
        e('RedenBeeindiging', p.reden) +
        e('Einddatum', p.einddatum) +
        e('StatusAanlevering', p.statusAanlevering ?? '1') +
        (p.extra ?? ''),
    ),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<jw307:Bericht xmlns:jw307="http://www.istandaarden.nl/ijw/3_2/jw307/schema" xmlns:ijw="http://www.istandaarden.nl/ijw/3_2/basisschema/schema">
  ${header}
  ${e('Client', client + e('StopProducten', regels.join('')))}
</jw307:Bericht>
`;
}
