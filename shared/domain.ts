/**
 * Domain vocabulary: every enumeration the model uses, with its Dutch label.
 * Sources: ../shared/DOMAIN.md and the seeds named next to each list.
 */

/** Builds a tuple of codes plus a label lookup from one table, so the two never drift apart. */
function codeList<const T extends readonly (readonly [string, string])[]>(rows: T) {
  const codes = rows.map(([code]) => code) as { [K in keyof T]: T[K][0] };
  const labels = Object.fromEntries(rows) as Record<T[number][0], string>;
  return { codes, labels };
}

export const ROLLEN = codeList([
  ['jeugdprofessional', 'Jeugdprofessional'],
  ['teamcoach', 'Teamcoach'],
  ['beheerder', 'Beheerder'],
] as const);
export type Rol = (typeof ROLLEN.codes)[number];

export const GEZIN_STATUSSEN = codeList([
  ['aangemeld', 'Aangemeld'],
  ['actief', 'Actief'],
  ['afgesloten', 'Afgesloten'],
] as const);
export type GezinStatus = (typeof GEZIN_STATUSSEN.codes)[number];

export const GEZINSLID_ROLLEN = codeList([
  ['ouder', 'Ouder/verzorger'],
  ['jeugdige', 'Jeugdige'],
  ['overig', 'Overig gezinslid'],
] as const);
export type GezinslidRol = (typeof GEZINSLID_ROLLEN.codes)[number];

/** Life domains of the integral family plan (002_… 3.2.2, 4.4). */
export const LEEFDOMEINEN = codeList([
  ['opvoeden_opgroeien', 'Opvoeden en opgroeien'],
  ['onderwijs', 'Onderwijs'],
  ['werk_inkomen', 'Werk en inkomen'],
  ['schulden', 'Schulden'],
  ['wonen', 'Wonen'],
  ['veiligheid', 'Veiligheid'],
  ['gezondheid', 'Gezondheid'],
] as const);
export type Leefdomein = (typeof LEEFDOMEINEN.codes)[number];

/** Referrers of the region (002_… 2.3). */
export const VERWIJZERS = codeList([
  ['jeugdteam', 'Jeugdteam'],
  ['medisch', 'Medisch verwijzer (huisarts, jeugdarts, medisch specialist)'],
  ['gi', 'Gecertificeerde instelling'],
  ['rechter', 'Rechterlijke macht'],
  ['overig', 'Overig'],
] as const);
export type Verwijzer = (typeof VERWIJZERS.codes)[number];

/** Triage order "wat kun je zelf, wat doen we samen, wat laten we doen" (002_… 4.4). */
export const TRIAGE_UITKOMSTEN = codeList([
  ['zelf', 'Zelf (eigen kracht)'],
  ['samen', 'Samen (netwerk en voorliggende voorzieningen)'],
  ['laten_doen', 'Laten doen (jeugdhulp)'],
] as const);
export type TriageUitkomst = (typeof TRIAGE_UITKOMSTEN.codes)[number];

/** Zorgprofiel intensity categories (002_… bijlage 1 "Zorgprofielen"). */
export const ZORGPROFIEL_CATEGORIEEN = codeList([
  ['acuut', 'Acuut (crisis)'],
  ['perspectief', 'Perspectief (kort, lage intensiteit)'],
  ['intensief', 'Intensief (lang, hoge intensiteit)'],
  ['duurzaam', 'Duurzaam (lang, lage intensiteit)'],
] as const);
export type ZorgprofielCategorie = (typeof ZORGPROFIEL_CATEGORIEEN.codes)[number];

/** Upbringing and growing-up problem areas a zorgprofiel names. */
export const PROBLEEMGEBIEDEN = codeList([
  ['opvoedingsvaardigheden', 'Opvoedingsvaardigheden ouders'],
  ['gedrag', 'Gedragsproblemen'],
  ['emotioneel', 'Emotionele problemen (angst, somberheid)'],
  ['ontwikkeling', 'Ontwikkelingsproblemen'],
  ['psychiatrisch', 'Psychiatrische problematiek'],
  ['verstandelijke_beperking', 'Verstandelijke beperking'],
  ['lichamelijke_beperking', 'Lichamelijke beperking of ziekte'],
  ['middelengebruik', 'Middelengebruik'],
  ['huiselijk_geweld', 'Huiselijk geweld of kindermishandeling'],
  ['scheiding', 'Complexe scheiding'],
  ['school', 'Schoolproblemen en verzuim'],
  ['dyslexie', 'Ernstige enkelvoudige dyslexie'],
  ['justitie', 'Justitiële problematiek'],
] as const);
export type Probleemgebied = (typeof PROBLEEMGEBIEDEN.codes)[number];

/**
 * Purchase lots (002_… bijlage 1 "Percelen"); J&O, Jeugd-GGZ and voormalig AWBZ are split
 * in licht and zwaar.
 */
export const PERCELEN = codeList([
  ['jo_licht', 'Jeugd- en opvoedondersteuning licht'],
  ['jo_zwaar', 'Jeugd- en opvoedondersteuning zwaar'],
  ['ggz_licht', 'Jeugd-GGZ licht (basis-GGZ)'],
  ['ggz_zwaar', 'Jeugd-GGZ zwaar (specialistische GGZ)'],
  ['awbz_licht', 'Voormalig AWBZ licht'],
  ['awbz_zwaar', 'Voormalig AWBZ zwaar'],
  ['eed', 'Enkelvoudige ernstige dyslexie'],
  ['jb', 'Jeugdbescherming'],
  ['jr', 'Jeugdreclassering'],
  ['pleegzorg', 'Pleegzorg'],
  ['onderwijs_jeugdhulp', 'Onderwijs-jeugdhulp'],
] as const);
export type Perceel = (typeof PERCELEN.codes)[number];

/**
 * iJw 3.2 codelijst JZ020 "Productcategorie", as published (codes and labels checked against
 * the list in a test, core/ijw/codelijsten.test.ts). A product's category is its own field in a
 * message (Product/Categorie), not part of its code.
 */
export const IJW_PRODUCTCATEGORIEEN = codeList([
  ['31', '(2015) Zonder verblijf: uitgevoerd door wijk- of buurtteam'],
  ['32', '(2015) Zonder verblijf: ambulante jeugdhulp op locatie van de aanbieder'],
  ['33', '(2015) Zonder verblijf: daghulp op locatie van de aanbieder'],
  ['34', '(2015) Zonder verblijf: jeugdhulp in het netwerk van de jeugdige'],
  ['35', '(2015) Met verblijf: pleegzorg'],
  ['36', '(2015) Met verblijf: gezinsgericht'],
  ['37', '(2015) Met verblijf: gesloten plaatsing'],
  ['38', '(2015) Met verblijf: overig residentieel'],
  ['40', 'Persoonlijke verzorging'],
  ['41', 'Dagbehandeling'],
  ['42', 'Vervoerdiensten'],
  ['43', 'Jeugdhulp verblijf (incl. behandeling)'],
  ['44', 'Jeugdhulp verblijf (excl. behandeling)'],
  ['45', 'Jeugdhulp ambulant'],
  ['46', 'Jeugdhulp crisis'],
  ['47', 'Jeugdreclassering'],
  ['48', 'Jeugdbescherming'],
  ['49', 'Activiteiten in het preventief justitieel kader'],
  ['50', 'Maatwerkarrangementen jeugd'],
  ['51', 'Generalistische basis-ggz'],
  ['52', 'Specialistische ggz'],
  ['53', 'Kindergeneeskunde'],
  ['54', 'Jeugd-ggz'],
  ['55', 'Landelijk ingekochte zorg'],
] as const);
export type IjwProductcategorie = (typeof IJW_PRODUCTCATEGORIEEN.codes)[number];

/**
 * Categories that mean the youth lives away from home (the costliest care, vier ogen): JZ020 43
 * "Jeugdhulp verblijf (incl. behandeling)", which holds gesloten plaatsing (JeugdzorgPlus), and
 * 44 "Jeugdhulp verblijf (excl. behandeling)", which holds pleegzorg and gezinshuizen.
 */
export const VERBLIJF_CATEGORIEEN: readonly IjwProductcategorie[] = ['43', '44'];

/** iJw 3.2 codelijst WJ756 "Eenheid". */
export const IJW_EENHEDEN = codeList([
  ['01', 'Minuut'],
  ['04', 'Uur'],
  ['14', 'Etmaal'],
  ['16', 'Dagdeel (4 uur)'],
  ['82', 'Stuks (output)'],
  ['83', "Euro's"],
  ['84', 'Stuks (inspanning)'],
] as const);
export type IjwEenheid = (typeof IJW_EENHEDEN.codes)[number];

/** iJw 3.2 codelijst WJ757 "Frequentie". */
export const IJW_FREQUENTIES = codeList([
  ['1', 'Per dag'],
  ['2', 'Per week'],
  ['4', 'Per maand'],
  ['6', 'Totaal binnen geldigheidsduur toewijzing'],
] as const);
export type IjwFrequentie = (typeof IJW_FREQUENTIES.codes)[number];

/** "3 uur per week" in the words of the iJw code lists. */
export function volumeTekst(
  volume: number,
  eenheid: IjwEenheid,
  frequentie: IjwFrequentie,
): string {
  return `${volume} × ${IJW_EENHEDEN.labels[eenheid].toLowerCase()} ${IJW_FREQUENTIES.labels[frequentie].toLowerCase()}`;
}

export const TOEWIJZING_STATUSSEN = codeList([
  ['concept', 'Concept'],
  ['ter_accordering', 'Ter accordering (vier ogen)'],
  ['toegewezen', 'Toegewezen'],
  ['gestart', 'Zorg gestart'],
  ['beeindigd', 'Beëindigd'],
  ['ingetrokken', 'Ingetrokken'],
] as const);
export type ToewijzingStatus = (typeof TOEWIJZING_STATUSSEN.codes)[number];

/**
 * Toewijzingen that commit budget: from the moment one is asked for approval until it ends
 * (the budget must show what is coming before the four eyes have looked).
 */
export const COMMITTING_STATUSSEN = [
  'ter_accordering',
  'toegewezen',
  'gestart',
  'beeindigd',
] as const satisfies readonly ToewijzingStatus[];

export const AANBIEDER_ROLLEN = codeList([
  ['hoofdaanbieder', 'Hoofdaanbieder'],
  ['onderaannemer', 'Onderaannemer'],
] as const);
export type AanbiederRol = (typeof AANBIEDER_ROLLEN.codes)[number];

/** Why care ended, close to the CBS beleidsinformatie reasons the region reports. */
export const EINDE_REDENEN = codeList([
  ['volgens_plan', 'Volgens plan beëindigd'],
  ['voortijdig_client', 'Voortijdig afgebroken door cliënt (uitval)'],
  ['voortijdig_aanbieder', 'Voortijdig afgebroken door aanbieder'],
  ['verhuizing', 'Verhuizing'],
  ['overig', 'Overige reden'],
] as const);
export type EindeReden = (typeof EINDE_REDENEN.codes)[number];

/**
 * iJw 3.2 codelijst JZ588 "Reden beëindiging", as published (checked against the list in a
 * test): why a provider stopped care, as a JW307 says it.
 */
export const IJW_REDENEN_BEEINDIGING = codeList([
  ['02', 'Overlijden'],
  ['20', 'Levering is tijdelijk beëindigd'],
  ['31', 'Levering is volgens plan beëindigd'],
  ['32', 'Voortijdig afgesloten, door cliënt'],
  ['33', 'Voortijdig afgesloten, door aanbieder'],
  ['34', 'Voortijdig afgesloten, in overleg'],
  ['35', 'Voortijdig afgesloten, externe oorzaak'],
  ['36', 'Geïnitieerd door de gemeente'],
  ['37', 'In verband met wijzigingsverzoek'],
  ['38', 'Overstap naar andere aanbieder'],
  ['39', 'Uitstroom naar ander domein'],
] as const);
export type IjwRedenBeeindiging = (typeof IJW_REDENEN_BEEINDIGING.codes)[number];

export const EVALUATIE_UITKOMSTEN = codeList([
  ['voortzetten', 'Voortzetten'],
  ['opschalen', 'Opschalen'],
  ['afschalen', 'Afschalen'],
  ['stoppen', 'Stoppen'],
] as const);
export type EvaluatieUitkomst = (typeof EVALUATIE_UITKOMSTEN.codes)[number];

export const DOEL_RESULTATEN = codeList([
  ['open', 'Nog open'],
  ['behaald', 'Behaald'],
  ['deels', 'Deels behaald'],
  ['niet_behaald', 'Niet behaald'],
] as const);
export type DoelResultaat = (typeof DOEL_RESULTATEN.codes)[number];

export const AFSPRAAK_STATUSSEN = codeList([
  ['open', 'Open'],
  ['gedaan', 'Gedaan'],
  ['vervallen', 'Vervallen'],
] as const);
export type AfspraakStatus = (typeof AFSPRAAK_STATUSSEN.codes)[number];

export const ACTIEPLAN_STATUSSEN = codeList([
  ['open', 'Open'],
  ['afgerond', 'Afgerond'],
] as const);
export type ActieplanStatus = (typeof ACTIEPLAN_STATUSSEN.codes)[number];

/**
 * Auto-lock: minutes without keyboard, mouse or touch before the app locks, set per team by the
 * beheerder (NEN 7510: an unattended laptop shows nothing). At most an hour.
 */
export const VERGRENDELEN = { standaard: 5, min: 1, max: 60 } as const;

// ---------------------------------------------------------------- field work

/** Who puts a signature under the gezinsplan. */
export const ONDERTEKENAARS = codeList([
  ['ouder', 'Ouder/verzorger'],
  ['jeugdige', 'Jeugdige'],
  ['netwerk', 'Netwerk'],
  ['regisseur', 'Regisseur'],
] as const);
export type Ondertekenaar = (typeof ONDERTEKENAARS.codes)[number];

/**
 * Kinds of voorliggende voorzieningen on the sociale kaart: the free, local help that comes
 * before jeugdhulp (002_… 3.1: "wat er opgelost kan worden met de voorliggende voorzieningen").
 */
export const VOORZIENING_SOORTEN = codeList([
  ['opvoedsteun', 'Opvoedondersteuning'],
  ['jongerenwerk', 'Jongerenwerk'],
  ['sport_cultuur', 'Sport en cultuur'],
  ['schuldhulp', 'Schuldhulp en geldzaken'],
  ['onderwijs', 'Onderwijs en leerplicht'],
  ['gezondheid', 'Gezondheid (JGZ, GGD)'],
  ['vrijwilligers', 'Vrijwilligers en maatjes'],
  ['mantelzorg', 'Mantelzorg en respijt'],
  ['wonen', 'Wonen en buurt'],
] as const);
export type VoorzieningSoort = (typeof VOORZIENING_SOORTEN.codes)[number];

/** Kinds of entries in the agenda that are planned by hand (the rest follow from the plan). */
export const BEZOEK_SOORTEN = codeList([
  ['huisbezoek', 'Huisbezoek'],
  ['gesprek', 'Gesprek op kantoor'],
  ['overleg', 'Overleg met netwerk of aanbieder'],
] as const);
export type BezoekSoort = (typeof BEZOEK_SOORTEN.codes)[number];
