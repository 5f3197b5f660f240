/** Action plans: the help question, triage, SMART goals and the zorgprofiel. */
import type { actieplanMethods } from '../../shared/api/actieplan';
import type { Handlers } from '../handler';
import {
  actieplanAanmaken,
  actieplanOpslaan,
  actieplanTriage,
  doelOpslaan,
  zorgprofielVaststellen,
} from './actieplan';

export const actieplanHandlers = {
  'actieplan.aanmaken': actieplanAanmaken,
  'actieplan.opslaan': actieplanOpslaan,
  'actieplan.triage': actieplanTriage,
  'doel.opslaan': doelOpslaan,
  'zorgprofiel.vaststellen': zorgprofielVaststellen,
} satisfies Handlers<typeof actieplanMethods>;
