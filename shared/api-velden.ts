/** The field types every part of the API contract builds its inputs from. */
import { z } from 'zod';
import { isIsoDate } from './dates';

export const id = z.string().min(1).max(64);
export const datum = z.string().refine(isIsoDate, { message: 'Geen geldige datum' });
export const tekst = (max = 2_000) =>
  z
    .string()
    .trim()
    .max(max, { message: `Maximaal ${max} tekens` });
export const verplicht = (max = 2_000) => tekst(max).min(1, { message: 'Dit veld is verplicht' });
