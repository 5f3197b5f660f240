/** A family's own record: registration, members, network, hand-over and closing. */
import { and, asc, eq } from 'drizzle-orm';
import {
  actieplannen,
  gezinnen,
  gezinsleden,
  gezinsplannen,
  netwerkleden,
  professionals,
} from '../../db/schema';
import type { ApiInput, ApiOutput } from '../../shared/api';
import { GEZINSLID_ROLLEN, type GezinslidRol } from '../../shared/domain';
import { geboortedatumFout } from '../../shared/gezinsgegevens';
import { correctieVastleggen, wasWordt } from './correcties';
import { ApiError } from '../api-error';
import { gezinVoor, netwerklidVoor, raakGezin } from '../access';
import type { Ctx, ReadCtx } from '../context';
import { natuurlijkeId } from '../../shared/sync/natuurlijke-id';

export function collegas(ctx: ReadCtx): ApiOutput<'team.collegas'> {
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
