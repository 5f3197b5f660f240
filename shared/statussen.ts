/**
 * The sets of statuses the queries ask for, one definition each, so the SQL of different
 * screens cannot drift apart. `sqlLijst` writes a set for `status IN (…)`.
 */
import type { ToewijzingStatus } from './domain';

/** Care agreed or running: what the agenda, the signals and the costs count as current help. */
export const TOEWIJZING_LOPEND = [
  'toegewezen',
  'gestart',
] as const satisfies readonly ToewijzingStatus[];

/** Help asked for, agreed or running: a family with one of these has active help. */
export const TOEWIJZING_ACTIEF = [
  'ter_accordering',
  'toegewezen',
  'gestart',
] as const satisfies readonly ToewijzingStatus[];

/** Not ended yet (a concept included): a family is closed only when none is left. */
export const TOEWIJZING_NIET_BEEINDIGD = [
  'concept',
  'ter_accordering',
  'toegewezen',
  'gestart',
] as const satisfies readonly ToewijzingStatus[];

/** A set as an SQL list for `status IN (…)`: the codes are fixed words, never user input. */
export const sqlLijst = (statussen: readonly string[]) => statussen.map((s) => `'${s}'`).join(', ');
