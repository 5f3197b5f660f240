/** The family's plan: its contents, agreements, versions, consent and signatures. */
import type { gezinsplanMethods } from '../../shared/api/gezinsplan';
import type { Handlers } from '../handler';
import {
  afspraakOpslaan,
  afspraakVerwijderen,
  gezinsplanOphalen,
  gezinsplanOpslaan,
  gezinsplanToestemming,
  gezinsplanVastleggen,
} from './gezinsplan';
import { gezinsplanOndertekenen } from './handtekening';

export const gezinsplanHandlers = {
  'gezinsplan.ophalen': gezinsplanOphalen,
  'gezinsplan.opslaan': gezinsplanOpslaan,
  'afspraak.opslaan': afspraakOpslaan,
  'afspraak.verwijderen': afspraakVerwijderen,
  'gezinsplan.vastleggen': gezinsplanVastleggen,
  'gezinsplan.toestemming': gezinsplanToestemming,
  'gezinsplan.ondertekenen': gezinsplanOndertekenen,
} satisfies Handlers<typeof gezinsplanMethods>;
