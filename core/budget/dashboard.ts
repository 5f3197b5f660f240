/**
 * The coach's dashboard (issue "team budget awareness"; 003_… 1.1.1 and 1.2.2 ask for
 * short-cycle steering information per team): budget, committed, realised, forecast and
 * remaining; the month-by-month trend; breakdowns (groepen.ts); outliers (uitschieters.ts,
 * plafond.ts); the KPIs of 002_… 4.4 (kpis.ts); and waiting time and outcomes per aanbieder
 * (aanbieder-uitkomsten.ts). Definitions: README "Team budget".
 */
import type { Dashboard, DashboardFilter } from '../../shared/api';
import { DIMENSIES, UITSCHIETERS_MAX } from '../../shared/budget';
import {
  gecommitteerdInJaar,
  maandenVanJaar,
  prognosePerTeamCents,
  raaktJaar,
  resterendCents,
  type JaarDeel,
} from '../../shared/cost';
import type { ReadCtx } from '../context';
import { stmt } from '../prepared';
import { aanbiederUitkomsten } from './aanbieder-uitkomsten';
import { laadFeiten, type Feiten, type ToewijzingFeit } from './feiten';
import { laadNamen, uitsplitsing } from './groepen';
import { kenmerkSets, peildatumVoor, type Periode } from './kenmerken';
import { kpis } from './kpis';
import { plafondSignalen } from './plafond';
import { budgetVoor } from './teambudget';
import { controleerCijferToegang } from './toegang';
import {
  clientUitschieters,
  duurUitschieters,
  evaluatieUitschieters,
  type UitschieterBron,
} from './uitschieters';

export function berekenDashboard(ctx: ReadCtx, filter: DashboardFilter): Dashboard {
  controleerCijferToegang(ctx, filter);
  const feiten = laadFeiten(ctx, filter);
  return dashboardUitFeiten(ctx, filter, feiten, {
    jaar: filter.jaar,
    peildatum: peildatumVoor(filter.jaar, ctx.today()),
  });
}

export function dashboardUitFeiten(
  ctx: ReadCtx,
  filter: DashboardFilter,
  feiten: Feiten,
  periode: Periode,
): Dashboard {
  const { jaar, peildatum } = periode;
  const namen = laadNamen(ctx);
  const jaarFeiten = feiten.toewijzingen.filter((f) => raaktJaar(f, jaar));
  const delen = new Map(jaarFeiten.map((f) => [f.id, gecommitteerdInJaar(f, jaar)]));
  const jaarCents = new Map([...delen].map(([id, d]) => [id, d.cents]));
  const { sets, laatsteEvaluatie } = kenmerkSets(feiten, periode);
  const byId = new Map(feiten.toewijzingen.map((f) => [f.id, f]));
  const beeindigd = [...sets.get('beeindigd')!].map((id) => byId.get(id)!);
  const bron: UitschieterBron = {
    jaarFeiten,
    jaarCents,
    realisatie: feiten.realisatie,
    sets,
    laatsteEvaluatie,
    byId,
    namen,
    peildatum,
  };
  const plafond = plafondSignalen(ctx, jaarFeiten, jaarCents, jaar, feiten.sojDekking);
  const teamNaam = filter.teamId
    ? (stmt(ctx, 'SELECT naam FROM teams WHERE id = ?').get(filter.teamId) as { naam: string }).naam
    : null;
  return {
    filter,
    teamNaam,
    peildatum,
    ...kopEnTrend(ctx, filter, feiten, jaarFeiten, delen),
    uitsplitsing: Object.fromEntries(
      DIMENSIES.map((d) => [d, uitsplitsing(jaarFeiten, jaarCents, feiten.realisatie, d, namen)]),
    ) as Dashboard['uitsplitsing'],
    kpis: kpis(ctx, filter, feiten, sets, beeindigd),
    uitschieters: {
      clienten: clientUitschieters(ctx, bron),
      duur: duurUitschieters(ctx, bron),
      evaluatie: evaluatieUitschieters(ctx, bron),
      plafond: { aantal: plafond.length, rijen: plafond.slice(0, UITSCHIETERS_MAX) },
    },
    aanbieders: aanbiederUitkomsten(ctx, sets, byId, beeindigd, namen),
  };
}

/**
 * The headline figures and the month-by-month trend. Each toewijzing's months add up exactly to
 * its year (shared/cost.ts), so the trend adds up to the headline.
 */
function kopEnTrend(
  ctx: ReadCtx,
  filter: DashboardFilter,
  feiten: Feiten,
  jaarFeiten: ToewijzingFeit[],
  delen: Map<string, JaarDeel>,
): Pick<Dashboard, 'kop' | 'maanden'> {
  const jaar = filter.jaar;
  const perMaand = new Map(maandenVanJaar(jaar).map((p) => [p, 0]));
  // Per team, a month is SOJ or committed (README "Money rules", Forecast); a region or perceel
  // view adds up its teams.
  const perTeamMaand = new Map<string, Map<string, number>>();
  for (const f of jaarFeiten) {
    const team = perTeamMaand.get(f.teamId) ?? new Map<string, number>();
    perTeamMaand.set(f.teamId, team);
    for (const [p, cents] of delen.get(f.id)!.perMaand) {
      perMaand.set(p, perMaand.get(p)! + cents);
      team.set(p, (team.get(p) ?? 0) + cents);
    }
  }
  const prognose = prognosePerTeamCents(
    jaar,
    feiten.sojDekking,
    feiten.perTeamPeriode,
    perTeamMaand,
  );
  const budget = budgetVoor(ctx, filter);
  const onbekend = feiten.realisatie.filter((r) => r.toewijzingId === null);
  return {
    kop: {
      budgetCents: budget,
      gecommitteerdCents: [...delen.values()].reduce((a, d) => a + d.cents, 0),
      gerealiseerdCents: [...feiten.perPeriode.values()].reduce((a, b) => a + b, 0),
      prognoseCents: prognose,
      resterendCents: budget === null ? null : resterendCents(budget, prognose),
      laatstePeriode: feiten.laatstePeriode,
      maandenZonderSoj: maandenVanJaar(jaar).filter((p) => !feiten.sojMaanden.has(p)),
      jeugdigen: new Set(jaarFeiten.map((f) => f.gezinslidId)).size,
      toewijzingen: jaarFeiten.length,
      onbekendeRegels: onbekend.reduce((s, r) => s + r.regels, 0),
      onbekendCents: onbekend.reduce((s, r) => s + r.cents, 0),
    },
    maanden: maandenVanJaar(jaar).map((p) => ({
      periode: p,
      gerealiseerdCents: feiten.perPeriode.get(p) ?? 0,
      gecommitteerdCents: perMaand.get(p)!,
    })),
  };
}
