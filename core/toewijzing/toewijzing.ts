/**
 * Zorgprofiel -> aanbieder -> toewijzing, and "regie na beschikking": start of care, evaluations,
 * op- en afschalen and stopping help (003_… 1.3.2, 000_… 4).
 */
import { and, eq, isNull } from 'drizzle-orm';
import { akkoorden, evaluaties, toewijzingen } from '../../db/schema';
import type { ApiInput, ApiOutput } from '../../shared/api';
import { addDays, addMonths, daysInclusive, type IsoDate } from '../../shared/dates';
import { type EindeReden } from '../../shared/domain';
import { ApiError } from '../api-error';
import { toewijzingVoor } from '../access';
import type { Ctx, ReadCtx } from '../context';
import { TOEWIJZING_LOPEND } from '../../shared/statussen';
import { neemToewijzingNummer } from './toewijzingnummers';

import { check } from './voorstel';

/**
 * A ToewijzingNummer from the laptop's blocks (core/toewijzing/toewijzingnummers.ts); null while a connected
 * laptop has none yet (the JW301 takes one when it is made). A demo profile never connects.
 */
export const nieuwToewijzingNummer = (ctx: ReadCtx) =>
  neemToewijzingNummer(ctx.sqlite, { demo: !ctx.sync.gebruiker() });

type ToewijzingRow = typeof toewijzingen.$inferSelect;

/** Evaluatiemomenten planned at the start: after three months (or halfway), then every six. */
export function evaluatieMomenten(start: IsoDate, end: IsoDate): IsoDate[] {
  const days = daysInclusive(start, end);
  const first = days < 180 ? addDays(start, Math.floor(days / 2)) : addMonths(start, 3);
  const dates: IsoDate[] = [];
  for (let d = first; d < end; d = addMonths(d, 6)) dates.push(d);
  const closing = addDays(end, -14);
  if (closing > start && (dates.length === 0 || daysInclusive(dates.at(-1)!, closing) > 45))
    dates.push(closing);
  return dates;
}

export function planEvaluations(
  ctx: Ctx,
  toewijzingId: string,
  start: IsoDate,
  end: IsoDate,
): void {
  for (const geplandOp of evaluatieMomenten(start, end)) {
    ctx.write.insert(evaluaties, {
      toewijzingId,
      geplandOp,
      uitgevoerdOp: null,
      uitkomst: null,
      toelichting: null,
    });
  }
}

/** Why vier ogen, in words, with the years whose budget the toewijzing goes over. */
export function waaromVierOgen(v: { redenen: string[]; bovenBudgetJaren: number[] }): string {
  const jaren = v.bovenBudgetJaren;
  const boven = jaren.length
    ? `; boven het budget van ${jaren.slice(0, -1).join(', ')}${jaren.length > 1 ? ' en ' : ''}${jaren.at(-1)}`
    : '';
  return v.redenen.join(', ') + boven;
}

/** Asks for the vier-ogenakkoord on a toewijzing made ter_accordering. */
export function akkoordVragen(
  ctx: Ctx,
  toewijzingId: string,
  reden: (string | null | undefined)[],
) {
  ctx.write.insert(akkoorden, {
    toewijzingId,
    aangevraagdDoor: ctx.session.professionalId,
    aangevraagdOp: ctx.today(),
    reden: reden.filter(Boolean).join(' '),
    beoordeeldDoor: null,
    beoordeeldOp: null,
    besluit: null,
    toelichting: null,
  });
}

export function toewijzingAanmaken(
  ctx: Ctx,
  input: ApiInput<'toewijzing.aanmaken'>,
): ApiOutput<'toewijzing.aanmaken'> {
  const checked = check(ctx, input.toewijzing);
  const { voorstel, plan, profiel, aanbieder, product } = checked;
  if (voorstel.neeTenzijNodig && !input.neeTenzijReden?.trim()) {
    throw new ApiError(
      'ongeldige-invoer',
      `${aanbieder.naam} heeft een cliëntenstop. Kies een andere aanbieder, of geef de zwaarwegende reden voor "nee, tenzij".`,
      'neeTenzijReden',
    );
  }
  if (voorstel.vierOgen.nodig && !input.vierOgenReden?.trim()) {
    throw new ApiError(
      'ongeldige-invoer',
      `Deze toewijzing vraagt een vier-ogenakkoord (${waaromVierOgen(voorstel.vierOgen)}). Licht toe waarom deze hulp nodig is.`,
      'vierOgenReden',
    );
  }
  const t = input.toewijzing;
  const status = voorstel.vierOgen.nodig ? 'ter_accordering' : 'toegewezen';
  const id = ctx.write.insert(toewijzingen, {
    gezinslidId: plan.jeugdigeId,
    actieplanId: plan.id,
    zorgprofielId: profiel?.id ?? null,
    aanbiederId: aanbieder.id,
    productId: product.id,
    rol: 'hoofdaanbieder',
    hoofdToewijzingId: null,
    volume: t.volume,
    eenheid: product.eenheid,
    frequentie: product.frequentie,
    tariefCents: product.tariefCents,
    startdatum: t.startdatum,
    einddatum: t.einddatum,
    werkelijkeStart: null,
    status,
    toegewezenOp: status === 'toegewezen' ? ctx.now() : null,
    toewijzingNummer: nieuwToewijzingNummer(ctx),
    beschikkingsvrij: product.beschikkingsvrij,
    verwijzer: plan.verwijzer,
    neeTenzij: voorstel.neeTenzijNodig,
    bovenBudget: voorstel.vierOgen.alleenTeamcoach,
    beeindigdOp: null,
    eindeReden: null,
    aangemaaktDoor: ctx.session.professionalId,
    aangemaaktOp: ctx.today(),
  });
  if (voorstel.vierOgen.nodig) {
    akkoordVragen(ctx, id, [
      `Nodig vanwege ${waaromVierOgen(voorstel.vierOgen)}.`,
      input.vierOgenReden,
      input.neeTenzijReden ? `Nee, tenzij: ${input.neeTenzijReden}` : null,
    ]);
  }
  planEvaluations(ctx, id, t.startdatum, t.einddatum);
  return { id, status };
}

export function toewijzingStart(
  ctx: Ctx,
  input: ApiInput<'toewijzing.startVastleggen'>,
): ApiOutput<'toewijzing.startVastleggen'> {
  const { toewijzing } = toewijzingVoor(ctx, input.id, { schrijven: true });
  if (toewijzing.status === 'ter_accordering')
    throw new ApiError('conflict', 'Deze toewijzing wacht nog op het vier-ogenakkoord.');
  if (toewijzing.status !== 'toegewezen')
    throw new ApiError(
      'conflict',
      'De start van de zorg is al vastgelegd of de toewijzing loopt niet meer.',
    );
  if (input.datum > ctx.today())
    throw new ApiError(
      'ongeldige-invoer',
      'De zorg kan niet in de toekomst gestart zijn.',
      'datum',
    );
  if (input.datum < toewijzing.startdatum)
    throw new ApiError(
      'ongeldige-invoer',
      'De zorg kan niet vóór de startdatum van de toewijzing gestart zijn.',
      'datum',
    );
  if (input.datum > toewijzing.einddatum)
    throw new ApiError(
      'ongeldige-invoer',
      'Deze datum ligt na het einde van de toewijzing.',
      'datum',
    );
  ctx.write.update(toewijzingen, toewijzing.id, {
    status: 'gestart',
    werkelijkeStart: input.datum,
  });
  return { id: toewijzing.id };
}

export function stop(ctx: Ctx, toewijzing: ToewijzingRow, datum: IsoDate, reden: EindeReden): void {
  ctx.write.update(toewijzingen, toewijzing.id, {
    status: 'beeindigd',
    beeindigdOp: datum,
    eindeReden: reden,
  });
  cancelEvaluationsAfter(ctx, toewijzing.id, datum);
}

function cancelEvaluationsAfter(ctx: Ctx, toewijzingId: string, datum: IsoDate): void {
  const open = ctx.db
    .select()
    .from(evaluaties)
    .where(
      and(
        eq(evaluaties.toewijzingId, toewijzingId),
        eq(evaluaties.deleted, false),
        isNull(evaluaties.uitgevoerdOp),
      ),
    )
    .all();
  for (const e of open) if (e.geplandOp > datum) ctx.write.tombstone(evaluaties, e.id);
}

export function toewijzingStoppen(
  ctx: Ctx,
  input: ApiInput<'toewijzing.stoppen'>,
): ApiOutput<'toewijzing.stoppen'> {
  const { toewijzing } = toewijzingVoor(ctx, input.id, { schrijven: true });
  if (!(TOEWIJZING_LOPEND as readonly string[]).includes(toewijzing.status))
    throw new ApiError('conflict', 'Deze toewijzing loopt niet (meer).');
  if (input.datum > toewijzing.einddatum)
    throw new ApiError(
      'ongeldige-invoer',
      'Deze datum ligt na het einde van de toewijzing.',
      'datum',
    );
  if (input.datum < (toewijzing.werkelijkeStart ?? toewijzing.startdatum)) {
    // Stopped before it began: the toewijzing is withdrawn and commits nothing.
    ctx.write.update(toewijzingen, toewijzing.id, {
      status: 'ingetrokken',
      beeindigdOp: input.datum,
      eindeReden: input.reden,
    });
    cancelEvaluationsAfter(ctx, toewijzing.id, '0000-00-00');
    return { id: toewijzing.id };
  }
  stop(ctx, toewijzing, input.datum, input.reden);
  return { id: toewijzing.id };
}
