/**
 * Which aanbieder and product a toewijzing may run with (`002_…` bijlage 1, issue 25 item 1): an
 * aanbieder contracted for the zorgprofiel and the product's perceel on the day the toewijzing
 * was made, and a product that fits the zorgprofiel (../zorgprofiel-producten.ts); without a
 * zorgprofiel, only help without a beschikking. The core offers only such choices
 * (core/toewijzing/aanbieders.ts, with `contractGeldig`); the service refuses a toewijzing that
 * runs (toegewezen or gestart) with any other (./rollen.ts), so a laptop that skips the app
 * cannot commit a budget to an aanbieder the region did not contract for that help.
 */
import { formatDate } from '../dates';
import {
  ZORGPROFIEL_CATEGORIEEN,
  type IjwProductcategorie,
  type Perceel,
  type ZorgprofielCategorie,
} from '../domain';
import { pastBijZorgprofiel } from '../zorgprofiel-producten';
import { isMoment } from './waarden';
import { weiger, type Opzoeken, type Waarden, type Weigering } from './weigering';

/** A toewijzing's fields that make its choice of help (fixed once it has run, ./rollen.ts). */
export const KEUZE_VELDEN = ['aanbiederId', 'productId', 'zorgprofielId', 'actieplanId'] as const;

/** Whether a contract holds on `datum` (jjjj-mm-dd): from its first day, to its last if any. */
export const contractGeldig = (c: Waarden, datum: string): boolean =>
  c.deleted !== true &&
  typeof c.geldigVan === 'string' &&
  c.geldigVan <= datum &&
  (c.geldigTot == null || (typeof c.geldigTot === 'string' && c.geldigTot >= datum));

/**
 * The zorgprofiel a toewijzing was made under: the one it names, of its own action plan and not
 * removed; null when it names none (the core writes the plan's zorgprofiel when there is one, so
 * a toewijzing without one was made without it, whatever a colleague set since); undefined when
 * it names a profile that is not such.
 */
export function zorgprofielVanToewijzing(
  toewijzing: Waarden,
  zoek: Opzoeken,
): Waarden | null | undefined {
  if (typeof toewijzing.zorgprofielId !== 'string') return null;
  const profiel = zoek.rij('zorgprofielen', toewijzing.zorgprofielId);
  return profiel && profiel.deleted !== true && profiel.actieplanId === toewijzing.actieplanId
    ? profiel
    : undefined;
}

const keuze = (bericht: string) => weiger(400, 'toewijzing-keuze', bericht);

const isCategorie = (w: unknown): w is ZorgprofielCategorie =>
  ZORGPROFIEL_CATEGORIEEN.codes.includes(w as ZorgprofielCategorie);

/**
 * Why this toewijzing (its values as they will be) may not run with its aanbieder and product,
 * or null when it may.
 */
export function keuzeFout(toewijzing: Waarden, zoek: Opzoeken): Weigering | null {
  const product =
    typeof toewijzing.productId === 'string' ? zoek.rij('producten', toewijzing.productId) : null;
  if (!product || product.deleted === true)
    return keuze('Dit product staat niet in de productcatalogus van de regio.');
  const aanbiederId = toewijzing.aanbiederId;
  const aanbieder = typeof aanbiederId === 'string' ? zoek.rij('aanbieders', aanbiederId) : null;
  if (!aanbieder || aanbieder.deleted === true || typeof aanbiederId !== 'string')
    return keuze('Deze aanbieder staat niet op de sociale kaart van de regio.');
  const gevonden = zorgprofielVanToewijzing(toewijzing, zoek);
  if (gevonden === undefined || (gevonden && !isCategorie(gevonden.categorie)))
    return keuze('Dit zorgprofiel hoort niet bij het actieplan van deze toewijzing.');
  const profiel = gevonden ? (gevonden.categorie as ZorgprofielCategorie) : null;
  if (!profiel && product.beschikkingsvrij !== true)
    return keuze(
      'Zonder vastgesteld zorgprofiel kan alleen hulp zonder beschikking worden toegewezen.',
    );
  const soort = {
    perceel: product.perceel as Perceel,
    categorie: product.categorie as IjwProductcategorie,
  };
  const naam = profiel && ZORGPROFIEL_CATEGORIEEN.labels[profiel].split(' (')[0];
  if (profiel && !pastBijZorgprofiel(soort, profiel))
    return keuze(`Dit product past niet bij het zorgprofiel ${naam}.`);
  // The day the core checked the contract: the toewijzing's own date of making.
  const gemaakt = toewijzing.aangemaaktOp;
  const dag = isMoment(gemaakt) ? gemaakt.slice(0, 10) : null;
  const gedekt =
    dag !== null &&
    zoek
      .rijenMet('contracten', 'aanbiederId', aanbiederId)
      .some(
        (c) =>
          c.perceel === product.perceel &&
          (!profiel || c.zorgprofiel === profiel) &&
          contractGeldig(c, dag),
      );
  return gedekt
    ? null
    : keuze(
        profiel
          ? `Deze aanbieder was ${dag ? `op ${formatDate(dag)} ` : ''}niet gecontracteerd voor dit product bij zorgprofiel ${naam}.`
          : `Deze aanbieder was ${dag ? `op ${formatDate(dag)} ` : ''}niet gecontracteerd voor dit product.`,
      );
}
