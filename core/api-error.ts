import type { z } from 'zod';
import type { ApiErrorBody, ApiErrorCode } from '../shared/api';

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

/** The first problem of a failed validation, as a Dutch sentence naming the field. */
export function invalidInput(error: z.ZodError): ApiError {
  const issue = error.issues[0];
  if (!issue) return new ApiError('ongeldige-invoer', 'De invoer is ongeldig.');
  const field = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    return new ApiError(
      'ongeldige-invoer',
      `Onbekend veld: ${issue.keys.join(', ')}.`,
      issue.keys[0],
    );
  }
  return field
    ? new ApiError('ongeldige-invoer', `Veld "${field}": ${issue.message}.`, field)
    : new ApiError('ongeldige-invoer', `${issue.message}.`);
}
