/**
 * The rules of shared/regels/ as the core's use cases meet them: a refusal becomes the ApiError
 * the screens know (the service answers the same refusal as `regel-geschonden`).
 */
import type { Aanroeper, Weigering } from '../shared/regels/weigering';
import { ApiError } from './api-error';
import type { ReadCtx } from './context';

/** The signed-in person as the rules see a caller. */
export const aanroeperVan = (ctx: ReadCtx): Aanroeper => ({
  id: ctx.session.professionalId,
  rol: ctx.session.rol,
  teamId: ctx.session.teamId,
});

/** Throws the refusal as an ApiError (403 geen-toegang, 409 conflict, 400 ongeldige-invoer). */
export function weigerAls(weigering: Weigering | null, field?: string): void {
  if (!weigering) return;
  const code =
    weigering.status === 403
      ? 'geen-toegang'
      : weigering.status === 409
        ? 'conflict'
        : 'ongeldige-invoer';
  throw new ApiError(code, weigering.bericht, field);
}
