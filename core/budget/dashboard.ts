/**
 * The coach's dashboard (issue "team budget awareness"; 003_… 1.1.1 and 1.2.2 ask for
 * short-cycle steering information per team): budget, committed, realised, forecast and
 * remaining; the month-by-month trend; breakdowns; outliers; the KPIs of 002_… 4.4; and
 * waiting time and outcomes per aanbieder. Definitions: README "Team budget".
 */
import type { Dashboard, DashboardFilter, Groep } from '../../shared/api-budget';
import {
  DIMENSIES,
  EVALUATIE_ACHTERSTAND_DAGEN,
  PLAFOND_SIGNAAL,
  UITSCHIETERS_MAX,
  VERWACHTE_DUUR_DAGEN,
  type Dimensie,
} from '../../shared/budget';
import {
  maandenVanJaar,
  prognosePerTeamCents,
  resterendCents,
  totalCents,
  verdeling,
  type SojDekking,
} from '../../shared/cost';
import { daysInclusive } from '../../shared/dates';
import { PERCELEN, VERWIJZERS, ZORGPROFIEL_CATEGORIEEN } from '../../shared/domain';
import { ApiError } from '../api-error';
import type { Ctx, Deps } from '../context';
import { stmt } from '../prepared';
import {
  COMMITTING_SQL,
  laadFeiten,
  namenVanJeugdigen,
  regioToekomst,
  type Feiten,
  type RealisatieFeit,
  type ToewijzingFeit,
} from './facts';
import {
  kenmerkSets,
  looptijdDagen,
  peildatumVoor,
  raaktJaar,
  wachtDagen,
  type Periode,
} from './kenmerken';

const DAYS_PER_MONTH = 365.25 / 12;

/** A teamcoach sees the own team; a beheerder any team or the region (no names). */
export function checkScope(ctx: Ctx, filter: DashboardFilter): void {
  if (ctx.session.rol === 'teamcoach' && filter.teamId !== ctx.session.teamId)
    throw new ApiError('geen-toegang', 'U ziet alleen de cijfers van uw eigen team.');
  if (filter.teamId) {
    const team = stmt(ctx, 'SELECT id FROM teams WHERE id = ? AND deleted = 0').get(filter.teamId);
    if (!team) throw new ApiError('niet-gevonden', 'Dit team bestaat niet.');
  }
}

export const maandenVan = maandenVanJaar;

/** The key of a toewijzing or a realisation line within a dimension. */
export function sleutelVan(
  f: Pick<ToewijzingFeit, 'perceel' | 'zorgprofiel' | 'verwijzer'> & {
    aanbiederId: string | null;
    regisseurId: string | null;
  },
  dimensie: Dimensie,
): string | null {
  switch (dimensie) {
    case 'perceel':
      return f.perceel;
    case 'zorgprofiel':
      return f.zorgprofiel;
    case 'aanbieder':
      return f.aanbiederId;
    case 'verwijzer':
      return f.verwijzer;
    case 'regisseur':
      return f.regisseurId;
  }
}

export interface Namen {
  aanbieder: Map<string, string>;
  professional: Map<string, string>;
}

export function laadNamen(deps: Deps): Namen {
  const rows = (sql: string) =>
    new Map((stmt(deps, sql).all() as { id: string; naam: string }[]).map((r) => [r.id, r.naam]));
  return {
    aanbieder: rows('SELECT id, naam FROM aanbieders'),
    professional: rows('SELECT id, naam FROM professionals'),
  };
}

export function groepLabel(dimensie: Dimensie, sleutel: string | null, namen: Namen): string {
  if (sleutel === null)
    return dimensie === 'zorgprofiel' ? 'Zonder zorgprofiel (vrij toegankelijk)' : 'Onbekend';
  switch (dimensie) {
    case 'perceel':
      return PERCELEN.labels[sleutel as keyof typeof PERCELEN.labels] ?? sleutel;
    case 'zorgprofiel':
      return (
        ZORGPROFIEL_CATEGORIEEN.labels[sleutel as keyof typeof ZORGPROFIEL_CATEGORIEEN.labels] ??
        sleutel
      );
    case 'verwijzer':
      return VERWIJZERS.labels[sleutel as keyof typeof VERWIJZERS.labels] ?? sleutel;
    case 'aanbieder':
      return namen.aanbieder.get(sleutel) ?? 'Onbekende aanbieder';
    case 'regisseur':
      return namen.professional.get(sleutel) ?? 'Onbekend';
  }
}

interface GroepSom {
  jeugdigen: Set<string>;
  toewijzingen: number;
  gecommitteerd: number;
  gerealiseerd: number;
}

function uitsplitsing(
  jaarFeiten: ToewijzingFeit[],
  jaarCents: Map<string, number>,
  realisatie: RealisatieFeit[],
  dimensie: Dimensie,
  namen: Namen,
): Groep[] {
  const groepen = new Map<string | null, GroepSom>();
  const groep = (k: string | null) => {
    let g = groepen.get(k);
    if (!g)
      groepen.set(
        k,
        (g = { jeugdigen: new Set(), toewijzingen: 0, gecommitteerd: 0, gerealiseerd: 0 }),
      );
    return g;
  };
  for (const f of jaarFeiten) {
    const g = groep(sleutelVan(f, dimensie));
    g.jeugdigen.add(f.gezinslidId);
    g.toewijzingen++;
    g.gecommitteerd += jaarCents.get(f.id)!;
  }
  for (const r of realisatie) groep(sleutelVan(r, dimensie)).gerealiseerd += r.cents;
  return [...groepen]
    .map(([sleutel, g]) => ({
      sleutel,
      label: groepLabel(dimensie, sleutel, namen),
      jeugdigen: g.jeugdigen.size,
      toewijzingen: g.toewijzingen,
      gecommitteerdCents: g.gecommitteerd,
      gerealiseerdCents: g.gerealiseerd,
    }))
    .sort(
      (a, b) =>
        b.gecommitteerdCents - a.gecommitteerdCents ||
        b.gerealiseerdCents - a.gerealiseerdCents ||
        a.label.localeCompare(b.label, 'nl'),
    );
}

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

/** Action plans closed in the year and whether they needed jeugdhulp (002_… 4.4). */
export function actieplanFeiten(deps: Deps, filter: DashboardFilter) {
  return stmt(
    deps,
    `SELECT a.id, a.gezin_id,
            EXISTS (SELECT 1 FROM toewijzingen t WHERE t.actieplan_id = a.id AND t.deleted = 0
                      AND t.status IN (${COMMITTING_SQL}))
              AS met_jeugdhulp
       FROM actieplannen a JOIN gezinnen g ON g.id = a.gezin_id
      WHERE a.deleted = 0 AND a.status = 'afgerond' AND a.afgerond_op BETWEEN @van AND @tot
        AND (@team IS NULL OR g.team_id = @team)`,
  ).all({ team: filter.teamId, van: `${filter.jaar}-01-01`, tot: `${filter.jaar}-12-31` }) as {
    id: string;
    gezin_id: string;
    met_jeugdhulp: number;
  }[];
}

const plafondCache = new WeakMap<object, { sleutel: string; prognose: Map<string, number> }>();

/**
 * Region-wide forecast per aanbieder: its budgetplafond is the region's, not the team's. The
 * same for every team's dashboard, so it is kept until the next write on this connection
 * (total_changes() moves with every insert, update and delete, the SOJ import included).
 */
function plafondPrognose(deps: Deps, jaar: number, dekking: SojDekking): Map<string, number> {
  const { n } = stmt(deps, 'SELECT total_changes() AS n').get() as { n: number };
  const sleutel = `${jaar}|${[...dekking].map(([p, t]) => `${p}:${[...t].join('+')}`).join(',')}|${n}`;
  const cached = plafondCache.get(deps.sqlite);
  if (cached?.sleutel === sleutel) return cached.prognose;
  const prognose = berekenPlafondPrognose(deps, jaar, dekking);
  plafondCache.set(deps.sqlite, { sleutel, prognose });
  return prognose;
}

/**
 * The same forecast rule as the team's (shared/cost.ts `prognoseCents`), per aanbieder: per team
 * the SOJ amounts of its months with SOJ data, the committed cents of its other months.
 */
function berekenPlafondPrognose(deps: Deps, jaar: number, dekking: SojDekking) {
  const realised = stmt(
    deps,
    `SELECT a.id, s.periode, s.team_id, s.cents FROM (
       SELECT aanbieder_agb, periode, team_id, sum(bedrag_cents) AS cents FROM soj_regels
        WHERE deleted = 0 AND periode BETWEEN @periodeVan AND @periodeTot
        GROUP BY aanbieder_agb, periode, team_id) s
       JOIN aanbieders a ON a.agb_code = s.aanbieder_agb`,
  ).all({ periodeVan: `${jaar}-01`, periodeTot: `${jaar}-12` }) as {
    id: string;
    periode: string;
    team_id: string | null;
    cents: number;
  }[];
  const heeftSoj = (p: string, teamId: string | null) =>
    teamId !== null && (dekking.get(p)?.has(teamId) ?? false);
  const prognose = new Map<string, number>();
  const erbij = (id: string, cents: number) => prognose.set(id, (prognose.get(id) ?? 0) + cents);
  for (const r of realised) if (heeftSoj(r.periode, r.team_id)) erbij(r.id, r.cents);
  const maanden = maandenVanJaar(jaar);
  for (const f of regioToekomst(deps, `${jaar}-01-01`, `${jaar}-12-31`)) {
    const zonder = maanden.filter((p) => !heeftSoj(p, f.teamId));
    if (zonder.length === 0) continue;
    const perMaand = verdeling(f).maanden;
    erbij(
      f.aanbiederId,
      zonder.reduce((s, p) => s + (perMaand.get(p) ?? 0), 0),
    );
  }
  return prognose;
}

export function berekenDashboard(ctx: Ctx, filter: DashboardFilter): Dashboard {
  checkScope(ctx, filter);
  const feiten = laadFeiten(ctx, filter);
  return dashboardUitFeiten(ctx, filter, feiten, {
    jaar: filter.jaar,
    peildatum: peildatumVoor(filter.jaar, ctx.today()),
  });
}

export function dashboardUitFeiten(
  ctx: Ctx,
  filter: DashboardFilter,
  feiten: Feiten,
  periode: Periode,
): Dashboard {
  const { jaar, peildatum } = periode;
  const namen = laadNamen(ctx);
  const metNamen = ctx.session.rol !== 'beheerder';
  const jaarFeiten = feiten.toewijzingen.filter((f) => raaktJaar(f, jaar));
  const verdelingen = new Map(jaarFeiten.map((f) => [f.id, verdeling(f)]));
  const jaarCents = new Map(
    jaarFeiten.map((f) => [f.id, verdelingen.get(f.id)!.jaren.get(jaar) ?? 0]),
  );
  const { sets, laatsteEvaluatie } = kenmerkSets(feiten, periode);
  const byId = new Map(feiten.toewijzingen.map((f) => [f.id, f]));

  // ------------------------------------------------------------ headline figures
  const gecommitteerd = [...jaarCents.values()].reduce((a, b) => a + b, 0);
  const gerealiseerd = [...feiten.perPeriode.values()].reduce((a, b) => a + b, 0);
  const budget = budgetVoor(ctx, filter);
  const onbekend = feiten.realisatie.filter((r) => r.toewijzingId === null);

  // ------------------------------------------------------------ trend
  // Each toewijzing's months add up exactly to its year (shared/cost.ts), so the trend adds up
  // to the headline.
  const perMaand = new Map(maandenVan(jaar).map((p) => [p, 0]));
  for (const v of verdelingen.values())
    for (const [p, cents] of v.maanden)
      if (perMaand.has(p)) perMaand.set(p, perMaand.get(p)! + cents);
  // Per team, a month is SOJ or committed (README "Money rules", Forecast); a region or perceel
  // view adds up its teams.
  const perTeamMaand = new Map<string, Map<string, number>>();
  for (const f of jaarFeiten) {
    const team = perTeamMaand.get(f.teamId) ?? new Map<string, number>();
    perTeamMaand.set(f.teamId, team);
    for (const [p, cents] of verdelingen.get(f.id)!.maanden)
      if (perMaand.has(p)) team.set(p, (team.get(p) ?? 0) + cents);
  }
  const prognose = prognosePerTeamCents(
    jaar,
    feiten.sojDekking,
    feiten.perTeamPeriode,
    perTeamMaand,
  );
  const maanden = maandenVan(jaar).map((p) => ({
    periode: p,
    gerealiseerdCents: feiten.perPeriode.get(p) ?? 0,
    gecommitteerdCents: perMaand.get(p)!,
  }));

  // ------------------------------------------------------------ outliers
  const perClient = new Map<
    string,
    { n: number; c: number; r: number; gezinId: string; regisseurId: string }
  >();
  for (const f of jaarFeiten) {
    const c = perClient.get(f.gezinslidId) ?? {
      n: 0,
      c: 0,
      r: 0,
      gezinId: f.gezinId,
      regisseurId: f.regisseurId,
    };
    c.n++;
    c.c += jaarCents.get(f.id)!;
    perClient.set(f.gezinslidId, c);
  }
  for (const r of feiten.realisatie) {
    const c = r.gezinslidId ? perClient.get(r.gezinslidId) : undefined;
    if (c) c.r += r.cents;
  }
  const topClienten = [...perClient]
    .sort((a, b) => b[1].c - a[1].c || a[0].localeCompare(b[0]))
    .slice(0, UITSCHIETERS_MAX);
  const clientNamen = namenVanJeugdigen(
    ctx,
    topClienten.map(([id]) => id),
  );

  /** The outliers of one kind, furthest past their limit first, with names for the coach. */
  const lijst = (
    ids: Set<string>,
    grens: (f: ToewijzingFeit) => number,
    dagen: (f: ToewijzingFeit) => number,
  ) => {
    const overschrijding = (f: ToewijzingFeit) => dagen(f) - grens(f);
    const gekozen = [...ids]
      .map((id) => byId.get(id)!)
      .sort((a, b) => overschrijding(b) - overschrijding(a) || a.id.localeCompare(b.id))
      .slice(0, UITSCHIETERS_MAX);
    const jeugdigen = namenVanJeugdigen(
      ctx,
      gekozen.map((f) => f.gezinslidId),
    );
    return {
      aantal: ids.size,
      rijen: gekozen.map((f) => ({
        toewijzingId: f.id,
        gezinId: metNamen ? f.gezinId : null,
        naam: jeugdigen.get(f.gezinslidId) ?? 'Jeugdige',
        aanbieder: namen.aanbieder.get(f.aanbiederId) ?? 'Onbekende aanbieder',
        zorgprofiel: f.zorgprofiel,
        startdatum: f.startdatum,
        dagen: dagen(f),
        grensDagen: grens(f),
      })),
    };
  };
  const evaluatieDagen = (f: ToewijzingFeit) =>
    daysInclusive(laatsteEvaluatie.get(f.id) ?? f.startdatum, peildatum) - 1;

  const gebruikteAanbieders = new Set(jaarFeiten.map((f) => f.aanbiederId));
  const teamPerAanbieder = new Map<string, number>();
  for (const f of jaarFeiten)
    teamPerAanbieder.set(
      f.aanbiederId,
      (teamPerAanbieder.get(f.aanbiederId) ?? 0) + jaarCents.get(f.id)!,
    );
  const regioPrognose = plafondPrognose(ctx, jaar, feiten.sojDekking);
  const plafondRijen = (
    stmt(
      ctx,
      'SELECT id, naam, budgetplafond_cents, clientenstop FROM aanbieders WHERE deleted = 0',
    ).all() as {
      id: string;
      naam: string;
      budgetplafond_cents: number;
      clientenstop: number;
    }[]
  )
    .filter((a) => gebruikteAanbieders.has(a.id))
    .map((a) => ({
      aanbiederId: a.id,
      naam: a.naam,
      plafondCents: a.budgetplafond_cents,
      prognoseRegioCents: regioPrognose.get(a.id) ?? 0,
      clientenstop: a.clientenstop === 1,
      gecommitteerdCents: teamPerAanbieder.get(a.id) ?? 0,
    }))
    .filter((a) => a.clientenstop || a.prognoseRegioCents >= a.plafondCents * PLAFOND_SIGNAAL)
    .sort((a, b) => b.prognoseRegioCents / b.plafondCents - a.prognoseRegioCents / a.plafondCents);

  // ------------------------------------------------------------ KPIs (002_… 4.4)
  const evaluatiesInJaar = feiten.evaluaties.filter(
    (e) => e.uitgevoerdOp.startsWith(`${jaar}-`) && e.uitkomst !== null,
  );
  const jeugdigenVan = (ids: Set<string>) =>
    new Set([...ids].map((id) => byId.get(id)!.gezinslidId)).size;
  const plannen = actieplanFeiten(ctx, filter);
  const beeindigd = [...sets.get('beeindigd')!].map((id) => byId.get(id)!);
  const dagenTotaal = beeindigd.reduce((s, f) => s + daysInclusive(f.startdatum, f.eind), 0);
  const centsTotaal = beeindigd.reduce((s, f) => s + totalCents(f), 0);

  // ------------------------------------------------------------ per aanbieder
  const perAanbieder = new Map<string, Dashboard['aanbieders'][number]>();
  const aanbieder = (id: string) => {
    let a = perAanbieder.get(id);
    if (!a)
      perAanbieder.set(
        id,
        (a = {
          aanbiederId: id,
          naam: namen.aanbieder.get(id) ?? 'Onbekende aanbieder',
          gestart: 0,
          wachtdagenTotaal: 0,
          langsteWachtDagen: 0,
          wachtend: 0,
          beeindigd: 0,
          uitval: 0,
          doelenBehaald: 0,
          doelenBeoordeeld: 0,
          oordeelSom: 0,
          oordelen: 0,
        }),
      );
    return a;
  };
  for (const id of sets.get('gestart')!) {
    const f = byId.get(id)!;
    const a = aanbieder(f.aanbiederId);
    a.gestart++;
    a.wachtdagenTotaal += wachtDagen(f);
    a.langsteWachtDagen = Math.max(a.langsteWachtDagen, wachtDagen(f));
  }
  for (const id of sets.get('wachtend')!) aanbieder(byId.get(id)!.aanbiederId).wachtend++;
  const doelen = doelenPerActieplan(ctx, beeindigd);
  for (const f of beeindigd) {
    const a = aanbieder(f.aanbiederId);
    a.beeindigd++;
    if (sets.get('uitval')!.has(f.id)) a.uitval++;
    const d = f.actieplanId ? doelen.get(f.actieplanId) : undefined;
    if (d) {
      a.doelenBehaald += d.behaald;
      a.doelenBeoordeeld += d.beoordeeld;
    }
    if (f.oordeelCijfer !== null) {
      a.oordeelSom += f.oordeelCijfer;
      a.oordelen++;
    }
  }

  const teamNaam = filter.teamId
    ? (stmt(ctx, 'SELECT naam FROM teams WHERE id = ?').get(filter.teamId) as { naam: string }).naam
    : null;

  return {
    filter,
    teamNaam,
    peildatum,
    kop: {
      budgetCents: budget,
      gecommitteerdCents: gecommitteerd,
      gerealiseerdCents: gerealiseerd,
      prognoseCents: prognose,
      resterendCents: budget === null ? null : resterendCents(budget, prognose),
      laatstePeriode: feiten.laatstePeriode,
      maandenZonderSoj: maandenVan(jaar).filter((p) => !feiten.sojMaanden.has(p)),
      jeugdigen: new Set(jaarFeiten.map((f) => f.gezinslidId)).size,
      toewijzingen: jaarFeiten.length,
      onbekendeRegels: onbekend.reduce((s, r) => s + r.regels, 0),
      onbekendCents: onbekend.reduce((s, r) => s + r.cents, 0),
    },
    maanden,
    uitsplitsing: Object.fromEntries(
      DIMENSIES.map((d) => [d, uitsplitsing(jaarFeiten, jaarCents, feiten.realisatie, d, namen)]),
    ) as Dashboard['uitsplitsing'],
    kpis: {
      afschaling: {
        teller: evaluatiesInJaar.filter((e) => e.uitkomst === 'afschalen').length,
        noemer: evaluatiesInJaar.length,
      },
      terugkeer: {
        teller: jeugdigenVan(sets.get('terugkeer')!),
        noemer: jeugdigenVan(sets.get('zorg_geeindigd')!),
      },
      zonderJeugdhulp: {
        teller: plannen.filter((p) => p.met_jeugdhulp === 0).length,
        noemer: plannen.length,
      },
      duur: {
        aantal: beeindigd.length,
        gemiddeldeDagen: beeindigd.length ? Math.round(dagenTotaal / beeindigd.length) : 0,
        kostenPerMaandCents: dagenTotaal
          ? Math.round(centsTotaal / (dagenTotaal / DAYS_PER_MONTH))
          : 0,
      },
    },
    uitschieters: {
      clienten: {
        aantal: perClient.size,
        rijen: topClienten.map(([id, c]) => ({
          gezinslidId: id,
          gezinId: metNamen ? c.gezinId : null,
          naam: clientNamen.get(id) ?? 'Jeugdige',
          regisseur: namen.professional.get(c.regisseurId) ?? 'Onbekend',
          toewijzingen: c.n,
          gecommitteerdCents: c.c,
          gerealiseerdCents: c.r,
        })),
      },
      duur: lijst(
        sets.get('duur_overschreden')!,
        (f) => VERWACHTE_DUUR_DAGEN[f.zorgprofiel!],
        (f) => looptijdDagen(f, peildatum),
      ),
      evaluatie: lijst(
        sets.get('evaluatie_achterstand')!,
        () => EVALUATIE_ACHTERSTAND_DAGEN,
        evaluatieDagen,
      ),
      plafond: { aantal: plafondRijen.length, rijen: plafondRijen.slice(0, UITSCHIETERS_MAX) },
    },
    aanbieders: [...perAanbieder.values()].sort((a, b) => a.naam.localeCompare(b.naam, 'nl')),
  };
}

function doelenPerActieplan(deps: Deps, feiten: ToewijzingFeit[]) {
  const ids = [...new Set(feiten.map((f) => f.actieplanId).filter((id): id is string => !!id))];
  const rows = stmt(
    deps,
    `SELECT d.actieplan_id, sum(d.resultaat = 'behaald') AS behaald,
            sum(d.resultaat <> 'open') AS beoordeeld
       FROM doelen d
      WHERE d.deleted = 0 AND d.actieplan_id IN (SELECT value FROM json_each(?))
      GROUP BY d.actieplan_id`,
  ).all(JSON.stringify(ids)) as { actieplan_id: string; behaald: number; beoordeeld: number }[];
  return new Map(
    rows.map((r) => [r.actieplan_id, { behaald: r.behaald, beoordeeld: r.beoordeeld }]),
  );
}
