/** Signals and tasks across the families of the caller. */
import { z } from 'zod';
import { lezen, team } from './method';
import { id } from './velden';

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

export const takenMethods = {
  'taken.lijst': lezen({
    input: z.object({}).strict(),
    output: z.object({
      signalen: z.array(Signaal),
      perSoort: z.record(z.enum(SIGNAAL_SOORTEN), z.number().int()),
    }),
    roles: team,
  }),
} as const;
