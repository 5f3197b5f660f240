/**
 * Drafts: the professional's own text that is not saved in its record yet, kept in the
 * profile's encrypted store (table `concepten`, local and never synced) instead of the
 * browser's storage. The screens send it shortly after typing and remove it once the field is
 * saved, so a crash, a closed window or the lock loses nothing.
 *
 * A draft goes with its family. Its key names the record (`ConceptSleutel`), from which the
 * core finds the family; it is kept only for a family the professional may change (of the own
 * team, not closed, regisseur or medewerker), like the field it was typed in. A family deleted
 * here, tombstoned or closed takes its drafts along (triggers, migration 0018); drafts of a
 * family the professional no longer works with (handed over, medewerker removed) or of a record
 * that is gone are removed at the next draft call.
 *
 * No access-log line: a draft is what this professional typed, not the family's record, and the
 * screen it is typed in has already logged reading the family (`gezinsplan.ophalen`,
 * `gezin.dossier`, ...). Not in the AVG inzage either: it is not (yet) part of the dossier;
 * once saved it is, with the record it was typed for.
 */
import { and, eq } from 'drizzle-orm';
import { actieplannen, concepten, gezinnen, gezinsplannen } from '../../db/schema';
import type { ApiInput, ApiOutput } from '../../shared/api';
import { werktMetGezin } from '../access';
import { ApiError } from '../api-error';
import type { ReadCtx } from '../context';

/** The family of the record a key names, or null when the record is not (or no longer) here. */
function gezinVanSleutel(ctx: ReadCtx, sleutel: string): string | null {
  const [soort, id] = sleutel.split(':') as [string, string];
  if (soort === 'gesprek') return id;
  const tabel = soort === 'plan' ? gezinsplannen : soort === 'ap' ? actieplannen : null;
  if (!tabel) return null;
  return (
    ctx.db
      .select({ gezinId: tabel.gezinId })
      .from(tabel)
      .where(and(eq(tabel.id, id), eq(tabel.deleted, false)))
      .get()?.gezinId ?? null
  );
}

/** Why the professional may not type in this family's records, or null when they may. */
function waaromNiet(ctx: ReadCtx, gezinId: string): ApiError | null {
  const gezin = ctx.db
    .select()
    .from(gezinnen)
    .where(and(eq(gezinnen.id, gezinId), eq(gezinnen.deleted, false)))
    .get();
  if (!gezin || gezin.teamId !== ctx.session.teamId)
    return new ApiError('niet-gevonden', 'Het gezin is niet gevonden (of hoort niet bij uw team).');
  if (gezin.status === 'afgesloten')
    return new ApiError('conflict', 'Dit gezin is afgesloten; er kan niets meer worden gewijzigd.');
  if (!werktMetGezin(ctx, gezin))
    return new ApiError('geen-toegang', 'U bent geen regisseur of medewerker van dit gezin.');
  return null;
}

/** Removes the drafts of families the professional may no longer type in. */
function opruimen(ctx: ReadCtx): void {
  const gezinIds = ctx.db.selectDistinct({ gezinId: concepten.gezinId }).from(concepten).all();
  for (const { gezinId } of gezinIds)
    if (waaromNiet(ctx, gezinId))
      ctx.db.delete(concepten).where(eq(concepten.gezinId, gezinId)).run();
}

export function conceptLezen(
  ctx: ReadCtx,
  input: ApiInput<'concept.lezen'>,
): ApiOutput<'concept.lezen'> {
  opruimen(ctx);
  const rij = ctx.db
    .select({ tekst: concepten.tekst, gezinId: concepten.gezinId })
    .from(concepten)
    .where(eq(concepten.sleutel, input.sleutel))
    .get();
  if (!rij) return { tekst: null };
  // The record is gone, or belongs to another family than when the draft was typed.
  if (gezinVanSleutel(ctx, input.sleutel) !== rij.gezinId) {
    ctx.db.delete(concepten).where(eq(concepten.sleutel, input.sleutel)).run();
    return { tekst: null };
  }
  return { tekst: rij.tekst };
}

export function conceptBewaren(
  ctx: ReadCtx,
  input: ApiInput<'concept.bewaren'>,
): ApiOutput<'concept.bewaren'> {
  opruimen(ctx);
  if (!input.tekst) {
    ctx.db.delete(concepten).where(eq(concepten.sleutel, input.sleutel)).run();
    return {};
  }
  const gezinId = gezinVanSleutel(ctx, input.sleutel);
  if (!gezinId)
    throw new ApiError(
      'niet-gevonden',
      'Dit onderdeel van het dossier is niet gevonden.',
      'sleutel',
    );
  const fout = waaromNiet(ctx, gezinId);
  if (fout) throw fout;
  const bijgewerkt = ctx.now();
  ctx.db
    .insert(concepten)
    .values({ sleutel: input.sleutel, gezinId, tekst: input.tekst, bijgewerkt })
    .onConflictDoUpdate({
      target: concepten.sleutel,
      set: { gezinId, tekst: input.tekst, bijgewerkt },
    })
    .run();
  return {};
}
