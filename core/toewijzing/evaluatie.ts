/**
 * Evaluations of running care: the outcome, the family's mark and goal scores, and op- or
 * afschalen (the help continues with the new volume) or stopping.
 */
import { eq } from 'drizzle-orm';
import { evaluaties, producten, teams, toewijzingen, zorgprofielen } from '../../db/schema';
import type { ApiInput, ApiOutput } from '../../shared/api';
import { totalCents } from '../../shared/cost';
import { addDays, formatDate, type IsoDate } from '../../shared/dates';
import { isVerblijf, vierOgenRedenen } from '../../shared/regels/vier-ogen';
import { ApiError } from '../api-error';
import { evaluatieVoor, zorgprofielVan } from '../access';
import type { Ctx } from '../context';
import { TOEWIJZING_LOPEND } from '../../shared/statussen';
import { scoresVastleggen } from '../actieplan/doel-scores';
import { EVALUATIE_BINNENKORT_DAGEN } from '../gezin/gezinnen';

import {
  akkoordVragen,
  nieuwToewijzingNummer,
  planEvaluations,
  stop,
  waaromVierOgen,
} from './toewijzing';
import { budgetNaToewijzing } from './voorstel';

type ToewijzingRow = typeof toewijzingen.$inferSelect;

/**
 * Whether the help continued with a higher volume after an evaluation (opschalen) needs a
 * vier-ogenakkoord, by the rule a new toewijzing is held to (shared/regels/vier-ogen.ts): its
 * zorgprofiel, verblijf, its cost against the team's threshold and the forecast against the
 * budget of every year it runs in. Not "nee, tenzij": the youth is already in the aanbieder's
 * care, a cliëntenstop is about new clients.
 */
function vierOgenBijOpschalen(
  ctx: Ctx,
  oud: ToewijzingRow,
  teamId: string,
  volume: number,
  startdatum: IsoDate,
) {
  const product = ctx.db.select().from(producten).where(eq(producten.id, oud.productId)).get()!;
  const team = ctx.db.select().from(teams).where(eq(teams.id, teamId)).get()!;
  const profiel =
    (oud.zorgprofielId
      ? ctx.db.select().from(zorgprofielen).where(eq(zorgprofielen.id, oud.zorgprofielId)).get()
      : undefined) ?? (oud.actieplanId ? zorgprofielVan(ctx, oud.actieplanId) : undefined);
  const commitment = {
    volume,
    frequentie: oud.frequentie,
    tariefCents: oud.tariefCents,
    startdatum,
    einddatum: oud.einddatum,
  };
  const { bovenBudgetJaren } = budgetNaToewijzing(ctx, teamId, product.perceel, commitment);
  const beschikkingsvrij = product.beschikkingsvrij || oud.beschikkingsvrij;
  const redenen = vierOgenRedenen({
    beschikkingsvrij,
    zorgprofiel: profiel?.categorie ?? null,
    verblijf: isVerblijf(product.categorie),
    neeTenzij: false,
    totaalCents: totalCents(commitment),
    drempelCents: team.vierOgenDrempelCents,
    bovenBudget: bovenBudgetJaren.length > 0,
  });
  return {
    nodig: redenen.length > 0,
    redenen,
    alleenTeamcoach: !beschikkingsvrij && bovenBudgetJaren.length > 0,
    bovenBudgetJaren: beschikkingsvrij ? [] : bovenBudgetJaren,
  };
}

type Invoer = ApiInput<'evaluatie.vastleggen'>;
type Gevonden = ReturnType<typeof evaluatieVoor>;

/** Whether this evaluation can be recorded; true when it scales the help up or down. */
function controleerEvaluatie(
  ctx: Ctx,
  evaluatie: Gevonden['evaluatie'],
  toewijzing: ToewijzingRow,
  input: Invoer,
): boolean {
  if (evaluatie.uitgevoerdOp) throw new ApiError('conflict', 'Deze evaluatie is al vastgelegd.');
  if (!(TOEWIJZING_LOPEND as readonly string[]).includes(toewijzing.status))
    throw new ApiError('conflict', 'De toewijzing van deze evaluatie loopt niet (meer).');
  if (input.uitgevoerdOp > ctx.today())
    throw new ApiError(
      'ongeldige-invoer',
      'Een evaluatie kan niet in de toekomst zijn uitgevoerd.',
      'uitgevoerdOp',
    );
  // Evaluating help that has not begun evaluates nothing (issue 25, defect 8).
  if (!toewijzing.werkelijkeStart)
    throw new ApiError(
      'conflict',
      'De zorg is nog niet gestart. Leg eerst de start van de zorg vast; daarna kunt u evalueren.',
    );
  if (input.uitgevoerdOp < toewijzing.werkelijkeStart)
    throw new ApiError(
      'ongeldige-invoer',
      `De evaluatie ligt vóór de start van de zorg (${formatDate(toewijzing.werkelijkeStart)}).`,
      'uitgevoerdOp',
    );
  const schalen = input.uitkomst === 'afschalen' || input.uitkomst === 'opschalen';
  if (schalen) {
    if (input.nieuwVolume === undefined)
      throw new ApiError('ongeldige-invoer', 'Geef het nieuwe volume op.', 'nieuwVolume');
    if (
      input.uitkomst === 'afschalen'
        ? input.nieuwVolume >= toewijzing.volume
        : input.nieuwVolume <= toewijzing.volume
    ) {
      throw new ApiError(
        'ongeldige-invoer',
        `Bij ${input.uitkomst} moet het volume ${input.uitkomst === 'afschalen' ? 'lager' : 'hoger'} zijn dan nu (${toewijzing.volume}).`,
        'nieuwVolume',
      );
    }
    if (input.uitgevoerdOp >= toewijzing.einddatum)
      throw new ApiError('conflict', 'De toewijzing eindigt al; maak een nieuwe toewijzing.');
  }
  return schalen;
}

/**
 * Op- or afschalen: the toewijzing ends on the day of the evaluation and the same help goes
 * on from the next day with the new volume until the original end.
 */
function schaalDeHulp(ctx: Ctx, toewijzing: ToewijzingRow, teamId: string, input: Invoer): void {
  stop(ctx, toewijzing, input.uitgevoerdOp, 'volgens_plan');
  const { id: _old, hlc: _h, authorId: _a, deleted: _d, ...rest } = toewijzing;
  const start = addDays(input.uitgevoerdOp, 1);
  // More help weighs on the budget as a new toewijzing does (the old one stopped above, so
  // the forecast counts only the new volume from tomorrow): it may wait for vier ogen.
  const vierOgen =
    input.uitkomst === 'opschalen'
      ? vierOgenBijOpschalen(ctx, toewijzing, teamId, input.nieuwVolume!, start)
      : null;
  // Why more help, for whoever approves: its own text, else the evaluation's toelichting.
  const vierOgenReden = input.vierOgenReden?.trim() || input.toelichting.trim();
  if (vierOgen?.nodig && !vierOgenReden) {
    throw new ApiError(
      'ongeldige-invoer',
      `Opschalen naar volume ${input.nieuwVolume} vraagt een vier-ogenakkoord van ${vierOgen.alleenTeamcoach ? 'de teamcoach' : 'een collega of de teamcoach'} (${waaromVierOgen(vierOgen)}). Licht toe waarom meer hulp nodig is.`,
      'vierOgenReden',
    );
  }
  const wacht = vierOgen?.nodig === true;
  const id = ctx.write.insert(toewijzingen, {
    ...rest,
    volume: input.nieuwVolume!,
    startdatum: start,
    werkelijkeStart: wacht ? null : start,
    status: wacht ? 'ter_accordering' : 'gestart',
    beeindigdOp: null,
    eindeReden: null,
    aangemaaktDoor: ctx.session.professionalId,
    aangemaaktOp: ctx.today(),
    // A new toewijzing for the provider: decided now (or once approved), with a number of its own.
    toegewezenOp: wacht ? null : ctx.now(),
    toewijzingNummer: nieuwToewijzingNummer(ctx),
    bovenBudget: rest.bovenBudget || (vierOgen?.alleenTeamcoach ?? false),
  });
  if (wacht) {
    akkoordVragen(ctx, id, [
      `Opschalen van volume ${toewijzing.volume} naar ${input.nieuwVolume}, nodig vanwege ${waaromVierOgen(vierOgen)}.`,
      vierOgenReden,
    ]);
  }
  planEvaluations(ctx, id, start, toewijzing.einddatum);
}

/**
 * Records an evaluation. Op- or afschalen ends the toewijzing on that day and continues the
 * same help with the new volume until the original end; stoppen ends the help.
 */
export function evaluatieVastleggen(
  ctx: Ctx,
  input: ApiInput<'evaluatie.vastleggen'>,
): ApiOutput<'evaluatie.vastleggen'> {
  const { evaluatie, toewijzing, gezin } = evaluatieVoor(ctx, input.id);
  const schalen = controleerEvaluatie(ctx, evaluatie, toewijzing, input);
  const uitkomst = {
    uitgevoerdOp: input.uitgevoerdOp,
    uitkomst: input.uitkomst,
    toelichting: input.toelichting,
    cijferGezin: input.cijferGezin ?? null,
  };
  // Held well before its planned moment, it is an extra evaluation: the planned one stays.
  const extra = input.uitgevoerdOp < addDays(evaluatie.geplandOp, -EVALUATIE_BINNENKORT_DAGEN);
  const evaluatieId = extra
    ? ctx.write.insert(evaluaties, {
        ...uitkomst,
        toewijzingId: toewijzing.id,
        geplandOp: input.uitgevoerdOp,
        extra: true,
      })
    : evaluatie.id;
  if (!extra) ctx.write.update(evaluaties, evaluatie.id, uitkomst);
  scoresVastleggen(ctx, evaluatieId, toewijzing.actieplanId, input.doelScores ?? []);
  if (input.uitkomst === 'stoppen') stop(ctx, toewijzing, input.uitgevoerdOp, 'volgens_plan');
  if (schalen) schaalDeHulp(ctx, toewijzing, gezin.teamId, input);
  return { id: evaluatieId };
}
