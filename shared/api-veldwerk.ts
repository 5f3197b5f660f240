/**
 * The field-work part of the API contract: signatures under the gezinsplan, visit notes
 * (gespreksverslagen), the sociale kaart, the agenda and the iJw messages a provider sends: the
 * verzoek om toewijzing (JW315) and the start (JW305) and stop (JW307) of care.
 */
import { z } from 'zod';
import { datum, id, tekst, verplicht } from './api-velden';
import { CorrectieReden, VerslagVersie } from './api-dossier';
import { daysInclusive, isIsoDate } from './dates';
import {
  BEZOEK_SOORTEN,
  EINDE_REDENEN,
  IJW_REDENEN_BEEINDIGING,
  ONDERTEKENAARS,
  TOEWIJZING_STATUSSEN,
  VOORZIENING_SOORTEN,
} from './domain';
import { handtekeningFout } from './handtekening';

// ---------------------------------------------------------------- signatures

export const Handtekening = z.object({
  id,
  /** The plan version this signature approves. */
  versie: z.number().int(),
  naam: z.string(),
  rol: z.enum(ONDERTEKENAARS.codes),
  lijnen: z.string(),
  getekendOp: z.string(),
});
export type Handtekening = z.infer<typeof Handtekening>;

/**
 * niet: nobody signed yet; ondertekend: the last fixed version is signed and the plan has not
 * changed since; opnieuw: signed before, but the plan changed or a newer version is unsigned.
 */
export const ONDERTEKENING = ['niet', 'ondertekend', 'opnieuw'] as const;
export type Ondertekening = (typeof ONDERTEKENING)[number];

export const Ondertekenen = z
  .object({
    gezinId: id,
    naam: verplicht(120),
    rol: z.enum(ONDERTEKENAARS.codes),
    lijnen: z
      .string()
      .max(20_000, { message: 'De handtekening is te groot. Zet de handtekening opnieuw.' })
      .superRefine((lijnen, ctx) => {
        const fout = handtekeningFout(lijnen);
        if (fout) ctx.addIssue({ code: 'custom', message: fout });
      }),
  })
  .strict();

// ---------------------------------------------------------------- visit notes

export const KOPPELING_SOORTEN = ['doel', 'afspraak'] as const;

/** A doel or afspraak of the family that a note can be about. */
export const Koppeling = z.object({ id, soort: z.enum(KOPPELING_SOORTEN), tekst: z.string() });
export type Koppeling = z.infer<typeof Koppeling>;

export const Gespreksverslag = z.object({
  id,
  datum: z.string(),
  aanwezig: z.array(z.string()),
  verslag: z.string(),
  koppelingen: z.array(Koppeling),
  auteur: z.string().nullable(),
  /** Earlier wordings, newest first: a corrected note keeps its history. */
  versies: z.array(VerslagVersie),
});
export type Gespreksverslag = z.infer<typeof Gespreksverslag>;

export const GesprekOpslaan = z
  .object({
    gezinId: id,
    id: id.optional(),
    datum,
    aanwezig: z
      .array(verplicht(120))
      .min(1, { message: 'Noteer wie er bij het gesprek waren' })
      .max(20, { message: 'Maximaal 20 aanwezigen' }),
    verslag: verplicht(10_000),
    /** Ids of the family's doelen and afspraken the conversation was about. */
    koppelingen: z.array(id).max(50),
    /** Why a saved note is corrected (on the timeline). */
    reden: CorrectieReden.optional(),
  })
  .strict();

export const GesprekLijst = z.object({ gezinId: id, zoek: tekst(100).optional() }).strict();

export const Gesprekken = z.object({
  verslagen: z.array(Gespreksverslag),
  /** All notes of the family, also those the search left out. */
  totaal: z.number().int(),
  /** What a note can be linked to. */
  koppelbaar: z.array(Koppeling),
});

// ---------------------------------------------------------------- sociale kaart

export const Voorziening = z.object({
  id,
  naam: z.string(),
  soort: z.enum(VOORZIENING_SOORTEN.codes),
  aanbod: z.string(),
  contact: z.string(),
  gratis: z.boolean(),
  gemeente: z.string(),
});
export type Voorziening = z.infer<typeof Voorziening>;

export const SocialeKaartZoeken = z
  .object({
    /** Searches the gemeente of this action plan's family (its team's gemeente). */
    actieplanId: id.optional(),
    gemeenteId: id.optional(),
    zoek: tekst(100),
    soort: z.enum(VOORZIENING_SOORTEN.codes).optional(),
    alleenGratis: z.boolean().optional(),
  })
  .strict();

export const SocialeKaart = z.object({
  gemeente: z.object({ id, naam: z.string() }).nullable(),
  voorzieningen: z.array(Voorziening),
  /** Searched for a youth's action plan: the youth's age, the offer fitted to it. */
  leeftijd: z.number().int().nullable().optional(),
});

/** A voorziening from the sociale kaart recorded in an action plan. */
export const IngezetteVoorziening = Voorziening.omit({ id: true }).extend({
  id,
  voorzieningId: id,
  op: z.string(),
});
export type IngezetteVoorziening = z.infer<typeof IngezetteVoorziening>;

// ---------------------------------------------------------------- agenda

export const AGENDA_SOORTEN = ['bezoek', 'evaluatie', 'einde_toewijzing', 'afspraak'] as const;
export type AgendaSoort = (typeof AGENDA_SOORTEN)[number];
export const AGENDA_SOORT_LABELS: Record<AgendaSoort, string> = {
  bezoek: 'Bezoek',
  evaluatie: 'Evaluatiemoment',
  einde_toewijzing: 'Einde toewijzing',
  afspraak: 'Afspraak uit het plan',
};

export const AgendaItem = z.object({
  id,
  soort: z.enum(AGENDA_SOORTEN),
  datum: z.string(),
  /** uu:mm for planned visits; null for whole-day items. */
  tijd: z.string().nullable(),
  duurMinuten: z.number().int().nullable(),
  titel: z.string(),
  gezinId: id,
  gezinNaam: z.string(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

/** A month view shows six weeks at most. */
export const AGENDA_MAX_DAGEN = 42;

export const AgendaVraag = z
  .object({ van: datum, tot: datum })
  .strict()
  .refine((v) => v.tot >= v.van, { message: 'De einddatum ligt voor de begindatum', path: ['tot'] })
  .refine((v) => v.tot < v.van || daysInclusive(v.van, v.tot) <= AGENDA_MAX_DAGEN, {
    message: `Kies hoogstens ${AGENDA_MAX_DAGEN} dagen`,
    path: ['tot'],
  });

const moment = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: 'Kies een datum en een tijd' })
  .refine(
    (m) => isIsoDate(m.slice(0, 10)) && Number(m.slice(11, 13)) < 24 && Number(m.slice(14)) < 60,
    {
      message: 'Geen geldige datum of tijd',
    },
  );

export const BezoekPlannen = z
  .object({
    gezinId: id,
    id: id.optional(),
    soort: z.enum(BEZOEK_SOORTEN.codes),
    op: moment,
    duurMinuten: z.number().int().min(15, { message: 'Minstens 15 minuten' }).max(480, {
      message: 'Hoogstens 8 uur',
    }),
    onderwerp: tekst(300),
  })
  .strict();

// ---------------------------------------------------------------- iJw verzoek om toewijzing

export const VerzoekLezen = z
  .object({ xml: z.string().min(1, { message: 'Het bestand is leeg' }).max(500_000) })
  .strict();

export const VerzoekOmToewijzing = z.object({
  berichtId: z.string(),
  dagtekening: z.string(),
  aanbieder: z.object({ agbCode: z.string(), naam: z.string().nullable() }),
  gemeente: z.object({ code: z.string(), naam: z.string().nullable() }),
  client: z.object({ bsn: z.string(), geboortedatum: z.string(), achternaam: z.string() }),
  /** The youth in the caller's team with this BSN, if there is one. */
  jeugdige: z.object({ gezinId: id, gezinNaam: z.string(), naam: z.string() }).nullable(),
  producten: z.array(
    z.object({
      referentie: z.string(),
      categorie: z.string().nullable(),
      productcode: z.string().nullable(),
      omschrijving: z.string().nullable(),
      ingangsdatum: z.string(),
      einddatum: z.string().nullable(),
      volume: z.number().int().nullable(),
      eenheid: z.string().nullable(),
      frequentie: z.string().nullable(),
      /** Instead of a volume: the budget asked for, in cents (LDT_Budget). */
      budgetCents: z.number().int().nullable(),
      /** The number of an earlier beschikking this request continues, if any. */
      beschikkingNummer: z.string().nullable(),
      verwijzer: z.string(),
      commentaar: z.string().nullable(),
    }),
  ),
});
export type VerzoekOmToewijzing = z.infer<typeof VerzoekOmToewijzing>;

// ---------------------------------------------------------------- iJw start en stop (JW305, JW307)

/** A provider's JW307 with JZ588 35 (externe oorzaak): the professional says whether it was a move. */
export const BerichtVerwerken = z
  .object({
    xml: z.string().min(1, { message: 'Het bestand is leeg' }).max(500_000),
    /** For JZ588 35 "Voortijdig afgesloten, externe oorzaak": the cause was a move (verhuizing). */
    verhuizing: z.boolean().optional(),
  })
  .strict();

/** A JW305 (start) or JW307 (stop) as read: what it says, the toewijzing it is about, what is wrong. */
export const StartStopBericht = z.object({
  soort: z.enum(['jw305', 'jw307']),
  berichtId: z.string(),
  dagtekening: z.string(),
  aanbieder: z.object({ agbCode: z.string(), naam: z.string().nullable() }),
  gemeente: z.object({ code: z.string(), naam: z.string().nullable() }),
  client: z.object({ bsn: z.string(), geboortedatum: z.string(), achternaam: z.string() }),
  /** A problem with the message as a whole (e.g. meant for another gemeente). */
  probleem: z.string().nullable(),
  producten: z.array(
    z.object({
      toewijzingNummer: z.string().nullable(),
      categorie: z.string().nullable(),
      productcode: z.string().nullable(),
      toewijzingIngangsdatum: z.string().nullable(),
      /** LDT_StatusAanlevering: 1 eerste, 2 gewijzigd, 3 verwijderen, 9 ongewijzigd. */
      statusAanlevering: z.string(),
      /** The day delivery began (JW305: the actual start; JW307: the start it stops). */
      begindatum: z.string(),
      /** JW307: the last day of care. */
      einddatum: z.string().nullable(),
      /** JW307: the provider's reason (JZ588) and its label. */
      redenBeeindiging: z
        .object({ code: z.enum(IJW_REDENEN_BEEINDIGING.codes), label: z.string() })
        .nullable(),
      /** JW307: the reason as Eenplan records it (JZ588 35 is "overig" unless a move is confirmed). */
      eindeReden: z.enum(EINDE_REDENEN.codes).nullable(),
      /** JW305: the waiting time the start means, in days after the toewijzing's startdatum. */
      wachttijdDagen: z.number().int().nullable(),
      /** The matching toewijzing of the caller's team, if found. */
      toewijzing: z
        .object({
          id,
          gezinId: id,
          gezinNaam: z.string(),
          jeugdige: z.string(),
          aanbiederNaam: z.string(),
          productcode: z.string(),
          productOmschrijving: z.string(),
          startdatum: z.string(),
          einddatum: z.string(),
          werkelijkeStart: z.string().nullable(),
          beeindigdOp: z.string().nullable(),
          status: z.enum(TOEWIJZING_STATUSSEN.codes),
        })
        .nullable(),
      /** Recorded before with the same data: reading it again changes nothing. */
      alVerwerkt: z.boolean(),
      probleem: z.string().nullable(),
    }),
  ),
  /** No problem anywhere and something to record: the professional may confirm. */
  verwerkbaar: z.boolean(),
});
export type StartStopBericht = z.infer<typeof StartStopBericht>;

export const StartStopVerwerkt = z.object({
  soort: z.enum(['jw305', 'jw307']),
  toewijzingen: z.array(
    z.object({
      id,
      gezinId: id,
      /** False when it was recorded before with the same data (nothing changed). */
      gewijzigd: z.boolean(),
    }),
  ),
});
export type StartStopVerwerkt = z.infer<typeof StartStopVerwerkt>;
