/** Budget figures: the dashboard, the rows behind a figure, team budgets and own costs. */
import { z } from 'zod';
import { DIMENSIES, KENMERKEN } from '../budget';
import { GEZIN_STATUSSEN, PERCELEN } from '../domain';
import { budget, lezen, schrijven, team } from './method';
import { aantal, cents, id, Ok, periode, verplicht } from './velden';

/** Whose figures: one team (null = the whole region, for a beheerder), one year, one perceel. */
export const DashboardFilter = z
  .object({
    teamId: id.nullable(),
    jaar: z.number().int().min(2015).max(2100),
    perceel: z.enum(PERCELEN.codes).nullable().default(null),
  })
  .strict();
export type DashboardFilter = z.infer<typeof DashboardFilter>;

/** The rows behind one figure. */
export const Doorklik = z
  .object({
    bron: z.enum(['toewijzingen', 'soj', 'actieplannen']),
    dimensie: z.enum(DIMENSIES).optional(),
    /** The group's key within the dimension; null is the "onbekend / geen" group. */
    sleutel: z.string().max(64).nullable().optional(),
    periode: periode.optional(),
    kenmerk: z.enum(KENMERKEN).optional(),
    gezinslidId: id.optional(),
    aanbiederId: id.optional(),
    /** Only lines the SOJ could not match to a known client or toewijzing. */
    onbekend: z.boolean().optional(),
  })
  .strict();
export type Doorklik = z.infer<typeof Doorklik>;

export const Groep = z.object({
  sleutel: z.string().nullable(),
  label: z.string(),
  jeugdigen: aantal,
  toewijzingen: aantal,
  gecommitteerdCents: cents,
  gerealiseerdCents: cents,
});
export type Groep = z.infer<typeof Groep>;

/** A share as a count over a count, so it can be recomputed exactly. */
export const Aandeel = z.object({ teller: aantal, noemer: aantal });
export type Aandeel = z.infer<typeof Aandeel>;

const ToewijzingUitschieter = z.object({
  toewijzingId: id,
  gezinId: id.nullable(),
  naam: z.string(),
  aanbieder: z.string(),
  zorgprofiel: z.string().nullable(),
  startdatum: z.string(),
  dagen: aantal,
  grensDagen: aantal,
});
export type ToewijzingUitschieter = z.infer<typeof ToewijzingUitschieter>;

export const Dashboard = z.object({
  filter: DashboardFilter,
  teamNaam: z.string().nullable(),
  peildatum: z.string(),
  kop: z.object({
    budgetCents: cents.nullable(),
    gecommitteerdCents: cents,
    gerealiseerdCents: cents,
    prognoseCents: cents,
    resterendCents: cents.nullable(),
    laatstePeriode: z.string().nullable(),
    /** Months of the year without SOJ data (jjjj-mm): the forecast counts them as committed. */
    maandenZonderSoj: z.array(z.string()),
    jeugdigen: aantal,
    toewijzingen: aantal,
    onbekendeRegels: aantal,
    onbekendCents: cents,
  }),
  maanden: z.array(
    z.object({ periode: z.string(), gerealiseerdCents: cents, gecommitteerdCents: cents }),
  ),
  uitsplitsing: z.object({
    perceel: z.array(Groep),
    zorgprofiel: z.array(Groep),
    aanbieder: z.array(Groep),
    verwijzer: z.array(Groep),
    regisseur: z.array(Groep),
  }),
  kpis: z.object({
    afschaling: Aandeel,
    terugkeer: Aandeel,
    zonderJeugdhulp: Aandeel,
    duur: z.object({ aantal, gemiddeldeDagen: z.number().int(), kostenPerMaandCents: cents }),
  }),
  uitschieters: z.object({
    clienten: z.object({
      aantal,
      rijen: z.array(
        z.object({
          gezinslidId: id,
          gezinId: id.nullable(),
          naam: z.string(),
          regisseur: z.string(),
          toewijzingen: aantal,
          gecommitteerdCents: cents,
          gerealiseerdCents: cents,
        }),
      ),
    }),
    duur: z.object({ aantal, rijen: z.array(ToewijzingUitschieter) }),
    evaluatie: z.object({ aantal, rijen: z.array(ToewijzingUitschieter) }),
    plafond: z.object({
      aantal,
      rijen: z.array(
        z.object({
          aanbiederId: id,
          naam: z.string(),
          plafondCents: cents,
          prognoseRegioCents: cents,
          clientenstop: z.boolean(),
          gecommitteerdCents: cents,
        }),
      ),
    }),
  }),
  aanbieders: z.array(
    z.object({
      aanbiederId: id,
      naam: z.string(),
      gestart: aantal,
      wachtdagenTotaal: aantal,
      langsteWachtDagen: aantal,
      wachtend: aantal,
      beeindigd: aantal,
      uitval: aantal,
      doelenBehaald: aantal,
      doelenBeoordeeld: aantal,
      oordeelSom: aantal,
      oordelen: aantal,
    }),
  ),
});
export type Dashboard = z.infer<typeof Dashboard>;

/** A table as the screen shows it and the export writes it. */
export const KOLOM_SOORTEN = ['tekst', 'bedrag', 'aantal', 'procent', 'datum', 'dagen'] as const;
export const Tabel = z.object({
  sleutel: z.string(),
  titel: z.string(),
  kolommen: z.array(
    z.object({ sleutel: z.string(), label: z.string(), soort: z.enum(KOLOM_SOORTEN) }),
  ),
  rijen: z.array(
    z.object({
      waarden: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
      /** Per column: the rows behind that cell's figure. */
      doorklik: z.record(z.string(), Doorklik).optional(),
      gezinId: id.nullable().optional(),
    }),
  ),
  /** Set when the table holds only the first rows of more. */
  totaal: aantal.optional(),
});
export type Tabel = z.infer<typeof Tabel>;
export type Kolom = Tabel['kolommen'][number];
export type Rij = Tabel['rijen'][number];

export const Teambudget = z.object({
  teamId: id,
  teamNaam: z.string(),
  jaar: z.number().int(),
  perceel: z.enum(PERCELEN.codes).nullable(),
  bedragCents: cents,
  gewijzigdDoor: z.string().nullable(),
  gewijzigdOp: z.string().nullable(),
});

export const budgetMethods = {
  'budget.dashboard': lezen({ input: DashboardFilter, output: Dashboard, roles: budget }),
  'budget.regels': lezen({
    input: z.object({ filter: DashboardFilter, doorklik: Doorklik }).strict(),
    output: Tabel,
    roles: budget,
  }),
  'budget.overzicht': lezen({
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
  'budget.vaststellen': schrijven({
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
  'kosten.mijn': lezen({
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
