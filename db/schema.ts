/**
 * The local data model (drizzle, SQLite). Every syncable table carries the same sync
 * columns (ARCHITECTURE.md "Data and sync"): a UUID, the hybrid logical clock of its last
 * change, the author of that change and a tombstone instead of a hard delete.
 * Money is integer euro cents; dates are ISO text (jjjj-mm-dd), moments ISO date-times.
 */
import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import {
  AANBIEDER_ROLLEN,
  ACTIEPLAN_STATUSSEN,
  AFSPRAAK_STATUSSEN,
  BEZOEK_SOORTEN,
  DOEL_RESULTATEN,
  EINDE_REDENEN,
  EVALUATIE_UITKOMSTEN,
  GEZIN_STATUSSEN,
  GEZINSLID_ROLLEN,
  IJW_EENHEDEN,
  IJW_FREQUENTIES,
  IJW_PRODUCTCATEGORIEEN,
  IJW_REDENEN_BEEINDIGING,
  LEEFDOMEINEN,
  ONDERTEKENAARS,
  PERCELEN,
  ROLLEN,
  TOEWIJZING_STATUSSEN,
  TRIAGE_UITKOMSTEN,
  VERGRENDELEN,
  VERWIJZERS,
  VOORZIENING_SOORTEN,
  ZORGPROFIEL_CATEGORIEEN,
} from '../shared/domain';

const syncColumns = () => ({
  id: text('id').primaryKey(),
  hlc: text('hlc').notNull(),
  authorId: text('author_id'),
  deleted: integer('deleted', { mode: 'boolean' }).notNull().default(false),
});

// ---------------------------------------------------------------- organisation

export const gemeenten = sqliteTable('gemeenten', {
  ...syncColumns(),
  /**
   * CBS gemeentecode, e.g. GM0505 (Dordrecht). Unique in the beheerder's data on the service; a
   * laptop does not refuse a duplicate (that would stop its reference data, ADR 0003).
   */
  code: text('code').notNull(),
  naam: text('naam').notNull(),
  inwoners: integer('inwoners').notNull(),
  jeugdigen: integer('jeugdigen').notNull(),
});

export const teams = sqliteTable(
  'teams',
  {
    ...syncColumns(),
    naam: text('naam').notNull(),
    gemeenteId: text('gemeente_id')
      .notNull()
      .references(() => gemeenten.id),
    /**
     * Vier ogen: a toewijzing above this cost needs a colleague's or the teamcoach's approval
     * (000_… sturingskader 1 and 4: never decide alone). Added in migration 0001.
     */
    vierOgenDrempelCents: integer('vier_ogen_drempel_cents').notNull().default(2_500_000),
    /** Minutes without use before the app locks itself on this team's laptops (migration 0011). */
    vergrendelMinuten: integer('vergrendel_minuten').notNull().default(VERGRENDELEN.standaard),
  },
  (t) => [index('teams_gemeente_idx').on(t.gemeenteId)],
);

export const professionals = sqliteTable(
  'professionals',
  {
    ...syncColumns(),
    naam: text('naam').notNull(),
    email: text('email').notNull(),
    rol: text('rol', { enum: ROLLEN.codes }).notNull(),
    /** A beheerder works region-wide and has no team. */
    teamId: text('team_id').references(() => teams.id),
    actief: integer('actief', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [index('professionals_team_idx').on(t.teamId)],
);

// ---------------------------------------------------------------- families

export const gezinnen = sqliteTable(
  'gezinnen',
  {
    ...syncColumns(),
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id),
    /** "Eén gezin, één plan, één regisseur" (002_… 4.4). */
    regisseurId: text('regisseur_id')
      .notNull()
      .references(() => professionals.id),
    naam: text('naam').notNull(),
    adres: text('adres').notNull(),
    postcode: text('postcode').notNull(),
    woonplaats: text('woonplaats').notNull(),
    status: text('status', { enum: GEZIN_STATUSSEN.codes }).notNull(),
    aangemeldOp: text('aangemeld_op').notNull(),
    afgeslotenOp: text('afgesloten_op'),
    /** The family's own verdict when the case closes, in its own words and as a mark 1-10. */
    oordeelGezin: text('oordeel_gezin'),
    oordeelCijfer: integer('oordeel_cijfer'),
    /** Facts a professional looks up before a visit (issue 25). */
    huisarts: text('huisarts'),
    /** Who holds parental authority beyond the members marked `gezag` (e.g. a voogd at a GI). */
    gezagToelichting: text('gezag_toelichting'),
    tolkNodig: integer('tolk_nodig', { mode: 'boolean' }).notNull().default(false),
    tolkTaal: text('tolk_taal'),
  },
  (t) => [
    index('gezinnen_team_status_idx').on(t.teamId, t.status),
    index('gezinnen_regisseur_idx').on(t.regisseurId),
  ],
);

export const gezinsleden = sqliteTable(
  'gezinsleden',
  {
    ...syncColumns(),
    gezinId: text('gezin_id')
      .notNull()
      .references(() => gezinnen.id),
    rol: text('rol', { enum: GEZINSLID_ROLLEN.codes }).notNull(),
    voornaam: text('voornaam').notNull(),
    achternaam: text('achternaam').notNull(),
    geboortedatum: text('geboortedatum').notNull(),
    /**
     * Only stored where it is needed: for a youth who receives a toewijzing (the JW301
     * message requires it). Always 9 digits passing the 11-proef; checked in the core.
     */
    bsn: text('bsn'),
    /** Contact of a parent (Dutch phone number, e-mail address); checked in shared/contact.ts. */
    telefoon: text('telefoon'),
    email: text('email'),
    /** Whether this member holds parental authority (gezag); null when not known. */
    gezag: integer('gezag', { mode: 'boolean' }),
    /** A youth's school (or childcare). */
    school: text('school'),
  },
  (t) => [index('gezinsleden_gezin_idx').on(t.gezinId), index('gezinsleden_bsn_idx').on(t.bsn)],
);

export const netwerkleden = sqliteTable(
  'netwerkleden',
  {
    ...syncColumns(),
    gezinId: text('gezin_id')
      .notNull()
      .references(() => gezinnen.id),
    naam: text('naam').notNull(),
    relatie: text('relatie').notNull(),
    telefoon: text('telefoon'),
    /** What this person does in the plan ("haalt de kinderen dinsdag op"). */
    rolInPlan: text('rol_in_plan'),
  },
  (t) => [index('netwerkleden_gezin_idx').on(t.gezinId)],
);

// ---------------------------------------------------------------- the family plan

export const gezinsplannen = sqliteTable('gezinsplannen', {
  ...syncColumns(),
  gezinId: text('gezin_id')
    .notNull()
    .unique()
    .references(() => gezinnen.id),
  /** The family's own goals, in their own words; shown first (000_… 2 and 8). */
  eigenWoorden: text('eigen_woorden').notNull().default(''),
  /** From age 16: the toekomstplan towards adulthood (001_… 2b, 002_… 3.2.2). */
  toekomstplan: text('toekomstplan'),
  /** Number of the last fixed version; the working copy is edited above it. */
  versie: integer('versie').notNull().default(0),
  toestemmingVersie: integer('toestemming_versie'),
  /** The fixed version consented to (its row id; the number alone can be shared, ADR 0003). */
  toestemmingVersieId: text('toestemming_versie_id'),
  toestemmingOp: text('toestemming_op'),
  toestemmingDoor: text('toestemming_door'),
});

export const gezinsplanDomeinen = sqliteTable(
  'gezinsplan_domeinen',
  {
    ...syncColumns(),
    planId: text('plan_id')
      .notNull()
      .references(() => gezinsplannen.id),
    domein: text('domein', { enum: LEEFDOMEINEN.codes }).notNull(),
    situatie: text('situatie').notNull().default(''),
    doel: text('doel').notNull().default(''),
  },
  (t) => [uniqueIndex('gezinsplan_domeinen_plan_domein_uq').on(t.planId, t.domein)],
);

/** Agreements "wie doet wat, wanneer". */
export const afspraken = sqliteTable(
  'afspraken',
  {
    ...syncColumns(),
    planId: text('plan_id')
      .notNull()
      .references(() => gezinsplannen.id),
    wat: text('wat').notNull(),
    wie: text('wie').notNull(),
    uiterlijk: text('uiterlijk'),
    status: text('status', { enum: AFSPRAAK_STATUSSEN.codes }).notNull().default('open'),
  },
  (t) => [index('afspraken_plan_idx').on(t.planId)],
);

/**
 * A fixed version of the plan as the family saw and agreed it, kept for comparison. `versie` is
 * the number the laptop proposed; two laptops offline can both propose the same one, so the
 * number shown is the version's place in (versie, hlc, id) order (ADR 0003), not a unique key.
 */
export const gezinsplanVersies = sqliteTable(
  'gezinsplan_versies',
  {
    ...syncColumns(),
    planId: text('plan_id')
      .notNull()
      .references(() => gezinsplannen.id),
    versie: integer('versie').notNull(),
    vastgesteldOp: text('vastgesteld_op').notNull(),
    vastgesteldDoor: text('vastgesteld_door').references(() => professionals.id),
    /** JSON snapshot of the plan, its domains and agreements at that moment. */
    inhoud: text('inhoud').notNull(),
  },
  (t) => [index('gezinsplan_versies_plan_idx').on(t.planId, t.versie)],
);

// ---------------------------------------------------------------- action plans

export const actieplannen = sqliteTable(
  'actieplannen',
  {
    ...syncColumns(),
    gezinId: text('gezin_id')
      .notNull()
      .references(() => gezinnen.id),
    jeugdigeId: text('jeugdige_id')
      .notNull()
      .references(() => gezinsleden.id),
    hulpvraag: text('hulpvraag').notNull(),
    problemen: text('problemen').notNull().default(''),
    verwijzer: text('verwijzer', { enum: VERWIJZERS.codes }).notNull(),
    /** The triage steps in order: what the family can do, the network, voorliggend. */
    eigenKracht: text('eigen_kracht'),
    netwerk: text('netwerk'),
    voorliggend: text('voorliggend'),
    triageUitkomst: text('triage_uitkomst', { enum: TRIAGE_UITKOMSTEN.codes }),
    jeugdhulpNodig: integer('jeugdhulp_nodig', { mode: 'boolean' }).notNull().default(false),
    status: text('status', { enum: ACTIEPLAN_STATUSSEN.codes }).notNull().default('open'),
    geopendOp: text('geopend_op').notNull(),
    afgerondOp: text('afgerond_op'),
  },
  (t) => [index('actieplannen_gezin_idx').on(t.gezinId)],
);

/** SMART goals of an action plan, with their result at evaluation and closing. */
export const doelen = sqliteTable(
  'doelen',
  {
    ...syncColumns(),
    actieplanId: text('actieplan_id')
      .notNull()
      .references(() => actieplannen.id),
    omschrijving: text('omschrijving').notNull(),
    /** How we will know it is reached (the M of SMART). */
    meetbaar: text('meetbaar').notNull(),
    uiterlijk: text('uiterlijk').notNull(),
    resultaat: text('resultaat', { enum: DOEL_RESULTATEN.codes }).notNull().default('open'),
  },
  (t) => [index('doelen_actieplan_idx').on(t.actieplanId)],
);

export const zorgprofielen = sqliteTable(
  'zorgprofielen',
  {
    ...syncColumns(),
    actieplanId: text('actieplan_id')
      .notNull()
      .references(() => actieplannen.id),
    categorie: text('categorie', { enum: ZORGPROFIEL_CATEGORIEEN.codes }).notNull(),
    /** JSON array of PROBLEEMGEBIEDEN codes. */
    probleemgebieden: text('probleemgebieden').notNull().default('[]'),
    vastgesteldOp: text('vastgesteld_op').notNull(),
    vastgesteldDoor: text('vastgesteld_door').references(() => professionals.id),
  },
  (t) => [index('zorgprofielen_actieplan_idx').on(t.actieplanId)],
);

// ---------------------------------------------------------------- providers and products

export const aanbieders = sqliteTable('aanbieders', {
  ...syncColumns(),
  naam: text('naam').notNull(),
  /** AGB-code (8 digits), the provider's identity in iJw messages. */
  agbCode: text('agb_code').notNull(),
  plaats: text('plaats').notNull(),
  budgetplafondCents: integer('budgetplafond_cents').notNull(),
  /** Set when the budgetplafond is reached; new inflow only via "nee, tenzij" (002_… bijlage 1). */
  clientenstop: integer('clientenstop', { mode: 'boolean' }).notNull().default(false),
});

export const contracten = sqliteTable(
  'contracten',
  {
    ...syncColumns(),
    aanbiederId: text('aanbieder_id')
      .notNull()
      .references(() => aanbieders.id),
    perceel: text('perceel', { enum: PERCELEN.codes }).notNull(),
    zorgprofiel: text('zorgprofiel', { enum: ZORGPROFIEL_CATEGORIEEN.codes }).notNull(),
    geldigVan: text('geldig_van').notNull(),
    geldigTot: text('geldig_tot'),
  },
  (t) => [
    index('contracten_aanbieder_idx').on(t.aanbiederId),
    index('contracten_perceel_profiel_idx').on(t.perceel, t.zorgprofiel),
  ],
);

export const producten = sqliteTable('producten', {
  ...syncColumns(),
  /** iJw Productcode (up to five characters), unique within the region's catalogue. */
  productcode: text('productcode').notNull(),
  omschrijving: text('omschrijving').notNull(),
  perceel: text('perceel', { enum: PERCELEN.codes }).notNull(),
  categorie: text('categorie', { enum: IJW_PRODUCTCATEGORIEEN.codes }).notNull(),
  eenheid: text('eenheid', { enum: IJW_EENHEDEN.codes }).notNull(),
  frequentie: text('frequentie', { enum: IJW_FREQUENTIES.codes }).notNull(),
  tariefCents: integer('tarief_cents').notNull(),
  /** Help that needs no beschikking, e.g. H300 enkelvoudige begeleiding, Basis-GGZ (003_…). */
  beschikkingsvrij: integer('beschikkingsvrij', { mode: 'boolean' }).notNull().default(false),
});

// ---------------------------------------------------------------- allocations

export const toewijzingen = sqliteTable(
  'toewijzingen',
  {
    ...syncColumns(),
    gezinslidId: text('gezinslid_id')
      .notNull()
      .references(() => gezinsleden.id),
    actieplanId: text('actieplan_id').references(() => actieplannen.id),
    zorgprofielId: text('zorgprofiel_id').references(() => zorgprofielen.id),
    aanbiederId: text('aanbieder_id')
      .notNull()
      .references(() => aanbieders.id),
    productId: text('product_id')
      .notNull()
      .references(() => producten.id),
    rol: text('rol', { enum: AANBIEDER_ROLLEN.codes }).notNull().default('hoofdaanbieder'),
    /** For an onderaannemer: the hoofdaanbieder's toewijzing it works under. */
    hoofdToewijzingId: text('hoofd_toewijzing_id'),
    /** Volume per frequentie, in eenheid (as in a JW301 message). */
    volume: integer('volume').notNull(),
    eenheid: text('eenheid', { enum: IJW_EENHEDEN.codes }).notNull(),
    frequentie: text('frequentie', { enum: IJW_FREQUENTIES.codes }).notNull(),
    /** Tariff fixed at the moment of allocation, so later tariff changes do not rewrite history. */
    tariefCents: integer('tarief_cents').notNull(),
    startdatum: text('startdatum').notNull(),
    einddatum: text('einddatum').notNull(),
    /** The day care actually began; the gap to startdatum is the waiting time. */
    werkelijkeStart: text('werkelijke_start'),
    status: text('status', { enum: TOEWIJZING_STATUSSEN.codes }).notNull(),
    beschikkingsvrij: integer('beschikkingsvrij', { mode: 'boolean' }).notNull().default(false),
    verwijzer: text('verwijzer', { enum: VERWIJZERS.codes }).notNull(),
    /** Allocated to a provider with a cliëntenstop via the "nee, tenzij" route. */
    neeTenzij: integer('nee_tenzij', { mode: 'boolean' }).notNull().default(false),
    /**
     * When made, the team's (or the perceel's) forecast after it was above its budget
     * (shared/regels/vier-ogen.ts `bovenBudget`): the teamcoach approves. Never cleared.
     */
    bovenBudget: integer('overschrijding', { mode: 'boolean' }).notNull().default(false),
    beeindigdOp: text('beeindigd_op'),
    eindeReden: text('einde_reden', { enum: EINDE_REDENEN.codes }),
    /** The provider's reason in its JW307 (JZ588), when the end came from one. */
    redenBeeindiging: text('reden_beeindiging', { enum: IJW_REDENEN_BEEINDIGING.codes }),
    aangemaaktDoor: text('aangemaakt_door').references(() => professionals.id),
    aangemaaktOp: text('aangemaakt_op').notNull(),
    /**
     * The moment the toewijzing was decided (toegewezen: at once, or at the vier-ogen approval),
     * as an ISO instant; JW301's Toewijzingsdatum and -tijd, in Dutch time. A date alone on
     * toewijzingen decided before the moment was kept.
     */
    toegewezenOp: text('toegewezen_op'),
    /**
     * iJw's ToewijzingNummer (LDT_Nummer, at most 9 digits), unique per gemeente: taken from a
     * number block the central service issued to the laptop (docs/adr/0005-toewijzingnummer.md).
     */
    toewijzingNummer: integer('toewijzing_nummer'),
  },
  (t) => [
    index('toewijzingen_gezinslid_idx').on(t.gezinslidId),
    index('toewijzingen_actieplan_idx').on(t.actieplanId),
    index('toewijzingen_aanbieder_idx').on(t.aanbiederId),
    index('toewijzingen_periode_idx').on(t.startdatum, t.einddatum),
  ],
);

export const evaluaties = sqliteTable(
  'evaluaties',
  {
    ...syncColumns(),
    toewijzingId: text('toewijzing_id')
      .notNull()
      .references(() => toewijzingen.id),
    geplandOp: text('gepland_op').notNull(),
    uitgevoerdOp: text('uitgevoerd_op'),
    uitkomst: text('uitkomst', { enum: EVALUATIE_UITKOMSTEN.codes }),
    toelichting: text('toelichting'),
    /** The family's own mark (1-10) for the help at this evaluation; optional. */
    cijferGezin: integer('cijfer_gezin'),
    /** Held before its planned moment: an extra evaluation that leaves the planned ones be. */
    extra: integer('extra', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    index('evaluaties_toewijzing_idx').on(t.toewijzingId),
    index('evaluaties_gepland_idx').on(t.geplandOp),
  ],
);

/** Progress on one SMART goal at one evaluation: a score 1-5 with a line of text. */
export const doelScores = sqliteTable(
  'doel_scores',
  {
    ...syncColumns(),
    evaluatieId: text('evaluatie_id')
      .notNull()
      .references(() => evaluaties.id),
    doelId: text('doel_id')
      .notNull()
      .references(() => doelen.id),
    score: integer('score').notNull(),
    toelichting: text('toelichting'),
  },
  (t) => [
    index('doel_scores_evaluatie_idx').on(t.evaluatieId),
    index('doel_scores_doel_idx').on(t.doelId),
  ],
);

/**
 * Vier-ogen approval of a toewijzing (Acuut, out-of-home, "nee, tenzij" or above the team's
 * threshold): who asked, why, and who approved or rejected it with what reason.
 */
export const akkoorden = sqliteTable(
  'akkoorden',
  {
    ...syncColumns(),
    toewijzingId: text('toewijzing_id')
      .notNull()
      .references(() => toewijzingen.id),
    aangevraagdDoor: text('aangevraagd_door')
      .notNull()
      .references(() => professionals.id),
    aangevraagdOp: text('aangevraagd_op').notNull(),
    reden: text('reden').notNull(),
    beoordeeldDoor: text('beoordeeld_door').references(() => professionals.id),
    beoordeeldOp: text('beoordeeld_op'),
    besluit: text('besluit', { enum: ['akkoord', 'afgewezen'] }),
    toelichting: text('toelichting'),
  },
  (t) => [index('akkoorden_toewijzing_idx').on(t.toewijzingId)],
);

// ---------------------------------------------------------------- money

/** Gebiedsbudget per team per year; perceel null means the team's whole budget. */
export const teambudgetten = sqliteTable(
  'teambudgetten',
  {
    ...syncColumns(),
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id),
    jaar: integer('jaar').notNull(),
    perceel: text('perceel', { enum: PERCELEN.codes }),
    bedragCents: integer('bedrag_cents').notNull(),
  },
  (t) => [index('teambudgetten_team_jaar_idx').on(t.teamId, t.jaar)],
);

/** Every change of a team budget: who set what, when and why (issue 5: "changes logged"). */
export const budgetWijzigingen = sqliteTable(
  'budget_wijzigingen',
  {
    ...syncColumns(),
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id),
    jaar: integer('jaar').notNull(),
    perceel: text('perceel', { enum: PERCELEN.codes }),
    oudCents: integer('oud_cents'),
    nieuwCents: integer('nieuw_cents').notNull(),
    toelichting: text('toelichting').notNull(),
    door: text('door')
      .notNull()
      .references(() => professionals.id),
    op: text('op').notNull(),
  },
  (t) => [index('budget_wijzigingen_team_jaar_idx').on(t.teamId, t.jaar)],
);

export const sojImports = sqliteTable('soj_imports', {
  ...syncColumns(),
  /** Period the SOJ reports on, jjjj-mm. Importing a period again replaces it. */
  periode: text('periode').notNull().unique(),
  bestandsnaam: text('bestandsnaam').notNull(),
  ingelezenOp: text('ingelezen_op').notNull(),
  ingelezenDoor: text('ingelezen_door').references(() => professionals.id),
  aantalRegels: integer('aantal_regels').notNull(),
  /**
   * The teams this period's import held lines for, a JSON array of team ids (sorted). Only for
   * these teams the period counts as a month with SOJ data (README "Money rules", Forecast).
   */
  teamIds: text('team_ids').notNull().default('[]'),
});

/** One line of the monthly SOJ realisation (003_… 1.1.1, 1.2.2). */
export const sojRegels = sqliteTable(
  'soj_regels',
  {
    ...syncColumns(),
    importId: text('import_id')
      .notNull()
      .references(() => sojImports.id),
    periode: text('periode').notNull(),
    teamId: text('team_id').references(() => teams.id),
    /** The SOJ's client reference; matched to a gezinslid where possible. */
    clientRef: text('client_ref').notNull(),
    productcode: text('productcode').notNull(),
    perceel: text('perceel', { enum: PERCELEN.codes }).notNull(),
    aanbiederAgb: text('aanbieder_agb').notNull(),
    verwijzer: text('verwijzer', { enum: VERWIJZERS.codes }).notNull(),
    startdatum: text('startdatum').notNull(),
    einddatum: text('einddatum'),
    volume: integer('volume').notNull(),
    eenheid: text('eenheid', { enum: IJW_EENHEDEN.codes }).notNull(),
    tariefCents: integer('tarief_cents').notNull(),
    bedragCents: integer('bedrag_cents').notNull(),
    gezinslidId: text('gezinslid_id').references(() => gezinsleden.id),
    toewijzingId: text('toewijzing_id').references(() => toewijzingen.id),
  },
  (t) => {
    // Covering indexes for the dashboard's sums (region by period, team by team and period):
    // the encrypted pages of the table itself are then not read at all.
    const sums = [
      t.toewijzingId,
      t.gezinslidId,
      t.perceel,
      t.aanbiederAgb,
      t.verwijzer,
      t.bedragCents,
      t.deleted,
    ];
    return [
      index('soj_regels_periode_team_idx').on(t.periode, t.teamId, ...sums),
      index('soj_regels_team_periode_idx').on(t.teamId, t.periode, ...sums),
      index('soj_regels_toewijzing_idx').on(t.toewijzingId),
    ];
  },
);

/**
 * Colleagues who work with a family beside its regisseur (medewerkers): they, and the regisseur,
 * may change the dossier; the rest of the team reads it. Added by the regisseur (migration 0012).
 */
export const gezinMedewerkers = sqliteTable(
  'gezin_medewerkers',
  {
    ...syncColumns(),
    gezinId: text('gezin_id')
      .notNull()
      .references(() => gezinnen.id),
    professionalId: text('professional_id')
      .notNull()
      .references(() => professionals.id),
    sinds: text('sinds').notNull(),
  },
  (t) => [index('gezin_medewerkers_gezin_idx').on(t.gezinId, t.professionalId)],
);

/** A family handed to another regisseur of the same team, with the reason. */
export const overdrachten = sqliteTable(
  'overdrachten',
  {
    ...syncColumns(),
    gezinId: text('gezin_id')
      .notNull()
      .references(() => gezinnen.id),
    vanId: text('van_id')
      .notNull()
      .references(() => professionals.id),
    naarId: text('naar_id')
      .notNull()
      .references(() => professionals.id),
    reden: text('reden').notNull(),
    op: text('op').notNull(),
  },
  (t) => [index('overdrachten_gezin_idx').on(t.gezinId)],
);

// ---------------------------------------------------------------- field work

/**
 * A signature under a fixed version of the gezinsplan: the version it approves is stored with
 * it, so a later change of the plan shows it as not yet signed again.
 */
export const handtekeningen = sqliteTable(
  'handtekeningen',
  {
    ...syncColumns(),
    planId: text('plan_id')
      .notNull()
      .references(() => gezinsplannen.id),
    versie: integer('versie').notNull(),
    /** The signed version's row id (ADR 0003); null for signatures from before it was kept. */
    versieId: text('versie_id'),
    naam: text('naam').notNull(),
    rol: text('rol', { enum: ONDERTEKENAARS.codes }).notNull(),
    /** The pen strokes in a 600 x 200 box, as written by shared/handtekening.ts. */
    lijnen: text('lijnen').notNull(),
    getekendOp: text('getekend_op').notNull(),
  },
  (t) => [index('handtekeningen_plan_idx').on(t.planId, t.versie)],
);

/**
 * Text a colleague typed for this family that could no longer be stored where it was meant, because
 * the family had moved to this team (verhuizing) before it was synced. The central service writes
 * it here for the new regisseur, who reads it and marks it as handled (issue 21).
 */
export const doorgestuurdeTeksten = sqliteTable(
  'doorgestuurde_teksten',
  {
    ...syncColumns(),
    gezinId: text('gezin_id')
      .notNull()
      .references(() => gezinnen.id),
    /** Where it was typed, in words ("Afspraak: Wat"). */
    waar: text('waar').notNull(),
    tekst: text('tekst').notNull(),
    auteurId: text('auteur_id').references(() => professionals.id),
    geschrevenOp: text('geschreven_op').notNull(),
    afgehandeld: integer('afgehandeld', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('doorgestuurde_teksten_gezin_idx').on(t.gezinId)],
);

/** A visit note (gespreksverslag): who was there, what was said, which goals it touched. */
export const gespreksverslagen = sqliteTable(
  'gespreksverslagen',
  {
    ...syncColumns(),
    gezinId: text('gezin_id')
      .notNull()
      .references(() => gezinnen.id),
    datum: text('datum').notNull(),
    /** JSON array of names. */
    aanwezig: text('aanwezig').notNull().default('[]'),
    verslag: text('verslag').notNull(),
    /** JSON array of the ids of the doelen and afspraken the conversation was about. */
    koppelingen: text('koppelingen').notNull().default('[]'),
    auteurId: text('auteur_id').references(() => professionals.id),
  },
  (t) => [index('gespreksverslagen_gezin_idx').on(t.gezinId, t.datum)],
);

/** An earlier wording of a visit note, kept when the note is corrected (its history). */
export const gespreksverslagVersies = sqliteTable(
  'gespreksverslag_versies',
  {
    ...syncColumns(),
    verslagId: text('verslag_id')
      .notNull()
      .references(() => gespreksverslagen.id),
    datum: text('datum').notNull(),
    aanwezig: text('aanwezig').notNull().default('[]'),
    verslag: text('verslag').notNull(),
    koppelingen: text('koppelingen').notNull().default('[]'),
    /** Who wrote this wording, and when and by whom it was replaced. */
    auteurId: text('auteur_id').references(() => professionals.id),
    vervangenOp: text('vervangen_op').notNull(),
    vervangenDoor: text('vervangen_door').references(() => professionals.id),
  },
  (t) => [index('gespreksverslag_versies_verslag_idx').on(t.verslagId)],
);

/**
 * A correction of the record (a member, agreement, goal or visit note changed or removed) with
 * its reason: shown on the family's timeline, so the file says why it no longer reads as before.
 */
export const correcties = sqliteTable(
  'correcties',
  {
    ...syncColumns(),
    gezinId: text('gezin_id')
      .notNull()
      .references(() => gezinnen.id),
    op: text('op').notNull(),
    doorId: text('door_id').references(() => professionals.id),
    /** The synced table of the corrected row, and the row. */
    onderdeel: text('onderdeel').notNull(),
    rijId: text('rij_id').notNull(),
    soort: text('soort', { enum: ['gewijzigd', 'verwijderd'] }).notNull(),
    /** What changed, in words ("Geboortedatum van Sam: 01-02-2031 → 01-02-2021"). */
    omschrijving: text('omschrijving').notNull(),
    reden: text('reden').notNull(),
  },
  (t) => [index('correcties_gezin_idx').on(t.gezinId, t.op)],
);

/** The sociale kaart: voorliggende voorzieningen per gemeente, kept by a beheerder. */
export const socialeVoorzieningen = sqliteTable(
  'sociale_voorzieningen',
  {
    ...syncColumns(),
    gemeenteId: text('gemeente_id')
      .notNull()
      .references(() => gemeenten.id),
    naam: text('naam').notNull(),
    soort: text('soort', { enum: VOORZIENING_SOORTEN.codes }).notNull(),
    aanbod: text('aanbod').notNull(),
    contact: text('contact').notNull(),
    gratis: integer('gratis', { mode: 'boolean' }).notNull(),
    actief: integer('actief', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [index('sociale_voorzieningen_gemeente_idx').on(t.gemeenteId)],
);

/** A voorziening from the sociale kaart used in an actieplan's triage. */
export const ingezetteVoorzieningen = sqliteTable(
  'ingezette_voorzieningen',
  {
    ...syncColumns(),
    actieplanId: text('actieplan_id')
      .notNull()
      .references(() => actieplannen.id),
    voorzieningId: text('voorziening_id')
      .notNull()
      .references(() => socialeVoorzieningen.id),
    op: text('op').notNull(),
  },
  (t) => [index('ingezette_voorzieningen_actieplan_idx').on(t.actieplanId)],
);

/** A planned visit or meeting, for the agenda. */
export const bezoeken = sqliteTable(
  'bezoeken',
  {
    ...syncColumns(),
    gezinId: text('gezin_id')
      .notNull()
      .references(() => gezinnen.id),
    professionalId: text('professional_id')
      .notNull()
      .references(() => professionals.id),
    soort: text('soort', { enum: BEZOEK_SOORTEN.codes }).notNull(),
    /** Local date and time, jjjj-mm-ddTuu:mm. */
    op: text('op').notNull(),
    duurMinuten: integer('duur_minuten').notNull().default(60),
    onderwerp: text('onderwerp').notNull().default(''),
  },
  (t) => [
    index('bezoeken_gezin_idx').on(t.gezinId),
    index('bezoeken_professional_op_idx').on(t.professionalId, t.op),
  ],
);

// ---------------------------------------------------------------- audit and sync

/** Local settings of this laptop's profile (device id for the HLC, preferences). */
export const instellingen = sqliteTable('instellingen', {
  sleutel: text('sleutel').primaryKey(),
  waarde: text('waarde').notNull(),
});

/**
 * Drafts: text the professional typed that is not saved in its record yet (a plan field whose
 * autosave has not run or was refused, a visit note not yet saved), so a crash, a closed window
 * or the lock loses nothing, and no case text is left in the browser's storage. Local to this
 * laptop's profile and never synced; the key names a record and a field (ids only, built by the
 * screens, see `ConceptSleutel`), never case text. A draft is removed once its field is saved,
 * and goes with its family: triggers (migration 0018, which drizzle cannot declare) remove the
 * family's drafts when the family is deleted here (the sync removes a family that left the team
 * or was destroyed under the retention period), tombstoned or closed; core/concepten/concepten.ts
 * removes those of families the professional no longer works with.
 */
export const concepten = sqliteTable(
  'concepten',
  {
    sleutel: text('sleutel').primaryKey(),
    /** The family the record belongs to (no foreign key: the triggers remove its drafts first). */
    gezinId: text('gezin_id').notNull(),
    tekst: text('tekst').notNull(),
    /** When the draft was last written (ISO date-time). */
    bijgewerkt: text('bijgewerkt').notNull(),
  },
  (t) => [index('concepten_gezin_idx').on(t.gezinId)],
);

/**
 * NEN 7513 style access log: append-only and hash-chained (each line's hash covers the
 * previous line's hash), so a removed or altered line is detected.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull().unique(),
    at: text('at').notNull(),
    userId: text('user_id').notNull(),
    namensId: text('namens_id'),
    actie: text('actie', {
      enum: ['inzien', 'wijzigen', 'exporteren', 'printen', 'log_inzien'],
    }).notNull(),
    gezinId: text('gezin_id'),
    onderdeel: text('onderdeel').notNull(),
    reden: text('reden'),
    /** The laptop (device id) the line was written on. */
    apparaat: text('apparaat').notNull().default(''),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    /**
     * HMAC-SHA256 of `hash` under the log key the central service gave this device at sign-in;
     * null on lines written before the profile had one (core/audit/toegangslog.ts).
     */
    mac: text('mac'),
    /**
     * HMAC of `hash` under the forward-secure key of the line's own position, replaced as soon as
     * the line is written; the central service checks it (shared/audit/ratel.ts).
     */
    ratelMac: text('ratel_mac'),
  },
  (t) => [
    index('audit_log_gezin_idx').on(t.gezinId, t.at),
    index('audit_log_user_idx').on(t.userId, t.at),
  ],
);

/** Local changes waiting to be pushed, written in the same transaction as the change. */
export const outbox = sqliteTable(
  'outbox',
  {
    changeId: text('change_id').primaryKey(),
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    /** JSON object of the changed fields and their new values. */
    fields: text('fields').notNull(),
    hlc: text('hlc').notNull(),
    authorId: text('author_id'),
    /** Set when the central service refused this change for good (shown, never retried). */
    geweigerd: text('geweigerd'),
    createdAt: text('created_at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [index('outbox_hlc_idx').on(t.hlc)],
);

/** Pull cursor and checksum per sync scope (a team, or the reference data). */
export const syncState = sqliteTable('sync_state', {
  scope: text('scope').primaryKey(),
  cursor: integer('cursor').notNull().default(0),
  lastSyncAt: text('last_sync_at'),
  checksum: text('checksum'),
});

/**
 * The registers of every synced row's fields (shared/sync/register.ts): what the sync engine
 * merges, with the row's hash for the scope checksum and whether a free-text field is in
 * conflict. The table row itself holds the winning values; `registers` is null when the row is
 * exactly its one first write (core/sync/registers.ts reads them back from the row).
 * WITHOUT ROWID (migration 0010, which drizzle cannot declare): the primary key is the table, one
 * B-tree less to write per synced row, and the scope checksum reads the hashes in key order
 * (most rows hold no registers text, so that is as fast as the covering index it replaces).
 */
export const syncRegisters = sqliteTable(
  'sync_registers',
  {
    tabel: text('tabel').notNull(),
    rijId: text('rij_id').notNull(),
    registers: text('registers'),
    hash: text('hash').notNull(),
    conflict: integer('conflict', { mode: 'boolean' }).notNull().default(false),
    /**
     * Why the row could not be written into its table (quarantine): its registers are kept, so
     * the checksum still agrees with the service, and it is tried again after every pull.
     */
    quarantaine: text('quarantaine'),
  },
  (t) => [
    primaryKey({ columns: [t.tabel, t.rijId] }),
    index('sync_registers_quarantaine_idx')
      .on(t.quarantaine)
      .where(sql`quarantaine IS NOT NULL`),
    // Partial: only the few rows in conflict are indexed (the conflicts screen, the status bar).
    index('sync_registers_conflict_idx')
      .on(t.conflict)
      .where(sql`conflict = 1`),
  ],
);
