/**
 * Gespreksverslagen (visit notes): written at the kitchen table or just after, offline, with
 * who was there and the goals and agreements it was about; searchable within the dossier.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import {
  actieplannen,
  afspraken,
  doelen,
  gespreksverslagen,
  gespreksverslagVersies,
  professionals,
} from '../../db/schema';
import type { ApiInput, ApiOutput } from '../../shared/api';
import type { Gespreksverslag, Koppeling } from '../../shared/api';
import { formatDate } from '../../shared/dates';
import { bevatWoorden, vouwTekst, zoekWoorden } from '../../shared/zoeken';
import { ApiError } from '../api-error';
import { gezinVoor, planVan } from '../access';
import type { Ctx, ReadCtx } from '../context';
import { correctieVastleggen } from '../gezin/correcties';
import { professionalNamen } from '../sessie/profielen';

/** Each note's earlier wordings, newest first. */
function verslagVersies(ctx: ReadCtx, ids: string[]): Map<string, Gespreksverslag['versies']> {
  const uit = new Map<string, Gespreksverslag['versies']>();
  if (ids.length === 0) return uit;
  const naamVan = professionalNamen(ctx.db);
  const naam = (id: string | null) => (id ? (naamVan.get(id) ?? null) : null);
  for (const v of ctx.db
    .select()
    .from(gespreksverslagVersies)
    .where(
      and(
        inArray(gespreksverslagVersies.verslagId, ids),
        eq(gespreksverslagVersies.deleted, false),
      ),
    )
    .orderBy(desc(gespreksverslagVersies.vervangenOp), desc(gespreksverslagVersies.hlc))
    .all())
    uit.set(v.verslagId, [
      ...(uit.get(v.verslagId) ?? []),
      {
        datum: v.datum,
        aanwezig: JSON.parse(v.aanwezig) as string[],
        verslag: v.verslag,
        auteur: naam(v.auteurId),
        vervangenOp: v.vervangenOp,
        vervangenDoor: naam(v.vervangenDoor),
      },
    ]);
  return uit;
}

/** The family's goals (of all its action plans) and agreements, which a note can be about. */
function koppelbaarVoor(ctx: ReadCtx, gezinId: string): Koppeling[] {
  const plannen = ctx.db
    .select({ id: actieplannen.id })
    .from(actieplannen)
    .where(and(eq(actieplannen.gezinId, gezinId), eq(actieplannen.deleted, false)))
    .all()
    .map((p) => p.id);
  const doelRijen = plannen.length
    ? ctx.db
        .select({ id: doelen.id, tekst: doelen.omschrijving })
        .from(doelen)
        .where(and(inArray(doelen.actieplanId, plannen), eq(doelen.deleted, false)))
        .all()
    : [];
  const plan = planVan(ctx, gezinId);
  const afspraakRijen = plan
    ? ctx.db
        .select({ id: afspraken.id, tekst: afspraken.wat })
        .from(afspraken)
        .where(and(eq(afspraken.planId, plan.id), eq(afspraken.deleted, false)))
        .all()
    : [];
  return [
    ...doelRijen.map((d) => ({ ...d, soort: 'doel' as const })),
    ...afspraakRijen.map((a) => ({ ...a, soort: 'afspraak' as const })),
  ];
}

export function gesprekOpslaan(
  ctx: Ctx,
  input: ApiInput<'gesprek.opslaan'>,
): ApiOutput<'gesprek.opslaan'> {
  const gezin = gezinVoor(ctx, input.gezinId, { schrijven: true });
  if (input.datum > ctx.today())
    throw new ApiError(
      'ongeldige-invoer',
      'Een verslag gaat over een gesprek dat al is geweest; kies vandaag of een eerdere datum.',
      'datum',
    );
  const bekend = new Set(koppelbaarVoor(ctx, gezin.id).map((k) => k.id));
  if (input.koppelingen.some((k) => !bekend.has(k)))
    throw new ApiError(
      'ongeldige-invoer',
      'Een gekoppeld doel of een gekoppelde afspraak hoort niet bij dit gezin.',
      'koppelingen',
    );
  const waarden = {
    datum: input.datum,
    aanwezig: JSON.stringify(input.aanwezig),
    verslag: input.verslag,
    koppelingen: JSON.stringify([...new Set(input.koppelingen)]),
  };
  if (!input.id)
    return {
      id: ctx.write.insert(gespreksverslagen, {
        ...waarden,
        gezinId: gezin.id,
        auteurId: ctx.session.professionalId,
      }),
    };
  const bestaand = ctx.db
    .select()
    .from(gespreksverslagen)
    .where(and(eq(gespreksverslagen.id, input.id), eq(gespreksverslagen.deleted, false)))
    .get();
  if (bestaand?.gezinId !== gezin.id)
    throw new ApiError('niet-gevonden', 'Dit gespreksverslag hoort niet bij dit gezin.');
  const zelfde =
    bestaand.datum === waarden.datum &&
    bestaand.aanwezig === waarden.aanwezig &&
    bestaand.verslag === waarden.verslag &&
    bestaand.koppelingen === waarden.koppelingen;
  if (zelfde) return { id: input.id };
  // The wording it had is kept (the note's history): a correction never erases what was written.
  ctx.write.insert(gespreksverslagVersies, {
    verslagId: bestaand.id,
    datum: bestaand.datum,
    aanwezig: bestaand.aanwezig,
    verslag: bestaand.verslag,
    koppelingen: bestaand.koppelingen,
    auteurId: bestaand.auteurId,
    vervangenOp: ctx.now(),
    vervangenDoor: ctx.session.professionalId,
  });
  if (input.reden)
    correctieVastleggen(ctx, {
      gezinId: gezin.id,
      onderdeel: 'gespreksverslagen',
      rijId: bestaand.id,
      soort: 'gewijzigd',
      omschrijving: `Gespreksverslag van ${formatDate(bestaand.datum)} gecorrigeerd`,
      reden: input.reden,
    });
  ctx.write.update(gespreksverslagen, input.id, waarden);
  return { id: input.id };
}

export function gesprekLijst(
  ctx: ReadCtx,
  input: ApiInput<'gesprek.lijst'>,
): ApiOutput<'gesprek.lijst'> {
  const gezin = gezinVoor(ctx, input.gezinId);
  const koppelbaar = koppelbaarVoor(ctx, gezin.id);
  const perId = new Map(koppelbaar.map((k) => [k.id, k]));
  const rijen = ctx.db
    .select({ verslag: gespreksverslagen, auteur: professionals.naam })
    .from(gespreksverslagen)
    .leftJoin(professionals, eq(professionals.id, gespreksverslagen.auteurId))
    .where(and(eq(gespreksverslagen.gezinId, gezin.id), eq(gespreksverslagen.deleted, false)))
    .orderBy(desc(gespreksverslagen.datum), desc(gespreksverslagen.hlc))
    .all();
  const versiesPer = verslagVersies(
    ctx,
    rijen.map((r) => r.verslag.id),
  );
  const woorden = zoekWoorden(input.zoek);
  const verslagen = rijen
    .map(({ verslag: v, auteur }) => ({
      id: v.id,
      datum: v.datum,
      aanwezig: JSON.parse(v.aanwezig) as string[],
      verslag: v.verslag,
      // A goal deleted since is left out rather than shown as an unknown link.
      koppelingen: (JSON.parse(v.koppelingen) as string[]).flatMap((k) => {
        const gekoppeld = perId.get(k);
        return gekoppeld ? [gekoppeld] : [];
      }),
      auteur,
      versies: versiesPer.get(v.id) ?? [],
    }))
    .filter((v) =>
      bevatWoorden(
        vouwTekst(
          [
            v.verslag,
            ...v.aanwezig,
            ...v.koppelingen.map((k) => k.tekst),
            formatDate(v.datum),
          ].join('\n'),
        ),
        woorden,
      ),
    );
  return { verslagen, totaal: rijen.length, koppelbaar };
}
