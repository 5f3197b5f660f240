/** A family's own record: registration, members, network, hand-over and closing. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import {
  actieplannen,
  doelen,
  gezinMedewerkers,
  gezinnen,
  gezinsleden,
  gezinsplannen,
  netwerkleden,
  overdrachten,
  professionals,
  toewijzingen,
} from '../../db/schema';
import type { ApiInput, ApiOutput } from '../../shared/api';
import { formatDate } from '../../shared/dates';
import { GEZINSLID_ROLLEN, type GezinslidRol } from '../../shared/domain';
import { geboortedatumFout } from '../../shared/gezinsgegevens';
import { resultaatUitScore } from '../../shared/doel-voortgang';
import { correctieVastleggen, wasWordt } from './correcties';
import { laatsteScorePerDoel } from './doel-scores';
import { ApiError } from '../api-error';
import { gezinVoor, medewerkerVan, netwerklidVoor, raakGezin } from '../access';
import type { Ctx } from '../context';
import { natuurlijkeId } from '../../shared/sync/natuurlijke-id';
import { teamlidFout } from '../../shared/regels/rollen';

export function collegas(ctx: Ctx): ApiOutput<'team.collegas'> {
  if (!ctx.session.teamId) return [];
  return ctx.db
    .select({ id: professionals.id, naam: professionals.naam, rol: professionals.rol })
    .from(professionals)
    .where(and(eq(professionals.teamId, ctx.session.teamId), eq(professionals.actief, true)))
    .orderBy(asc(professionals.naam))
    .all();
}

export function gezinAanmaken(
  ctx: Ctx,
  input: ApiInput<'gezin.aanmaken'>,
): ApiOutput<'gezin.aanmaken'> {
  const teamId = ctx.session.teamId;
  if (!teamId) throw new ApiError('geen-toegang', 'U hoort niet bij een team.');
  const { leden, ...gezin } = input;
  leden.forEach((lid, i) =>
    controleerGeboortedatum(ctx, lid.geboortedatum, `leden.${i}.geboortedatum`),
  );
  const id = ctx.write.insert(gezinnen, {
    ...gezin,
    teamId,
    regisseurId: ctx.session.professionalId,
    status: 'aangemeld',
    aangemeldOp: ctx.today(),
    afgeslotenOp: null,
    oordeelGezin: null,
    oordeelCijfer: null,
  });
  for (const lid of leden)
    ctx.write.insert(gezinsleden, { ...lid, bsn: lid.bsn ?? null, gezinId: id });
  // Every family has exactly one plan from the start: "één gezin, één plan".
  ctx.write.insert(gezinsplannen, {
    id: natuurlijkeId('gezinsplannen', id),
    gezinId: id,
    eigenWoorden: '',
    toekomstplan: null,
    versie: 0,
    toestemmingVersie: null,
    toestemmingOp: null,
    toestemmingDoor: null,
  });
  raakGezin(ctx, id);
  return { id };
}

/** A birth date ahead of today is a typing error (a child shown as "(-5)"). */
function controleerGeboortedatum(ctx: Ctx, datum: string, veld = 'geboortedatum'): void {
  const fout = geboortedatumFout(datum, ctx.today());
  if (fout) throw new ApiError('ongeldige-invoer', fout, veld);
}

const naamVanLid = (l: { voornaam: string; achternaam: string }) =>
  `${l.voornaam} ${l.achternaam}`.trim();

/** What a correction of a member's identity changed, in words (the BSN itself is not shown). */
function lidWijzigingen(
  oud: typeof gezinsleden.$inferSelect,
  nieuw: {
    rol: string;
    voornaam: string;
    achternaam: string;
    geboortedatum: string;
    bsn: string | null;
  },
): string[] {
  return [
    [
      'rol',
      wasWordt(
        GEZINSLID_ROLLEN.labels[oud.rol],
        GEZINSLID_ROLLEN.labels[nieuw.rol as GezinslidRol],
      ),
    ],
    ['voornaam', wasWordt(oud.voornaam, nieuw.voornaam)],
    ['achternaam', wasWordt(oud.achternaam, nieuw.achternaam)],
    ['geboortedatum', wasWordt(oud.geboortedatum, nieuw.geboortedatum, true)],
    ['BSN', (oud.bsn ?? '') === (nieuw.bsn ?? '') ? null : 'gewijzigd'],
  ].flatMap(([veld, wat]) => (wat ? [`${veld} ${wat}`] : []));
}

export function gezinslidOpslaan(
  ctx: Ctx,
  input: ApiInput<'gezinslid.opslaan'>,
): ApiOutput<'gezinslid.opslaan'> {
  gezinVoor(ctx, input.gezinId, { schrijven: true });
  controleerGeboortedatum(ctx, input.geboortedatum);
  const { id, gezinId, reden, telefoon, email, gezag, school, ...identiteit } = input;
  const velden = {
    ...identiteit,
    bsn: identiteit.bsn ?? null,
    telefoon: telefoon || null,
    email: email || null,
    gezag: gezag ?? null,
    school: school || null,
  };
  if (!id) return { id: ctx.write.insert(gezinsleden, { ...velden, gezinId }) };
  const lid = ctx.db.select().from(gezinsleden).where(eq(gezinsleden.id, id)).get();
  if (!lid || lid.deleted || lid.gezinId !== gezinId)
    throw new ApiError('niet-gevonden', 'Dit gezinslid hoort niet bij dit gezin.');
  // Name, role, birth date and BSN are what other records rest on: correcting them says why.
  // Contact facts, gezag and school are filled in along the way without one.
  // The screen never shows a stored BSN in full: no BSN given keeps the one on file.
  if (identiteit.bsn === undefined) velden.bsn = lid.bsn;
  if (lid.rol === 'jeugdige' && velden.rol !== 'jeugdige' && heeftActieplan(ctx, lid.id))
    throw new ApiError(
      'conflict',
      `${lid.voornaam} heeft een actieplan als jeugdige; die rol blijft zolang het plan bestaat.`,
      'rol',
    );
  const wijzigingen = lidWijzigingen(lid, velden);
  if (wijzigingen.length > 0) {
    if (!reden)
      throw new ApiError(
        'ongeldige-invoer',
        'Geef de reden van de correctie op; die komt in de tijdlijn van het gezin.',
        'reden',
      );
    correctieVastleggen(ctx, {
      gezinId,
      onderdeel: 'gezinsleden',
      rijId: id,
      soort: 'gewijzigd',
      omschrijving: `Gezinslid ${naamVanLid(lid)} gecorrigeerd: ${wijzigingen.join(', ')}`,
      reden,
    });
  }
  ctx.write.update(gezinsleden, id, velden);
  return { id };
}

/** A youth's action plan, its toewijzingen and their JW301 messages rest on the member. */
function heeftActieplan(ctx: Ctx, lidId: string): boolean {
  return Boolean(
    ctx.db
      .select({ id: actieplannen.id })
      .from(actieplannen)
      .where(and(eq(actieplannen.jeugdigeId, lidId), eq(actieplannen.deleted, false)))
      .get(),
  );
}

/**
 * Removes a member entered by mistake (a tombstone, so the sync takes it along). Not a youth
 * with an action plan: that plan and its help rest on the member.
 */
export function gezinslidVerwijderen(
  ctx: Ctx,
  input: ApiInput<'gezinslid.verwijderen'>,
): ApiOutput<'gezinslid.verwijderen'> {
  const lid = ctx.db.select().from(gezinsleden).where(eq(gezinsleden.id, input.id)).get();
  if (!lid || lid.deleted)
    throw new ApiError('niet-gevonden', 'Dit gezinslid bestaat niet (meer).');
  gezinVoor(ctx, lid.gezinId, { schrijven: true });
  if (heeftActieplan(ctx, lid.id))
    throw new ApiError(
      'conflict',
      `${lid.voornaam} heeft een actieplan; een gezinslid met een actieplan kan niet worden verwijderd.`,
    );
  const anderen = ctx.db
    .select({ id: gezinsleden.id })
    .from(gezinsleden)
    .where(and(eq(gezinsleden.gezinId, lid.gezinId), eq(gezinsleden.deleted, false)))
    .all()
    .filter((l) => l.id !== lid.id);
  if (anderen.length === 0)
    throw new ApiError('conflict', 'Een gezin heeft minstens één gezinslid.');
  correctieVastleggen(ctx, {
    gezinId: lid.gezinId,
    onderdeel: 'gezinsleden',
    rijId: lid.id,
    soort: 'verwijderd',
    omschrijving: `Gezinslid ${naamVanLid(lid)} (${GEZINSLID_ROLLEN.labels[lid.rol].toLowerCase()}) verwijderd`,
    reden: input.reden,
  });
  ctx.write.tombstone(gezinsleden, lid.id);
  return { id: lid.id };
}

/** The facts a professional looks up before a visit: huisarts, gezag, interpreter. */
export function gezinGegevens(
  ctx: Ctx,
  input: ApiInput<'gezin.gegevens'>,
): ApiOutput<'gezin.gegevens'> {
  const gezin = gezinVoor(ctx, input.gezinId, { schrijven: true });
  ctx.write.update(gezinnen, gezin.id, {
    huisarts: input.huisarts || null,
    gezagToelichting: input.gezagToelichting || null,
    tolkNodig: input.tolkNodig,
    tolkTaal: input.tolkNodig ? input.tolkTaal || null : null,
  });
  return { id: gezin.id };
}

export function netwerklidOpslaan(
  ctx: Ctx,
  input: ApiInput<'netwerklid.opslaan'>,
): ApiOutput<'netwerklid.opslaan'> {
  gezinVoor(ctx, input.gezinId, { schrijven: true });
  const { id, gezinId, ...fields } = input;
  const values = {
    ...fields,
    telefoon: fields.telefoon || null,
    rolInPlan: fields.rolInPlan || null,
  };
  if (!id) return { id: ctx.write.insert(netwerkleden, { ...values, gezinId }) };
  const lid = netwerklidVoor(ctx, id);
  if (lid.gezinId !== gezinId)
    throw new ApiError('niet-gevonden', 'Dit netwerklid hoort niet bij dit gezin.');
  ctx.write.update(netwerkleden, id, values);
  return { id };
}

export function netwerklidVerwijderen(
  ctx: Ctx,
  input: ApiInput<'netwerklid.verwijderen'>,
): ApiOutput<'netwerklid.verwijderen'> {
  netwerklidVoor(ctx, input.id);
  ctx.write.tombstone(netwerkleden, input.id);
  return { id: input.id };
}

/** The regisseur adds a colleague of the team who works with the family, or removes one. */
export function gezinMedewerker(
  ctx: Ctx,
  input: ApiInput<'gezin.medewerker'>,
): ApiOutput<'gezin.medewerker'> {
  const gezin = gezinVoor(ctx, input.gezinId, { schrijven: true });
  if (gezin.regisseurId !== ctx.session.professionalId)
    throw new ApiError(
      'geen-toegang',
      'Alleen de regisseur van dit gezin voegt medewerkers toe of haalt ze weg.',
    );
  const bestaand = medewerkerVan(ctx, gezin.id, input.professionalId);
  if (input.actie === 'verwijderen') {
    if (!bestaand)
      throw new ApiError('niet-gevonden', 'Deze collega is geen medewerker van dit gezin.');
    // Added on two laptops offline, the colleague can stand there twice (ADR 0003): all go.
    for (const dubbel of ctx.db
      .select({ id: gezinMedewerkers.id })
      .from(gezinMedewerkers)
      .where(
        and(
          eq(gezinMedewerkers.gezinId, gezin.id),
          eq(gezinMedewerkers.professionalId, input.professionalId),
          eq(gezinMedewerkers.deleted, false),
        ),
      )
      .all())
      ctx.write.tombstone(gezinMedewerkers, dubbel.id);
    return { id: bestaand.id };
  }
  const collega = ctx.db
    .select()
    .from(professionals)
    .where(eq(professionals.id, input.professionalId))
    .get();
  // Of the family's team, as the service checks it (shared/regels/rollen.ts); and chosen here
  // from the team's jeugdprofessionals.
  if (!collega || teamlidFout(collega, gezin.teamId) || collega.rol !== 'jeugdprofessional')
    throw new ApiError(
      'ongeldige-invoer',
      'Kies een jeugdprofessional van uw eigen team.',
      'professionalId',
    );
  if (collega.id === gezin.regisseurId || bestaand)
    throw new ApiError('conflict', 'Deze collega werkt al met dit gezin.', 'professionalId');
  const id = ctx.write.insert(gezinMedewerkers, {
    gezinId: gezin.id,
    professionalId: collega.id,
    sinds: ctx.today(),
  });
  return { id };
}

/** Overdracht: another regisseur of the same team takes over, with the reason recorded. */
export function gezinOverdragen(
  ctx: Ctx,
  input: ApiInput<'gezin.overdragen'>,
): ApiOutput<'gezin.overdragen'> {
  const gezin = gezinVoor(ctx, input.gezinId, { schrijven: true });
  const naar = ctx.db.select().from(professionals).where(eq(professionals.id, input.naarId)).get();
  if (!naar || teamlidFout(naar, gezin.teamId) || naar.rol !== 'jeugdprofessional') {
    throw new ApiError(
      'ongeldige-invoer',
      'Kies een jeugdprofessional van uw eigen team.',
      'naarId',
    );
  }
  if (naar.id === gezin.regisseurId)
    throw new ApiError('ongeldige-invoer', 'Deze collega is al regisseur van dit gezin.', 'naarId');
  ctx.write.insert(overdrachten, {
    gezinId: gezin.id,
    vanId: gezin.regisseurId,
    naarId: naar.id,
    reden: input.reden,
    op: ctx.today(),
  });
  ctx.write.update(gezinnen, gezin.id, { regisseurId: naar.id });
  // The new regisseur is no longer also listed as medewerker.
  const alsMedewerker = medewerkerVan(ctx, gezin.id, naar.id);
  if (alsMedewerker) ctx.write.tombstone(gezinMedewerkers, alsMedewerker.id);
  return { id: gezin.id };
}

/**
 * Closing a family with the outcome the region collects (002_… 4.4): per SMART goal whether it
 * was reached, and the family's own verdict. Help must have ended first.
 */
export function gezinAfsluiten(
  ctx: Ctx,
  input: ApiInput<'gezin.afsluiten'>,
): ApiOutput<'gezin.afsluiten'> {
  const gezin = gezinVoor(ctx, input.gezinId, { schrijven: true });
  if (input.datum > ctx.today())
    throw new ApiError(
      'ongeldige-invoer',
      'Een gezin kan niet in de toekomst worden afgesloten.',
      'datum',
    );
  const plannen = ctx.db
    .select()
    .from(actieplannen)
    .where(and(eq(actieplannen.gezinId, gezin.id), eq(actieplannen.deleted, false)))
    .all();
  const planIds = plannen.map((p) => p.id);
  const lopend = planIds.length
    ? ctx.db
        .select({ id: toewijzingen.id })
        .from(toewijzingen)
        .where(
          and(
            inArray(toewijzingen.actieplanId, planIds),
            eq(toewijzingen.deleted, false),
            inArray(toewijzingen.status, ['concept', 'ter_accordering', 'toegewezen', 'gestart']),
          ),
        )
        .all()
    : [];
  if (lopend.length > 0) {
    throw new ApiError(
      'conflict',
      `Er ${lopend.length === 1 ? 'loopt nog een toewijzing' : `lopen nog ${lopend.length} toewijzingen`}; stop de hulp eerst.`,
    );
  }
  const laatsteHulp = planIds.length
    ? ctx.db
        .select({ op: toewijzingen.beeindigdOp })
        .from(toewijzingen)
        .where(
          and(
            inArray(toewijzingen.actieplanId, planIds),
            eq(toewijzingen.deleted, false),
            eq(toewijzingen.status, 'beeindigd'),
          ),
        )
        .all()
        .reduce((max, t) => (t.op && t.op > max ? t.op : max), '')
    : '';
  if (laatsteHulp > input.datum) {
    throw new ApiError(
      'ongeldige-invoer',
      `De hulp loopt tot ${formatDate(laatsteHulp)}; het gezin kan pas daarna worden afgesloten.`,
      'datum',
    );
  }
  const openDoelen = planIds.length
    ? ctx.db
        .select()
        .from(doelen)
        .where(and(inArray(doelen.actieplanId, planIds), eq(doelen.deleted, false)))
        .all()
    : [];
  const resultaten = new Map(input.doelen.map((d) => [d.id, d.resultaat]));
  const laatsteScores = laatsteScorePerDoel(
    ctx,
    openDoelen.map((d) => d.id),
  );
  for (const doel of openDoelen) {
    // Not stated at closing: the result stated before, else what the last evaluation scored.
    const laatste = laatsteScores.get(doel.id);
    const resultaat =
      resultaten.get(doel.id) ??
      (doel.resultaat !== 'open' ? doel.resultaat : undefined) ??
      (laatste !== undefined ? resultaatUitScore(laatste) : undefined);
    if (!resultaat)
      throw new ApiError(
        'ongeldige-invoer',
        `Geef aan of het doel "${doel.omschrijving}" is behaald.`,
        'doelen',
      );
    ctx.write.update(doelen, doel.id, { resultaat });
  }
  for (const id of resultaten.keys()) {
    if (!openDoelen.some((d) => d.id === id))
      throw new ApiError('ongeldige-invoer', 'Een doel hoort niet bij dit gezin.', 'doelen');
  }
  for (const plan of plannen.filter((p) => p.status === 'open')) {
    ctx.write.update(actieplannen, plan.id, { status: 'afgerond', afgerondOp: input.datum });
  }
  ctx.write.update(gezinnen, gezin.id, {
    status: 'afgesloten',
    afgeslotenOp: input.datum,
    oordeelGezin: input.oordeelGezin,
    oordeelCijfer: input.oordeelCijfer,
  });
  return { id: gezin.id };
}
