/** The vier-ogenakkoord: the queue and the decision. */
import type { akkoordMethods } from '../../shared/api/akkoord';
import type { Handlers } from '../handler';
import { akkoordBesluiten, akkoordWachtrij } from './akkoord';

export const akkoordHandlers = {
  'akkoorden.wachtrij': akkoordWachtrij,
  'akkoord.besluiten': akkoordBesluiten,
} satisfies Handlers<typeof akkoordMethods>;
