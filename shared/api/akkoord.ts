/** The vier-ogenakkoord: the queue of requests and the decision. */
import { z } from 'zod';
import { lezen, schrijven, team } from './method';
import { cents, id, Ok, verplicht } from './velden';

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

export const akkoordMethods = {
  'akkoorden.wachtrij': lezen({
    input: z.object({}).strict(),
    output: z.array(AkkoordVerzoek),
    roles: team,
  }),
  'akkoord.besluiten': schrijven({
    input: z
      .object({ id, besluit: z.enum(['akkoord', 'afgewezen']), toelichting: verplicht(1_000) })
      .strict(),
    output: Ok,
    roles: team,
  }),
} as const;
