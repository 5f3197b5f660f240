/**
 * Actieplan per youth or help question, with the triage in the order "wat kun je zelf, wat doen
 * we samen, wat laten we doen" (002_… 4.4): jeugdhulp only after eigen kracht, network and
 * voorliggende voorzieningen have been considered and written down.
 */
import { and, eq, inArray } from 'drizzle-orm';
import {
  actieplannen,
  doelen,
  gezinnen,
  gezinsleden,
  toewijzingen,
  zorgprofielen,
} from '../../db/schema';
import type { ApiInput, ApiOutput } from '../../shared/api';
import { ApiError } from '../api-error';
import { actieplanVoor, doelVoor, gezinVoor } from '../access';
import type { Ctx } from '../context';
import { voorliggendBekeken } from '../sociale-kaart/sociale-kaart';
import { correctieVastleggen, wasWordt } from '../gezin/correcties';
import { TOEWIJZING_ACTIEF } from '../../shared/statussen';

export function actieplanAanmaken(
  ctx: Ctx,
  input: ApiInput<'actieplan.aanmaken'>,
): ApiOutput<'actieplan.aanmaken'> {
  const gezin = gezinVoor(ctx, input.gezinId, { schrijven: true });
  const jeugdige = ctx.db
    .select()
    .from(gezinsleden)
    .where(eq(gezinsleden.id, input.jeugdigeId))
    .get();
  if (
    !jeugdige ||
    jeugdige.gezinId !== gezin.id ||
    jeugdige.deleted ||
    jeugdige.rol !== 'jeugdige'
  ) {
    throw new ApiError('ongeldige-invoer', 'Kies een jeugdige uit dit gezin.', 'jeugdigeId');
  }
  const id = ctx.write.insert(actieplannen, {
    gezinId: gezin.id,
    jeugdigeId: jeugdige.id,
    hulpvraag: input.hulpvraag,
    problemen: input.problemen ?? '',
    verwijzer: input.verwijzer,
    eigenKracht: null,
    netwerk: null,
    voorliggend: null,
    triageUitkomst: null,
    jeugdhulpNodig: false,
    status: 'open',
    geopendOp: ctx.today(),
    afgerondOp: null,
  });
  if (gezin.status === 'aangemeld') {
    // The first action plan makes the registration an active case.
    ctx.write.update(gezinnen, gezin.id, { status: 'actief' });
  }
  return { id };
}

export function actieplanOpslaan(
  ctx: Ctx,
  input: ApiInput<'actieplan.opslaan'>,
): ApiOutput<'actieplan.opslaan'> {
  const { plan } = actieplanVoor(ctx, input.id, { schrijven: true });
  const { id, ...fields } = input;
  const emptyToNull = (v: string | undefined) => (v === undefined ? undefined : v || null);
  ctx.write.update(actieplannen, plan.id, {
    hulpvraag: fields.hulpvraag,
    problemen: fields.problemen,
    verwijzer: fields.verwijzer,
    eigenKracht: emptyToNull(fields.eigenKracht),
    netwerk: emptyToNull(fields.netwerk),
    voorliggend: emptyToNull(fields.voorliggend),
  });
  return { id };
}

/** The triage outcome; each step requires the steps before it to be written down. */
export function actieplanTriage(
  ctx: Ctx,
  input: ApiInput<'actieplan.triage'>,
): ApiOutput<'actieplan.triage'> {
  const { plan } = actieplanVoor(ctx, input.id, { schrijven: true });
  const missing: string[] = [];
  if (!plan.eigenKracht?.trim()) missing.push('wat het gezin zelf kan (eigen kracht)');
  if (input.uitkomst !== 'zelf') {
    if (!plan.netwerk?.trim()) missing.push('wat het netwerk kan doen');
    // A voorziening taken from the sociale kaart ("Inzetten") counts as looked at.
    if (!voorliggendBekeken(ctx, plan))
      missing.push('welke voorliggende voorzieningen zijn bekeken');
  }
  if (missing.length > 0) {
    throw new ApiError(
      'ongeldige-invoer',
      `Beschrijf eerst ${missing.join(', ')}.`,
      input.uitkomst === 'zelf' ? 'eigenKracht' : 'netwerk',
    );
  }
  if (input.uitkomst !== 'laten_doen') {
    const lopend = ctx.db
      .select({ id: toewijzingen.id })
      .from(toewijzingen)
      .where(
        and(
          eq(toewijzingen.actieplanId, plan.id),
          eq(toewijzingen.deleted, false),
          inArray(toewijzingen.status, [...TOEWIJZING_ACTIEF]),
        ),
      )
      .all();
    if (lopend.length > 0)
      throw new ApiError('conflict', 'Er loopt jeugdhulp voor dit actieplan; stop die eerst.');
  }
  ctx.write.update(actieplannen, plan.id, {
    triageUitkomst: input.uitkomst,
    jeugdhulpNodig: input.uitkomst === 'laten_doen',
  });
  return { id: plan.id };
}

export function doelOpslaan(ctx: Ctx, input: ApiInput<'doel.opslaan'>): ApiOutput<'doel.opslaan'> {
  const { plan } = actieplanVoor(ctx, input.actieplanId, { schrijven: true });
  if (input.uiterlijk < plan.geopendOp) {
    throw new ApiError(
      'ongeldige-invoer',
      'Een doel moet na de start van het actieplan af zijn (de T van SMART).',
      'uiterlijk',
    );
  }
  const values = {
    omschrijving: input.omschrijving,
    meetbaar: input.meetbaar,
    uiterlijk: input.uiterlijk,
  };
  if (!input.id)
    return { id: ctx.write.insert(doelen, { ...values, actieplanId: plan.id, resultaat: 'open' }) };
  const { doel } = doelVoor(ctx, input.id);
  if (doel.actieplanId !== plan.id)
    throw new ApiError('niet-gevonden', 'Dit doel hoort niet bij dit actieplan.');
  const wijzigingen = [
    ['omschrijving', wasWordt(doel.omschrijving, values.omschrijving)],
    ['meetbaar', wasWordt(doel.meetbaar, values.meetbaar)],
    ['uiterlijk', wasWordt(doel.uiterlijk, values.uiterlijk, true)],
  ].flatMap(([veld, wat]) => (wat ? [`${veld} ${wat}`] : []));
  // A goal the family agreed to reads differently now: the timeline says why, when told.
  if (wijzigingen.length > 0 && input.reden)
    correctieVastleggen(ctx, {
      gezinId: plan.gezinId,
      onderdeel: 'doelen',
      rijId: doel.id,
      soort: 'gewijzigd',
      omschrijving: `Doel "${doel.omschrijving}" gecorrigeerd: ${wijzigingen.join('; ')}`,
      reden: input.reden,
    });
  ctx.write.update(doelen, doel.id, values);
  return { id: doel.id };
}

export function zorgprofielVaststellen(
  ctx: Ctx,
  input: ApiInput<'zorgprofiel.vaststellen'>,
): ApiOutput<'zorgprofiel.vaststellen'> {
  const { plan } = actieplanVoor(ctx, input.actieplanId, { schrijven: true });
  if (plan.triageUitkomst !== 'laten_doen') {
    throw new ApiError(
      'conflict',
      'Een zorgprofiel komt pas na de triage: eerst eigen kracht, netwerk en voorliggende voorzieningen.',
    );
  }
  const id = ctx.write.insert(zorgprofielen, {
    actieplanId: plan.id,
    categorie: input.categorie,
    probleemgebieden: JSON.stringify([...new Set(input.probleemgebieden)]),
    vastgesteldOp: ctx.today(),
    vastgesteldDoor: ctx.session.professionalId,
  });
  return { id };
}
