/**
 * The proposal of a toewijzing: everything checked before it is shown or made, its cost and
 * what it does to the budget, and whether it needs vier ogen.
 */
import { eq } from 'drizzle-orm';
import { teams } from '../../db/schema';
import type { ApiInput, ApiOutput, Voorstel } from '../../shared/api';
import { jarenVan, resterendCents, totalCents, type Commitment } from '../../shared/cost';
import { addDays } from '../../shared/dates';
import { type Perceel } from '../../shared/domain';
import { bovenBudget, vierOgenRedenen } from '../../shared/regels/vier-ogen';
import { ApiError } from '../api-error';
import { bijdrage, teamPrognose, type Prognose } from '../budget/prognose';
import { actieplanVoor, zorgprofielVan } from '../access';
import type { ReadCtx } from '../context';

import { gecontracteerdVoorProfiel, type Keuze } from './aanbieders';

/**
 * What a new toewijzing does to the team's budget and, when one is set, its perceel's. One
 * definition of what remains, as the dashboard's "Resterend" (shared/cost.ts, README "Money
 * rules"): budget minus the forecast of the year, this toewijzing's months without SOJ data
 * added. Shown for the current year; checked for every calendar year the toewijzing runs in
 * (`bovenBudgetJaren`: the years whose forecast it takes over a budget).
 */
export function budgetNaToewijzing(
  ctx: ReadCtx,
  teamId: string,
  perceel: Perceel,
  commitment: Commitment,
) {
  const jaar = Number(ctx.today().slice(0, 4));
  const naDeze = (p: Prognose, erbij: number) => ({
    budgetCents: p.budgetCents,
    prognoseCents: p.prognoseCents,
    prognoseNaCents: p.prognoseCents + erbij,
    naDezeCents:
      p.budgetCents === null ? null : resterendCents(p.budgetCents, p.prognoseCents + erbij),
  });
  const perJaar = (j: number) => {
    const teamNu = teamPrognose(ctx, teamId, j, null);
    const perceelNu = teamPrognose(ctx, teamId, j, perceel);
    const teamBudget = naDeze(teamNu, bijdrage(teamNu, commitment));
    const perceelBudget =
      perceelNu.budgetCents === null ? null : naDeze(perceelNu, bijdrage(perceelNu, commitment));
    return { teamNu, teamBudget, perceelBudget, ditJaarCents: bijdrage(teamNu, commitment) };
  };
  const nu = perJaar(jaar);
  const bovenBudgetJaren = jarenVan(commitment).filter((j) => {
    const { teamBudget, perceelBudget } = j === jaar ? nu : perJaar(j);
    return bovenBudget([teamBudget, ...(perceelBudget ? [perceelBudget] : [])]);
  });
  return { jaar, ...nu, bovenBudgetJaren };
}

interface Checked {
  plan: ReturnType<typeof actieplanVoor>['plan'];
  gezin: ReturnType<typeof actieplanVoor>['gezin'];
  profiel: ReturnType<typeof zorgprofielVan>;
  aanbieder: Keuze;
  product: Keuze['producten'][number];
  voorstel: Voorstel;
}

/**
 * The plan, its zorgprofiel and the chosen aanbieder and product, once the triage allows
 * jeugdhulp, the start is not too far back and the aanbieder is contracted for the profile.
 */
function gekozen(ctx: ReadCtx, input: ApiInput<'toewijzing.voorstel'>) {
  const { plan, gezin } = actieplanVoor(ctx, input.actieplanId, { schrijven: true });
  if (plan.triageUitkomst !== 'laten_doen') {
    throw new ApiError(
      'conflict',
      'Jeugdhulp kan pas worden toegewezen na de triage: eerst eigen kracht, netwerk en voorliggende voorzieningen.',
    );
  }
  const today = ctx.today();
  if (input.startdatum < addDays(today, -30)) {
    throw new ApiError(
      'ongeldige-invoer',
      'De startdatum ligt meer dan 30 dagen in het verleden.',
      'startdatum',
    );
  }
  const profiel = zorgprofielVan(ctx, plan.id);
  const keuze = gecontracteerdVoorProfiel(ctx, plan.id);
  const aanbieder = keuze.find((a) => a.id === input.aanbiederId);
  if (!aanbieder)
    throw new ApiError(
      'ongeldige-invoer',
      'Deze aanbieder is niet gecontracteerd voor dit zorgprofiel.',
      'aanbiederId',
    );
  const product = aanbieder.producten.find((p) => p.id === input.productId);
  if (!product)
    throw new ApiError(
      'ongeldige-invoer',
      'Deze aanbieder levert dit product niet binnen het zorgprofiel.',
      'productId',
    );
  if (!profiel && !product.beschikkingsvrij)
    throw new ApiError('conflict', 'Stel eerst het zorgprofiel vast.');
  return { plan, gezin, profiel, aanbieder, product };
}

/** Everything a toewijzing needs checked before it is shown as a proposal or made. */
export function check(ctx: ReadCtx, input: ApiInput<'toewijzing.voorstel'>): Checked {
  const { plan, gezin, profiel, aanbieder, product } = gekozen(ctx, input);
  const commitment = {
    volume: input.volume,
    frequentie: product.frequentie,
    tariefCents: product.tariefCents,
    startdatum: input.startdatum,
    einddatum: input.einddatum,
  };
  const team = ctx.db.select().from(teams).where(eq(teams.id, gezin.teamId)).get()!;
  const budget = budgetNaToewijzing(ctx, team.id, product.perceel, commitment);
  const { teamNu, teamBudget, perceelBudget, ditJaarCents, bovenBudgetJaren } = budget;
  const totaalCents = totalCents(commitment);
  const overBudget = bovenBudgetJaren.length > 0;
  // The rule the service checks a toewijzing made toegewezen against (shared/regels/).
  const redenen = vierOgenRedenen({
    beschikkingsvrij: product.beschikkingsvrij,
    zorgprofiel: profiel?.categorie ?? null,
    verblijf: product.verblijf,
    neeTenzij: aanbieder.clientenstop || aanbieder.plafondBereikt,
    totaalCents,
    drempelCents: team.vierOgenDrempelCents,
    bovenBudget: overBudget,
  });
  const laatste = [...teamNu.sojMaanden].at(-1) ?? null;
  return {
    plan,
    gezin,
    profiel,
    aanbieder,
    product,
    voorstel: {
      totaalCents,
      ditJaarCents,
      budget: {
        jaar: budget.jaar,
        ...teamBudget,
        laatstePeriode: laatste,
        maandenZonderSoj: 12 - teamNu.sojMaanden.size,
        perceel: perceelBudget && { perceel: product.perceel, ...perceelBudget },
      },
      vierOgen: {
        nodig: redenen.length > 0,
        redenen,
        alleenTeamcoach: !product.beschikkingsvrij && overBudget,
        bovenBudgetJaren: product.beschikkingsvrij ? [] : bovenBudgetJaren,
      },
      neeTenzijNodig: aanbieder.clientenstop || aanbieder.plafondBereikt,
      beschikkingsvrij: product.beschikkingsvrij,
    },
  };
}

export function toewijzingVoorstel(
  ctx: ReadCtx,
  input: ApiInput<'toewijzing.voorstel'>,
): ApiOutput<'toewijzing.voorstel'> {
  return check(ctx, input).voorstel;
}
