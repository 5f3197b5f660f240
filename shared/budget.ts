/**
 * The definitions behind the coach's figures (ARCHITECTURE.md "Money"), in one place so the
 * dashboard, its click-through, the export and the correctness test all mean the same thing.
 */
import type { ZorgprofielCategorie } from './domain';

/**
 * How long help under each zorgprofiel is expected to take at most (002_… bijlage 1
 * "Zorgprofielen": Acuut is crisis help, Perspectief "korte duur", Intensief and Duurzaam
 * "lange duur"). The seeds give no numbers: these are the region's working assumptions and a
 * toewijzing running longer is shown as an outlier to talk about, never blocked.
 */
export const VERWACHTE_DUUR_DAGEN: Record<ZorgprofielCategorie, number> = {
  acuut: 91,
  perspectief: 183,
  intensief: 365,
  duurzaam: 1096,
};

/** A running toewijzing whose last evaluation (or start) is longer ago than this is overdue. */
export const EVALUATIE_ACHTERSTAND_DAGEN = 183;

/** An aanbieder whose forecast reaches this share of its budgetplafond is flagged. */
export const PLAFOND_SIGNAAL = 0.9;

/** Return into care: a new toewijzing within this many days after care ended (002_… 4.4). */
export const TERUGKEER_DAGEN = 365;

/** How many rows an outlier list shows; the count says how many there are in all. */
export const UITSCHIETERS_MAX = 25;

export const DIMENSIES = ['perceel', 'zorgprofiel', 'aanbieder', 'verwijzer', 'regisseur'] as const;
export type Dimensie = (typeof DIMENSIES)[number];

export const DIMENSIE_LABELS: Record<Dimensie, string> = {
  perceel: 'Perceel',
  zorgprofiel: 'Zorgprofiel',
  aanbieder: 'Aanbieder',
  verwijzer: 'Verwijzer',
  regisseur: 'Regisseur',
};

/**
 * Named sets of toewijzingen (or action plans) a figure stands for; the click-through shows
 * exactly the rows in the set.
 */
export const KENMERKEN = [
  'beeindigd',
  'afschaling',
  'terugkeer',
  'zorg_geeindigd',
  'zonder_jeugdhulp',
  'actieplan_afgerond',
  'gestart',
  'wachtend',
  'duur_overschreden',
  'evaluatie_achterstand',
  'uitval',
] as const;
export type Kenmerk = (typeof KENMERKEN)[number];

/** The columns of the monthly SOJ file, in order; documented in the README. */
export const SOJ_KOLOMMEN = [
  { naam: 'periode', uitleg: 'Maand van de realisatie, jjjj-mm (één periode per bestand)' },
  { naam: 'team', uitleg: 'Naam van het jeugdteam, zoals in Eenplan' },
  { naam: 'client_ref', uitleg: 'Cliëntreferentie van het SOJ: het BSN van de jeugdige' },
  { naam: 'productcode', uitleg: 'iJw productcode uit de productcatalogus' },
  { naam: 'perceel', uitleg: 'Perceelcode, bijvoorbeeld jo_licht of ggz_zwaar' },
  { naam: 'aanbieder_agb', uitleg: 'AGB-code van de aanbieder (8 cijfers)' },
  { naam: 'verwijzer', uitleg: 'jeugdteam, medisch, gi, rechter of overig' },
  { naam: 'startdatum', uitleg: 'Eerste dag van de geleverde zorg, jjjj-mm-dd of dd-mm-jjjj' },
  { naam: 'einddatum', uitleg: 'Laatste dag, jjjj-mm-dd of dd-mm-jjjj (mag leeg)' },
  { naam: 'volume', uitleg: 'Geleverde eenheden, een heel getal van 0 of meer' },
  { naam: 'eenheid', uitleg: 'iJw eenheid (WJ756), bijvoorbeeld 04 voor uur' },
  { naam: 'tarief', uitleg: 'Tarief per eenheid in euro, bijvoorbeeld 94,80' },
  { naam: 'bedrag', uitleg: 'Gedeclareerd bedrag in euro, 0 of meer' },
] as const;
export type SojKolom = (typeof SOJ_KOLOMMEN)[number]['naam'];

/**
 * The one line the dashboard ("Resterend") and the allocation dialog ("na deze toewijzing over")
 * show under their figure, so both say the same basis (README "Money rules").
 */
export function resterendBasis(laatstePeriode: string | null): string {
  const soj = laatstePeriode
    ? `de SOJ-bedragen van de maanden met SOJ-cijfers (t/m ${laatstePeriode.slice(5)}-${laatstePeriode.slice(0, 4)})`
    : 'nog geen SOJ-cijfers';
  return `Over = budget − prognose. Prognose = ${soj} plus het toegewezen bedrag van elke maand zonder SOJ-cijfers.`;
}
