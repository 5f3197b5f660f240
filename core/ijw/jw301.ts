/**
 * A toewijzing as an iJw 3.2 JW301 message: what the gemeente sends the provider so it may
 * start. Built from the record; `bestand.exporteren` checks it against the official JW301 XSD
 * before it is offered (core/ijw/xsd.ts).
 */
import { eq } from 'drizzle-orm';
import {
  aanbieders,
  gemeenten,
  gezinsleden,
  producten,
  teams,
  toewijzingen,
} from '../../db/schema';
import type { ApiInput, ApiOutput } from '../../shared/api';
import { ApiError } from '../api-error';
import { toewijzingVoor } from '../access';
import type { Ctx } from '../context';
import { nieuwToewijzingNummer } from '../services/toewijzing';
import {
  BERICHTCODE,
  BERICHT_SUBVERSIE,
  BERICHT_VERSIE,
  IJW_BASIS_NS,
  XSD_VERSIE,
  ijwBerichtNs,
} from './bericht';
import { basisType, blad, magBlad, naarXml, samen, type Element } from './xml';

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

/**
 * "Lindelaan 12a" -> straat, huisnummer, huisletter; null when it has no house number. The
 * street is cut at the basisschema's 24 characters (LDT_Straatnaam: the BRP's short street name).
 */
export function splitsAdres(adres: string) {
  const m = /^(.+?)\s+(\d{1,5})\s*([A-Za-z])?(?:\s*-?\s*(\S{1,4}))?$/.exec(adres.trim());
  if (!m) return null;
  return {
    straat: m[1]!.slice(0, 24).trim(),
    huisnummer: m[2]!,
    huisletter: m[3] ?? null,
    toevoeging: m[4] ?? null,
  };
}

/**
 * The number earlier versions derived from the id (at most 8 digits, not unique), kept to match a
 * provider's JW305/JW307 about a toewijzing sent before numbers were issued.
 */
export const afgeleidToewijzingNummer = (id: string) =>
  String(Number.parseInt(id.replace(/-/g, '').slice(0, 8), 16) % 100_000_000);

/**
 * The toewijzing's ToewijzingNummer: its own, or one taken now for a toewijzing made before
 * numbers were issued (or while the laptop had none), written with it.
 */
function nummerVan(ctx: Ctx, t: { id: string; toewijzingNummer: number | null }): number {
  if (t.toewijzingNummer !== null) return t.toewijzingNummer;
  const nummer = nieuwToewijzingNummer(ctx);
  if (nummer === null)
    throw new ApiError(
      'conflict',
      'Deze laptop heeft nog geen toewijzingnummers van de centrale dienst. Synchroniseer eerst en probeer het dan opnieuw.',
    );
  ctx.write.update(toewijzingen, t.id, { toewijzingNummer: nummer });
  return nummer;
}

/** The initials iJw wants: the first letter of each given name, letters only, at most 6. */
const voorletters = (voornamen: string) =>
  voornamen
    .split(/\s+/)
    .map((n) => n.charAt(0).toLocaleUpperCase('nl'))
    .filter((c) => /\p{L}/u.test(c))
    .join('')
    .slice(0, 6);

/**
 * The decision moment as the gemeente's date and time (Dutch local time): a moment stored in UTC
 * becomes the Dutch wall clock; a date alone (decisions recorded before the moment was kept) is
 * that day, at 00:00:00.
 */
export function toewijzingsMoment(moment: string): { datum: string; tijd: string } {
  if (moment.length <= 10) return { datum: moment, tijd: '00:00:00' };
  const delen = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Amsterdam',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(moment))
      .map((p) => [p.type, p.value]),
  );
  return {
    datum: `${delen.year}-${delen.month}-${delen.day}`,
    tijd: `${delen.hour}:${delen.minute}:${delen.second}`,
  };
}

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
  const besluit = toewijzingsMoment(t.toegewezenOp ?? t.aangemaaktOp);
  const gemeenteCode = gemeente.code.replace(/^GM/, '');

  const bericht: Element = samen('Bericht', [
    samen('Header', [
      blad('BerichtCode', BERICHTCODE.jw301),
      blad('BerichtVersie', BERICHT_VERSIE),
      blad('BerichtSubversie', BERICHT_SUBVERSIE),
      blad('Afzender', gemeenteCode),
      blad('Ontvanger', aanbieder.agbCode),
      basisType('BerichtIdentificatie', [
        blad('Identificatie', identificatie),
        blad('Dagtekening', ctx.today()),
      ]),
      basisType('XsdVersie', [
        blad('BasisschemaXsdVersie', XSD_VERSIE),
        blad('BerichtXsdVersie', XSD_VERSIE),
      ]),
    ]),
    samen('Client', [
      blad('Bsn', lid.bsn),
      basisType('Geboortedatum', [blad('Datum', lid.geboortedatum)]),
      // Eenplan does not record sex; iJw's code 0 is "onbekend".
      blad('Geslacht', '0'),
      basisType('Naam', [
        samen('Geslachtsnaam', [
          blad('Achternaam', naam.achternaam),
          magBlad('Voorvoegsel', naam.voorvoegsel),
        ]),
        blad('Voornamen', lid.voornaam),
        magBlad('Voorletters', voorletters(lid.voornaam)),
        blad('NaamGebruik', '1'),
      ]),
      samen('Contactgegevens', [
        samen('Contact', [
          // 01: the address in the BRP (basisregistratie personen).
          blad('Soort', '01'),
          adres
            ? basisType('Adres', [
                samen('Huis', [
                  blad('Huisnummer', adres.huisnummer),
                  magBlad('Huisletter', adres.huisletter),
                  magBlad('HuisnummerToevoeging', adres.toevoeging),
                ]),
                magBlad('Postcode', gezin.postcode.replace(/\s/g, '').toUpperCase()),
                blad('Straatnaam', adres.straat),
                magBlad('Plaatsnaam', gezin.woonplaats.trim().slice(0, 80)),
              ])
            : null,
        ]),
      ]),
      samen('ToegewezenProducten', [
        samen('ToegewezenProduct', [
          blad('ToewijzingNummer', String(nummerVan(ctx, t))),
          basisType('Product', [
            blad('Categorie', product.categorie),
            blad('Code', product.productcode),
          ]),
          blad('Toewijzingsdatum', besluit.datum),
          blad('Toewijzingstijd', besluit.tijd),
          blad('Ingangsdatum', t.startdatum),
          blad('Einddatum', t.einddatum),
          basisType('Omvang', [
            blad('Volume', String(t.volume)),
            blad('Eenheid', t.eenheid),
            blad('Frequentie', t.frequentie),
          ]),
        ]),
      ]),
    ]),
  ]);
  return {
    bestandsnaam: `JW301_${gemeenteCode}_${aanbieder.agbCode}_${identificatie}.xml`,
    xml: naarXml(bericht, 'jw301', { jw301: ijwBerichtNs('jw301'), ijw: IJW_BASIS_NS }),
  };
}
