/** The iJw messages: a JW301 for a provider, and reading a JW315, JW305 or JW307. */
import type { ijwMethods } from '../../shared/api/ijw';
import type { Handlers } from '../handler';
import { toewijzingJw301 } from './jw301';
import { verzoekLezen } from './jw315';
import { berichtLezen, berichtVerwerken } from './start-stop';

export const ijwHandlers = {
  'toewijzing.jw301': toewijzingJw301,
  // Checked against the official XSD first, which waits for the validator.
  'ijw.verzoekLezen': verzoekLezen,
  'ijw.berichtLezen': berichtLezen,
  // Checked against the XSD first; then recorded in one transaction of its own.
  'ijw.berichtVerwerken': berichtVerwerken,
} satisfies Handlers<typeof ijwMethods>;
