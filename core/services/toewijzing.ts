/**
 * Zorgprofiel -> aanbieder -> toewijzing, and "regie na beschikking": start of care, evaluations,
 * op- en afschalen and stopping help (003_… 1.3.2, 000_… 4).
 */
import { and, eq, inArray, isNull, lte, or, gte } from 'drizzle-orm';
import {
  aanbieders,
  akkoorden,
  contracten,
  evaluaties,
  producten,
  teams,
  toewijzingen,
  zorgprofielen,
} from '../../db/schema';
import type { AanbiederKeuze, ApiInput, ApiOutput, Voorstel } from '../../shared/api';
import { resterendCents, totalCents, yearCents, type Commitment } from '../../shared/cost';
import { addDays, addMonths, daysInclusive, formatDate, type IsoDate } from '../../shared/dates';
import {
  COMMITTING_STATUSSEN as COMMITTING,
  VERBLIJF_CATEGORIEEN,
  type EindeReden,
  type Perceel,
} from '../../shared/domain';
import { bovenBudget, isVerblijf, vierOgenRedenen } from '../../shared/regels/vier-ogen';
import { pastBijZorgprofiel } from '../../shared/zorgprofiel-producten';
import { ApiError } from '../api-error';
import { bijdrage, teamPrognose, type Prognose } from '../budget/prognose';
import { actieplanVoor, evaluatieVoor, toewijzingVoor, zorgprofielVan } from '../access';
import type { Ctx } from '../context';
import { neemToewijzingNummer } from '../toewijzingnummers';
import { cijfersVoorAanbieders } from './keuzehulp';
import { scoresVastleggen } from './doel-scores';
import { EVALUATIE_BINNENKORT_DAGEN } from './gezinnen';

/**
 * A ToewijzingNummer from the laptop's blocks (core/toewijzingnummers.ts); null while a connected
 * laptop has none yet (the JW301 takes one when it is made). A demo profile never connects.
 */
export const nieuwToewijzingNummer = (ctx: Ctx) =>
  neemToewijzingNummer(ctx.sqlite, { demo: !ctx.sync.gebruiker() });

const RUNNING = ['toegewezen', 'gestart'] as const;

type ToewijzingRow = typeof toewijzingen.$inferSelect;

function usedThisYear(ctx: Ctx, aanbiederIds: string[], year: number): Map<string, number> {
  const used = new Map<string, number>();
  if (aanbiederIds.length === 0) return used;
  const rows = ctx.db
    .select()
    .from(toewijzingen)
    .where(
      and(
        inArray(toewijzingen.aanbiederId, aanbiederIds),
        eq(toewijzingen.deleted, false),
        inArray(toewijzingen.status, [...COMMITTING]),
      ),
    )
    .all();
  for (const t of rows)
    used.set(t.aanbiederId, (used.get(t.aanbiederId) ?? 0) + yearCents(t, year));
  return used;
}

/** An aanbieder the family can choose, before the keuzehulp's figures are added. */
type Keuze = Omit<AanbiederKeuze, 'cijfers'>;

/**
 * The aanbieders contracted for this action plan's zorgprofiel, each with the products of its
 * contracted percelen that fit the zorgprofiel (shared/zorgprofiel-producten.ts).
 */
function gecontracteerdVoorProfiel(ctx: Ctx, actieplanId: string): Keuze[] {
  const { plan } = actieplanVoor(ctx, actieplanId);
  const profiel = zorgprofielVan(ctx, plan.id);
  const today = ctx.today();
  const valid = and(
    lte(contracten.geldigVan, today),
    or(isNull(contracten.geldigTot), gte(contracten.geldigTot, today)),
    eq(contracten.deleted, false),
  );
  // Without a zorgprofiel only beschikkingsvrij help is open (the lighter path).
  const contractRows = ctx.db
    .select({ aanbiederId: contracten.aanbiederId, perceel: contracten.perceel })
    .from(contracten)
    .where(profiel ? and(valid, eq(contracten.zorgprofiel, profiel.categorie)) : valid)
    .all();
  const percelenPer = new Map<string, Set<string>>();
  for (const c of contractRows)
    percelenPer.set(c.aanbiederId, (percelenPer.get(c.aanbiederId) ?? new Set()).add(c.perceel));
  const productRows = ctx.db
    .select()
    .from(producten)
    .where(eq(producten.deleted, false))
    .all()
    .filter((p) => (profiel ? pastBijZorgprofiel(p, profiel.categorie) : p.beschikkingsvrij));
  const ids = [...percelenPer.keys()];
  const used = usedThisYear(ctx, ids, Number(today.slice(0, 4)));
  const rows = ids.length
    ? ctx.db
        .select()
        .from(aanbieders)
        .where(and(inArray(aanbieders.id, ids), eq(aanbieders.deleted, false)))
        .all()
    : [];
  return rows
    .map((a) => {
      const percelen = percelenPer.get(a.id)!;
      const benutCents = used.get(a.id) ?? 0;
      return {
        id: a.id,
        naam: a.naam,
        plaats: a.plaats,
        clientenstop: a.clientenstop,
        plafondCents: a.budgetplafondCents,
        benutCents,
        plafondBereikt: benutCents >= a.budgetplafondCents,
        producten: productRows
          .filter((p) => percelen.has(p.perceel))
          .map((p) => ({
            id: p.id,
            productcode: p.productcode,
            omschrijving: p.omschrijving,
            perceel: p.perceel,
            eenheid: p.eenheid,
            frequentie: p.frequentie,
            tariefCents: p.tariefCents,
            beschikkingsvrij: p.beschikkingsvrij,
            verblijf: VERBLIJF_CATEGORIEEN.includes(p.categorie),
          })),
      };
    })
    .filter((a) => a.producten.length > 0)
    .sort(
      (a, b) =>
        Number(a.clientenstop || a.plafondBereikt) - Number(b.clientenstop || b.plafondBereikt) ||
        a.naam.localeCompare(b.naam),
    );
}

/**
 * The keuzehulp: the aanbieders the family can choose from for this action plan's zorgprofiel,
 * with what was measured of each (core/services/keuzehulp.ts).
 */
export function aanbiedersVoorProfiel(
  ctx: Ctx,
  input: ApiInput<'aanbieders.voorProfiel'>,
): AanbiederKeuze[] {
  const keuze = gecontracteerdVoorProfiel(ctx, input.actieplanId);
  const cijfers = cijfersVoorAanbieders(
    ctx,
    keuze.map((k) => k.id),
  );
  return keuze.map((k) => ({ ...k, cijfers: cijfers.get(k.id)! }));
}

/** The calendar years a toewijzing runs in, from its start to its end. */
function jarenVan(c: Commitment): number[] {
  const jaren: number[] = [];
  for (let j = Number(c.startdatum.slice(0, 4)); j <= Number(c.einddatum.slice(0, 4)); j++)
    jaren.push(j);
  return jaren;
}

/**
 * What a new toewijzing does to the team's budget and, when one is set, its perceel's. One
 * definition of what remains, as the dashboard's "Resterend" (shared/cost.ts, README "Money
 * rules"): budget minus the forecast of the year, this toewijzing's months without SOJ data
 * added. Shown for the current year; checked for every calendar year the toewijzing runs in
 * (`bovenBudgetJaren`: the years whose forecast it takes over a budget).
 */
function budgetNaToewijzing(ctx: Ctx, teamId: string, perceel: Perceel, commitment: Commitment) {
  const jaar = Number(ctx.today().slice(0, 4));
  const naDeze = (p: Prognose, erbij: number) => ({
    budgetCents: p.budgetCents,
    prognoseCents: p.prognoseCents,
    prognoseNaCents: p.prognoseCents + erbij,
    naDezeCents:
      p.budgetCents === null ? null : resterendCents(p.budgetCents, p.prognoseCents + erbij),
  });
  const perJaar = (j: number) => {
    const teamNu = teamPrognose(ctx, teamId, j, null);
    const perceelNu = teamPrognose(ctx, teamId, j, perceel);
    const teamBudget = naDeze(teamNu, bijdrage(teamNu, commitment));
    const perceelBudget =
      perceelNu.budgetCents === null ? null : naDeze(perceelNu, bijdrage(perceelNu, commitment));
    return { teamNu, teamBudget, perceelBudget, ditJaarCents: bijdrage(teamNu, commitment) };
  };
  const nu = perJaar(jaar);
  const bovenBudgetJaren = jarenVan(commitment).filter((j) => {
    const { teamBudget, perceelBudget } = j === jaar ? nu : perJaar(j);
    return bovenBudget([teamBudget, ...(perceelBudget ? [perceelBudget] : [])]);
  });
  return { jaar, ...nu, bovenBudgetJaren };
}

interface Checked {
  plan: ReturnType<typeof actieplanVoor>['plan'];
  gezin: ReturnType<typeof actieplanVoor>['gezin'];
  profiel: ReturnType<typeof zorgprofielVan>;
  aanbieder: Keuze;
  product: Keuze['producten'][number];
  voorstel: Voorstel;
}

/** Everything a toewijzing needs checked before it is shown as a proposal or made. */
function check(ctx: Ctx, input: ApiInput<'toewijzing.voorstel'>): Checked {
  const { plan, gezin } = actieplanVoor(ctx, input.actieplanId, { schrijven: true });
  if (plan.triageUitkomst !== 'laten_doen') {
    throw new ApiError(
      'conflict',
      'Jeugdhulp kan pas worden toegewezen na de triage: eerst eigen kracht, netwerk en voorliggende voorzieningen.',
    );
  }
  const today = ctx.today();
  if (input.startdatum < addDays(today, -30)) {
    throw new ApiError(
      'ongeldige-invoer',
      'De startdatum ligt meer dan 30 dagen in het verleden.',
      'startdatum',
    );
  }
  const profiel = zorgprofielVan(ctx, plan.id);
  const keuze = gecontracteerdVoorProfiel(ctx, plan.id);
  const aanbieder = keuze.find((a) => a.id === input.aanbiederId);
  if (!aanbieder)
    throw new ApiError(
      'ongeldige-invoer',
      'Deze aanbieder is niet gecontracteerd voor dit zorgprofiel.',
      'aanbiederId',
    );
  const product = aanbieder.producten.find((p) => p.id === input.productId);
  if (!product)
    throw new ApiError(
      'ongeldige-invoer',
      'Deze aanbieder levert dit product niet binnen het zorgprofiel.',
      'productId',
    );
  if (!profiel && !product.beschikkingsvrij)
    throw new ApiError('conflict', 'Stel eerst het zorgprofiel vast.');

  const commitment = {
    volume: input.volume,
    frequentie: product.frequentie,
    tariefCents: product.tariefCents,
    startdatum: input.startdatum,
    einddatum: input.einddatum,
  };
  const team = ctx.db.select().from(teams).where(eq(teams.id, gezin.teamId)).get()!;
  const budget = budgetNaToewijzing(ctx, team.id, product.perceel, commitment);
  const { teamNu, teamBudget, perceelBudget, ditJaarCents, bovenBudgetJaren } = budget;
  const totaalCents = totalCents(commitment);
  const overBudget = bovenBudgetJaren.length > 0;
  // The rule the service checks a toewijzing made toegewezen against (shared/regels/).
  const redenen = vierOgenRedenen({
    beschikkingsvrij: product.beschikkingsvrij,
    zorgprofiel: profiel?.categorie ?? null,
    verblijf: product.verblijf,
    neeTenzij: aanbieder.clientenstop || aanbieder.plafondBereikt,
    totaalCents,
    drempelCents: team.vierOgenDrempelCents,
    bovenBudget: overBudget,
  });
  const laatste = [...teamNu.sojMaanden].at(-1) ?? null;
  return {
    plan,
    gezin,
    profiel,
    aanbieder,
    product,
    voorstel: {
      totaalCents,
      ditJaarCents,
      budget: {
        jaar: budget.jaar,
        ...teamBudget,
        laatstePeriode: laatste,
        maandenZonderSoj: 12 - teamNu.sojMaanden.size,
        perceel: perceelBudget && { perceel: product.perceel, ...perceelBudget },
      },
      vierOgen: {
        nodig: redenen.length > 0,
        redenen,
        alleenTeamcoach: !product.beschikkingsvrij && overBudget,
        bovenBudgetJaren: product.beschikkingsvrij ? [] : bovenBudgetJaren,
      },
      neeTenzijNodig: aanbieder.clientenstop || aanbieder.plafondBereikt,
      beschikkingsvrij: product.beschikkingsvrij,
    },
  };
}

export function toewijzingVoorstel(
  ctx: Ctx,
  input: ApiInput<'toewijzing.voorstel'>,
): ApiOutput<'toewijzing.voorstel'> {
  return check(ctx, input).voorstel;
}

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

function planEvaluations(ctx: Ctx, toewijzingId: string, start: IsoDate, end: IsoDate): void {
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
function waaromVierOgen(v: { redenen: string[]; bovenBudgetJaren: number[] }): string {
  const jaren = v.bovenBudgetJaren;
  const boven = jaren.length
    ? `; boven het budget van ${jaren.slice(0, -1).join(', ')}${jaren.length > 1 ? ' en ' : ''}${jaren.at(-1)}`
    : '';
  return v.redenen.join(', ') + boven;
}

/** Asks for the vier-ogenakkoord on a toewijzing made ter_accordering. */
function akkoordVragen(ctx: Ctx, toewijzingId: string, reden: (string | null | undefined)[]) {
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

function stop(ctx: Ctx, toewijzing: ToewijzingRow, datum: IsoDate, reden: EindeReden): void {
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
  if (!(RUNNING as readonly string[]).includes(toewijzing.status))
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

/**
 * Records an evaluation. Op- or afschalen ends the toewijzing on that day and continues the
 * same help with the new volume until the original end; stoppen ends the help.
 */
export function evaluatieVastleggen(
  ctx: Ctx,
  input: ApiInput<'evaluatie.vastleggen'>,
): ApiOutput<'evaluatie.vastleggen'> {
  const { evaluatie, toewijzing, gezin } = evaluatieVoor(ctx, input.id);
  if (evaluatie.uitgevoerdOp) throw new ApiError('conflict', 'Deze evaluatie is al vastgelegd.');
  if (!(RUNNING as readonly string[]).includes(toewijzing.status))
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
  if (schalen) {
    stop(ctx, toewijzing, input.uitgevoerdOp, 'volgens_plan');
    const { id: _old, hlc: _h, authorId: _a, deleted: _d, ...rest } = toewijzing;
    const start = addDays(input.uitgevoerdOp, 1);
    // More help weighs on the budget as a new toewijzing does (the old one stopped above, so
    // the forecast counts only the new volume from tomorrow): it may wait for vier ogen.
    const vierOgen =
      input.uitkomst === 'opschalen'
        ? vierOgenBijOpschalen(ctx, toewijzing, gezin.teamId, input.nieuwVolume!, start)
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
  return { id: evaluatieId };
}
