/**
 * The one door both hosts open to the renderer: a method of the contract and its input, nothing
 * else. Who is calling is not part of it: the open profile's core knows its person. The lock's
 * methods are answered here (there is no core while locked); every other method goes to the
 * open profile's core, or is refused with "vergrendeld".
 */
import { isApiMethod, type ApiErrorBody, type ApiErrorCode } from '../shared/api';
import { isKluisMethode, kluisActie, VERGRENDELD } from './kluis/acties';
import type { Kluizen } from './kluis/kluizen';

export type DeurAntwoord = { ok: true; data: unknown } | { ok: false; error: ApiErrorBody };

export async function deur(
  kluizen: Kluizen,
  method: unknown,
  input: unknown,
): Promise<DeurAntwoord> {
  if (typeof method !== 'string' || !isApiMethod(method))
    return {
      ok: false,
      error: {
        code: 'niet-gevonden',
        message: `Onbekende functie: ${String(method).slice(0, 60)}.`,
      },
    };
  if (isKluisMethode(method)) return kluisActie(kluizen, method, input);
  const core = kluizen.core();
  if (!core) return { ok: false, error: VERGRENDELD };
  return core.callAsync(method, input);
}

/** The HTTP status the browser host answers an error with. */
export const HTTP_STATUS: Record<ApiErrorCode, number> = {
  'ongeldige-invoer': 400,
  'niet-aangemeld': 401,
  'geen-toegang': 403,
  'niet-gevonden': 404,
  conflict: 409,
  'reden-nodig': 403,
  vergrendeld: 423,
  'even-wachten': 429,
  'interne-fout': 500,
};
