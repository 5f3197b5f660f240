/**
 * Which products fit which zorgprofiel. Written once here: the allocation flow offers only the
 * fitting products, and the demo region contracts aanbieders only for the zorgprofielen their
 * percelen have products for.
 *
 * From the definitions in `002_…` bijlage 1 ("Zorgprofielen"):
 * - Acuut: "een crisissituatie oplossen ... vaak een vervangende woonsituatie nodig" — crisis
 *   help and out-of-home care (and the heavy ambulant help that follows a placement);
 * - Perspectief: "kortdurende jeugdhulp ... lage intensiteit" — the light percelen only;
 * - Intensief: "lange duur en hoge intensiteit" — the heavy percelen, treatment with stay;
 * - Duurzaam: "langdurige of chronische problematiek ... stabiliseren" — light and heavy
 *   support, foster care and gezinshuizen, no crisis and no closed placement.
 * The seeds name products only by perceel and kind, so the rule is by JZ020 category first
 * (crisis, stay, day treatment, the court measures) and otherwise by the perceel's weight.
 */
import type { IjwProductcategorie, Perceel, ZorgprofielCategorie } from './domain';

const ALLE: readonly ZorgprofielCategorie[] = ['acuut', 'perspectief', 'intensief', 'duurzaam'];

/** Kinds of help whose JZ020 category settles the profile by itself. */
const PER_CATEGORIE: Partial<Record<IjwProductcategorie, readonly ZorgprofielCategorie[]>> = {
  /** Crisis (met of zonder verblijf): only to solve a crisis. */
  '46': ['acuut'],
  /** Verblijf inclusief behandeling, gesloten plaatsing: a crisis or long, intensive help. */
  '43': ['acuut', 'intensief'],
  /** Pleegzorg, gezinshuis: a substitute home, in a crisis or for a long time. */
  '44': ['acuut', 'intensief', 'duurzaam'],
  /** Dagbehandeling: long help, high or stabilising. */
  '41': ['intensief', 'duurzaam'],
  /** Jeugdbescherming (a court measure, lasting): not short, light help. */
  '48': ['acuut', 'intensief', 'duurzaam'],
  /** Jeugdreclassering: a measure of its own length, in every profile. */
  '47': ALLE,
};

/** Light percelen: short or stabilising help of low intensity. */
const LICHT: readonly Perceel[] = [
  'jo_licht',
  'ggz_licht',
  'awbz_licht',
  'eed',
  'onderwijs_jeugdhulp',
];

/** The zorgprofielen a product fits. */
export function zorgprofielenVoorProduct(product: {
  perceel: Perceel;
  categorie: IjwProductcategorie;
}): readonly ZorgprofielCategorie[] {
  const vast = PER_CATEGORIE[product.categorie];
  if (vast) return vast;
  if (LICHT.includes(product.perceel)) return ['perspectief', 'duurzaam'];
  // Heavy ambulant help: long and intensive or stabilising; in J&O zwaar also the help that
  // follows a crisis placement (the region's crisis and placements sit in that perceel).
  return product.perceel === 'jo_zwaar'
    ? ['acuut', 'intensief', 'duurzaam']
    : ['intensief', 'duurzaam'];
}

export const pastBijZorgprofiel = (
  product: { perceel: Perceel; categorie: IjwProductcategorie },
  profiel: ZorgprofielCategorie,
) => zorgprofielenVoorProduct(product).includes(profiel);
