import type { ApiOutput } from '../../shared/api';
import { ApiError } from '../api-error';
import { stmt } from '../prepared';
import type { Ctx, ReadCtx } from '../context';

/** The imported periods, newest first, with what could not be linked. */
export function sojImportLijst(ctx: ReadCtx): ApiOutput<'soj.imports'> {
  const team = ctx.session.rol === 'teamcoach' ? ctx.session.teamId : null;
  return stmt(
    ctx,
    `SELECT i.id, i.periode, i.bestandsnaam, i.ingelezen_op AS ingelezenOp,
            p.naam AS ingelezenDoor,
            count(r.id) AS aantalRegels,
            coalesce(sum(r.toewijzing_id IS NULL), 0) AS onbekendeRegels,
            coalesce(sum(r.bedrag_cents), 0) AS bedragCents
       FROM soj_imports i
       LEFT JOIN professionals p ON p.id = i.ingelezen_door
       LEFT JOIN soj_regels r ON r.import_id = i.id AND (@team IS NULL OR r.team_id = @team)
      WHERE i.deleted = 0
      GROUP BY i.id ORDER BY i.periode DESC`,
  ).all({ team }) as ApiOutput<'soj.imports'>;
}

export function sojImportStatus(
  ctx: ReadCtx,
  input: { jobId: string },
): ApiOutput<'soj.importStatus'> {
  const status = ctx.sojJobs.status(input.jobId, ctx.session.professionalId);
  if (!status) throw new ApiError('niet-gevonden', 'Deze import is niet (meer) bekend.');
  return status;
}

/** Confirms the preview of the caller's own import; the lines are then written in the background. */
export function sojBevestigen(ctx: Ctx, input: { jobId: string }): ApiOutput<'soj.bevestigen'> {
  const status = ctx.sojJobs.bevestig(input.jobId, ctx.session.professionalId);
  if (status === null) throw new ApiError('niet-gevonden', 'Deze import is niet (meer) bekend.');
  if (typeof status === 'string') throw new ApiError('ongeldige-invoer', status);
  return status;
}
