/**
 * The clock of a test run: EENPLAN_NU makes every test process believe it is another moment, so
 * the suite can be run on a Sunday, a 29 February or a 31 December whatever the real date is.
 *
 *   EENPLAN_NU=2028-02-29                    that day at 10:00 Dutch time
 *   EENPLAN_NU=2026-12-31T23:30:00+01:00     that moment (a time needs its zone: Z or +01:00)
 *
 * The clock is set, not stopped: it runs on from that moment at the real speed, because
 * timers, HLC stamps, token lifetimes and "saved 2 seconds ago" need time to pass.
 *
 * One timeline for all processes of a run: the first process that reads EENPLAN_NU writes the
 * real moment it did so to EENPLAN_NU_ANKER, and every process started from it (the browser
 * hosts, the central service, vitest's workers, the Playwright workers) shifts its clock by the
 * same amount. Were each to start the clock itself, a central service started after a laptop
 * would run behind it and refuse the laptop's changes as stamped ahead of its own clock.
 *
 * Node processes of the app get the shift through `klok-preload.mjs` (a global Date that is
 * shifted, like libfaketime but only for the processes that should have it: not PostgreSQL, not
 * npm and the build (npm a year ahead stops to ask the registry for a newer npm), and not the
 * Playwright process, whose page clock counts on from the real time). The browser gets it
 * through Playwright's page clock (test/e2e/fixtures.ts).
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { addDays, isIsoDate, type IsoDate } from '../../shared/dates';

/** The time zone of the laptops Eenplan runs on; the e2e browser is set to it as well. */
export const TIJDZONE = 'Europe/Amsterdam';
/** When EENPLAN_NU names only a day: mid-morning, well away from midnight in any season. */
const STANDAARD_UUR = 10;

const ECHT = Symbol.for('eenplan.klok.echteDate');
type MetEchteDate = typeof globalThis & { [ECHT]?: DateConstructor };
/** The real Date, also when this module is loaded again after the shift is installed. */
const EchteDate: DateConstructor = ((globalThis as MetEchteDate)[ECHT] ??= Date);
const echtNu = () => EchteDate.now();

const dagInNederland = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIJDZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The Dutch wall-clock time of a moment, as its parts. */
function delenInNederland(ms: number): Record<string, number> {
  const delen: Record<string, number> = {};
  for (const deel of dagInNederland.formatToParts(new EchteDate(ms)))
    if (deel.type !== 'literal') delen[deel.type] = Number(deel.value);
  return delen;
}

/** How far Dutch time is ahead of UTC at a moment (one or two hours), in ms. */
function verschilMetUtc(ms: number): number {
  const d = delenInNederland(ms);
  const alsUtc = EchteDate.UTC(d.year!, d.month! - 1, d.day!, d.hour!, d.minute!, d.second!);
  return alsUtc - Math.floor(ms / 1000) * 1000;
}

/** The date on the Dutch calendar at a moment. */
export function datumInNederland(ms: number): IsoDate {
  const d = delenInNederland(ms);
  const twee = (n: number) => String(n).padStart(2, '0');
  return `${d.year}-${twee(d.month!)}-${twee(d.day!)}`;
}

/** A moment as Dutch local time with its offset, e.g. 2026-12-06T10:00:00+01:00. */
export function momentInNederland(ms: number): string {
  const verschil = verschilMetUtc(ms);
  const lokaal = new EchteDate(Math.floor(ms / 1000) * 1000 + verschil).toISOString();
  const uren = String(Math.abs(verschil) / 3_600_000).padStart(2, '0');
  return `${lokaal.slice(0, 19)}${verschil < 0 ? '-' : '+'}${uren}:00`;
}

/** The moment EENPLAN_NU names, in ms since 1970; a clear error when it is no moment. */
export function leesNu(waarde: string): number {
  const tekst = waarde.trim();
  if (isIsoDate(tekst)) {
    const [j, m, d] = tekst.split('-').map(Number) as [number, number, number];
    const gok = EchteDate.UTC(j, m - 1, d, STANDAARD_UUR);
    return gok - verschilMetUtc(gok);
  }
  const moment = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.exec(
    tekst,
  );
  const ms = moment && isIsoDate(moment[1]!) ? EchteDate.parse(tekst) : NaN;
  if (!Number.isFinite(ms))
    throw new Error(
      `EENPLAN_NU moet een dag zijn (2028-02-29, om 10:00 Nederlandse tijd) of een moment met tijdzone (2028-02-29T10:00:00+01:00), niet "${waarde}".`,
    );
  return ms;
}

/**
 * How far this run's clock is ahead of the real one, in ms (negative: behind); 0 without
 * EENPLAN_NU. The first caller fixes the anchor in `env`, so processes started later share it.
 */
export function klokVerschil(env: NodeJS.ProcessEnv = process.env): number {
  if (!env.EENPLAN_NU) return 0;
  const doel = leesNu(env.EENPLAN_NU);
  env.EENPLAN_NU_ANKER ||= String(echtNu());
  const anker = Number(env.EENPLAN_NU_ANKER);
  if (!Number.isFinite(anker)) throw new Error(`EENPLAN_NU_ANKER is geen tijdstip: "${anker}".`);
  return doel - anker;
}

/** Now on this run's clock (the real clock without EENPLAN_NU). */
export function nu(env: NodeJS.ProcessEnv = process.env): Date {
  return new EchteDate(echtNu() + klokVerschil(env));
}

/** Today on the Dutch calendar of this run's clock, plus a number of days. */
export function vandaag(dagenErbij = 0, env: NodeJS.ProcessEnv = process.env): IsoDate {
  return addDays(datumInNederland(nu(env).getTime()), dagenErbij);
}

/**
 * Replaces the global Date by one whose "now" (new Date(), Date.now(), Date()) is this run's
 * clock; everything else (parsing, arithmetic, prototypes, instanceof) is the real Date's.
 * Does nothing without EENPLAN_NU, and nothing the second time.
 */
export function installeerKlok(env: NodeJS.ProcessEnv = process.env): void {
  const verschil = klokVerschil(env);
  if (verschil === 0 || globalThis.Date !== EchteDate) return;
  const verschovenNu = () => echtNu() + verschil;
  globalThis.Date = new Proxy(EchteDate, {
    construct: (doel, args, nieuw) =>
      Reflect.construct(doel, args.length ? args : [verschovenNu()], nieuw) as object,
    apply: () => new EchteDate(verschovenNu()).toString(),
    get: (doel, sleutel, ontvanger) =>
      sleutel === 'now' ? verschovenNu : Reflect.get(doel, sleutel, ontvanger),
  });
}

/**
 * The node arguments that put a process of the app on this run's clock (after `--import tsx`,
 * which the preload needs to be read as TypeScript). Relative to the repository's root, where
 * the tests run.
 */
export const KLOK_IMPORT = [
  '--import',
  pathToFileURL(resolve('test/helpers/klok-preload.mjs')).href,
] as const;
