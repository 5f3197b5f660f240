/**
 * Reads an iJw 3.2 JW315 verzoek om toewijzing (a provider asks for an allocation, after a
 * referral by e.g. a huisarts), checks it against the official JW315 XSD and finds the youth,
 * provider, gemeente and products it names. Nothing is written: the professional decides.
 */
import { and, eq } from 'drizzle-orm';
import { gezinnen, gezinsleden, producten } from '../../db/schema';
import { isValidBsn } from '../../shared/bsn';
import type { ApiInput, ApiOutput } from '../../shared/api';
import { ApiError } from '../api-error';
import { raakGezin } from '../access';
import type { ReadCtx } from '../context';
import { berichtKop } from './bericht-kop';
import { ijwBerichtNs } from './bericht';
import { xsdFouten } from './xsd';
import { XmlError, kinderenMet, leesXml, tekstOp, type Element } from './xml';

/** COD327 verwijzer type, in words. */
const VERWIJZER_TYPES: Record<string, string> = {
  '01': 'Gemeente',
  '02': 'Huisarts',
  '03': 'Jeugdarts',
  '04': 'Gecertificeerde instelling',
  '05': 'Medisch specialist',
  '06': 'Zelfverwijzer of geen verwijzer',
  '08': 'Rechter, officier van justitie of JJI',
};

const ongeldig = (bericht: string) =>
  new ApiError('ongeldige-invoer', `Dit is geen geldig JW315-bericht: ${bericht}`, 'xml');

export async function verzoekLezen(
  ctx: ReadCtx,
  input: ApiInput<'ijw.verzoekLezen'>,
): Promise<ApiOutput<'ijw.verzoekLezen'>> {
  const wortel = await leesVerzoek(input.xml);
  const t = (pad: string) => tekstOp(wortel, pad);
  const kop = berichtKop(ctx, t);
  const bsn = kop.client.bsn;
  // The XSD checks nine digits; the elfproef is the BSN's own rule.
  if (!isValidBsn(bsn)) throw ongeldig(`het BSN ${bsn} klopt niet (elfproef).`);
  const lid = jeugdigeVanTeam(ctx, bsn);
  // Finding the youth shows a family of the team: it is logged like opening the dossier.
  if (lid) raakGezin(ctx, lid.gezinId);
  const client = kinderenMet(wortel, 'Client')[0]!;
  const productLijst = kinderenMet(
    kinderenMet(client, 'AangevraagdeProducten')[0]!,
    'AangevraagdProduct',
  );
  return {
    ...kop,
    jeugdige: lid
      ? {
          gezinId: lid.gezinId,
          gezinNaam: lid.gezinNaam,
          naam: `${lid.voornaam} ${lid.achternaam}`,
        }
      : null,
    producten: productLijst.map((p) => aangevraagdProduct(ctx, p)),
  };
}

/** The message's root element, once it is well-formed iJw 3.2 and valid by the JW315 XSD. */
async function leesVerzoek(xml: string): Promise<Element> {
  let wortel: Element;
  let namespaces: Record<string, string>;
  try {
    ({ wortel, namespaces } = leesXml(xml));
  } catch (error) {
    if (error instanceof XmlError) throw ongeldig(error.message);
    throw error;
  }
  if (!Object.values(namespaces).includes(ijwBerichtNs('jw315')))
    throw ongeldig(`de namespace ${ijwBerichtNs('jw315')} (iJw 3.2) ontbreekt.`);
  const fouten = await xsdFouten(xml, 'jw315');
  if (fouten.length > 0) throw ongeldig(`volgens het JW315-schema (iJw 3.2): ${fouten.join('; ')}`);
  return wortel;
}

/** The youth with this BSN in a family of the caller's own team, if any. */
function jeugdigeVanTeam(ctx: ReadCtx, bsn: string) {
  if (!ctx.session.teamId) return undefined;
  return ctx.db
    .select({
      gezinId: gezinnen.id,
      gezinNaam: gezinnen.naam,
      voornaam: gezinsleden.voornaam,
      achternaam: gezinsleden.achternaam,
    })
    .from(gezinsleden)
    .innerJoin(gezinnen, eq(gezinnen.id, gezinsleden.gezinId))
    .where(
      and(
        eq(gezinsleden.bsn, bsn),
        eq(gezinsleden.deleted, false),
        eq(gezinnen.deleted, false),
        eq(gezinnen.teamId, ctx.session.teamId),
      ),
    )
    .get();
}

/** One AangevraagdProduct, with the product's description when Eenplan knows its code. */
function aangevraagdProduct(ctx: ReadCtx, p: Element) {
  const v = (pad: string) => tekstOp(p, pad);
  const code = v('Product/Code');
  const bekend = code
    ? ctx.db
        .select({ omschrijving: producten.omschrijving })
        .from(producten)
        .where(eq(producten.productcode, code))
        .get()
    : undefined;
  const volume = v('Omvang/Volume');
  const type = v('Verwijzer/Type')!;
  const verwijzerNaam = v('Verwijzer/Naam');
  return {
    referentie: v('ReferentieAanbieder')!,
    categorie: v('Product/Categorie'),
    productcode: code,
    omschrijving: bekend?.omschrijving ?? null,
    ingangsdatum: v('ToewijzingIngangsdatum')!,
    einddatum: v('ToewijzingEinddatum'),
    volume: volume === null ? null : Number(volume),
    eenheid: v('Omvang/Eenheid'),
    frequentie: v('Omvang/Frequentie'),
    budgetCents: v('Budget') === null ? null : Number(v('Budget')),
    beschikkingNummer: v('BeschikkingNummer'),
    verwijzer: `${VERWIJZER_TYPES[type]}${verwijzerNaam ? ` (${verwijzerNaam})` : ''}`,
    commentaar: v('Commentaar'),
  };
}
