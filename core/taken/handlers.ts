/** Tasks and signals across the caller's families. */
import type { takenMethods } from '../../shared/api/taken';
import type { Handlers } from '../handler';
import { takenLijst } from './taken';

export const takenHandlers = {
  'taken.lijst': takenLijst,
} satisfies Handlers<typeof takenMethods>;
