/** The sociale kaart: voorliggende voorzieningen found and used in an action plan. */
import { z } from 'zod';
import { VOORZIENING_SOORTEN } from '../domain';
import { lezen, professional, schrijven, team } from './method';
import { id, Ok, tekst } from './velden';

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

export const socialeKaartMethods = {
  'socialeKaart.zoeken': lezen({ input: SocialeKaartZoeken, output: SocialeKaart, roles: team }),
  'actieplan.voorzieningInzetten': schrijven({
    input: z.object({ actieplanId: id, voorzieningId: id }).strict(),
    output: Ok,
    roles: professional,
  }),
  'actieplan.voorzieningWeghalen': schrijven({
    input: z.object({ id }).strict(),
    output: Ok,
    roles: professional,
  }),
} as const;
