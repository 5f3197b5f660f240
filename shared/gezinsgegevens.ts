/**
 * Checks on a family's own facts that the core, the forms and the central service share: a birth
 * date cannot lie ahead (a child shown as "(-5)" helps no one), and a parent's phone number and
 * e-mail address must be reachable ones. Dutch formats: 10 digits from 0 (06 12345678,
 * 078-1234567) or +31 / 0031 and 9 digits.
 */
import { addDays } from './dates';

export const GEBOORTEDATUM_IN_TOEKOMST = 'De geboortedatum ligt in de toekomst.';

/**
 * Why a birth date cannot be stored today, or null. `speling` days allow for a device whose
 * date runs ahead of the checker's (the service takes a laptop's change a day later).
 */
export function geboortedatumFout(datum: string, vandaag: string, speling = 0): string | null {
  return datum > addDays(vandaag, speling) ? GEBOORTEDATUM_IN_TOEKOMST : null;
}

/** The digits of a phone number as dialled in the Netherlands (0 and 9 digits), or null. */
export function telefoonCijfers(invoer: string): string | null {
  const kaal = invoer.replace(/[\s\-().]/g, '');
  const nationaal = kaal.replace(/^(\+31|0031)/, '0');
  return /^0\d{9}$/.test(nationaal) ? nationaal : null;
}

/** For a form field's `pattern` (the browser tests it whole): the formats telefoonCijfers takes. */
// Every punctuator escaped: the browser compiles `pattern` with the v flag, which refuses a bare
// "(" or "." in a class (and then ignores the pattern).
export const TELEFOON_PATROON = String.raw`\(?(\+31|0031|0)[\s\-\(\)\.]*([0-9][\s\-\(\)\.]*){9}`;
export const TELEFOON_FORMAAT = '06 12345678 of 078 1234567';

export const TELEFOON_FOUT = `Vul een Nederlands telefoonnummer in, bijvoorbeeld ${TELEFOON_FORMAAT}.`;
export const EMAIL_FOUT = 'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.';

/** An address a mail can reach: something@domain.tld, no spaces. */
export function isEmail(invoer: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(invoer.trim());
}
