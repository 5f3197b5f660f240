/**
 * The gebiedsbudget per team per year, optionally split by perceel ("beslissen, bepalen en
 * betalen in één hand", 000_… sturingskader 5). Set by the teamcoach of the team or a
 * beheerder; every change is kept with its reason.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { budgetWijzigingen, teambudgetten } from '../../db/schema';
import type { ApiInput, ApiOutput, DashboardFilter } from '../../shared/api';
import { ApiError } from '../api-error';
import type { Ctx, Deps, ReadCtx } from '../context';
import { natuurlijkeId } from '../../shared/sync/natuurlijke-id';
import { stmt } from '../prepared';
import { budgetFout } from '../../shared/regels/rollen';
import { aanroeperVan, weigerAls } from '../regels';

/** The budget set for the filter's team (or region) and perceel; null when none is set. */
export function budgetVoor(
  deps: Deps,
  filter: Pick<DashboardFilter, 'teamId' | 'jaar' | 'perceel'>,
): number | null {
  const row = stmt(
    deps,
    `SELECT count(*) AS n, sum(bedrag_cents) AS cents FROM teambudgetten
      WHERE deleted = 0 AND jaar = @jaar AND (@team IS NULL OR team_id = @team)
        AND perceel IS @perceel`,
  ).get({ jaar: filter.jaar, team: filter.teamId, perceel: filter.perceel }) as {
    n: number;
    cents: number | null;
  };
  return row.n === 0 ? null : row.cents;
}

function teamVoorBudget(ctx: Ctx, teamId: string): void {
  // The team's teamcoach or a beheerder, as the service checks it (shared/regels/rollen.ts).
  weigerAls(budgetFout(aanroeperVan(ctx), teamId));
  if (!stmt(ctx, 'SELECT 1 FROM teams WHERE id = ? AND deleted = 0').get(teamId))
    throw new ApiError('niet-gevonden', 'Dit team bestaat niet.');
}

export function budgetVaststellen(
  ctx: Ctx,
  input: ApiInput<'budget.vaststellen'>,
): ApiOutput<'budget.vaststellen'> {
  teamVoorBudget(ctx, input.teamId);
  const bestaand = ctx.db
    .select()
    .from(teambudgetten)
    .where(
      and(
        eq(teambudgetten.teamId, input.teamId),
        eq(teambudgetten.jaar, input.jaar),
        input.perceel === null
          ? isNull(teambudgetten.perceel)
          : eq(teambudgetten.perceel, input.perceel),
        eq(teambudgetten.deleted, false),
      ),
    )
    .get();
  if (bestaand?.bedragCents === input.bedragCents)
    throw new ApiError('conflict', 'Dit budget is al zo vastgesteld; er is niets gewijzigd.');
  let budgetId = bestaand?.id;
  if (budgetId) ctx.write.update(teambudgetten, budgetId, { bedragCents: input.bedragCents });
  else
    budgetId = ctx.write.insert(teambudgetten, {
      // One budget per team, year and perceel on every laptop (ADR 0003).
      id: natuurlijkeId('teambudgetten', input.teamId, String(input.jaar), input.perceel ?? ''),
      teamId: input.teamId,
      jaar: input.jaar,
      perceel: input.perceel,
      bedragCents: input.bedragCents,
    });
  ctx.write.insert(budgetWijzigingen, {
    teamId: input.teamId,
    jaar: input.jaar,
    perceel: input.perceel,
    oudCents: bestaand?.bedragCents ?? null,
    nieuwCents: input.bedragCents,
    toelichting: input.toelichting,
    door: ctx.session.professionalId,
    op: ctx.now(),
  });
  return { id: budgetId };
}

export function budgetOverzicht(
  ctx: ReadCtx,
  input: ApiInput<'budget.overzicht'>,
): ApiOutput<'budget.overzicht'> {
  const team = ctx.session.rol === 'teamcoach' ? ctx.session.teamId : null;
  const budgetten = stmt(
    ctx,
    `SELECT b.team_id AS teamId, t.naam AS teamNaam, b.jaar, b.perceel, b.bedrag_cents AS bedragCents
       FROM teambudgetten b JOIN teams t ON t.id = b.team_id
      WHERE b.deleted = 0 AND b.jaar = @jaar AND (@team IS NULL OR b.team_id = @team)
      ORDER BY t.naam, b.perceel IS NOT NULL, b.perceel`,
  ).all({ jaar: input.jaar, team }) as ApiOutput<'budget.overzicht'>['budgetten'];
  const wijzigingen = stmt(
    ctx,
    `SELECT w.id, t.naam AS teamNaam, w.jaar, w.perceel, w.oud_cents AS oudCents,
            w.nieuw_cents AS nieuwCents, w.toelichting, p.naam AS door, w.op
       FROM budget_wijzigingen w JOIN teams t ON t.id = w.team_id
       JOIN professionals p ON p.id = w.door
      WHERE w.deleted = 0 AND w.jaar = @jaar AND (@team IS NULL OR w.team_id = @team)
      ORDER BY w.op DESC`,
  ).all({ jaar: input.jaar, team }) as ApiOutput<'budget.overzicht'>['wijzigingen'];
  const teams = stmt(
    ctx,
    `SELECT id, naam, vergrendel_minuten AS vergrendelMinuten FROM teams
      WHERE deleted = 0 AND (@team IS NULL OR id = @team) ORDER BY naam`,
  ).all({ team }) as ApiOutput<'budget.overzicht'>['teams'];
  return { budgetten, wijzigingen, teams };
}
