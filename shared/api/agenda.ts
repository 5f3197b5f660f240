/** The agenda: planned visits, evaluation dates, end dates and agreements due. */
import { z } from 'zod';
import { daysInclusive, isIsoDate } from '../dates';
import { BEZOEK_SOORTEN } from '../domain';
import { lezen, professional, schrijven, team } from './method';
import { datum, id, Ok, tekst } from './velden';

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

export const agendaMethods = {
  /** Planned visits, evaluation dates, end dates of toewijzingen and agreements due. */
  'agenda.lijst': lezen({
    input: AgendaVraag,
    output: z.object({ items: z.array(AgendaItem) }),
    roles: team,
  }),
  'bezoek.plannen': schrijven({ input: BezoekPlannen, output: Ok, roles: professional }),
  'bezoek.verwijderen': schrijven({
    input: z.object({ id }).strict(),
    output: Ok,
    roles: professional,
  }),
} as const;
