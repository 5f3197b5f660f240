/** Toewijzingen: the providers for a zorgprofiel, the proposal with its budget, start, evaluation and stop. */
import { z } from 'zod';
import {
  AANBIEDER_ROLLEN,
  EINDE_REDENEN,
  EVALUATIE_UITKOMSTEN,
  IJW_EENHEDEN,
  IJW_FREQUENTIES,
  PERCELEN,
  TOEWIJZING_STATUSSEN,
} from '../domain';
import { AanbiederCijfers } from '../keuzehulp';
import { DoelScoreInvoer } from './doel-scores';
import { lezen, professional, schrijven, team } from './method';
import { cents, datum, id, Ok, tekst, verplicht } from './velden';

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

export const Toewijzing = z.object({
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

export const toewijzingMethods = {
  'aanbieders.voorProfiel': lezen({
    input: z.object({ actieplanId: id }).strict(),
    output: z.array(AanbiederKeuze),
    roles: team,
  }),
  'toewijzing.voorstel': lezen({ input: ToewijzingInvoer, output: Voorstel, roles: professional }),
  'toewijzing.aanmaken': schrijven({
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
  'toewijzing.startVastleggen': schrijven({
    input: z.object({ id, datum }).strict(),
    output: Ok,
    roles: professional,
  }),
  'evaluatie.vastleggen': schrijven({
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
  'toewijzing.stoppen': schrijven({
    input: z.object({ id, datum, reden: z.enum(EINDE_REDENEN.codes) }).strict(),
    output: Ok,
    roles: professional,
  }),
} as const;
