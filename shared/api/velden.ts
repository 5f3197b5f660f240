/** The field types every part of the API contract builds its inputs and answers from. */
import { z } from 'zod';
import { isValidBsn } from '../bsn';
import { isIsoDate } from '../dates';

// Every message of the contract in Dutch, set once here where every part starts.
z.config(z.locales.nl());

export const id = z.string().min(1).max(64);
export const datum = z.string().refine(isIsoDate, { message: 'Geen geldige datum' });
export const tekst = (max = 2_000) =>
  z
    .string()
    .trim()
    .max(max, { message: `Maximaal ${max} tekens` });
export const verplicht = (max = 2_000) => tekst(max).min(1, { message: 'Dit veld is verplicht' });

export const cents = z.number().int();
export const aantal = z.number().int().nonnegative();
export const periode = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Een periode is jjjj-mm' });
export const bsn = z
  .string()
  .trim()
  .refine(isValidBsn, { message: 'Dit BSN klopt niet (9 cijfers en de elfproef)' });
export const postcode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^\d{4} ?[A-Z]{2}$/, { message: 'Een postcode is vier cijfers en twee letters' })
  .transform((p) => `${p.slice(0, 4)} ${p.slice(-2)}`);

/** Why a record is corrected: shown on the timeline and written to the access log. */
export const CorrectieReden = verplicht(500);

/** The answer of most writes: the id of what was written. */
export const Ok = z.object({ id });
