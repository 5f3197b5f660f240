/** Visit notes (gespreksverslagen). */
import type { gesprekkenMethods } from '../../shared/api/gesprekken';
import type { Handlers } from '../handler';
import { gesprekLijst, gesprekOpslaan } from './gesprekken';

export const gesprekkenHandlers = {
  'gesprek.opslaan': gesprekOpslaan,
  'gesprek.lijst': gesprekLijst,
} satisfies Handlers<typeof gesprekkenMethods>;
