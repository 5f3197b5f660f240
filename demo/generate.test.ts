import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { isValidBsn } from '../shared/bsn';
import { addMonths } from '../shared/dates';
import { clientFor } from '../test/helpers/core-client';
import { createCore } from '../core/core';
import { totalCents, type Commitment } from '../shared/cost';
import { VERBLIJF_CATEGORIEEN, VERWIJZERS, type Verwijzer } from '../shared/domain';
import { openDatabase } from '../db/connection';
import { generateRegion, type DemoDataset } from './generate';
import { TARGETS } from './region-data';
import { rowCounts, TABLE_ORDER, writeDataset } from './write';

const TODAY = '2026-11-23';
const YEAR = '2025';

/** Independent recomputation of the seed figures from raw rows, for the calibration year. */
function figures(data: DemoDataset) {
  const inYear = data.toewijzingen.filter(
    (t) => t.startdatum <= `${YEAR}-12-31` && (t.beeindigdOp ?? t.einddatum) >= `${YEAR}-01-01`,
  );
  const youths = new Set(inYear.map((t) => t.gezinslidId));
  const lines = data.sojRegels.filter((l) => l.periode.startsWith(`${YEAR}-`));
  const total = lines.reduce((sum, l) => sum + l.bedragCents, 0);
  const youthsByReferrer = new Map<Verwijzer, Set<string>>();
  for (const t of inYear) {
    const set = youthsByReferrer.get(t.verwijzer) ?? new Set<string>();
    set.add(t.gezinslidId);
    youthsByReferrer.set(t.verwijzer, set);
  }
  const costByReferrer = new Map<Verwijzer, number>();
  for (const l of lines)
    costByReferrer.set(l.verwijzer, (costByReferrer.get(l.verwijzer) ?? 0) + l.bedragCents);
  const byAanbieder = new Map<string, number>();
  for (const l of lines)
    byAanbieder.set(l.aanbiederAgb, (byAanbieder.get(l.aanbiederAgb) ?? 0) + l.bedragCents);
  const ranked = [...byAanbieder.values()].sort((a, b) => b - a);
  const categorie = new Map(data.producten.map((p) => [p.productcode, p.categorie]));
  const perYouth = new Map<string, { cents: number; verblijf: boolean }>();
  for (const l of lines) {
    const entry = perYouth.get(l.gezinslidId!) ?? { cents: 0, verblijf: false };
    entry.cents += l.bedragCents;
    entry.verblijf ||= VERBLIJF_CATEGORIEEN.includes(categorie.get(l.productcode)!);
    perYouth.set(l.gezinslidId!, entry);
  }
  const mean = (xs: { cents: number }[]) => xs.reduce((s, x) => s + x.cents, 0) / xs.length;
  const placed = [...perYouth.values()].filter((e) => e.verblijf);
  const notPlaced = [...perYouth.values()].filter((e) => !e.verblijf);
  return {
    youths: youths.size,
    averageCents: total / youths.size,
    referralShare: (v: Verwijzer) => (youthsByReferrer.get(v)?.size ?? 0) / youths.size,
    costShare: (v: Verwijzer) => (costByReferrer.get(v) ?? 0) / total,
    topTenShare: ranked.slice(0, 10).reduce((a, b) => a + b, 0) / total,
    placedAverage: mean(placed),
    ambulantAverage: mean(notPlaced),
    placedCount: placed.length,
  };
}

describe('demo region at region scale: calibrated on the seed figures', () => {
  let region: DemoDataset;
  let f: ReturnType<typeof figures>;
  beforeAll(() => {
    region = generateRegion({ scale: 'region', today: TODAY });
    f = figures(region);
  }, 120_000);

  it('has the ten ZHZ gemeenten of 2020 with the regional totals', () => {
    expect(region.gemeenten.map((g) => g.naam)).toEqual([
      'Alblasserdam',
      'Dordrecht',
      'Gorinchem',
      'Hardinxveld-Giessendam',
      'Hendrik-Ido-Ambacht',
      'Hoeksche Waard',
      'Molenlanden',
      'Papendrecht',
      'Sliedrecht',
      'Zwijndrecht',
    ]);
    expect(region.gemeenten.reduce((s, g) => s + g.inwoners, 0)).toBe(459_456);
    expect(region.gemeenten.reduce((s, g) => s + g.jeugdigen, 0)).toBe(94_515);
  });

  it('puts about 11% of the youths in care in a year (within 3%)', () => {
    const target = 94_515 * TARGETS.shareInCare;
    expect(Math.abs(f.youths - target) / target).toBeLessThan(0.03);
  });

  it('costs about € 8.519 per youth in care per year (within 5%)', () => {
    expect(Math.abs(f.averageCents - 851_900) / 851_900).toBeLessThan(0.05);
  });

  it('has the medisch verwijzer as largest referrer with a much smaller share of cost', () => {
    expect(f.referralShare('medisch')).toBeGreaterThan(0.55);
    expect(f.referralShare('medisch')).toBeLessThan(0.63);
    expect(f.costShare('medisch')).toBeGreaterThan(0.22);
    expect(f.costShare('medisch')).toBeLessThan(0.3);
  });

  it('has jeugdteams serving about a quarter of the youths and spending the most', () => {
    expect(f.referralShare('jeugdteam')).toBeGreaterThan(0.21);
    expect(f.referralShare('jeugdteam')).toBeLessThan(0.29);
    for (const other of VERWIJZERS.codes.filter((v) => v !== 'jeugdteam')) {
      expect(f.costShare('jeugdteam')).toBeGreaterThan(f.costShare(other));
    }
  });

  it('has about 180 aanbieders of which the ten largest take about half the spend', () => {
    expect(region.aanbieders).toHaveLength(180);
    expect(f.topTenShare).toBeGreaterThan(0.45);
    expect(f.topTenShare).toBeLessThan(0.6);
  });

  it('makes out-of-home placements the costliest care', () => {
    expect(f.placedCount).toBeGreaterThan(300);
    expect(f.placedAverage).toBeGreaterThan(2 * f.ambulantAverage);
  });

  it('has teams of at most about 2,000 families and about 100-150 professionals', () => {
    const perTeam = new Map<string, number>();
    for (const g of region.gezinnen) perTeam.set(g.teamId, (perTeam.get(g.teamId) ?? 0) + 1);
    expect(Math.max(...perTeam.values())).toBeLessThan(2_200);
    const staff = region.professionals.filter((p) => p.rol === 'jeugdprofessional').length;
    expect(staff).toBeGreaterThan(90);
    expect(staff).toBeLessThan(160);
  });

  it('stores a valid, unique BSN only for youths who receive a toewijzing', () => {
    const withCare = new Set(region.toewijzingen.map((t) => t.gezinslidId));
    const bsns = region.gezinsleden.filter((m) => m.bsn).map((m) => m.bsn!);
    expect(new Set(bsns).size).toBe(bsns.length);
    expect(bsns.every(isValidBsn)).toBe(true);
    for (const m of region.gezinsleden) expect(Boolean(m.bsn)).toBe(withCare.has(m.id!));
  });

  it('bills SOJ lines at the tariff of the toewijzing they realise', () => {
    const toewijzing = new Map(region.toewijzingen.map((t) => [t.id!, t]));
    for (const line of region.sojRegels) {
      const t = toewijzing.get(line.toewijzingId!)!;
      expect(line.tariefCents).toBe(t.tariefCents);
      expect(line.bedragCents).toBeGreaterThan(0);
      expect(line.periode <= '2026-10').toBe(true);
      // Issue 24: a trajectory (frequentie 6) is billed at what it commits, so one stopped early
      // at its share of the days it ran (it was billed at its full price).
      if (t.frequentie === '6') expect(line.bedragCents).toBe(totalCents(t as Commitment));
      else if (t.frequentie !== '4') expect(line.bedragCents).toBe(line.tariefCents * line.volume);
    }
  });

  it('bills a trajectory stopped early as it is committed (README "Money rules")', () => {
    const toewijzing = new Map(region.toewijzingen.map((t) => [t.id!, t]));
    const vroeg = region.sojRegels.filter((l) => {
      const t = toewijzing.get(l.toewijzingId!)!;
      return t.frequentie === '6' && t.beeindigdOp && t.beeindigdOp < t.einddatum;
    });
    expect(vroeg.length).toBeGreaterThan(10);
    for (const l of vroeg) {
      const t = toewijzing.get(l.toewijzingId!)!;
      expect(l.bedragCents).toBe(totalCents(t as Commitment));
      expect(l.bedragCents).toBeLessThan(t.tariefCents * t.volume);
    }
  });
});

describe('demo region at small scale', () => {
  it('is deterministic for a seed and different for another', () => {
    const a = generateRegion({ scale: 'small', today: TODAY, seed: 7 });
    const b = generateRegion({ scale: 'small', today: TODAY, seed: 7 });
    const c = generateRegion({ scale: 'small', today: TODAY, seed: 8 });
    expect(b).toEqual(a);
    expect(c.gezinnen.map((g) => g.naam)).not.toEqual(a.gezinnen.map((g) => g.naam));
  });

  it('writes into an encrypted store with every foreign key satisfied', () => {
    const data = generateRegion({ scale: 'small', today: TODAY });
    expect(data.gezinnen.length).toBeGreaterThan(200);
    const { sqlite, close } = openDatabase({ path: ':memory:', key: randomBytes(32) });
    writeDataset(sqlite, data);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    const counts = rowCounts(data);
    for (const key of TABLE_ORDER) {
      const table = key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
      expect(
        (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
        key,
      ).toBe(counts[key]);
    }
    close();
  });

  it('writes nothing when a row is refused', () => {
    const data = generateRegion({ scale: 'small', today: TODAY });
    data.toewijzingen[5]!.productId = 'bestaat-niet';
    const { sqlite, close } = openDatabase({ path: ':memory:', key: randomBytes(32) });
    expect(() => writeDataset(sqlite, data)).toThrow(/FOREIGN KEY/);
    expect(sqlite.prepare('SELECT count(*) AS n FROM gemeenten').get()).toEqual({ n: 0 });
    close();
  });
});

describe('demo region as a professional reads it', () => {
  // Early in a month: the SOJ of last month is not in yet on the 7th.
  const today = '2026-12-07';
  const data = generateRegion({ scale: 'small', today });

  it('has a parent at least 16 years older than each child', () => {
    for (const kind of data.gezinsleden.filter((l) => l.rol === 'jeugdige'))
      for (const ouder of data.gezinsleden.filter(
        (l) => l.gezinId === kind.gezinId && l.rol === 'ouder',
      ))
        expect(
          addMonths(ouder.geboortedatum, 16 * 12) <= kind.geboortedatum,
          `ouder ${ouder.geboortedatum}, kind ${kind.geboortedatum}`,
        ).toBe(true);
  });

  it('has nothing done after today (only planned things lie ahead)', () => {
    const gedaan: [string, (string | null | undefined)[]][] = [
      ['gezinnen.aangemeldOp', data.gezinnen.map((g) => g.aangemeldOp)],
      ['gezinnen.afgeslotenOp', data.gezinnen.map((g) => g.afgeslotenOp)],
      ['gezinsleden.geboortedatum', data.gezinsleden.map((l) => l.geboortedatum)],
      ['zorgprofielen.vastgesteldOp', data.zorgprofielen.map((z) => z.vastgesteldOp)],
      ['toewijzingen.aangemaaktOp', data.toewijzingen.map((t) => t.aangemaaktOp)],
      ['toewijzingen.toegewezenOp', data.toewijzingen.map((t) => t.toegewezenOp)],
      ['toewijzingen.werkelijkeStart', data.toewijzingen.map((t) => t.werkelijkeStart)],
      ['evaluaties.uitgevoerdOp', data.evaluaties.map((e) => e.uitgevoerdOp)],
      ['sojImports.ingelezenOp', data.sojImports.map((i) => i.ingelezenOp)],
      ['gezinsplanVersies.vastgesteldOp', data.gezinsplanVersies.map((v) => v.vastgesteldOp)],
    ];
    for (const [veld, waarden] of gedaan) {
      const later = waarden.filter((w): w is string => !!w && w.slice(0, 10) > today);
      expect(later, veld).toEqual([]);
    }
  });

  it('writes names as Dutch names, without "Jr." or "Sr."', () => {
    const namen = [
      ...data.netwerkleden.map((n) => n.naam),
      ...data.gezinsleden.map((l) => `${l.voornaam} ${l.achternaam}`),
      ...data.professionals.map((p) => p.naam),
    ];
    expect(
      namen.filter((n) => /\b(Jr|Sr)\b\.?|\b(II|III|IV)$|^(Dr|Mr|Mrs|Ms)\.?\s/.test(n)),
    ).toEqual([]);
  });

  it('gives each team a budget this year that its care can be measured against', () => {
    const store = openDatabase({ path: ':memory:', key: randomBytes(32) });
    writeDataset(store.sqlite, data);
    const core = createCore(store, {
      log: () => undefined,
      now: () => new Date(`${today}T10:00:00Z`),
    });
    const beheerder = data.professionals.find((p) => p.rol === 'beheerder')!;
    const client = clientFor(core, store, beheerder.id!);
    const verhoudingen = data.teams.map((team) => {
      const kop = client.ok('budget.dashboard', { teamId: team.id!, jaar: 2026 }).kop;
      return { team: team.naam, prognose: kop.prognoseCents / kop.budgetCents! };
    });
    core.close();
    // Forecasts around the budget: some just over (red), none at 40% or 250%.
    for (const v of verhoudingen) expect(v.prognose, v.team).toBeGreaterThan(0.75);
    for (const v of verhoudingen) expect(v.prognose, v.team).toBeLessThan(1.15);
  });
});
