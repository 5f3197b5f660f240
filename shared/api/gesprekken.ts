/** Visit notes (gespreksverslagen) with their history. */
import { z } from 'zod';
import { lezen, professional, schrijven, team } from './method';
import { CorrectieReden, datum, id, Ok, tekst, verplicht } from './velden';

/** An earlier wording of a visit note (its history), newest first. */
export const VerslagVersie = z.object({
  datum: z.string(),
  aanwezig: z.array(z.string()),
  verslag: z.string(),
  auteur: z.string().nullable(),
  vervangenOp: z.string(),
  vervangenDoor: z.string().nullable(),
});

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

export const gesprekkenMethods = {
  'gesprek.opslaan': schrijven({ input: GesprekOpslaan, output: Ok, roles: professional }),
  'gesprek.lijst': lezen({ input: GesprekLijst, output: Gesprekken, roles: team }),
} as const;
