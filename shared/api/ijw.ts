/** The iJw messages: a JW301 for a provider, the verzoek om toewijzing (JW315) and the start (JW305) and stop (JW307) of care. */
import { z } from 'zod';
import { EINDE_REDENEN, IJW_REDENEN_BEEINDIGING, TOEWIJZING_STATUSSEN } from '../domain';
import { lezen, professional, schrijven, team } from './method';
import { id } from './velden';

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

export const ijwMethods = {
  /** The toewijzing as an iJw 3.2 JW301 message for the provider; logged as an export. */
  'toewijzing.jw301': schrijven({
    input: z.object({ id }).strict(),
    output: z.object({ bestandsnaam: z.string(), xml: z.string() }),
    roles: team,
  }),
  /** Reads an iJw JW315 verzoek om toewijzing and finds the youth it is about. */
  'ijw.verzoekLezen': lezen({
    input: VerzoekLezen,
    output: VerzoekOmToewijzing,
    roles: team,
    wacht: true,
  }),
  /**
   * Reads a provider's JW305 (start) or JW307 (stop), checked against its XSD, and shows the
   * toewijzing it is about and what would be recorded. Nothing is written.
   */
  'ijw.berichtLezen': lezen({
    input: VerzoekLezen,
    output: StartStopBericht,
    roles: team,
    wacht: true,
  }),
  /**
   * Records a JW305's start or a JW307's end on the matching toewijzing, with the rules of
   * `toewijzing.startVastleggen` and `toewijzing.stoppen`: all of the message, or nothing.
   */
  'ijw.berichtVerwerken': schrijven({
    input: BerichtVerwerken,
    output: StartStopVerwerkt,
    roles: professional,
    wacht: true,
  }),
} as const;
