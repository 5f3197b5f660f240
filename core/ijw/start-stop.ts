/**
 * Reads a provider's iJw 3.2 JW305 (start of care) and JW307 (stop of care, with its JZ588
 * reason) and records them on the toewijzing they are about: the actual start (and so the
 * waiting time) and the end. A message is checked against its official XSD before anything in it
 * is used, as a JW315 is (core/ijw/jw315.ts); it is matched to a toewijzing of the caller's team
 * by its ToewijzingNummer, and BSN, product and provider must agree. Recording goes through the
 * same rules as recording a start or stop by hand (core/services/toewijzing.ts), for the whole
 * message in one transaction: all of it, or nothing.
 */
import { and, eq } from 'drizzle-orm';
import {
  aanbieders,
  gemeenten,
  gezinnen,
  gezinsleden,
  producten,
  teams,
  toewijzingen,
} from '../../db/schema';
import type { ApiInput, ApiOutput } from '../../shared/api';
import type { StartStopBericht } from '../../shared/api-veldwerk';
import { isValidBsn } from '../../shared/bsn';
import { daysInclusive, formatDate } from '../../shared/dates';
import {
  IJW_REDENEN_BEEINDIGING,
  type EindeReden,
  type IjwRedenBeeindiging,
} from '../../shared/domain';
import { ApiError } from '../api-error';
import { raakGezin } from '../access';
import type { Ctx } from '../context';
import { toewijzingStart, toewijzingStoppen } from '../services/toewijzing';
import { inTransaction } from '../writer';
import { ijwBerichtNs } from './bericht';
import { afgeleidToewijzingNummer } from './jw301';
import { xsdFouten } from './xsd';
import { XmlFout, kinderenMet, leesXml, tekstOp, type Element } from './xml';

type Soort = 'jw305' | 'jw307';
type Product = StartStopBericht['producten'][number];

/** JZ588 in Eenplan's own end reasons (the JZ588 code itself is kept beside it). */
export function eindeRedenVoor(code: IjwRedenBeeindiging, verhuizing = false): EindeReden {
  if (code === '31') return 'volgens_plan';
  if (code === '32') return 'voortijdig_client';
  if (code === '33') return 'voortijdig_aanbieder';
  // 35 "externe oorzaak" is a move, a disappearance or an abduction: the professional knows.
  if (code === '35' && verhuizing) return 'verhuizing';
  return 'overig';
}

/** LDT_StatusAanlevering 3: the provider withdraws what it reported before. */
const VERWIJDEREN = '3';

/** The toewijzingen a ToewijzingNummer without a stored number may be (JW301 sent them). */
const GESTUURD = ['toegewezen', 'gestart', 'beeindigd'];

const d = formatDate;

interface Gelezen {
  soort: Soort;
  wortel: Element;
  t(pad: string): string | null;
  regels: Element[];
}

/** Parses, checks the namespace and the XSD, and the BSN's elfproef; refuses in Dutch. */
async function lees(xml: string): Promise<Gelezen> {
  let wortel: Element;
  let namespaces: Record<string, string>;
  try {
    ({ wortel, namespaces } = leesXml(xml));
  } catch (error) {
    if (error instanceof XmlFout)
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

/** The caller's team's toewijzingen, with what a message is matched on. */
function teamToewijzingen(ctx: Ctx) {
  if (!ctx.session.teamId) return [];
  return ctx.db
    .select({
      t: toewijzingen,
      bsn: gezinsleden.bsn,
      voornaam: gezinsleden.voornaam,
      achternaam: gezinsleden.achternaam,
      gezinId: gezinnen.id,
      gezinNaam: gezinnen.naam,
      agb: aanbieders.agbCode,
      aanbiederNaam: aanbieders.naam,
      productcode: producten.productcode,
      categorie: producten.categorie,
      omschrijving: producten.omschrijving,
    })
    .from(toewijzingen)
    .innerJoin(gezinsleden, eq(gezinsleden.id, toewijzingen.gezinslidId))
    .innerJoin(gezinnen, eq(gezinnen.id, gezinsleden.gezinId))
    .innerJoin(aanbieders, eq(aanbieders.id, toewijzingen.aanbiederId))
    .innerJoin(producten, eq(producten.id, toewijzingen.productId))
    .where(
      and(
        eq(gezinnen.teamId, ctx.session.teamId),
        eq(gezinnen.deleted, false),
        eq(gezinsleden.deleted, false),
        eq(toewijzingen.deleted, false),
      ),
    )
    .all();
}
type Rij = ReturnType<typeof teamToewijzingen>[number];

interface Regel {
  nummer: string | null;
  categorie: string | null;
  code: string | null;
  ingang: string | null;
  status: string;
  begin: string;
  einde: string | null;
  reden: IjwRedenBeeindiging | null;
}

const regelVan = (el: Element): Regel => {
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

/** The toewijzing a line is about, or why there is none. */
function zoek(
  rijen: Rij[],
  r: Regel,
  bsn: string,
  agb: string,
): { rij: Rij | null; probleem: string | null } {
  if (r.nummer === null) {
    // Without a number: the one toewijzing of this youth, provider and product.
    const passend = rijen.filter(
      (x) =>
        GESTUURD.includes(x.t.status) &&
        x.bsn === bsn &&
        x.agb === agb &&
        (r.code === null || x.productcode === r.code) &&
        (r.categorie === null || x.categorie === r.categorie) &&
        (r.ingang === null || x.t.startdatum === r.ingang),
    );
    if (passend.length === 1) return { rij: passend[0]!, probleem: null };
    return {
      rij: null,
      probleem:
        passend.length === 0
          ? 'Er is in uw team geen toewijzing voor deze jeugdige bij deze aanbieder met dit product.'
          : 'Meer dan één toewijzing van uw team past bij dit bericht. Vraag de aanbieder het ToewijzingNummer mee te sturen.',
    };
  }
  const nummer = Number(r.nummer);
  // Its own number first; else the number an earlier version derived from the id, which a
  // JW301 sent then carried, also when the toewijzing has since been given a number of its own.
  const eigen = rijen.filter((x) => x.t.toewijzingNummer === nummer);
  const passend =
    eigen.length > 0
      ? eigen
      : rijen.filter(
          (x) =>
            GESTUURD.includes(x.t.status) && Number(afgeleidToewijzingNummer(x.t.id)) === nummer,
        );
  if (passend.length === 0)
    return {
      rij: null,
      probleem: `Er is in uw team geen toewijzing met nummer ${nummer}. Controleer het ToewijzingNummer met de aanbieder.`,
    };
  if (passend.length > 1)
    return {
      rij: null,
      probleem: `Het ToewijzingNummer ${nummer} hoort bij meer dan één toewijzing van uw team. Leg de start of stop vast in het dossier.`,
    };
  const rij = passend[0]!;
  const probleem =
    rij.bsn !== bsn
      ? `Toewijzing ${nummer} is voor een andere jeugdige: het BSN in het bericht hoort er niet bij.`
      : rij.agb !== agb
        ? `Toewijzing ${nummer} is aan ${rij.aanbiederNaam} (AGB ${rij.agb}), niet aan de afzender van dit bericht (AGB ${agb}).`
        : r.code !== null && rij.productcode !== r.code
          ? `Toewijzing ${nummer} is voor product ${rij.productcode}; het bericht noemt product ${r.code}.`
          : r.categorie !== null && rij.categorie !== r.categorie
            ? `Toewijzing ${nummer} is voor productcategorie ${rij.categorie}; het bericht noemt categorie ${r.categorie}.`
            : r.ingang !== null && rij.t.startdatum !== r.ingang
              ? `De ToewijzingIngangsdatum in het bericht (${d(r.ingang)}) is niet de startdatum van toewijzing ${nummer} (${d(rij.t.startdatum)}).`
              : null;
  return { rij, probleem };
}

/**
 * What recording this line would do to the toewijzing: nothing (recorded before with the same
 * data), or why it cannot. The rules of `toewijzing.startVastleggen` and `toewijzing.stoppen`.
 */
function beoordeel(
  ctx: Ctx,
  soort: Soort,
  r: Regel,
  t: Rij['t'],
): { alVerwerkt: boolean; probleem: string | null } {
  const nee = (probleem: string) => ({ alVerwerkt: false, probleem });
  if (r.status === VERWIJDEREN)
    return nee(
      `Dit bericht trekt een eerder gemelde ${soort === 'jw305' ? 'start' : 'stop'} in (StatusAanlevering 3). Dat verwerkt Eenplan niet zelf: overleg met de aanbieder.`,
    );
  if (t.status === 'ter_accordering')
    return nee('Deze toewijzing wacht nog op het vier-ogenakkoord.');
  if (t.status === 'concept' || t.status === 'ingetrokken')
    return nee(`Deze toewijzing is ${t.status === 'concept' ? 'een concept' : 'ingetrokken'}.`);
  if (soort === 'jw305') {
    if (t.status !== 'toegewezen')
      return t.werkelijkeStart === r.begin
        ? { alVerwerkt: true, probleem: null }
        : nee(
            t.werkelijkeStart
              ? `De start van de zorg is al vastgelegd op ${d(t.werkelijkeStart)}; dit bericht noemt ${d(r.begin)}.`
              : 'Deze toewijzing loopt niet meer.',
          );
    if (r.begin > ctx.today())
      return nee(`De zorg kan niet in de toekomst gestart zijn (begindatum ${d(r.begin)}).`);
    if (r.begin < t.startdatum)
      return nee(
        `De begindatum ${d(r.begin)} ligt vóór de startdatum van de toewijzing (${d(t.startdatum)}).`,
      );
    if (r.begin > t.einddatum)
      return nee(
        `De begindatum ${d(r.begin)} ligt na het einde van de toewijzing (${d(t.einddatum)}).`,
      );
    return { alVerwerkt: false, probleem: null };
  }
  const einde = r.einde!;
  if (t.status === 'beeindigd')
    return t.beeindigdOp === einde && t.redenBeeindiging === r.reden
      ? { alVerwerkt: true, probleem: null }
      : nee(
          `Deze toewijzing is al beëindigd op ${t.beeindigdOp ? d(t.beeindigdOp) : 'een eerdere datum'}${
            t.redenBeeindiging
              ? ` (${IJW_REDENEN_BEEINDIGING.labels[t.redenBeeindiging].toLowerCase()})`
              : ''
          }.`,
        );
  if (t.status === 'toegewezen')
    return nee(
      'Voor deze toewijzing is nog geen start van de zorg vastgelegd. Lees eerst het startbericht (JW305) in.',
    );
  const start = t.werkelijkeStart ?? t.startdatum;
  if (r.begin !== start)
    return nee(
      `De begindatum in het bericht (${d(r.begin)}) is niet de vastgelegde start van de zorg (${d(start)}).`,
    );
  if (einde < start)
    return nee(`De einddatum ${d(einde)} ligt vóór de start van de zorg (${d(start)}).`);
  if (einde > t.einddatum)
    return nee(`De einddatum ${d(einde)} ligt na het einde van de toewijzing (${d(t.einddatum)}).`);
  return { alVerwerkt: false, probleem: null };
}

/** The whole message, matched and judged against the database as it is now. */
function bekijk(ctx: Ctx, g: Gelezen, verhuizing = false): StartStopBericht {
  const { t } = g;
  const agb = t('Header/Afzender')!;
  const gemeenteCode = t('Header/Ontvanger')!;
  const bsn = t('Client/Bsn')!;
  const aanbieder = ctx.db
    .select({ naam: aanbieders.naam })
    .from(aanbieders)
    .where(eq(aanbieders.agbCode, agb))
    .get();
  const gemeente = ctx.db
    .select({ naam: gemeenten.naam })
    .from(gemeenten)
    .where(eq(gemeenten.code, `GM${gemeenteCode}`))
    .get();
  const eigen = ctx.session.teamId
    ? ctx.db
        .select({ code: gemeenten.code, naam: gemeenten.naam })
        .from(teams)
        .innerJoin(gemeenten, eq(gemeenten.id, teams.gemeenteId))
        .where(eq(teams.id, ctx.session.teamId))
        .get()
    : undefined;
  const probleem =
    eigen && eigen.code !== `GM${gemeenteCode}`
      ? `Dit bericht is voor gemeente ${gemeente?.naam ?? gemeenteCode}, niet voor ${eigen.naam}.`
      : null;
  const rijen = teamToewijzingen(ctx);
  const productenUit: Product[] = g.regels.map((el) => {
    const r = regelVan(el);
    const { rij, probleem: zoekProbleem } = zoek(rijen, r, bsn, agb);
    const oordeel =
      rij && !zoekProbleem
        ? beoordeel(ctx, g.soort, r, rij.t)
        : { alVerwerkt: false, probleem: null };
    // Showing the toewijzing shows a family of the team: logged as a look at its dossier.
    if (rij) raakGezin(ctx, rij.gezinId);
    return {
      toewijzingNummer: r.nummer,
      categorie: r.categorie,
      productcode: r.code,
      toewijzingIngangsdatum: r.ingang,
      statusAanlevering: r.status,
      begindatum: r.begin,
      einddatum: r.einde,
      redenBeeindiging: r.reden
        ? { code: r.reden, label: IJW_REDENEN_BEEINDIGING.labels[r.reden] }
        : null,
      eindeReden: r.reden ? eindeRedenVoor(r.reden, verhuizing) : null,
      wachttijdDagen:
        g.soort === 'jw305' && rij && r.begin >= rij.t.startdatum
          ? daysInclusive(rij.t.startdatum, r.begin) - 1
          : null,
      toewijzing: rij
        ? {
            id: rij.t.id,
            gezinId: rij.gezinId,
            gezinNaam: rij.gezinNaam,
            jeugdige: `${rij.voornaam} ${rij.achternaam}`,
            aanbiederNaam: rij.aanbiederNaam,
            productcode: rij.productcode,
            productOmschrijving: rij.omschrijving,
            startdatum: rij.t.startdatum,
            einddatum: rij.t.einddatum,
            werkelijkeStart: rij.t.werkelijkeStart,
            beeindigdOp: rij.t.beeindigdOp,
            status: rij.t.status,
          }
        : null,
      alVerwerkt: oordeel.alVerwerkt,
      probleem: zoekProbleem ?? oordeel.probleem,
    };
  });
  return {
    soort: g.soort,
    berichtId: t('Header/BerichtIdentificatie/Identificatie')!,
    dagtekening: t('Header/BerichtIdentificatie/Dagtekening')!,
    aanbieder: { agbCode: agb, naam: aanbieder?.naam ?? null },
    gemeente: { code: gemeenteCode, naam: gemeente?.naam ?? null },
    client: {
      bsn,
      geboortedatum: t('Client/Geboortedatum/Datum')!,
      achternaam: [
        t('Client/Naam/Geslachtsnaam/Voorvoegsel'),
        t('Client/Naam/Geslachtsnaam/Achternaam'),
      ]
        .filter(Boolean)
        .join(' '),
    },
    probleem,
    producten: productenUit,
    verwerkbaar:
      probleem === null &&
      productenUit.every((p) => p.probleem === null) &&
      productenUit.some((p) => !p.alVerwerkt),
  };
}

export async function berichtLezen(
  ctx: Ctx,
  input: ApiInput<'ijw.berichtLezen'>,
): Promise<ApiOutput<'ijw.berichtLezen'>> {
  return bekijk(ctx, await lees(input.xml));
}

export async function berichtVerwerken(
  ctx: Ctx,
  input: ApiInput<'ijw.berichtVerwerken'>,
): Promise<ApiOutput<'ijw.berichtVerwerken'>> {
  const gelezen = await lees(input.xml);
  const naam = gelezen.soort.toUpperCase();
  let gewijzigd = false;
  const uit = inTransaction(ctx.sqlite, () => {
    const verwerkt: ApiOutput<'ijw.berichtVerwerken'>['toewijzingen'] = [];
    const regels = gelezen.regels.map(regelVan);
    for (const [i, r] of regels.entries()) {
      // Judged line by line against what the lines before it recorded (a line twice is once).
      const bericht = bekijk(ctx, { ...gelezen, regels: [gelezen.regels[i]!] }, input.verhuizing);
      const p = bericht.producten[0]!;
      const waar = regels.length > 1 ? ` (product ${i + 1} in het bericht)` : '';
      const probleem = bericht.probleem ?? p.probleem;
      if (probleem || !p.toewijzing)
        throw new ApiError(
          'conflict',
          `${naam} niet verwerkt${waar}: ${probleem ?? 'geen toewijzing gevonden.'} Er is niets vastgelegd.`,
        );
      const id = p.toewijzing.id;
      if (!p.alVerwerkt) {
        // The rules (and role) of recording a start or stop by hand apply.
        if (gelezen.soort === 'jw305') toewijzingStart(ctx, { id, datum: r.begin });
        else {
          toewijzingStoppen(ctx, { id, datum: r.einde!, reden: p.eindeReden! });
          ctx.write.update(toewijzingen, id, { redenBeeindiging: r.reden });
        }
        gewijzigd = true;
      }
      verwerkt.push({ id, gezinId: p.toewijzing.gezinId, gewijzigd: !p.alVerwerkt });
    }
    // The access log with the change, in its transaction (NEN 7513).
    ctx.toegangslog.schrijf(
      ctx.session.professionalId,
      [...ctx.geraakt].map(([gezinId, reden]) => ({
        actie: gewijzigd ? ('wijzigen' as const) : ('inzien' as const),
        gezinId,
        onderdeel: 'ijw.berichtVerwerken',
        reden,
      })),
    );
    ctx.geraakt.clear();
    return { soort: gelezen.soort, toewijzingen: verwerkt };
  });
  if (gewijzigd) ctx.sync.gewijzigd();
  return uit;
}
