/** Who works with a family: colleagues beside the regisseur, and handing the family over. */
import { and, eq } from 'drizzle-orm';
import { gezinMedewerkers, gezinnen, overdrachten, professionals } from '../../db/schema';
import type { ApiInput, ApiOutput } from '../../shared/api';
import { teamlidFout } from '../../shared/regels/rollen';
import { gezinVoor, medewerkerVan } from '../access';
import { ApiError } from '../api-error';
import type { Ctx } from '../context';

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
