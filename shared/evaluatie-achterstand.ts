/**
 * The one definition of an evaluation that is late, for Taken en signalen and for the
 * dashboard's "Al maanden geen evaluatie", so the two never contradict each other. Only a
 * running toewijzing (toegewezen or gestart, between its start and its end) can be late; what
 * counts is the last evaluation done, or the start when there was none:
 * - a planned evaluatiemoment after it that has passed is late (a moment skipped but followed
 *   by an evaluation done later is settled by that evaluation, it is not late);
 * - longer than EVALUATIE_ACHTERSTAND_DAGEN without any evaluation is "al maanden" late, planned
 *   or not.
 */
import { EVALUATIE_ACHTERSTAND_DAGEN } from './budget';
import { addDays, type IsoDate } from './dates';

/** The day after which a toewijzing evaluated (or started) on `laatsteOfStart` is months late. */
function maandenGrens(laatsteOfStart: IsoDate): IsoDate {
  return addDays(laatsteOfStart, EVALUATIE_ACHTERSTAND_DAGEN);
}

/** "Al maanden geen evaluatie" on `peildatum`. */
export function alMaandenGeenEvaluatie(laatsteOfStart: IsoDate, peildatum: IsoDate): boolean {
  return maandenGrens(laatsteOfStart) < peildatum;
}

/**
 * Since when the evaluation is late on `today`, or null when it is not: the first planned moment
 * after the last evaluation that has passed, or the day it became months late.
 */
export function evaluatieTeLaatSinds(
  laatsteOfStart: IsoDate,
  eersteOpenMoment: IsoDate | null,
  today: IsoDate,
): IsoDate | null {
  const data = [eersteOpenMoment, maandenGrens(laatsteOfStart)].filter(
    (d): d is IsoDate => d !== null && d > laatsteOfStart && d < today,
  );
  return data.length ? data.sort()[0]! : null;
}
