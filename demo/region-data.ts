/**
 * Static facts of the demo region Zuid-Holland Zuid (the ten gemeenten of 2020) and the
 * calibration targets from the seeds. Inhabitants per gemeente are rounded approximations
 * that add up to the regional total of 1 January 2020.
 */
import {
  ZORGPROFIEL_CATEGORIEEN,
  type IjwEenheid,
  type IjwFrequentie,
  type IjwProductcategorie,
  type Perceel,
  type Verwijzer,
  type ZorgprofielCategorie,
} from '../shared/domain';
import { pastBijZorgprofiel } from '../shared/zorgprofiel-producten';

export interface GemeenteFact {
  code: string;
  naam: string;
  inwoners: number;
  jeugdigen: number;
  /** Postcode ranges (four digits) used for fictional addresses. */
  postcodes: [number, number];
}

export const GEMEENTEN: readonly GemeenteFact[] = [
  {
    code: 'GM0482',
    naam: 'Alblasserdam',
    inwoners: 20_050,
    jeugdigen: 4_390,
    postcodes: [2951, 2954],
  },
  {
    code: 'GM0505',
    naam: 'Dordrecht',
    inwoners: 119_260,
    jeugdigen: 24_180,
    postcodes: [3311, 3329],
  },
  {
    code: 'GM0512',
    naam: 'Gorinchem',
    inwoners: 37_410,
    jeugdigen: 7_800,
    postcodes: [4201, 4208],
  },
  {
    code: 'GM0523',
    naam: 'Hardinxveld-Giessendam',
    inwoners: 18_120,
    jeugdigen: 4_270,
    postcodes: [3371, 3373],
  },
  {
    code: 'GM0531',
    naam: 'Hendrik-Ido-Ambacht',
    inwoners: 31_020,
    jeugdigen: 6_930,
    postcodes: [3341, 3344],
  },
  {
    code: 'GM1963',
    naam: 'Hoeksche Waard',
    inwoners: 87_540,
    jeugdigen: 17_560,
    postcodes: [3261, 3299],
  },
  {
    code: 'GM1978',
    naam: 'Molenlanden',
    inwoners: 44_290,
    jeugdigen: 9_880,
    postcodes: [2957, 2977],
  },
  {
    code: 'GM0590',
    naam: 'Papendrecht',
    inwoners: 32_380,
    jeugdigen: 6_560,
    postcodes: [3351, 3356],
  },
  {
    code: 'GM0610',
    naam: 'Sliedrecht',
    inwoners: 25_200,
    jeugdigen: 5_290,
    postcodes: [3361, 3364],
  },
  {
    code: 'GM0642',
    naam: 'Zwijndrecht',
    inwoners: 44_186,
    jeugdigen: 7_655,
    postcodes: [3331, 3335],
  },
];

/** Seed figures (DOMAIN.md "Figures for realistic data", 002_… 2.2-2.4). */
export const TARGETS = {
  inwoners: 459_456,
  jeugdigen: 94_515,
  /** About 11% of the youths used jeugdhulp in 2019. */
  shareInCare: 0.11,
  /** Average cost per youth in care per year (2019). */
  averageCostCents: 851_900,
  /** The ten largest providers take half of the spend. */
  topTenShare: 0.5,
  aanbieders: 180,
  /** Share of youths per referrer (002_… 2.3: medisch 59%, jeugdteams a quarter). */
  referralShare: { medisch: 0.59, jeugdteam: 0.25, gi: 0.09, rechter: 0.02, overig: 0.05 },
  /** Share of cost per referrer (medisch 26%; jeugdteams the largest share). */
  costShare: { medisch: 0.26, jeugdteam: 0.42, gi: 0.2, rechter: 0.05, overig: 0.07 },
} as const satisfies {
  referralShare: Record<Verwijzer, number>;
  costShare: Record<Verwijzer, number>;
  [key: string]: unknown;
};

export interface ProductFact {
  productcode: string;
  omschrijving: string;
  perceel: Perceel;
  categorie: IjwProductcategorie;
  eenheid: IjwEenheid;
  frequentie: IjwFrequentie;
  tariefCents: number;
  beschikkingsvrij: boolean;
}

/**
 * The region's product catalogue (fictional region codes, each in its JZ020 category; 2026
 * tariffs). The codes' first digits are the region's own numbering, not the category.
 */
export const PRODUCTEN: readonly ProductFact[] = [
  {
    productcode: '45A01',
    omschrijving: 'Ambulante jeugd- en opvoedhulp licht',
    perceel: 'jo_licht',
    categorie: '45',
    eenheid: '04',
    frequentie: '2',
    tariefCents: 7_650,
    beschikkingsvrij: false,
  },
  {
    productcode: '45A02',
    omschrijving: 'Ambulante jeugd- en opvoedhulp zwaar',
    perceel: 'jo_zwaar',
    categorie: '45',
    eenheid: '04',
    frequentie: '2',
    tariefCents: 9_480,
    beschikkingsvrij: false,
  },
  {
    productcode: '45A10',
    omschrijving: 'Intensieve ambulante gezinsbehandeling',
    perceel: 'jo_zwaar',
    categorie: '45',
    eenheid: '04',
    frequentie: '2',
    tariefCents: 11_240,
    beschikkingsvrij: false,
  },
  {
    productcode: 'H300',
    omschrijving: 'Enkelvoudige begeleiding',
    perceel: 'awbz_licht',
    categorie: '45',
    eenheid: '04',
    frequentie: '2',
    tariefCents: 5_860,
    beschikkingsvrij: true,
  },
  {
    productcode: 'H132',
    omschrijving: 'Groepsbegeleiding (dagactiviteit)',
    perceel: 'awbz_zwaar',
    categorie: '45',
    eenheid: '16',
    frequentie: '2',
    tariefCents: 4_920,
    beschikkingsvrij: false,
  },
  {
    productcode: '46A01',
    omschrijving: 'Dagbehandeling',
    perceel: 'awbz_zwaar',
    categorie: '41',
    eenheid: '16',
    frequentie: '2',
    tariefCents: 9_650,
    beschikkingsvrij: false,
  },
  {
    productcode: '54001',
    omschrijving: 'Basis-GGZ kort',
    perceel: 'ggz_licht',
    categorie: '54',
    eenheid: '82',
    frequentie: '6',
    tariefCents: 49_800,
    beschikkingsvrij: true,
  },
  {
    productcode: '54002',
    omschrijving: 'Basis-GGZ middel',
    perceel: 'ggz_licht',
    categorie: '54',
    eenheid: '82',
    frequentie: '6',
    tariefCents: 86_100,
    beschikkingsvrij: true,
  },
  {
    productcode: '54003',
    omschrijving: 'Basis-GGZ intensief',
    perceel: 'ggz_licht',
    categorie: '54',
    eenheid: '82',
    frequentie: '6',
    tariefCents: 141_000,
    beschikkingsvrij: true,
  },
  {
    productcode: '54101',
    omschrijving: 'Specialistische GGZ behandeling',
    perceel: 'ggz_zwaar',
    categorie: '54',
    eenheid: '04',
    frequentie: '2',
    tariefCents: 12_460,
    beschikkingsvrij: false,
  },
  {
    productcode: '55A01',
    omschrijving: 'EED diagnostiek',
    perceel: 'eed',
    categorie: '54',
    eenheid: '82',
    frequentie: '6',
    tariefCents: 115_000,
    beschikkingsvrij: false,
  },
  {
    productcode: '55A02',
    omschrijving: 'EED behandeling',
    perceel: 'eed',
    categorie: '54',
    eenheid: '04',
    frequentie: '2',
    tariefCents: 9_200,
    beschikkingsvrij: false,
  },
  {
    productcode: '45O01',
    omschrijving: 'Onderwijs-jeugdhulparrangement',
    perceel: 'onderwijs_jeugdhulp',
    categorie: '45',
    eenheid: '16',
    frequentie: '2',
    tariefCents: 6_150,
    beschikkingsvrij: false,
  },
  {
    productcode: '44A01',
    omschrijving: 'Crisisopvang met verblijf',
    perceel: 'jo_zwaar',
    categorie: '46',
    eenheid: '14',
    frequentie: '1',
    tariefCents: 31_400,
    beschikkingsvrij: false,
  },
  {
    productcode: '44A02',
    omschrijving: 'Ambulante crisisinterventie',
    perceel: 'jo_zwaar',
    categorie: '46',
    eenheid: '04',
    frequentie: '2',
    tariefCents: 13_100,
    beschikkingsvrij: false,
  },
  {
    productcode: '40A01',
    omschrijving: 'Verblijf behandelgroep (inclusief behandeling)',
    perceel: 'jo_zwaar',
    categorie: '43',
    eenheid: '14',
    frequentie: '1',
    tariefCents: 27_900,
    beschikkingsvrij: false,
  },
  {
    productcode: '41A01',
    omschrijving: 'Verblijf gezinshuis',
    perceel: 'jo_zwaar',
    categorie: '44',
    eenheid: '14',
    frequentie: '1',
    tariefCents: 17_600,
    beschikkingsvrij: false,
  },
  {
    productcode: '42A01',
    omschrijving: 'Pleegzorg',
    perceel: 'pleegzorg',
    categorie: '44',
    eenheid: '14',
    frequentie: '1',
    tariefCents: 4_750,
    beschikkingsvrij: false,
  },
  {
    productcode: '43A01',
    omschrijving: 'Gesloten plaatsing (JeugdzorgPlus)',
    perceel: 'jo_zwaar',
    categorie: '43',
    eenheid: '14',
    frequentie: '1',
    tariefCents: 52_300,
    beschikkingsvrij: false,
  },
  {
    productcode: '47A01',
    omschrijving: 'Ondertoezichtstelling',
    perceel: 'jb',
    categorie: '48',
    eenheid: '82',
    frequentie: '4',
    tariefCents: 54_500,
    beschikkingsvrij: false,
  },
  {
    productcode: '47A02',
    omschrijving: 'Voogdij',
    perceel: 'jb',
    categorie: '48',
    eenheid: '82',
    frequentie: '4',
    tariefCents: 42_000,
    beschikkingsvrij: false,
  },
  {
    productcode: '48A01',
    omschrijving: 'Jeugdreclassering',
    perceel: 'jr',
    categorie: '47',
    eenheid: '82',
    frequentie: '4',
    tariefCents: 39_000,
    beschikkingsvrij: false,
  },
];

/**
 * The zorgprofielen an aanbieder of this rank (1 = largest) is contracted for in a perceel:
 * only those the perceel has fitting products for (shared/zorgprofiel-producten.ts). The largest
 * aanbieders take every one; the others some, and crisis help only a few. Decided by rank, not
 * drawn, so the region's random stream stays as it was.
 */
export function contractProfielen(perceel: Perceel, rank: number): ZorgprofielCategorie[] {
  const passend = ZORGPROFIEL_CATEGORIEEN.codes.filter((z) =>
    PRODUCTEN.some((p) => p.perceel === perceel && pastBijZorgprofiel(p, z)),
  );
  if (rank <= 12) return passend;
  const gekozen = passend.filter((z, i) => (z === 'acuut' ? rank % 6 === 0 : (rank + i) % 3 !== 0));
  return gekozen.length > 0 ? gekozen : passend.filter((z) => z !== 'acuut').slice(0, 1);
}
