/**
 * Progress on a SMART goal: scored 1-5 at each evaluation. When a family is closed, the last
 * score proposes the goal's result, so the professional does not judge the same thing twice.
 */
import type { DoelResultaat } from './domain';

export type EindResultaat = Exclude<DoelResultaat, 'open'>;

/** 5: reached; 3-4: partly; 1-2: not reached. */
export function resultaatUitScore(score: number): EindResultaat {
  return score >= 5 ? 'behaald' : score >= 3 ? 'deels' : 'niet_behaald';
}
