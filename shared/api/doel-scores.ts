/** Progress per SMART goal: a score of 1-5 with a line of text, at each evaluation. */
import { z } from 'zod';
import { id, tekst } from './velden';

export const DOEL_SCORE = { min: 1, max: 5 } as const;
export const DOEL_SCORE_LABELS: Record<number, string> = {
  1: 'geen vooruitgang',
  2: 'een beetje',
  3: 'halverwege',
  4: 'bijna',
  5: 'bereikt',
};

export const DoelScoreInvoer = z
  .object({
    doelId: id,
    score: z.number().int().min(DOEL_SCORE.min).max(DOEL_SCORE.max),
    toelichting: tekst(300).optional(),
  })
  .strict();

/** One goal's score at one evaluation, oldest first in a goal's `voortgang`. */
export const DoelVoortgang = z.object({
  evaluatieId: id,
  datum: z.string(),
  score: z.number().int(),
  toelichting: z.string().nullable(),
});
export type DoelVoortgang = z.infer<typeof DoelVoortgang>;
