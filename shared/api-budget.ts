/** The shapes of the budget part of the API contract (see api.ts for the methods). */
import { z } from 'zod';
import { DIMENSIES, KENMERKEN } from './budget';
import { PERCELEN } from './domain';

const id = z.string().min(1).max(64);
const cents = z.number().int();
const aantal = z.number().int().nonnegative();
const periode = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Een periode is jjjj-mm' });

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

export const SojImport = z.object({
  id,
  periode: z.string(),
  bestandsnaam: z.string(),
  ingelezenOp: z.string(),
  ingelezenDoor: z.string().nullable(),
  aantalRegels: aantal,
  onbekendeRegels: aantal,
  bedragCents: cents,
});

export const SojFout = z.object({
  regel: z.number().int().nullable(),
  kolom: z.string().nullable(),
  reden: z.string(),
});
export type SojFout = z.infer<typeof SojFout>;

/**
 * The phases of an SOJ import. `voorbeeld`: read and checked, nothing written; waiting for the
 * user to confirm the preview (`soj.bevestigen`).
 */
export const SOJ_FASEN = [
  'lezen',
  'controleren',
  'voorbeeld',
  'opslaan',
  'klaar',
  'mislukt',
] as const;

/** The one decimal convention of a file, detected from its amounts written as text. */
export const SOJ_DECIMAALTEKENS = ['komma', 'punt', 'onbepaald'] as const;
export const SojDecimalen = z.object({
  teken: z.enum(SOJ_DECIMAALTEKENS),
  /** In Dutch, for the screen: what was detected and from how many amounts. */
  uitleg: z.string(),
});
export type SojDecimalen = z.infer<typeof SojDecimalen>;

/** What confirming would do to one team's realised figure in one period (the month of care). */
export const SojVoorbeeldRegel = z.object({
  teamId: id,
  teamNaam: z.string(),
  periode: z.string(),
  regelsVoor: aantal,
  regelsNa: aantal,
  bedragVoorCents: cents,
  bedragNaCents: cents,
});
export type SojVoorbeeldRegel = z.infer<typeof SojVoorbeeldRegel>;

export const SojVoorbeeld = z.object({
  /** The period of the file (the `periode` column). */
  periode: z.string(),
  regels: aantal,
  bedragCents: cents,
  /** Credit lines: a negative amount or the COD043 indicator C. */
  creditRegels: aantal,
  /** Late claims: lines whose care ended in a period before the file's. */
  lateRegels: aantal,
  decimalen: SojDecimalen,
  /** Per team and period, sorted by team and period; teams not in the file are untouched. */
  teams: z.array(SojVoorbeeldRegel),
  /** Lines that may be misread (for instance an amount far from volume × tarief). */
  waarschuwingen: z.array(SojFout),
  meerWaarschuwingen: aantal,
});
export type SojVoorbeeld = z.infer<typeof SojVoorbeeld>;

export const SojBevestigen = z.object({ jobId: id }).strict();

export const SojImportStatus = z.object({
  jobId: id,
  fase: z.enum(SOJ_FASEN),
  /** 0..1 of the current phase. */
  voortgang: z.number().min(0).max(1),
  regels: aantal,
  fouten: z.array(SojFout),
  meerFouten: aantal,
  resultaat: z
    .object({
      periode: z.string(),
      regels: aantal,
      vervangen: aantal,
      bedragCents: cents,
      onbekend: z.array(
        z.object({ regel: z.number().int(), clientRef: z.string(), reden: z.string() }),
      ),
      meerOnbekend: aantal,
    })
    .nullable(),
  /** From the phase `voorbeeld` on: what confirming writes. */
  voorbeeld: SojVoorbeeld.nullable(),
});
export type SojImportStatus = z.infer<typeof SojImportStatus>;
