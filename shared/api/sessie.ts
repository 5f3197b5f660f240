/** Who the profile belongs to, the profiles on this laptop and the team. */
import { z } from 'zod';
import { ROLLEN, VERGRENDELEN } from '../domain';
import { lezen, schrijven, team } from './method';
import { id, Ok } from './velden';

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

const Collega = z.object({ id, naam: z.string(), rol: z.enum(ROLLEN.codes) });

export const sessieMethods = {
  /** Who this session is: the account the laptop is connected with, or the demo's one choice. */
  'sessie.wie': lezen({ input: z.object({}).strict(), output: Profiel.nullable(), roles: null }),
  /**
   * A demo profile (never connected) is given its professional once, right after it is made;
   * after that, and on a connected laptop, it is refused: another person makes a profile.
   */
  'sessie.kiezen': schrijven({
    input: z.object({ professionalId: id }).strict(),
    output: Profiel,
    roles: null,
  }),
  'profielen.lijst': lezen({
    input: z.object({}).strict(),
    output: z.array(Profiel),
    roles: null,
  }),
  'team.collegas': lezen({ input: z.object({}).strict(), output: z.array(Collega), roles: team }),
  /** Per team, like all reference data, so only the beheerder sets it. */
  'team.vergrendeling': schrijven({
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
} as const;
