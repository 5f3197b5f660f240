/** The agenda and planned visits. */
import type { agendaMethods } from '../../shared/api/agenda';
import type { Handlers } from '../handler';
import { agendaLijst, bezoekPlannen, bezoekVerwijderen } from './agenda';

export const agendaHandlers = {
  'agenda.lijst': agendaLijst,
  'bezoek.plannen': bezoekPlannen,
  'bezoek.verwijderen': bezoekVerwijderen,
} satisfies Handlers<typeof agendaMethods>;
