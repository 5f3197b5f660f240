/**
 * The use cases around the access log: a teamcoach's reason to read a dossier, revealing a
 * BSN, and the two views of the log (per client for an inzage request, per employee for the
 * privacy officer). Reading the log is itself written to it.
 */
import { and, eq } from 'drizzle-orm';
import { gezinsleden } from '../../db/schema';
import type { ApiInput, ApiOutput } from '../../shared/api';
import { gezinVanTeam, gezinVoor, INZAGE_GELDIG_MS, raakGezin } from '../access';
import { ApiError } from '../api-error';
import type { Ctx, ReadCtx } from '../context';

export function inzageReden(ctx: Ctx, input: ApiInput<'inzage.reden'>): ApiOutput<'inzage.reden'> {
  const gezin = gezinVanTeam(ctx, input.gezinId);
  ctx.inzageRedenen.set(`${ctx.session.professionalId}|${gezin.id}`, {
    reden: input.reden,
    tot: Date.parse(ctx.now()) + INZAGE_GELDIG_MS,
  });
  raakGezin(ctx, gezin.id, input.reden);
  return { id: gezin.id };
}

export function bsnTonen(
  ctx: ReadCtx,
  input: ApiInput<'gezinslid.bsnTonen'>,
): ApiOutput<'gezinslid.bsnTonen'> {
  const lid = ctx.db
    .select()
    .from(gezinsleden)
    .where(and(eq(gezinsleden.id, input.gezinslidId), eq(gezinsleden.deleted, false)))
    .get();
  if (!lid) throw new ApiError('niet-gevonden', 'Dit gezinslid is niet gevonden.');
  gezinVoor(ctx, lid.gezinId);
  if (!lid.bsn) throw new ApiError('niet-gevonden', 'Van dit gezinslid is geen BSN vastgelegd.');
  return { bsn: lid.bsn };
}

const MAX_REGELS = 2_000;

interface Rij {
  seq: number;
  at: string;
  actie: ApiOutput<'toegangslog.lijst'>['regels'][number]['actie'];
  gezinId: string | null;
  gezinNaam: string | null;
  medewerkerId: string;
  medewerker: string | null;
  namens: string | null;
  onderdeel: string;
  reden: string | null;
  apparaat: string;
}

type Logregels = ApiOutput<'toegangslog.lijst'>['regels'];

/** The newest lines matching a view, one more than fit (to tell that more matched). */
export function logregelsVoor(ctx: ReadCtx, input: ApiInput<'toegangslog.lijst'>): Logregels {
  // A teamcoach sees the log of the own team's families and colleagues; the beheerder all.
  const team = ctx.session.rol === 'teamcoach' ? ctx.session.teamId : null;
  const filter = {
    gezinId: input.gezinId ?? null,
    professionalId: input.professionalId ?? null,
    van: input.van ?? null,
    // `at` is a full timestamp: up to and including the whole last day.
    tot: input.tot ? `${input.tot}T23:59:59.999Z` : null,
    team,
  };
  return ctx.sqlite
    .prepare<typeof filter, Rij>(
      `SELECT a.seq, a.at, a.actie, a.gezin_id AS gezinId, g.naam AS gezinNaam,
              a.user_id AS medewerkerId, p.naam AS medewerker, n.naam AS namens,
              a.onderdeel, a.reden, a.apparaat
         FROM audit_log a
         LEFT JOIN gezinnen g ON g.id = a.gezin_id
         LEFT JOIN professionals p ON p.id = a.user_id
         LEFT JOIN professionals n ON n.id = a.namens_id
        WHERE (@gezinId IS NULL OR a.gezin_id = @gezinId)
          AND (@professionalId IS NULL OR a.user_id = @professionalId)
          AND (@van IS NULL OR a.at >= @van)
          AND (@tot IS NULL OR a.at <= @tot)
          AND (@team IS NULL OR (g.team_id = @team OR (a.gezin_id IS NULL AND p.team_id = @team)))
        ORDER BY a.seq DESC
        LIMIT ${MAX_REGELS + 1}`,
    )
    .all(filter)
    .map((r) => ({ ...r, medewerker: r.medewerker ?? 'Onbekend' }));
}

export function toegangslogLijst(
  ctx: ReadCtx,
  input: ApiInput<'toegangslog.lijst'>,
): ApiOutput<'toegangslog.lijst'> {
  const team = ctx.session.rol === 'teamcoach' ? ctx.session.teamId : null;
  const regels = logregelsVoor(ctx, input);
  const afgekapt = regels.length > MAX_REGELS;
  const keuzes = (sql: string) =>
    ctx.sqlite.prepare<{ team: string | null }, { id: string; naam: string }>(sql).all({ team });
  const uitkomst: ApiOutput<'toegangslog.lijst'> = {
    regels: regels.slice(0, MAX_REGELS),
    afgekapt,
    keten: ctx.toegangslog.controleer(),
    gezinnen: keuzes(
      `SELECT DISTINCT g.id, g.naam FROM audit_log a JOIN gezinnen g ON g.id = a.gezin_id
        WHERE @team IS NULL OR g.team_id = @team ORDER BY g.naam`,
    ),
    medewerkers: keuzes(
      `SELECT DISTINCT p.id, p.naam FROM audit_log a JOIN professionals p ON p.id = a.user_id
        WHERE @team IS NULL OR p.team_id = @team ORDER BY p.naam`,
    ),
  };
  ctx.logregels.push({
    actie: 'log_inzien',
    gezinId: input.gezinId ?? null,
    onderdeel: input.gezinId
      ? 'toegangslog.client'
      : input.professionalId
        ? `toegangslog.medewerker:${input.professionalId}`
        : 'toegangslog.alles',
  });
  return uitkomst;
}
