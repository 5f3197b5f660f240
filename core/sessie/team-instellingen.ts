/**
 * Team settings the beheerder keeps with the reference data, so they reach every laptop of the
 * team through the sync: for now the auto-lock time.
 */
import { and, eq } from 'drizzle-orm';
import { teams } from '../../db/schema';
import type { ApiInput, ApiOutput } from '../../shared/api';
import { ApiError } from '../api-error';
import type { Ctx } from '../context';

export function teamVergrendeling(
  ctx: Ctx,
  input: ApiInput<'team.vergrendeling'>,
): ApiOutput<'team.vergrendeling'> {
  const team = ctx.db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.id, input.teamId), eq(teams.deleted, false)))
    .get();
  if (!team) throw new ApiError('niet-gevonden', 'Dit team is niet gevonden.', 'teamId');
  ctx.write.update(teams, team.id, { vergrendelMinuten: input.minuten });
  return { id: team.id };
}
