/**
 * What a toewijzing commits: tariff x volume x duration, and the part of it that falls in a
 * budget year or a month; the forecast and what remains of a budget. Pure, so the core, the
 * dashboard, the service's vier-ogen check, the demo generator and the tests compute the same
 * cents. A toewijzing stopped early commits only up to its actual end.
 */
import { addDays, daysInclusive, type IsoDate } from './dates';
import type { IjwFrequentie } from './domain';
import type { Cents } from './money';

export interface Commitment {
  volume: number;
  frequentie: IjwFrequentie;
  tariefCents: Cents;
  startdatum: IsoDate;
  einddatum: IsoDate;
  /** Set when care stopped before einddatum; nothing is committed after it. */
  beeindigdOp?: IsoDate | null;
}

/**
 * The money rules (README "Money rules"), all in whole cents and exact integer arithmetic:
 *
 * 1. Per dag: tariff x volume x days. Per week: tariff x volume x days / 7. Per maand: per
 *    calendar month, tariff x volume, pro rata by days in a partial month (days run in the month /
 *    days of that month). Totaal binnen geldigheidsduur (a trajectory): tariff x volume, spread
 *    over the allocated validity by days; stopped early, the share of the days it ran.
 * 2. The exact value (a fraction, computed with BigInt) of the whole toewijzing up to its
 *    effective end is rounded half up once, to whole cents.
 * 3. That total is divided over calendar years, and each year over its months, by the largest
 *    remainder method: each part is its exact value rounded down, and the cents still missing go
 *    to the parts with the largest remainders (the earlier part first on a tie). So months add up
 *    exactly to their year and years to the total, and no part is a cent or more from its exact
 *    value.
 */
export interface Verdeling {
  totaal: Cents;
  /** Per calendar year. */
  jaren: Map<number, Cents>;
  /** Per calendar month, jjjj-mm; only months the toewijzing runs in. */
  maanden: Map<string, Cents>;
}

/** Every month length divides this (lcm of 28, 29, 30 and 31): one denominator for "per maand". */
const MAAND_NOEMER = 377_580n;

const leeg = (): Verdeling => ({ totaal: 0, jaren: new Map(), maanden: new Map() });

/** Half up: floor(n / d + 1/2), for n >= 0 and d > 0. */
export function afrondenHalfOmhoog(n: bigint, d: bigint): bigint {
  return (2n * n + d) / (2n * d);
}

/**
 * Divides `doel` cents over parts whose exact values are `tellers[i] / noemer` (summing to about
 * `doel`) by the largest remainder method; ties go to the earlier part.
 */
export function grootsteRest(doel: bigint, tellers: bigint[], noemer: bigint): bigint[] {
  const delen = tellers.map((t) => t / noemer);
  let over = doel - delen.reduce((a, b) => a + b, 0n);
  const volgorde = tellers
    .map((t, i) => ({ i, rest: t % noemer }))
    .sort((a, b) => (a.rest === b.rest ? a.i - b.i : a.rest > b.rest ? -1 : 1));
  // `doel` is never below the sum of the parts rounded down, nor more than one cent per part above.
  for (let k = 0; over > 0n && volgorde.length > 0; k = (k + 1) % volgorde.length, over--)
    delen[volgorde[k]!.i]! += 1n;
  return delen;
}

/** The whole toewijzing: its total and its parts per year and per month (rules above). */
export function verdeling(c: Commitment): Verdeling {
  const eind = effectiveEnd(c);
  if (eind < c.startdatum) return leeg();
  const basis = BigInt(c.tariefCents) * BigInt(c.volume);
  const noemer =
    c.frequentie === '1'
      ? 1n
      : c.frequentie === '2'
        ? 7n
        : c.frequentie === '4'
          ? MAAND_NOEMER
          : BigInt(daysInclusive(c.startdatum, c.einddatum));
  if (noemer <= 0n) return leeg();
  const maanden: { periode: string; teller: bigint }[] = [];
  for (let periode = c.startdatum.slice(0, 7); `${periode}-01` <= eind;) {
    const laatste = lastDayOfMonth(periode);
    const van = c.startdatum > `${periode}-01` ? c.startdatum : `${periode}-01`;
    const tot = eind < laatste ? eind : laatste;
    const dagen = BigInt(daysInclusive(van, tot));
    const teller =
      c.frequentie === '4'
        ? (basis * dagen * MAAND_NOEMER) / BigInt(Number(laatste.slice(8, 10)))
        : basis * dagen;
    maanden.push({ periode, teller });
    periode = volgendeMaand(periode);
  }
  const totaalTeller = maanden.reduce((a, m) => a + m.teller, 0n);
  const totaal = afrondenHalfOmhoog(totaalTeller, noemer);
  const jaarNummers = [...new Set(maanden.map((m) => Number(m.periode.slice(0, 4))))];
  const perJaar = jaarNummers.map((j) => maanden.filter((m) => m.periode.startsWith(`${j}-`)));
  const jaarDelen = grootsteRest(
    totaal,
    perJaar.map((ms) => ms.reduce((a, m) => a + m.teller, 0n)),
    noemer,
  );
  const uit: Verdeling = { totaal: Number(totaal), jaren: new Map(), maanden: new Map() };
  perJaar.forEach((ms, j) => {
    uit.jaren.set(jaarNummers[j]!, Number(jaarDelen[j]!));
    const maandDelen = grootsteRest(
      jaarDelen[j]!,
      ms.map((m) => m.teller),
      noemer,
    );
    ms.forEach((m, i) => uit.maanden.set(m.periode, Number(maandDelen[i]!)));
  });
  return uit;
}

/** The last day the toewijzing commits anything. */
export function effectiveEnd(c: Commitment): IsoDate {
  return c.beeindigdOp && c.beeindigdOp < c.einddatum ? c.beeindigdOp : c.einddatum;
}

/** The whole toewijzing from start to its (effective) end. */
export function totalCents(c: Commitment): Cents {
  return verdeling(c).totaal;
}

/** Whether the toewijzing runs on any day of calendar year `jaar` (start to effective end). */
export function raaktJaar(c: Commitment, jaar: number): boolean {
  return c.startdatum <= `${jaar}-12-31` && effectiveEnd(c) >= `${jaar}-01-01`;
}

/** The calendar years the toewijzing runs in, from its start to its (effective) end. */
export function jarenVan(c: Commitment): number[] {
  const jaren: number[] = [];
  for (let j = Number(c.startdatum.slice(0, 4)); j <= Number(effectiveEnd(c).slice(0, 4)); j++)
    jaren.push(j);
  return jaren;
}

/** What a toewijzing commits in one calendar year: the year's part and that part per month. */
export interface JaarDeel {
  cents: Cents;
  /** Per month of the year the toewijzing runs in (jjjj-mm); adds up exactly to `cents`. */
  perMaand: Map<string, Cents>;
}

/**
 * "Committing in year Y": the one definition the dashboard, the forecast, the own caseload's
 * costs, the click-through and an aanbieder's budgetplafond all use (rules above).
 */
export function gecommitteerdInJaar(c: Commitment, jaar: number): JaarDeel {
  const { jaren, maanden } = verdeling(c);
  const perMaand = new Map<string, Cents>();
  for (const [p, cents] of maanden) if (p.startsWith(`${jaar}-`)) perMaand.set(p, cents);
  return { cents: jaren.get(jaar) ?? 0, perMaand };
}

/** The parts inside the given months (jjjj-mm), added up. */
export function maandenCents(c: Commitment, perioden: Iterable<string>): Cents {
  const { maanden } = verdeling(c);
  let som = 0;
  for (const p of perioden) som += maanden.get(p) ?? 0;
  return som;
}

/** The twelve months of a year, jjjj-01 to jjjj-12. */
export function maandenVanJaar(jaar: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${jaar}-${String(i + 1).padStart(2, '0')}`);
}

/** The months of `jaar` the SOJ has not (yet) sent data for: the forecast counts them committed. */
export function maandenZonderSoj(jaar: number, sojMaanden: ReadonlySet<string>): string[] {
  return maandenVanJaar(jaar).filter((p) => !sojMaanden.has(p));
}

/**
 * Which teams the SOJ sent data for, per month (jjjj-mm): the teams an import of that period
 * held lines for. A month has SOJ data for a team only when its import held that team.
 */
export type SojDekking = ReadonlyMap<string, ReadonlySet<string>>;

/** The months of `jaar` with SOJ data for one team, in order. */
export function sojMaandenVanTeam(jaar: number, dekking: SojDekking, teamId: string): Set<string> {
  return new Set(maandenVanJaar(jaar).filter((p) => dekking.get(p)?.has(teamId)));
}

/**
 * The forecast of a year (README "Money rules"): for each month with SOJ data for the team (an
 * SOJ import of that period that held the team) what the SOJ billed for it, for every other
 * month what is committed for it. `sojMaanden` are the team's months.
 */
export function prognoseCents(
  jaar: number,
  sojMaanden: ReadonlySet<string>,
  gerealiseerdPerMaand: ReadonlyMap<string, Cents>,
  gecommitteerdPerMaand: ReadonlyMap<string, Cents>,
): Cents {
  return maandenVanJaar(jaar).reduce(
    (som, p) =>
      som +
      (sojMaanden.has(p)
        ? (gerealiseerdPerMaand.get(p) ?? 0)
        : (gecommitteerdPerMaand.get(p) ?? 0)),
    0,
  );
}

/**
 * The forecast of several teams (a region, or a perceel of it): the sum over the teams of each
 * team's forecast, so a month is SOJ or committed per team (`prognoseCents`). Both maps are per
 * team id, then per month.
 */
export function prognosePerTeamCents(
  jaar: number,
  dekking: SojDekking,
  gerealiseerdPerTeam: ReadonlyMap<string, ReadonlyMap<string, Cents>>,
  gecommitteerdPerTeam: ReadonlyMap<string, ReadonlyMap<string, Cents>>,
): Cents {
  const leeg = new Map<string, Cents>();
  let som = 0;
  for (const teamId of new Set([...gerealiseerdPerTeam.keys(), ...gecommitteerdPerTeam.keys()]))
    som += prognoseCents(
      jaar,
      sojMaandenVanTeam(jaar, dekking, teamId),
      gerealiseerdPerTeam.get(teamId) ?? leeg,
      gecommitteerdPerTeam.get(teamId) ?? leeg,
    );
  return som;
}

/**
 * What one toewijzing adds to its team's forecast of `jaar`: its committed cents in the months
 * without SOJ data for the team (`sojMaanden` are the team's months with SOJ data).
 */
export function prognoseBijdrage(
  c: Commitment,
  jaar: number,
  sojMaanden: ReadonlySet<string>,
): Cents {
  const zonderSoj = maandenZonderSoj(jaar, sojMaanden);
  return zonderSoj.length === 0 ? 0 : maandenCents(c, zonderSoj);
}

/** Remaining, on the dashboard and in the allocation dialog alike: budget minus forecast. */
export const resterendCents = (budgetCents: Cents, prognose: Cents): Cents =>
  budgetCents - prognose;

function volgendeMaand(periode: string): string {
  const [y, m] = periode.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export function lastDayOfMonth(periode: string): IsoDate {
  const [y, m] = periode.split('-').map(Number) as [number, number];
  return addDays(m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`, -1);
}
