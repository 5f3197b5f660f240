/**
 * The coach's figures recomputed independently from the raw rows of the generated region
 * (ARCHITECTURE.md "Money": recomputable to the cent). The reference below reads the demo
 * dataset's arrays directly and shares only the definitions (shared/cost.ts, shared/budget.ts)
 * with the core, none of its queries or grouping.
 */
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../db/connection';
import { generateRegion, type DemoDataset } from '../../db/demo/generate';
import { writeDataset } from '../../db/demo/write';
import type { Dashboard, DashboardFilter } from '../../shared/api-budget';
import {
  DIMENSIES,
  EVALUATIE_ACHTERSTAND_DAGEN,
  PLAFOND_SIGNAAL,
  TERUGKEER_DAGEN,
  VERWACHTE_DUUR_DAGEN,
  type Dimensie,
} from '../../shared/budget';
import {
  centsBetween,
  effectiveEnd,
  monthCents,
  totalCents,
  yearCents,
  type Commitment,
} from '../../shared/cost';
import { addDays, daysInclusive } from '../../shared/dates';
import { COMMITTING_STATUSSEN } from '../../shared/domain';
import { alsPersoon } from '../../test/helpers/core-client';
import { createCore, type Core } from '../core';

const TODAY = '2026-11-23';

type T = DemoDataset['toewijzingen'][number] & { id: string };

function reference(data: DemoDataset, filter: DashboardFilter, namen: boolean) {
  const Y = filter.jaar;
  const peil = TODAY < `${Y}-12-31` ? TODAY : `${Y}-12-31`;
  const gezinVanLid = new Map(data.gezinsleden.map((l) => [l.id!, l.gezinId]));
  const gezin = new Map(data.gezinnen.map((g) => [g.id!, g]));
  const product = new Map(data.producten.map((p) => [p.id!, p]));
  const profiel = new Map(data.zorgprofielen.map((z) => [z.id!, z.categorie]));
  const aanbiederVanAgb = new Map(data.aanbieders.map((a) => [a.agbCode, a.id!]));
  const lid = new Map(data.gezinsleden.map((l) => [l.id!, l]));
  const teamVan = (t: T) => gezin.get(gezinVanLid.get(t.gezinslidId)!)!.teamId;
  const c = (t: T): Commitment => t as Commitment;
  const eind = (t: T) => effectiveEnd(c(t));

  const alle = (data.toewijzingen as T[]).filter(
    (t) =>
      !t.deleted &&
      (COMMITTING_STATUSSEN as readonly string[]).includes(t.status) &&
      (filter.teamId === null || teamVan(t) === filter.teamId) &&
      (filter.perceel === null || product.get(t.productId)!.perceel === filter.perceel) &&
      t.startdatum <= `${Y}-12-31` &&
      eind(t) >= `${Y - 1}-01-01`,
  );
  const inJaar = alle.filter((t) => t.startdatum <= `${Y}-12-31` && eind(t) >= `${Y}-01-01`);
  const regels = data.sojRegels.filter(
    (r) =>
      r.periode.startsWith(`${Y}-`) &&
      (filter.teamId === null || r.teamId === filter.teamId) &&
      (filter.perceel === null || r.perceel === filter.perceel),
  );
  const toewijzingVan = new Map((data.toewijzingen as T[]).map((t) => [t.id, t]));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

  const laatste = data.sojImports
    .map((i) => i.periode)
    .filter((p) => p.startsWith(`${Y}-`))
    .sort()
    .at(-1);
  const vanaf = !laatste
    ? `${Y}-01-01`
    : laatste.endsWith('-12')
      ? `${Y + 1}-01-01`
      : `${Y}-${String(Number(laatste.slice(5)) + 1).padStart(2, '0')}-01`;
  const gerealiseerd = sum(regels.map((r) => r.bedragCents));
  const budgetRijen = data.teambudgetten.filter(
    (b) =>
      b.jaar === Y &&
      (filter.teamId === null || b.teamId === filter.teamId) &&
      (b.perceel ?? null) === filter.perceel,
  );
  const budget = budgetRijen.length ? sum(budgetRijen.map((b) => b.bedragCents)) : null;
  const prognose = gerealiseerd + sum(inJaar.map((t) => centsBetween(c(t), vanaf, `${Y}-12-31`)));

  const sleutelT = (t: T, d: Dimensie): string | null => {
    if (d === 'perceel') return product.get(t.productId)!.perceel;
    if (d === 'zorgprofiel') return t.zorgprofielId ? profiel.get(t.zorgprofielId)! : null;
    if (d === 'aanbieder') return t.aanbiederId;
    if (d === 'verwijzer') return t.verwijzer;
    return gezin.get(gezinVanLid.get(t.gezinslidId)!)!.regisseurId;
  };
  const sleutelR = (r: (typeof regels)[number], d: Dimensie): string | null => {
    const t = r.toewijzingId ? toewijzingVan.get(r.toewijzingId) : undefined;
    if (d === 'perceel') return r.perceel;
    if (d === 'zorgprofiel') return t?.zorgprofielId ? profiel.get(t.zorgprofielId)! : null;
    if (d === 'aanbieder') return aanbiederVanAgb.get(r.aanbiederAgb) ?? null;
    if (d === 'verwijzer') return r.verwijzer;
    return r.gezinslidId ? gezin.get(gezinVanLid.get(r.gezinslidId)!)!.regisseurId : null;
  };
  const uitsplitsing = (d: Dimensie) => {
    const groepen = new Map<string | null, { ts: T[]; realisatie: number }>();
    const groep = (k: string | null) => {
      if (!groepen.has(k)) groepen.set(k, { ts: [], realisatie: 0 });
      return groepen.get(k)!;
    };
    for (const t of inJaar) groep(sleutelT(t, d)).ts.push(t);
    for (const r of regels) groep(sleutelR(r, d)).realisatie += r.bedragCents;
    return [...groepen]
      .map(([k, g]) => ({
        sleutel: k,
        jeugdigen: new Set(g.ts.map((t) => t.gezinslidId)).size,
        toewijzingen: g.ts.length,
        gecommitteerdCents: sum(g.ts.map((t) => yearCents(c(t), Y))),
        gerealiseerdCents: g.realisatie,
      }))
      .sort((a, b) => String(a.sleutel).localeCompare(String(b.sleutel)));
  };

  // KPIs
  const evaluatiesVan = new Map<string, DemoDataset['evaluaties']>();
  for (const e of data.evaluaties)
    if (!e.deleted && e.uitgevoerdOp)
      evaluatiesVan.set(e.toewijzingId, [...(evaluatiesVan.get(e.toewijzingId) ?? []), e]);
  const evalsInJaar = alle.flatMap((t) =>
    (evaluatiesVan.get(t.id) ?? []).filter(
      (e) => e.uitgevoerdOp!.startsWith(`${Y}-`) && e.uitkomst,
    ),
  );
  const beeindigd = alle.filter((t) => eind(t).startsWith(`${Y}-`) && eind(t) < peil);
  const perLid = new Map<string, T[]>();
  for (const t of alle) perLid.set(t.gezinslidId, [...(perLid.get(t.gezinslidId) ?? []), t]);
  const geeindigd = alle.filter(
    (t) =>
      eind(t).startsWith(`${Y - 1}-`) &&
      !perLid
        .get(t.gezinslidId)!
        .some(
          (g) => g !== t && g.startdatum <= addDays(eind(t), 1) && eind(g) >= addDays(eind(t), 1),
        ),
  );
  const terug = geeindigd.filter((t) =>
    perLid
      .get(t.gezinslidId)!
      .some((g) => g.startdatum > eind(t) && g.startdatum <= addDays(eind(t), TERUGKEER_DAGEN)),
  );
  const jeugdigen = (ts: T[]) => new Set(ts.map((t) => t.gezinslidId)).size;
  const afgerond = data.actieplannen.filter(
    (a) =>
      !a.deleted &&
      a.status === 'afgerond' &&
      a.afgerondOp! >= `${Y}-01-01` &&
      a.afgerondOp! <= `${Y}-12-31` &&
      (filter.teamId === null || gezin.get(a.gezinId)!.teamId === filter.teamId),
  );
  const metHulp = new Set(
    (data.toewijzingen as T[])
      .filter((t) => !t.deleted && (COMMITTING_STATUSSEN as readonly string[]).includes(t.status))
      .map((t) => t.actieplanId),
  );
  const dagen = sum(beeindigd.map((t) => daysInclusive(t.startdatum, eind(t))));

  // Outliers
  const loop = (t: T) => {
    const e = eind(t) < peil ? eind(t) : peil;
    return e < t.startdatum ? 0 : daysInclusive(t.startdatum, e);
  };
  const duur = inJaar.filter(
    (t) => t.zorgprofielId && loop(t) > VERWACHTE_DUUR_DAGEN[profiel.get(t.zorgprofielId)!],
  );
  const achterstand = alle.filter((t) => {
    if (!(t.status === 'toegewezen' || t.status === 'gestart')) return false;
    if (!(t.startdatum <= peil && eind(t) >= peil)) return false;
    const laatsteEval = (evaluatiesVan.get(t.id) ?? [])
      .map((e) => e.uitgevoerdOp!)
      .filter((d) => d <= peil)
      .sort()
      .at(-1);
    return (laatsteEval ?? t.startdatum) < addDays(peil, -EVALUATIE_ACHTERSTAND_DAGEN);
  });
  const perClient = new Map<string, number>();
  for (const t of inJaar)
    perClient.set(t.gezinslidId, (perClient.get(t.gezinslidId) ?? 0) + yearCents(c(t), Y));
  const topClient = [...perClient].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];

  // Aanbieders near their plafond (region-wide forecast)
  const regioRealisatie = new Map<string, number>();
  for (const r of data.sojRegels)
    if (r.periode.startsWith(`${Y}-`)) {
      const a = aanbiederVanAgb.get(r.aanbiederAgb)!;
      regioRealisatie.set(a, (regioRealisatie.get(a) ?? 0) + r.bedragCents);
    }
  for (const t of data.toewijzingen as T[])
    if (!t.deleted && (COMMITTING_STATUSSEN as readonly string[]).includes(t.status))
      regioRealisatie.set(
        t.aanbiederId,
        (regioRealisatie.get(t.aanbiederId) ?? 0) + centsBetween(c(t), vanaf, `${Y}-12-31`),
      );
  const gebruikt = new Set(inJaar.map((t) => t.aanbiederId));
  const plafond = data.aanbieders.filter(
    (a) =>
      gebruikt.has(a.id!) &&
      (a.clientenstop ||
        (regioRealisatie.get(a.id!) ?? 0) >= a.budgetplafondCents * PLAFOND_SIGNAAL),
  );

  // Per aanbieder: waiting time and outcomes
  const doelenVan = new Map<string, { behaald: number; beoordeeld: number }>();
  for (const d of data.doelen) {
    if (d.deleted) continue;
    const x = doelenVan.get(d.actieplanId) ?? { behaald: 0, beoordeeld: 0 };
    if (d.resultaat === 'behaald') x.behaald++;
    if (d.resultaat && d.resultaat !== 'open') x.beoordeeld++;
    doelenVan.set(d.actieplanId, x);
  }
  const aanbieders = [...new Set(alle.map((t) => t.aanbiederId))].flatMap((id) => {
    const ts = alle.filter((t) => t.aanbiederId === id);
    const gestart = ts.filter((t) => t.werkelijkeStart?.startsWith(`${Y}-`));
    const wacht = (t: T) =>
      t.werkelijkeStart! > t.startdatum ? daysInclusive(t.startdatum, t.werkelijkeStart!) - 1 : 0;
    const wachtend = ts.filter(
      (t) =>
        t.status === 'toegewezen' &&
        !t.werkelijkeStart &&
        t.startdatum < peil &&
        t.startdatum <= peil &&
        eind(t) >= peil,
    );
    const klaar = beeindigd.filter((t) => t.aanbiederId === id);
    if (gestart.length + wachtend.length + klaar.length === 0) return [];
    const oordelen = klaar
      .map((t) => gezin.get(gezinVanLid.get(t.gezinslidId)!)!.oordeelCijfer)
      .filter((o): o is number => o !== null && o !== undefined);
    return [
      {
        aanbiederId: id,
        gestart: gestart.length,
        wachtdagenTotaal: sum(gestart.map(wacht)),
        langsteWachtDagen: Math.max(0, ...gestart.map(wacht)),
        wachtend: wachtend.length,
        beeindigd: klaar.length,
        uitval: klaar.filter((t) => t.eindeReden === 'voortijdig_client').length,
        doelenBehaald: sum(
          klaar.map((t) => (t.actieplanId ? (doelenVan.get(t.actieplanId)?.behaald ?? 0) : 0)),
        ),
        doelenBeoordeeld: sum(
          klaar.map((t) => (t.actieplanId ? (doelenVan.get(t.actieplanId)?.beoordeeld ?? 0) : 0)),
        ),
        oordeelSom: sum(oordelen),
        oordelen: oordelen.length,
      },
    ];
  });

  return {
    kop: {
      budgetCents: budget,
      gecommitteerdCents: sum(inJaar.map((t) => yearCents(c(t), Y))),
      gerealiseerdCents: gerealiseerd,
      prognoseCents: prognose,
      resterendCents: budget === null ? null : budget - prognose,
      laatstePeriode: laatste ?? null,
      jeugdigen: jeugdigen(inJaar),
      toewijzingen: inJaar.length,
      onbekendeRegels: regels.filter((r) => !r.toewijzingId).length,
      onbekendCents: sum(regels.filter((r) => !r.toewijzingId).map((r) => r.bedragCents)),
    },
    maanden: Array.from({ length: 12 }, (_, i) => {
      const p = `${Y}-${String(i + 1).padStart(2, '0')}`;
      return {
        periode: p,
        gerealiseerdCents: sum(regels.filter((r) => r.periode === p).map((r) => r.bedragCents)),
        gecommitteerdCents: sum(inJaar.map((t) => monthCents(c(t), p))),
      };
    }),
    uitsplitsing: Object.fromEntries(DIMENSIES.map((d) => [d, uitsplitsing(d)])),
    kpis: {
      afschaling: {
        teller: evalsInJaar.filter((e) => e.uitkomst === 'afschalen').length,
        noemer: evalsInJaar.length,
      },
      terugkeer: { teller: jeugdigen(terug), noemer: jeugdigen(geeindigd) },
      zonderJeugdhulp: {
        teller: afgerond.filter((a) => !metHulp.has(a.id!)).length,
        noemer: afgerond.length,
      },
      duur: {
        aantal: beeindigd.length,
        gemiddeldeDagen: beeindigd.length ? Math.round(dagen / beeindigd.length) : 0,
        kostenPerMaandCents: dagen
          ? Math.round(sum(beeindigd.map((t) => totalCents(c(t)))) / (dagen / (365.25 / 12)))
          : 0,
      },
    },
    uitschieters: {
      clienten: perClient.size,
      topClient: topClient && {
        gezinslidId: topClient[0],
        gecommitteerdCents: topClient[1],
        naam: namen
          ? `${lid.get(topClient[0])!.voornaam} ${lid.get(topClient[0])!.achternaam}`
          : 'Jeugdige',
        gerealiseerdCents: sum(
          regels.filter((r) => r.gezinslidId === topClient[0]).map((r) => r.bedragCents),
        ),
      },
      duur: duur.map((t) => t.id).sort(),
      evaluatie: achterstand.map((t) => t.id).sort(),
      plafond: plafond.map((a) => a.id!).sort(),
    },
    aanbieders: aanbieders.sort((a, b) => a.aanbiederId.localeCompare(b.aanbiederId)),
  };
}

function shape(d: Dashboard) {
  return {
    kop: d.kop,
    maanden: d.maanden,
    uitsplitsing: Object.fromEntries(
      DIMENSIES.map((dim) => [
        dim,
        d.uitsplitsing[dim]
          .map(({ label: _l, ...g }) => g)
          .sort((a, b) => String(a.sleutel).localeCompare(String(b.sleutel))),
      ]),
    ),
    kpis: d.kpis,
    uitschieters: {
      clienten: d.uitschieters.clienten.aantal,
      topClient: d.uitschieters.clienten.rijen[0] && {
        gezinslidId: d.uitschieters.clienten.rijen[0].gezinslidId,
        gecommitteerdCents: d.uitschieters.clienten.rijen[0].gecommitteerdCents,
        naam: d.uitschieters.clienten.rijen[0].naam,
        gerealiseerdCents: d.uitschieters.clienten.rijen[0].gerealiseerdCents,
      },
      duur: d.uitschieters.duur.rijen.map((r) => r.toewijzingId).sort(),
      evaluatie: d.uitschieters.evaluatie.rijen.map((r) => r.toewijzingId).sort(),
      plafond: d.uitschieters.plafond.rijen.map((r) => r.aanbiederId).sort(),
    },
    aanbieders: d.aanbieders
      .map(({ naam: _n, ...a }) => a)
      .sort((a, b) => a.aanbiederId.localeCompare(b.aanbiederId)),
  };
}

describe('coach dashboard at region scale: every figure recomputed from the raw rows', () => {
  let data: DemoDataset;
  let core: Core;
  let store: OpenDatabase;
  let coachVan: Map<string, string>;
  let beheerder: string;

  beforeAll(() => {
    data = generateRegion({ scale: 'region', today: TODAY });
    store = openDatabase({ path: ':memory:', key: randomBytes(32) });
    writeDataset(store.sqlite, data);
    core = createCore(store, { now: () => new Date(`${TODAY}T12:00:00Z`) });
    coachVan = new Map(
      data.professionals.filter((p) => p.rol === 'teamcoach').map((p) => [p.teamId!, p.id!]),
    );
    beheerder = data.professionals.find((p) => p.rol === 'beheerder')!.id!;
  }, 120_000);

  const dashboard = (filter: DashboardFilter, professionalId: string) => {
    alsPersoon(store, professionalId);
    const result = core.call('budget.dashboard', filter);
    if (!result.ok) throw new Error(result.error.message);
    return result.data;
  };

  /** Outlier lists show the first rows; compare whole sets only where they fit. */
  function compare(actual: Dashboard, expected: ReturnType<typeof reference>) {
    const a = shape(actual);
    for (const key of ['duur', 'evaluatie', 'plafond'] as const) {
      const lijst = actual.uitschieters[key];
      expect(lijst.aantal).toBe(expected.uitschieters[key].length);
      if (lijst.aantal > lijst.rijen.length) {
        expect(a.uitschieters[key].every((id) => expected.uitschieters[key].includes(id))).toBe(
          true,
        );
        a.uitschieters[key] = expected.uitschieters[key];
      }
    }
    expect(a).toEqual(expected);
  }

  it('matches for every team, current year and last year, to the cent', () => {
    for (const team of data.teams)
      for (const jaar of [2025, 2026]) {
        const filter = { teamId: team.id!, jaar, perceel: null };
        compare(dashboard(filter, coachVan.get(team.id!)!), reference(data, filter, true));
      }
  }, 180_000);

  it('matches for the whole region (beheerder, no names) and per perceel', () => {
    const regio = { teamId: null, jaar: 2026, perceel: null };
    const d = dashboard(regio, beheerder);
    compare(d, reference(data, regio, false));
    expect(d.kop.gerealiseerdCents).toBeGreaterThan(5_000_000_000);
    for (const perceel of ['jo_licht', 'ggz_zwaar', 'pleegzorg'] as const) {
      const filter = { teamId: data.teams[0]!.id!, jaar: 2026, perceel };
      compare(dashboard(filter, coachVan.get(filter.teamId)!), reference(data, filter, true));
    }
  }, 180_000);

  it('click-through rows add up to the figure they stand behind', () => {
    const team = data.teams[1]!.id!;
    const filter = { teamId: team, jaar: 2026, perceel: null };
    const coach = coachVan.get(team)!;
    const d = dashboard(filter, coach);
    const regels = (doorklik: object) => {
      alsPersoon(store, coach);
      const r = core.call('budget.regels', { filter, doorklik });
      if (!r.ok) throw new Error(r.error.message);
      return r.data;
    };
    let checked = 0;
    for (const groep of d.uitsplitsing.aanbieder.slice(0, 12)) {
      const soj = regels({ bron: 'soj', dimensie: 'aanbieder', sleutel: groep.sleutel });
      if (soj.totaal! > soj.rijen.length) {
        expect(soj.rijen).toHaveLength(500);
        continue;
      }
      checked++;
      expect(soj.rijen.reduce((s, r) => s + Number(r.waarden.bedrag), 0)).toBe(
        groep.gerealiseerdCents,
      );
      const tw = regels({ bron: 'toewijzingen', dimensie: 'aanbieder', sleutel: groep.sleutel });
      expect(tw.totaal).toBe(groep.toewijzingen);
      expect(tw.rijen.reduce((s, r) => s + Number(r.waarden.gecommitteerd), 0)).toBe(
        groep.gecommitteerdCents,
      );
    }
    expect(checked).toBeGreaterThan(3);
    const maart = regels({ bron: 'soj', periode: '2026-03' });
    expect(maart.totaal).toBeGreaterThan(0);
    expect(regels({ bron: 'toewijzingen', kenmerk: 'duur_overschreden' }).totaal).toBe(
      d.uitschieters.duur.aantal,
    );
    expect(regels({ bron: 'actieplannen', kenmerk: 'zonder_jeugdhulp' }).totaal).toBe(
      d.kpis.zonderJeugdhulp.teller,
    );
  }, 180_000);

  it('keeps a teamcoach to the own team and the region to the beheerder', () => {
    const [a, b] = data.teams;
    alsPersoon(store, coachVan.get(a!.id!)!);
    const r = core.call('budget.dashboard', { teamId: b!.id!, jaar: 2026 });
    expect(r.ok || r.error.code).toBe('geen-toegang');
    const regio = core.call('budget.dashboard', { teamId: null, jaar: 2026 });
    expect(regio.ok || regio.error.code).toBe('geen-toegang');
    const prof = data.professionals.find((p) => p.rol === 'jeugdprofessional')!;
    alsPersoon(store, prof.id!);
    const denied = core.call('budget.dashboard', { teamId: prof.teamId!, jaar: 2026 });
    expect(denied.ok || denied.error.code).toBe('geen-toegang');
  });
});
