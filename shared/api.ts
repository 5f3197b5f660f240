/**
 * The API contract: the single source of truth for what the UI can ask (ARCHITECTURE.md
 * "One API, two hosts"). Each method has a zod input and output schema and the roles that
 * may call it; both hosts validate against it before the core runs.
 */
import { z } from 'zod';
import {
  Dashboard,
  DashboardFilter,
  Doorklik,
  SojImport,
  SojBevestigen,
  SojImportStatus,
  Tabel,
  Teambudget,
} from './api-budget';
import { Bestand, BestandExport, SOJ_BESTAND_MAX_BYTES, SojUpload } from './api-bestanden';
import { AanbiederCijfers } from './keuzehulp';
import { KluisInvoer, KluisStand } from './kluis';
import { ConflictOplossen, SyncOverzicht, SyncStatus, SyncVerbinden } from './api-sync';
import {
  BsnTonen,
  GezinInzage,
  InzageDocument,
  InzageReden,
  Toegangslog,
  ToegangslogVraag,
} from './api-toegangslog';
import { isValidBsn } from './bsn';
import { datum, id, tekst, verplicht } from './api-velden';
import {
  CorrectieReden,
  DoelScoreInvoer,
  DoelVoortgang,
  GezinGegevensInvoer,
  GezinslidVerwijderen,
  LidContactInvoer,
} from './api-dossier';
import {
  AgendaItem,
  AgendaVraag,
  BezoekPlannen,
  GesprekLijst,
  GesprekOpslaan,
  Gesprekken,
  Handtekening,
  IngezetteVoorziening,
  ONDERTEKENING,
  Ondertekenen,
  SocialeKaart,
  SocialeKaartZoeken,
  VerzoekLezen,
  VerzoekOmToewijzing,
  BerichtVerwerken,
  StartStopBericht,
  StartStopVerwerkt,
} from './api-veldwerk';
import {
  AANBIEDER_ROLLEN,
  ACTIEPLAN_STATUSSEN,
  AFSPRAAK_STATUSSEN,
  DOEL_RESULTATEN,
  EINDE_REDENEN,
  EVALUATIE_UITKOMSTEN,
  GEZIN_STATUSSEN,
  GEZINSLID_ROLLEN,
  IJW_EENHEDEN,
  IJW_FREQUENTIES,
  LEEFDOMEINEN,
  PERCELEN,
  PROBLEEMGEBIEDEN,
  ROLLEN,
  TOEWIJZING_STATUSSEN,
  TRIAGE_UITKOMSTEN,
  VERGRENDELEN,
  VERWIJZERS,
  ZORGPROFIEL_CATEGORIEEN,
  type Rol,
} from './domain';

z.config(z.locales.nl());

// ---------------------------------------------------------------- building blocks

const cents = z.number().int();
const bsn = z
  .string()
  .trim()
  .refine(isValidBsn, { message: 'Dit BSN klopt niet (9 cijfers en de elfproef)' });
const postcode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^\d{4} ?[A-Z]{2}$/, { message: 'Een postcode is vier cijfers en twee letters' })
  .transform((p) => `${p.slice(0, 4)} ${p.slice(-2)}`);

/** The longest draft kept: twice the longest text field (a visit note, 10,000). */
export const CONCEPT_MAX_TEKENS = 20_000;
/**
 * A draft's key, built by the screens from the kind of record, its id and the field (ids and
 * names only, so no case text fits): "gesprek:<gezinId>" (a new visit note),
 * "plan:<gezinsplanId>:<veld>" and "plan:<gezinsplanId>:<domein>:<veld>", "ap:<actieplanId>:<veld>".
 * The core finds the family from it: a draft goes with its family.
 */
export const ConceptSleutel = z
  .string()
  .regex(/^(gesprek|plan|ap):[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9_]{1,40}){0,2}$/, {
    message: 'Ongeldige sleutel voor een concept',
  });

// ---------------------------------------------------------------- shapes returned

export const Profiel = z.object({
  id,
  naam: z.string(),
  rol: z.enum(ROLLEN.codes),
  teamId: id.nullable(),
  teamNaam: z.string().nullable(),
  /** The team's auto-lock time (VERGRENDELEN.standaard for a beheerder without a team). */
  vergrendelMinuten: z.number().int(),
});
export type Profiel = z.infer<typeof Profiel>;

export const SIGNAAL_SOORTEN = [
  'evaluatie_te_laat',
  'toewijzing_eindigt',
  'geen_toestemming',
  'wordt_18',
  'akkoord_gevraagd',
  'tekst_doorgestuurd',
] as const;
export type SignaalSoort = (typeof SIGNAAL_SOORTEN)[number];

export const Signaal = z.object({
  soort: z.enum(SIGNAAL_SOORTEN),
  gezinId: id,
  gezinNaam: z.string(),
  tekst: z.string(),
  datum: z.string(),
});
export type Signaal = z.infer<typeof Signaal>;

/** Rows of the caseload in one answer at most. */
export const GEZINNEN_PAGINA_MAX = 500;
/** Windows of the caseload start at multiples of this many rows. */
export const GEZINNEN_VENSTER_STAP = 15;
/**
 * The rows the caseload screen asks for while `inBeeld` rows (those in view and their margin)
 * are shown: those and one step either side, so a scroll of up to a step needs no new window.
 */
export const gezinnenVenster = (inBeeld: number) =>
  Math.min(
    GEZINNEN_PAGINA_MAX,
    (Math.ceil(inBeeld / GEZINNEN_VENSTER_STAP) + 2) * GEZINNEN_VENSTER_STAP,
  );

export const GezinRegel = z.object({
  id,
  naam: z.string(),
  woonplaats: z.string(),
  status: z.enum(GEZIN_STATUSSEN.codes),
  regisseurNaam: z.string(),
  aangemeldOp: z.string(),
  jeugdigen: z.array(z.object({ voornaam: z.string(), geboortedatum: z.string() })),
  zorgprofielen: z.array(z.enum(ZORGPROFIEL_CATEGORIEEN.codes)),
  signalen: z.number().int(),
});
export type GezinRegel = z.infer<typeof GezinRegel>;

const Lid = z.object({
  id,
  rol: z.enum(GEZINSLID_ROLLEN.codes),
  voornaam: z.string(),
  achternaam: z.string(),
  geboortedatum: z.string(),
  leeftijd: z.number().int(),
  bsnGemaskeerd: z.string().nullable(),
  telefoon: z.string().nullable(),
  email: z.string().nullable(),
  gezag: z.boolean().nullable(),
  school: z.string().nullable(),
});

const Netwerklid = z.object({
  id,
  naam: z.string(),
  relatie: z.string(),
  telefoon: z.string().nullable(),
  rolInPlan: z.string().nullable(),
});

export const EVALUATIE_STANDEN = ['gepland', 'binnenkort', 'te_laat', 'uitgevoerd'] as const;
const Evaluatie = z.object({
  id,
  geplandOp: z.string(),
  uitgevoerdOp: z.string().nullable(),
  uitkomst: z.enum(EVALUATIE_UITKOMSTEN.codes).nullable(),
  toelichting: z.string().nullable(),
  stand: z.enum(EVALUATIE_STANDEN),
  /** The family's own mark (1-10) for the help; held early beside the planned moments. */
  cijferGezin: z.number().int().nullable(),
  extra: z.boolean(),
});

const Akkoord = z.object({
  id,
  reden: z.string(),
  aangevraagdDoorNaam: z.string(),
  aangevraagdOp: z.string(),
  besluit: z.enum(['akkoord', 'afgewezen']).nullable(),
  beoordeeldDoorNaam: z.string().nullable(),
  toelichting: z.string().nullable(),
});

const Toewijzing = z.object({
  id,
  gezinslidId: id,
  aanbiederNaam: z.string(),
  productcode: z.string(),
  productOmschrijving: z.string(),
  volume: z.number().int(),
  eenheid: z.enum(IJW_EENHEDEN.codes),
  frequentie: z.enum(IJW_FREQUENTIES.codes),
  tariefCents: cents,
  startdatum: z.string(),
  einddatum: z.string(),
  werkelijkeStart: z.string().nullable(),
  wachttijdDagen: z.number().int().nullable(),
  status: z.enum(TOEWIJZING_STATUSSEN.codes),
  rol: z.enum(AANBIEDER_ROLLEN.codes),
  beschikkingsvrij: z.boolean(),
  neeTenzij: z.boolean(),
  beeindigdOp: z.string().nullable(),
  eindeReden: z.enum(EINDE_REDENEN.codes).nullable(),
  totaalCents: cents,
  evaluaties: z.array(Evaluatie),
  akkoord: Akkoord.nullable(),
});
export type Toewijzing = z.infer<typeof Toewijzing>;

const Doel = z.object({
  id,
  omschrijving: z.string(),
  meetbaar: z.string(),
  uiterlijk: z.string(),
  resultaat: z.enum(DOEL_RESULTATEN.codes),
  /** Its score at each evaluation, oldest first. */
  voortgang: z.array(DoelVoortgang),
});

const Zorgprofiel = z.object({
  id,
  categorie: z.enum(ZORGPROFIEL_CATEGORIEEN.codes),
  probleemgebieden: z.array(z.enum(PROBLEEMGEBIEDEN.codes)),
  vastgesteldOp: z.string(),
});

export const Actieplan = z.object({
  id,
  jeugdigeId: id,
  jeugdigeNaam: z.string(),
  hulpvraag: z.string(),
  problemen: z.string(),
  verwijzer: z.enum(VERWIJZERS.codes),
  eigenKracht: z.string().nullable(),
  netwerk: z.string().nullable(),
  voorliggend: z.string().nullable(),
  triageUitkomst: z.enum(TRIAGE_UITKOMSTEN.codes).nullable(),
  jeugdhulpNodig: z.boolean(),
  status: z.enum(ACTIEPLAN_STATUSSEN.codes),
  geopendOp: z.string(),
  afgerondOp: z.string().nullable(),
  doelen: z.array(Doel),
  zorgprofiel: Zorgprofiel.nullable(),
  toewijzingen: z.array(Toewijzing),
  /** Voorliggende voorzieningen from the sociale kaart used in the triage. */
  voorzieningen: z.array(IngezetteVoorziening),
});
export type Actieplan = z.infer<typeof Actieplan>;

const Gebeurtenis = z.object({ datum: z.string(), soort: z.string(), tekst: z.string() });

export const Dossier = z.object({
  gezin: z.object({
    id,
    naam: z.string(),
    adres: z.string(),
    postcode: z.string(),
    woonplaats: z.string(),
    status: z.enum(GEZIN_STATUSSEN.codes),
    aangemeldOp: z.string(),
    afgeslotenOp: z.string().nullable(),
    oordeelGezin: z.string().nullable(),
    oordeelCijfer: z.number().int().nullable(),
    /** What a professional looks up before a visit. */
    huisarts: z.string().nullable(),
    gezagToelichting: z.string().nullable(),
    tolkNodig: z.boolean(),
    tolkTaal: z.string().nullable(),
    regisseurId: id,
    regisseurNaam: z.string(),
    /** Colleagues who work with the family beside the regisseur. */
    medewerkers: z.array(z.object({ id, naam: z.string() })),
    /** The caller is the regisseur or a medewerker (a teamcoach: never; they only read). */
    magWijzigen: z.boolean(),
  }),
  leden: z.array(Lid),
  netwerk: z.array(Netwerklid),
  actieplannen: z.array(Actieplan),
  tijdlijn: z.array(Gebeurtenis),
  signalen: z.array(Signaal),
});
export type Dossier = z.infer<typeof Dossier>;

export const PlanInhoud = z.object({
  eigenWoorden: z.string(),
  toekomstplan: z.string().nullable(),
  domeinen: z.array(
    z.object({ domein: z.enum(LEEFDOMEINEN.codes), situatie: z.string(), doel: z.string() }),
  ),
  afspraken: z.array(
    z.object({
      wat: z.string(),
      wie: z.string(),
      uiterlijk: z.string().nullable(),
      status: z.enum(AFSPRAAK_STATUSSEN.codes),
    }),
  ),
});
export type PlanInhoud = z.infer<typeof PlanInhoud>;

export const Gezinsplan = z.object({
  id,
  gezinId: id,
  inhoud: PlanInhoud,
  afspraakIds: z.array(id),
  toekomstplanNodig: z.boolean(),
  versie: z.number().int(),
  gewijzigdSindsVersie: z.boolean(),
  toestemming: z.object({ versie: z.number().int(), op: z.string(), door: z.string() }).nullable(),
  versies: z.array(
    z.object({ versie: z.number().int(), vastgesteldOp: z.string(), inhoud: PlanInhoud }),
  ),
  handtekeningen: z.array(Handtekening),
  ondertekening: z.enum(ONDERTEKENING),
});
export type Gezinsplan = z.infer<typeof Gezinsplan>;

const Product = z.object({
  id,
  productcode: z.string(),
  omschrijving: z.string(),
  perceel: z.enum(PERCELEN.codes),
  eenheid: z.enum(IJW_EENHEDEN.codes),
  frequentie: z.enum(IJW_FREQUENTIES.codes),
  tariefCents: cents,
  beschikkingsvrij: z.boolean(),
  verblijf: z.boolean(),
});
export type Product = z.infer<typeof Product>;

export const AanbiederKeuze = z.object({
  id,
  naam: z.string(),
  plaats: z.string(),
  clientenstop: z.boolean(),
  plafondCents: cents,
  benutCents: cents,
  plafondBereikt: z.boolean(),
  producten: z.array(Product),
  /** What was measured of this aanbieder (the keuzehulp, shared/keuzehulp.ts). */
  cijfers: AanbiederCijfers,
});
export type AanbiederKeuze = z.infer<typeof AanbiederKeuze>;

/**
 * A budget before and after the proposed toewijzing, on the dashboard's basis (README "Money
 * rules"): remaining = budget − forecast; the forecast is the SOJ's amounts for the months it sent
 * data for and the committed cents of every other month. Null amounts: no budget set.
 */
const BudgetNa = z.object({
  budgetCents: cents.nullable(),
  prognoseCents: cents,
  prognoseNaCents: cents,
  naDezeCents: cents.nullable(),
});

export const Voorstel = z.object({
  totaalCents: cents,
  /** What this toewijzing adds to this year's forecast: its cents in months without SOJ data. */
  ditJaarCents: cents,
  budget: BudgetNa.extend({
    jaar: z.number().int(),
    /** The last month with SOJ data (jjjj-mm), null when none yet this year. */
    laatstePeriode: z.string().nullable(),
    /** How many months of the year the forecast counts as committed (no SOJ data). */
    maandenZonderSoj: z.number().int(),
    /** The budget of the product's perceel, when the team has one. */
    perceel: BudgetNa.extend({ perceel: z.string() }).nullable(),
  }),
  vierOgen: z.object({
    nodig: z.boolean(),
    redenen: z.array(z.string()),
    /** The forecast goes over a budget: the teamcoach approves, not a colleague. */
    alleenTeamcoach: z.boolean(),
    /**
     * The calendar years the toewijzing runs in whose forecast (team's or perceel's) it takes
     * over the budget set for that year; empty when none.
     */
    bovenBudgetJaren: z.array(z.number().int()),
  }),
  neeTenzijNodig: z.boolean(),
  beschikkingsvrij: z.boolean(),
});
export type Voorstel = z.infer<typeof Voorstel>;

const AkkoordVerzoek = z.object({
  id,
  toewijzingId: id,
  gezinId: id,
  gezinNaam: z.string(),
  omschrijving: z.string(),
  totaalCents: cents,
  reden: z.string(),
  aangevraagdDoorNaam: z.string(),
  aangevraagdOp: z.string(),
});

const Collega = z.object({ id, naam: z.string(), rol: z.enum(ROLLEN.codes) });

const Ok = z.object({ id });

// ---------------------------------------------------------------- inputs used twice

const LidInvoer = z
  .object({
    rol: z.enum(GEZINSLID_ROLLEN.codes),
    voornaam: verplicht(100),
    achternaam: verplicht(100),
    geboortedatum: datum,
    bsn: bsn.optional(),
  })
  .strict();

const ToewijzingInvoer = z
  .object({
    actieplanId: id,
    aanbiederId: id,
    productId: id,
    volume: z.number().int().min(1, { message: 'Minimaal 1' }).max(10_000),
    startdatum: datum,
    einddatum: datum,
  })
  .strict()
  .refine((t) => t.einddatum >= t.startdatum, {
    message: 'De einddatum ligt voor de startdatum',
    path: ['einddatum'],
  });

// ---------------------------------------------------------------- the methods

interface MethodSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  /**
   * Roles allowed to call it; null means also without a person (the lock, the profile's one
   * choice of who it belongs to, connecting).
   */
  roles: readonly Rol[] | null;
  /** The largest request a host accepts for it (JSON, base64 files included); 1 MB otherwise. */
  maxBytes?: number;
}

function method<I extends z.ZodType, O extends z.ZodType>(
  spec: MethodSpec<I, O>,
): MethodSpec<I, O> {
  return spec;
}

const team = ['jeugdprofessional', 'teamcoach'] as const;
const professional = ['jeugdprofessional'] as const;
/** Budget figures: the teamcoach for the own team, the beheerder for any team and the region. */
const budget = ['teamcoach', 'beheerder'] as const;
/** The access log: the teamcoach for the own team, the beheerder (privacy officer) for all. */
const toezicht = ['teamcoach', 'beheerder'] as const;
const iedereen = ['jeugdprofessional', 'teamcoach', 'beheerder'] as const;

/** The lock's methods: the host answers them itself (there is no core while locked). */
const kluisMethode = <I extends z.ZodType>(input: I) =>
  method({ input, output: KluisStand, roles: null });

export const API = {
  'kluis.staat': kluisMethode(KluisInvoer.staat),
  'kluis.instellen': kluisMethode(KluisInvoer.instellen),
  'kluis.ontgrendelen': kluisMethode(KluisInvoer.ontgrendelen),
  'kluis.aanmelden': kluisMethode(KluisInvoer.aanmelden),
  'kluis.wijzigen': kluisMethode(KluisInvoer.wijzigen),
  'kluis.vergrendelen': kluisMethode(KluisInvoer.vergrendelen),
  'kluis.actief': kluisMethode(KluisInvoer.actief),
  /** Who this session is: the account the laptop is connected with, or the demo's one choice. */
  'sessie.wie': method({ input: z.object({}).strict(), output: Profiel.nullable(), roles: null }),
  /**
   * A demo profile (never connected) is given its professional once, right after it is made;
   * after that, and on a connected laptop, it is refused: another person makes a profile.
   */
  'sessie.kiezen': method({
    input: z.object({ professionalId: id }).strict(),
    output: Profiel,
    roles: null,
  }),
  /** Asynchronous (PDF and XLSX are built off the transaction). */
  'bestand.exporteren': method({ input: BestandExport, output: Bestand, roles: iedereen }),
  /** Starts a monthly SOJ import in the background; poll `soj.importStatus` for progress. */
  'soj.importeren': method({
    input: SojUpload,
    output: SojImportStatus,
    roles: budget,
    maxBytes: Math.ceil(SOJ_BESTAND_MAX_BYTES / 3) * 4 + 64 * 1024,
  }),
  'sync.status': method({ input: z.object({}).strict(), output: SyncStatus, roles: null }),
  /** Asynchronous (network): the hosts run it through `callAsync`. */
  'sync.verbinden': method({ input: SyncVerbinden, output: SyncStatus, roles: null }),
  /** Asynchronous (network); sync errors come back in the status, not as an error. */
  'sync.nu': method({
    input: z.object({ bevestigMassa: z.boolean().optional() }).strict(),
    output: SyncStatus,
    roles: null,
  }),
  'sync.overzicht': method({ input: z.object({}).strict(), output: SyncOverzicht, roles: team }),
  'sync.oplossen': method({ input: ConflictOplossen, output: SyncOverzicht, roles: team }),
  'profielen.lijst': method({
    input: z.object({}).strict(),
    output: z.array(Profiel),
    roles: null,
  }),
  'team.collegas': method({ input: z.object({}).strict(), output: z.array(Collega), roles: team }),
  /** Per team, like all reference data, so only the beheerder sets it. */
  'team.vergrendeling': method({
    input: z
      .object({
        teamId: id,
        minuten: z
          .number({ message: 'Vul een aantal minuten in' })
          .int({ message: 'Vul een heel aantal minuten in' })
          .min(VERGRENDELEN.min, { message: `Minstens ${VERGRENDELEN.min} minuut` })
          .max(VERGRENDELEN.max, { message: `Hooguit ${VERGRENDELEN.max} minuten` }),
      })
      .strict(),
    output: Ok,
    roles: ['beheerder'] as const,
  }),
  'gezinnen.lijst': method({
    input: z
      .object({
        /** Name, date of birth (dd-mm-jjjj) or BSN. */
        zoek: z.string().trim().max(100).optional(),
        status: z.enum(GEZIN_STATUSSEN.codes).optional(),
        zorgprofiel: z.enum(ZORGPROFIEL_CATEGORIEEN.codes).optional(),
        evaluatieNodig: z.boolean().optional(),
        alleenEigen: z.boolean().optional(),
        /** A window of the list (the screen shows only the rows in view): first row, count. */
        vanaf: z.number().int().min(0).optional(),
        aantal: z.number().int().min(1).max(GEZINNEN_PAGINA_MAX).optional(),
      })
      .strict(),
    output: z.object({
      gezinnen: z.array(GezinRegel),
      /** Index of the first row of `gezinnen` in the whole list. */
      vanaf: z.number().int(),
      totaal: z.number().int(),
      perStatus: z.record(z.enum(GEZIN_STATUSSEN.codes), z.number().int()),
    }),
    roles: team,
  }),
  'gezin.aanmaken': method({
    input: z
      .object({
        naam: verplicht(120),
        adres: verplicht(200),
        postcode,
        woonplaats: verplicht(100),
        leden: z.array(LidInvoer).min(1, { message: 'Voeg minstens één gezinslid toe' }).max(20),
      })
      .strict(),
    output: Ok,
    roles: professional,
  }),
  'gezin.dossier': method({
    input: z.object({ gezinId: id }).strict(),
    output: Dossier,
    roles: team,
  }),
  /** Shows one member's full BSN; written to the access log. */
  'gezinslid.bsnTonen': method({
    input: BsnTonen,
    output: z.object({ bsn: z.string() }),
    roles: team,
  }),
  /** AVG inzage: everything about one family as one document; logged as an export. */
  'gezin.inzage': method({ input: GezinInzage, output: InzageDocument, roles: team }),
  /** A teamcoach states why before reading a dossier; valid for 30 minutes, logged. */
  'inzage.reden': method({ input: InzageReden, output: Ok, roles: ['teamcoach'] as const }),
  'toegangslog.lijst': method({ input: ToegangslogVraag, output: Toegangslog, roles: toezicht }),
  /** Adds a member, or corrects one: a changed name, role, birth date or BSN needs a reason. */
  'gezinslid.opslaan': method({
    input: LidInvoer.extend({
      gezinId: id,
      id: id.optional(),
      ...LidContactInvoer,
      reden: CorrectieReden.optional(),
    }).strict(),
    output: Ok,
    roles: professional,
  }),
  /** Removes a member entered by mistake, with the reason (timeline and access log). */
  'gezinslid.verwijderen': method({ input: GezinslidVerwijderen, output: Ok, roles: professional }),
  /** Huisarts, gezag and interpreter: the facts looked up before a visit. */
  'gezin.gegevens': method({ input: GezinGegevensInvoer, output: Ok, roles: professional }),
  'netwerklid.opslaan': method({
    input: z
      .object({
        gezinId: id,
        id: id.optional(),
        naam: verplicht(120),
        relatie: verplicht(80),
        telefoon: tekst(30).optional(),
        rolInPlan: tekst(300).optional(),
      })
      .strict(),
    output: Ok,
    roles: professional,
  }),
  'netwerklid.verwijderen': method({
    input: z.object({ id }).strict(),
    output: Ok,
    roles: professional,
  }),
  'gezinsplan.ophalen': method({
    input: z.object({ gezinId: id }).strict(),
    output: Gezinsplan,
    roles: team,
  }),
  'gezinsplan.opslaan': method({
    input: z
      .object({
        gezinId: id,
        eigenWoorden: tekst(5_000).optional(),
        toekomstplan: tekst(5_000).optional(),
        domeinen: z
          .array(
            z
              .object({
                domein: z.enum(LEEFDOMEINEN.codes),
                situatie: tekst(2_000),
                doel: tekst(2_000),
              })
              .strict(),
          )
          .max(LEEFDOMEINEN.codes.length)
          .optional(),
      })
      .strict(),
    output: Ok,
    roles: professional,
  }),
  'afspraak.opslaan': method({
    input: z
      .object({
        gezinId: id,
        id: id.optional(),
        wat: verplicht(500),
        wie: verplicht(120),
        uiterlijk: datum.optional(),
        status: z.enum(AFSPRAAK_STATUSSEN.codes).optional(),
      })
      .strict(),
    output: Ok,
    roles: professional,
  }),
  'afspraak.verwijderen': method({
    input: z.object({ id }).strict(),
    output: Ok,
    roles: professional,
  }),
  'gezinsplan.vastleggen': method({
    input: z.object({ gezinId: id }).strict(),
    output: z.object({ versie: z.number().int() }),
    roles: professional,
  }),
  'gezinsplan.toestemming': method({
    input: z.object({ gezinId: id, door: verplicht(200) }).strict(),
    output: z.object({ versie: z.number().int() }),
    roles: professional,
  }),
  /** A family member signs the last fixed version on the screen; signing is consent. */
  'gezinsplan.ondertekenen': method({
    input: Ondertekenen,
    output: z.object({ versie: z.number().int() }),
    roles: professional,
  }),
  'gesprek.opslaan': method({ input: GesprekOpslaan, output: Ok, roles: professional }),
  'gesprek.lijst': method({ input: GesprekLijst, output: Gesprekken, roles: team }),
  /**
   * The professional's own unsaved text (a draft), kept in the profile's encrypted store instead
   * of the browser's; local, never synced. Written by the screens where text is typed, so the
   * role of those fields: only a jeugdprofessional types case text. Only for a record of a family
   * the professional may change; a draft of any other family is removed and reads as none.
   */
  'concept.lezen': method({
    input: z.object({ sleutel: ConceptSleutel }).strict(),
    output: z.object({ tekst: z.string().nullable() }),
    roles: professional,
  }),
  /** Keeps the draft under `sleutel`; an empty `tekst` removes it (the field was saved). */
  'concept.bewaren': method({
    input: z
      .object({
        sleutel: ConceptSleutel,
        tekst: z
          .string()
          .max(CONCEPT_MAX_TEKENS, { message: `Maximaal ${CONCEPT_MAX_TEKENS} tekens` }),
      })
      .strict(),
    output: z.object({}),
    roles: professional,
  }),
  'socialeKaart.zoeken': method({ input: SocialeKaartZoeken, output: SocialeKaart, roles: team }),
  'actieplan.voorzieningInzetten': method({
    input: z.object({ actieplanId: id, voorzieningId: id }).strict(),
    output: Ok,
    roles: professional,
  }),
  'actieplan.voorzieningWeghalen': method({
    input: z.object({ id }).strict(),
    output: Ok,
    roles: professional,
  }),
  /** Planned visits, evaluation dates, end dates of toewijzingen and agreements due. */
  'agenda.lijst': method({
    input: AgendaVraag,
    output: z.object({ items: z.array(AgendaItem) }),
    roles: team,
  }),
  'bezoek.plannen': method({ input: BezoekPlannen, output: Ok, roles: professional }),
  'bezoek.verwijderen': method({
    input: z.object({ id }).strict(),
    output: Ok,
    roles: professional,
  }),
  /** The toewijzing as an iJw 3.2 JW301 message for the provider; logged as an export. */
  'toewijzing.jw301': method({
    input: z.object({ id }).strict(),
    output: z.object({ bestandsnaam: z.string(), xml: z.string() }),
    roles: team,
  }),
  /** Reads an iJw JW315 verzoek om toewijzing and finds the youth it is about. */
  'ijw.verzoekLezen': method({ input: VerzoekLezen, output: VerzoekOmToewijzing, roles: team }),
  /**
   * Reads a provider's JW305 (start) or JW307 (stop), checked against its XSD, and shows the
   * toewijzing it is about and what would be recorded. Nothing is written.
   */
  'ijw.berichtLezen': method({ input: VerzoekLezen, output: StartStopBericht, roles: team }),
  /**
   * Records a JW305's start or a JW307's end on the matching toewijzing, with the rules of
   * `toewijzing.startVastleggen` and `toewijzing.stoppen`: all of the message, or nothing.
   */
  'ijw.berichtVerwerken': method({
    input: BerichtVerwerken,
    output: StartStopVerwerkt,
    roles: professional,
  }),
  'actieplan.aanmaken': method({
    input: z
      .object({
        gezinId: id,
        jeugdigeId: id,
        hulpvraag: verplicht(2_000),
        problemen: tekst(2_000).optional(),
        verwijzer: z.enum(VERWIJZERS.codes),
      })
      .strict(),
    output: Ok,
    roles: professional,
  }),
  'actieplan.opslaan': method({
    input: z
      .object({
        id,
        hulpvraag: verplicht(2_000).optional(),
        problemen: tekst(2_000).optional(),
        eigenKracht: tekst(2_000).optional(),
        netwerk: tekst(2_000).optional(),
        voorliggend: tekst(2_000).optional(),
        verwijzer: z.enum(VERWIJZERS.codes).optional(),
      })
      .strict(),
    output: Ok,
    roles: professional,
  }),
  'actieplan.triage': method({
    input: z.object({ id, uitkomst: z.enum(TRIAGE_UITKOMSTEN.codes) }).strict(),
    output: Ok,
    roles: professional,
  }),
  'doel.opslaan': method({
    input: z
      .object({
        actieplanId: id,
        id: id.optional(),
        omschrijving: verplicht(500),
        meetbaar: verplicht(500),
        uiterlijk: datum,
        /** Why a goal is corrected (on the timeline). */
        reden: CorrectieReden.optional(),
      })
      .strict(),
    output: Ok,
    roles: professional,
  }),
  'zorgprofiel.vaststellen': method({
    input: z
      .object({
        actieplanId: id,
        categorie: z.enum(ZORGPROFIEL_CATEGORIEEN.codes),
        probleemgebieden: z
          .array(z.enum(PROBLEEMGEBIEDEN.codes))
          .min(1, { message: 'Kies minstens één probleemgebied' }),
      })
      .strict(),
    output: Ok,
    roles: professional,
  }),
  'aanbieders.voorProfiel': method({
    input: z.object({ actieplanId: id }).strict(),
    output: z.array(AanbiederKeuze),
    roles: team,
  }),
  'toewijzing.voorstel': method({ input: ToewijzingInvoer, output: Voorstel, roles: professional }),
  'toewijzing.aanmaken': method({
    input: z
      .object({
        toewijzing: ToewijzingInvoer,
        /** Why this provider despite its cliëntenstop ("nee, tenzij"). */
        neeTenzijReden: tekst(1_000).optional(),
        /** Why this help, for the colleague who approves (vier ogen). */
        vierOgenReden: tekst(1_000).optional(),
      })
      .strict(),
    output: z.object({ id, status: z.enum(TOEWIJZING_STATUSSEN.codes) }),
    roles: professional,
  }),
  'akkoorden.wachtrij': method({
    input: z.object({}).strict(),
    output: z.array(AkkoordVerzoek),
    roles: team,
  }),
  'akkoord.besluiten': method({
    input: z
      .object({ id, besluit: z.enum(['akkoord', 'afgewezen']), toelichting: verplicht(1_000) })
      .strict(),
    output: Ok,
    roles: team,
  }),
  'toewijzing.startVastleggen': method({
    input: z.object({ id, datum }).strict(),
    output: Ok,
    roles: professional,
  }),
  'evaluatie.vastleggen': method({
    input: z
      .object({
        id,
        uitgevoerdOp: datum,
        uitkomst: z.enum(EVALUATIE_UITKOMSTEN.codes),
        toelichting: verplicht(2_000),
        /** New volume per frequentie when scaling up or down. */
        nieuwVolume: z.number().int().min(1).max(10_000).optional(),
        /**
         * Why more help, for whoever approves, when opschalen needs a vier-ogenakkoord (e.g. the
         * forecast goes over the budget): the new toewijzing then waits for it.
         */
        vierOgenReden: tekst(1_000).optional(),
        /** The family's own mark for the help (1-10). */
        cijferGezin: z.number().int().min(1).max(10).optional(),
        /** Progress per SMART goal of the action plan (1-5 with a line of text). */
        doelScores: z.array(DoelScoreInvoer).max(50).optional(),
      })
      .strict(),
    output: Ok,
    roles: professional,
  }),
  'toewijzing.stoppen': method({
    input: z.object({ id, datum, reden: z.enum(EINDE_REDENEN.codes) }).strict(),
    output: Ok,
    roles: professional,
  }),
  'gezin.afsluiten': method({
    input: z
      .object({
        gezinId: id,
        datum,
        doelen: z.array(
          z.object({ id, resultaat: z.enum(['behaald', 'deels', 'niet_behaald']) }).strict(),
        ),
        oordeelGezin: verplicht(2_000),
        oordeelCijfer: z.number().int().min(1).max(10),
      })
      .strict(),
    output: Ok,
    roles: professional,
  }),
  /** The regisseur adds or removes a colleague who works with the family. */
  'gezin.medewerker': method({
    input: z
      .object({ gezinId: id, professionalId: id, actie: z.enum(['toevoegen', 'verwijderen']) })
      .strict(),
    output: Ok,
    roles: professional,
  }),
  'gezin.overdragen': method({
    input: z.object({ gezinId: id, naarId: id, reden: verplicht(1_000) }).strict(),
    output: Ok,
    roles: professional,
  }),
  'taken.lijst': method({
    input: z.object({}).strict(),
    output: z.object({
      signalen: z.array(Signaal),
      perSoort: z.record(z.enum(SIGNAAL_SOORTEN), z.number().int()),
    }),
    roles: team,
  }),
  'budget.dashboard': method({ input: DashboardFilter, output: Dashboard, roles: budget }),
  'budget.regels': method({
    input: z.object({ filter: DashboardFilter, doorklik: Doorklik }).strict(),
    output: Tabel,
    roles: budget,
  }),
  'budget.overzicht': method({
    input: z.object({ jaar: z.number().int().min(2015).max(2100) }).strict(),
    output: z.object({
      budgetten: z.array(Teambudget.omit({ gewijzigdDoor: true, gewijzigdOp: true })),
      wijzigingen: z.array(
        z.object({
          id,
          teamNaam: z.string(),
          jaar: z.number().int(),
          perceel: z.enum(PERCELEN.codes).nullable(),
          oudCents: cents.nullable(),
          nieuwCents: cents,
          toelichting: z.string(),
          door: z.string(),
          op: z.string(),
        }),
      ),
      teams: z.array(z.object({ id, naam: z.string(), vergrendelMinuten: z.number().int() })),
    }),
    roles: budget,
  }),
  'budget.vaststellen': method({
    input: z
      .object({
        teamId: id,
        jaar: z.number().int().min(2015).max(2100),
        perceel: z.enum(PERCELEN.codes).nullable(),
        bedragCents: cents
          .min(0, { message: 'Een budget is 0 of meer' })
          .max(100_000_000_000, { message: 'Dit bedrag is onwaarschijnlijk hoog' }),
        toelichting: verplicht(500),
      })
      .strict(),
    output: Ok,
    roles: budget,
  }),
  'soj.imports': method({
    input: z.object({}).strict(),
    output: z.array(SojImport),
    roles: budget,
  }),
  'soj.importStatus': method({
    input: z.object({ jobId: id }).strict(),
    output: SojImportStatus,
    roles: budget,
  }),
  /**
   * Confirms the preview of an import (phase `voorbeeld`) and writes it in the background: per
   * team and period, teams not in the file untouched. Refused when the figures changed since.
   */
  'soj.bevestigen': method({
    input: SojBevestigen,
    output: SojImportStatus,
    roles: budget,
  }),
  'kosten.mijn': method({
    input: z.object({}).strict(),
    output: z.object({
      jaar: z.number().int(),
      gezinnen: z.array(
        z.object({
          gezinId: id,
          naam: z.string(),
          status: z.enum(GEZIN_STATUSSEN.codes),
          toewijzingen: z.number().int(),
          gecommitteerdCents: cents,
          gerealiseerdCents: cents,
          volgendeEvaluatie: z.string().nullable(),
          evaluatieTeLaat: z.boolean(),
        }),
      ),
      eigen: z.object({
        gezinnenMetHulp: z.number().int(),
        gecommitteerdCents: cents,
        gemiddeldPerGezinCents: cents,
      }),
      team: z.object({
        gezinnenMetHulp: z.number().int(),
        gecommitteerdCents: cents,
        gemiddeldPerGezinCents: cents,
      }),
    }),
    roles: team,
  }),
} as const;

export type ApiMethod = keyof typeof API;
export type ApiInput<M extends ApiMethod> = z.output<(typeof API)[M]['input']>;
export type ApiRequest<M extends ApiMethod> = z.input<(typeof API)[M]['input']>;
export type ApiOutput<M extends ApiMethod> = z.output<(typeof API)[M]['output']>;

export const API_ERROR_CODES = [
  'ongeldige-invoer',
  'niet-aangemeld',
  'geen-toegang',
  'niet-gevonden',
  'conflict',
  /** A teamcoach must first give a reason to read this dossier (`inzage.reden`). */
  'reden-nodig',
  /** The profile is locked: unlock it with the passphrase first. */
  'vergrendeld',
  /** Too many tries: wait `wachtMs` before the next one. */
  'even-wachten',
  'interne-fout',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiErrorBody {
  code: ApiErrorCode;
  /** Dutch, for the user. */
  message: string;
  /** The input field the message is about, when there is one. */
  field?: string;
  /** With `even-wachten`: how long before the next try is taken. */
  wachtMs?: number;
}

export type ApiResult<M extends ApiMethod> =
  { ok: true; data: ApiOutput<M> } | { ok: false; error: ApiErrorBody };

export function isApiMethod(name: string): name is ApiMethod {
  return Object.hasOwn(API, name);
}
