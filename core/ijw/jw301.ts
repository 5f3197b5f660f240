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
import { nieuwToewijzingNummer } from '../toewijzing/toewijzing';
import {
  BERICHTCODE,
  BERICHT_SUBVERSIE,
  BERICHT_VERSIE,
  IJW_BASIS_NS,
  XSD_VERSIE,
  ijwBerichtNs,
} from './bericht';
import { basisType, blad, magBlad, naarXml, samen, type Element } from './xml';

/**
 * Voorvoegsels as the BRP writes them in front of a surname (its table of voorvoegsels, the
 * common part: Dutch, German, French, Spanish, Italian and Arabic ones; single letters left out,
 * as they are more often an initial than a voorvoegsel). Matched longest first.
 */
const VOORVOEGSELS = [
  'aan de',
  'aan den',
  'aan der',
  'aan het',
  "aan 't",
  'aan',
  'al',
  'auf dem',
  'auf den',
  'auf der',
  'auf',
  'aus dem',
  'aus den',
  'aus der',
  'aus',
  'ben',
  'bij de',
  'bij den',
  'bij het',
  "bij 't",
  'bij',
  'bin',
  "d'",
  'da',
  'dal',
  'dalla',
  'das',
  "de l'",
  'de la',
  'de las',
  'de le',
  'de los',
  'de',
  'degli',
  'dei',
  'del',
  'della',
  'den',
  'der',
  'des',
  'di',
  'do',
  'dos',
  'du',
  'el',
  'het',
  'in de',
  'in den',
  'in der',
  'in het',
  "in 't",
  'in',
  "l'",
  'la',
  'las',
  'le',
  'les',
  'lo',
  'los',
  'op de',
  'op den',
  'op der',
  'op het',
  "op 't",
  'op ten',
  'op',
  'over',
  "'s",
  "'t",
  'te',
  'ten',
  'ter',
  'thoe',
  'tot',
  "uit 't",
  'uit de',
  'uit den',
  'uit het',
  'uit',
  'van de',
  'van den',
  'van der',
  'van het',
  "van 't",
  'van ter',
  'van',
  'ver',
  'vom',
  'von dem',
  'von den',
  'von der',
  'von',
  "voor 't",
  'voor de',
  'voor den',
  'voor',
  'zu',
  'zum',
  'zur',
].sort((a, b) => b.length - a.length);

/** Typographic apostrophes as a word processor or phone types them, for matching only. */
const apostrof = (tekst: string) => tekst.replace(/[\u2018\u2019\u02BC`´]/g, "'");

export function splitsAchternaam(achternaam: string): {
  achternaam: string;
  voorvoegsel: string | null;
} {
  const laag = apostrof(achternaam.trim()).toLocaleLowerCase('nl');
  for (const v of VOORVOEGSELS)
    if (laag.startsWith(`${v} `)) {
      const rest = achternaam
        .trim()
        .slice(v.length + 1)
        .trim();
      if (rest) return { voorvoegsel: achternaam.trim().slice(0, v.length), achternaam: rest };
    }
  return { achternaam: achternaam.trim(), voorvoegsel: null };
}

/** LDT_Huisnummer: 1 to 99 999. */
const MAX_HUISNUMMER = 99_999;

/**
 * "Lindelaan 12a-3" -> straat, huisnummer, huisletter, toevoeging; null when it has no house
 * number the basisschema allows. The house number is the last word that starts with digits, so a
 * street with a number in its name ("Plein 1944 3") keeps it. A letter written against the number
 * ("12a"), or alone after it ("12 a"), is the huisletter; any other words after the number
 * ("12 bis", "7 III", "12 hs") are the toevoeging. The street is cut at the basisschema's 24
 * characters (LDT_Straatnaam: the BRP's short street name).
 */
export function splitsAdres(adres: string) {
  const woorden = adres.trim().split(/\s+/);
  for (let i = woorden.length - 1; i >= 1; i--) {
    const m = /^(\d+)([A-Za-z])?(?:-(\S+))?$/.exec(woorden[i]!);
    if (!m) continue;
    const nummer = Number(m[1]);
    if (nummer < 1 || nummer > MAX_HUISNUMMER) return null;
    const na = woorden.slice(i + 1);
    const losseLetter = !m[2] && !m[3] && na.length === 1 && /^[A-Za-z]$/.test(na[0]!);
    const toevoeging = [m[3], ...(losseLetter ? [] : na)].filter(Boolean).join(' ');
    return {
      straat: woorden.slice(0, i).join(' ').slice(0, 24).trim(),
      huisnummer: String(nummer),
      huisletter: m[2] ?? (losseLetter ? na[0]! : null),
      toevoeging: toevoeging || null,
    };
  }
  return null;
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
  const identificatie = berichtIdentificatie(ctx.now());
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
      ...clientGegevens({ ...lid, bsn: lid.bsn }, gezin),
      samen('ToegewezenProducten', [toegewezenProduct(ctx, t, product)]),
    ]),
  ]);
  return {
    bestandsnaam: `JW301_${gemeenteCode}_${aanbieder.agbCode}_${identificatie}.xml`,
    xml: naarXml(bericht, 'jw301', { jw301: ijwBerichtNs('jw301'), ijw: IJW_BASIS_NS }),
  };
}

type Lid = typeof gezinsleden.$inferSelect;
type Gezin = ReturnType<typeof toewijzingVoor>['gezin'];
type Toewijzing = ReturnType<typeof toewijzingVoor>['toewijzing'];

/** The youth as the JW301's Client: BSN, birth date, name in BRP form and the address. */
function clientGegevens(lid: Lid & { bsn: string }, gezin: Gezin): (Element | null)[] {
  const adres = splitsAdres(gezin.adres);
  const naam = splitsAchternaam(lid.achternaam);
  return [
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
  ];
}

/** The toewijzing as the one ToegewezenProduct; gives it a ToewijzingNummer when it has none. */
function toegewezenProduct(
  ctx: Ctx,
  t: Toewijzing,
  product: typeof producten.$inferSelect,
): Element {
  const besluit = toewijzingsMoment(t.toegewezenOp ?? t.aangemaaktOp);
  return samen('ToegewezenProduct', [
    blad('ToewijzingNummer', String(nummerVan(ctx, t))),
    basisType('Product', [blad('Categorie', product.categorie), blad('Code', product.productcode)]),
    blad('Toewijzingsdatum', besluit.datum),
    blad('Toewijzingstijd', besluit.tijd),
    blad('Ingangsdatum', t.startdatum),
    blad('Einddatum', t.einddatum),
    basisType('Omvang', [
      blad('Volume', String(t.volume)),
      blad('Eenheid', t.eenheid),
      blad('Frequentie', t.frequentie),
    ]),
  ]);
}
