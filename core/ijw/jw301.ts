/**
 * A toewijzing as an iJw 3.2 JW301 message: what the gemeente sends the provider so it may
 * start. Built from the record, checked against the JW301 structure before it is handed out.
 */
import { eq } from 'drizzle-orm';
import { aanbieders, gemeenten, gezinsleden, producten, teams } from '../../db/schema';
import type { ApiInput, ApiOutput } from '../../shared/api';
import { ApiError } from '../api-error';
import { toewijzingVoor } from '../access';
import type { Ctx } from '../context';
import {
  BERICHTCODE,
  BERICHT_SUBVERSIE,
  BERICHT_VERSIE,
  IJW_BASIS_NS,
  JW301,
  XSD_VERSIE,
  ijwBerichtNs,
  structuurFout,
  type Element,
} from './structuur';
import { blad, magBlad, naarXml, samen } from './xml';

/** Tussenvoegsels written in front of a Dutch surname, longest first. */
const VOORVOEGSELS = [
  'van der',
  'van den',
  'van de',
  'van het',
  "van 't",
  'in het',
  'van',
  'de',
  'den',
  'der',
  'ter',
  'ten',
  'het',
  "'t",
];

export function splitsAchternaam(achternaam: string): {
  achternaam: string;
  voorvoegsel: string | null;
} {
  const laag = achternaam.toLocaleLowerCase('nl');
  for (const v of VOORVOEGSELS)
    if (laag.startsWith(`${v} `))
      return {
        voorvoegsel: achternaam.slice(0, v.length),
        achternaam: achternaam.slice(v.length + 1).trim(),
      };
  return { achternaam, voorvoegsel: null };
}

/** "Lindelaan 12a" -> straat, huisnummer, huisletter; null when it has no house number. */
export function splitsAdres(adres: string) {
  const m = /^(.+?)\s+(\d{1,5})\s*([A-Za-z])?(?:\s*-?\s*(\S{1,4}))?$/.exec(adres.trim());
  if (!m) return null;
  return {
    straat: m[1]!.slice(0, 24),
    huisnummer: m[2]!,
    huisletter: m[3] ?? null,
    toevoeging: m[4] ?? null,
  };
}

/** iJw's ToewijzingNummer is at most 8 characters; Eenplan's ids are UUIDs. */
export const toewijzingNummer = (id: string) =>
  String(Number.parseInt(id.replace(/-/g, '').slice(0, 8), 16) % 100_000_000);

/** Unique enough per sender: a message a second, in base 36 (at most 12 characters). */
const berichtIdentificatie = (nu: string) =>
  `EP${Date.parse(nu).toString(36).toUpperCase()}`.slice(0, 12);

export function toewijzingJw301(
  ctx: Ctx,
  input: ApiInput<'toewijzing.jw301'>,
): ApiOutput<'toewijzing.jw301'> {
  const { toewijzing: t, gezin } = toewijzingVoor(ctx, input.id);
  ctx.actie = 'exporteren';
  if (t.status !== 'toegewezen' && t.status !== 'gestart')
    throw new ApiError(
      'conflict',
      'Alleen een toegewezen of gestarte toewijzing gaat als JW301 naar de aanbieder.',
    );
  const lid = ctx.db.select().from(gezinsleden).where(eq(gezinsleden.id, t.gezinslidId)).get()!;
  if (!lid.bsn)
    throw new ApiError(
      'ongeldige-invoer',
      `Vul eerst het BSN van ${lid.voornaam} in; een JW301-bericht kan niet zonder.`,
      'bsn',
    );
  const product = ctx.db.select().from(producten).where(eq(producten.id, t.productId)).get()!;
  const aanbieder = ctx.db.select().from(aanbieders).where(eq(aanbieders.id, t.aanbiederId)).get()!;
  const gemeente = ctx.db
    .select({ code: gemeenten.code })
    .from(teams)
    .innerJoin(gemeenten, eq(gemeenten.id, teams.gemeenteId))
    .where(eq(teams.id, gezin.teamId))
    .get()!;
  const adres = splitsAdres(gezin.adres);
  const naam = splitsAchternaam(lid.achternaam);
  const nu = ctx.now();
  const identificatie = berichtIdentificatie(nu);
  const gemeenteCode = gemeente.code.replace(/^GM/, '');

  const bericht: Element = samen('Bericht', [
    samen('Header', [
      blad('BerichtCode', BERICHTCODE.jw301),
      blad('BerichtVersie', BERICHT_VERSIE),
      blad('BerichtSubversie', BERICHT_SUBVERSIE),
      blad('Afzender', gemeenteCode),
      blad('Ontvanger', aanbieder.agbCode),
      samen('BerichtIdentificatie', [
        blad('Identificatie', identificatie),
        blad('Dagtekening', ctx.today()),
      ]),
      samen('XsdVersie', [
        blad('BasisschemaXsdVersie', XSD_VERSIE),
        blad('BerichtXsdVersie', XSD_VERSIE),
      ]),
    ]),
    samen('Client', [
      blad('Bsn', lid.bsn),
      samen('Geboortedatum', [blad('Datum', lid.geboortedatum)]),
      // Eenplan does not record sex; iJw's code 0 is "onbekend".
      blad('Geslacht', '0'),
      samen('Naam', [
        samen('Geslachtsnaam', [
          blad('Achternaam', naam.achternaam),
          magBlad('Voorvoegsel', naam.voorvoegsel),
        ]),
        blad('Voornamen', lid.voornaam),
        magBlad(
          'Voorletters',
          lid.voornaam
            .charAt(0)
            .toLocaleUpperCase('nl')
            .replace(/[^A-Z]/, ''),
        ),
        blad('NaamGebruik', '1'),
      ]),
      samen('Contactgegevens', [
        samen('Contact', [
          // 01: the address in the BRP (basisregistratie personen).
          blad('Soort', '01'),
          adres
            ? samen('Adres', [
                blad('Straatnaam', adres.straat),
                samen('Huisnummer', [
                  blad('Huisnummer', adres.huisnummer),
                  magBlad('Huisletter', adres.huisletter),
                  magBlad('HuisnummerToevoeging', adres.toevoeging),
                ]),
                blad('Postcode', gezin.postcode.replace(' ', '')),
                blad('Plaatsnaam', gezin.woonplaats.slice(0, 24)),
              ])
            : null,
        ]),
      ]),
      samen('ToegewezenProducten', [
        samen('ToegewezenProduct', [
          blad('ToewijzingNummer', toewijzingNummer(t.id)),
          samen('Product', [
            blad('Categorie', product.categorie),
            blad('Code', product.productcode),
          ]),
          blad('Toewijzingsdatum', t.aangemaaktOp.slice(0, 10)),
          blad(
            'Toewijzingstijd',
            t.aangemaaktOp.length > 10 ? t.aangemaaktOp.slice(11, 19) : '00:00:00',
          ),
          blad('Ingangsdatum', t.startdatum),
          blad('Einddatum', t.einddatum),
          samen('Omvang', [
            blad('Volume', String(t.volume)),
            blad('Eenheid', t.eenheid),
            blad('Frequentie', t.frequentie),
          ]),
        ]),
      ]),
    ]),
  ]);
  const fout = structuurFout(bericht, JW301);
  if (fout)
    throw new ApiError(
      'ongeldige-invoer',
      `Deze toewijzing past niet in een JW301-bericht: ${fout}`,
    );
  return {
    bestandsnaam: `JW301_${gemeenteCode}_${aanbieder.agbCode}_${identificatie}.xml`,
    xml: naarXml(bericht, 'jw301', { jw301: ijwBerichtNs('jw301'), ijw: IJW_BASIS_NS }),
  };
}
