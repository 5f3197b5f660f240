/**
 * Which toewijzing of the caller's team a line of a JW305 or JW307 is about: by its
 * ToewijzingNummer (its own, or the one an earlier version derived and a JW301 carried), or
 * without one by youth, provider and product; BSN, provider and product must agree.
 */
import { and, eq } from 'drizzle-orm';
import { aanbieders, gezinnen, gezinsleden, producten, toewijzingen } from '../../db/schema';
import { formatDate } from '../../shared/dates';
import type { ReadCtx } from '../context';
import { afgeleidToewijzingNummer } from './jw301';
import type { Regel } from './start-stop-lezen';

/** The toewijzingen a ToewijzingNummer without a stored number may be (JW301 sent them). */
const GESTUURD = ['toegewezen', 'gestart', 'beeindigd'];

const d = formatDate;

/** The caller's team's toewijzingen, with what a message is matched on. */
export function teamToewijzingen(ctx: ReadCtx) {
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
export type Rij = ReturnType<typeof teamToewijzingen>[number];

/** The toewijzing a line is about, or why there is none. */
export function zoekToewijzing(
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
