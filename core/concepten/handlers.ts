/** Drafts: the professional's unsaved text, local to the profile. */
import type { conceptenMethods } from '../../shared/api/concepten';
import type { Handlers } from '../handler';
import { conceptBewaren, conceptLezen } from './concepten';

export const conceptenHandlers = {
  'concept.lezen': conceptLezen,
  'concept.bewaren': conceptBewaren,
} satisfies Handlers<typeof conceptenMethods>;
