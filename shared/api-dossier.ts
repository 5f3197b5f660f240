/**
 * Contract parts for a dossier that can be corrected (issue 25): a member's contact facts, the
 * family's facts a professional looks up before a visit, a member removed with a reason, and the
 * progress per SMART goal scored at an evaluation.
 */
import { z } from 'zod';
import { id, tekst, verplicht } from './api-velden';
import { EMAIL_FOUT, isEmail, TELEFOON_FOUT, telefoonCijfers } from './gezinsgegevens';

/** Empty stays empty; otherwise a Dutch phone number, stored as typed (trimmed). */
const telefoon = tekst(30).refine((t) => t === '' || telefoonCijfers(t) !== null, {
  message: TELEFOON_FOUT,
});
const email = tekst(200).refine((t) => t === '' || isEmail(t), { message: EMAIL_FOUT });

/** Why a record is corrected: shown on the timeline and written to the access log. */
export const CorrectieReden = verplicht(500);

/** What a member holds beside name and birth date; all optional. */
export const LidContactInvoer = {
  telefoon: telefoon.optional(),
  email: email.optional(),
  /** Holds parental authority (gezag); absent: not known. */
  gezag: z.boolean().nullable().optional(),
  school: tekst(200).optional(),
};

export const GezinslidVerwijderen = z.object({ id, reden: CorrectieReden }).strict();

export const GezinGegevensInvoer = z
  .object({
    gezinId: id,
    huisarts: tekst(200),
    gezagToelichting: tekst(500),
    tolkNodig: z.boolean(),
    tolkTaal: tekst(80),
  })
  .strict()
  .refine((g) => !g.tolkNodig || g.tolkTaal !== '', {
    message: 'Vul in welke taal de tolk spreekt',
    path: ['tolkTaal'],
  });

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

/** An earlier wording of a visit note (its history), newest first. */
export const VerslagVersie = z.object({
  datum: z.string(),
  aanwezig: z.array(z.string()),
  verslag: z.string(),
  auteur: z.string().nullable(),
  vervangenOp: z.string(),
  vervangenDoor: z.string().nullable(),
});
