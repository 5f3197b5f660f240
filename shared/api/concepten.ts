/** The professional's own unsaved text (drafts), local to the profile. */
import { z } from 'zod';
import { lezen, professional, schrijven } from './method';

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

export const conceptenMethods = {
  /**
   * The professional's own unsaved text (a draft), kept in the profile's encrypted store instead
   * of the browser's; local, never synced. Written by the screens where text is typed, so the
   * role of those fields: only a jeugdprofessional types case text. Only for a record of a family
   * the professional may change; a draft of any other family is removed and reads as none.
   */
  'concept.lezen': lezen({
    input: z.object({ sleutel: ConceptSleutel }).strict(),
    output: z.object({ tekst: z.string().nullable() }),
    roles: professional,
    lokaal: true,
  }),
  /** Keeps the draft under `sleutel`; an empty `tekst` removes it (the field was saved). */
  'concept.bewaren': schrijven({
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
    lokaal: true,
  }),
} as const;
