import type { z } from 'zod';
import type { ApiErrorBody, ApiErrorCode } from '../shared/api';
import { veldOmschrijving } from '../shared/veld-labels';

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): ApiErrorBody {
    return this.field
      ? { code: this.code, message: this.message, field: this.field }
      : { code: this.code, message: this.message };
  }
}

/** One sentence, ending in exactly one full stop (a message may bring its own). */
function zin(tekst: string): string {
  const kaal = tekst.trim().replace(/[.\s]+$/, '');
  return /[!?]$/.test(kaal) ? kaal : `${kaal}.`;
}

/** "Dit veld is verplicht" after a label reads "Voornaam: dit veld is verplicht" (not "BSN"). */
function naLabel(tekst: string): string {
  return /^[A-Z][a-z]/.test(tekst) ? tekst.charAt(0).toLowerCase() + tekst.slice(1) : tekst;
}

function beschrijf(issue: z.core.$ZodIssue): string {
  // A key the contract does not know is on no screen: its name is all there is.
  if (issue.code === 'unrecognized_keys') return zin(`Onbekend veld: ${issue.keys.join(', ')}`);
  if (issue.path.length === 0) return zin(issue.message);
  return zin(`${veldOmschrijving(issue.path)}: ${naLabel(issue.message)}`);
}

/**
 * Every problem of a failed validation at once, in Dutch, each naming its field by the label the
 * screen shows ("BSN van gezinslid 2: ..."), so the user corrects all of them in one go. The
 * first field is kept as `field` for screens that point at it.
 */
export function invalidInput(error: z.ZodError): ApiError {
  const issues = error.issues;
  const eerste = issues[0];
  if (!eerste) return new ApiError('ongeldige-invoer', 'De invoer is ongeldig.');
  const zinnen = [...new Set(issues.map(beschrijf))];
  const field =
    eerste.code === 'unrecognized_keys' ? eerste.keys[0] : eerste.path.map(String).join('.');
  return new ApiError('ongeldige-invoer', zinnen.join(' '), field || undefined);
}
