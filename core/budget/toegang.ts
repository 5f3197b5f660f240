/** Who may see which team's figures: the dashboard and its click-through check the same. */
import type { DashboardFilter } from '../../shared/api';
import { ApiError } from '../api-error';
import type { ReadCtx } from '../context';
import { stmt } from '../prepared';

/** A teamcoach sees the own team; a beheerder any team or the region (no names). */
export function controleerCijferToegang(ctx: ReadCtx, filter: DashboardFilter): void {
  if (ctx.session.rol === 'teamcoach' && filter.teamId !== ctx.session.teamId)
    throw new ApiError('geen-toegang', 'U ziet alleen de cijfers van uw eigen team.');
  if (filter.teamId) {
    const team = stmt(ctx, 'SELECT id FROM teams WHERE id = ? AND deleted = 0').get(filter.teamId);
    if (!team) throw new ApiError('niet-gevonden', 'Dit team bestaat niet.');
  }
}
