/**
 * ToewijzingNummers (docs/adr/0005-toewijzingnummer.md). The service issues blocks of numbers to
 * laptops (`geefNummerblok`) and, when a toewijzing arrives with a number, checks it is from a
 * block of the sending laptop, unused by any other toewijzing, and never changed once set
 * (`controleerToewijzingNummer`). Unique everywhere, so unique per gemeente.
 */
import { and, count, eq, gt } from 'drizzle-orm';
import type { Wijziging } from '../../shared/sync/protocol';
import { waardenVan, type RijRegisters } from '../../shared/sync/rij';
import {
  MAX_BLOKKEN_PER_DAG,
  MAX_UITGEGEVEN_BLOK,
  NUMMERS_PER_BLOK,
  blokVan,
} from '../../shared/toewijzingnummer';
import type { ServerDb } from '../db/connection';
import { toewijzingnummerBlokken, toewijzingnummers } from '../db/schema';
import { ServiceError } from '../http/errors';
import type { Aanroeper } from './push';

type Tx = Parameters<Parameters<ServerDb['transaction']>[0]>[0];

/** A new block for the calling laptop: at most `MAX_BLOKKEN_PER_DAG` a day. */
export async function geefNummerblok(
  db: ServerDb,
  wie: Aanroeper,
  nu: Date,
): Promise<{ blok: number; van: number; tot: number }> {
  const { apparaatId } = wie;
  if (!apparaatId || wie.rol === 'beheerder' || !wie.teamId)
    throw new ServiceError(403, 'geen-toegang', 'Alleen de laptop van een team krijgt nummers.');
  return db.transaction(async (tx) => {
    const [telling] = await tx
      .select({ n: count() })
      .from(toewijzingnummerBlokken)
      .where(
        and(
          eq(toewijzingnummerBlokken.apparaatId, apparaatId),
          gt(toewijzingnummerBlokken.uitgegevenOp, new Date(nu.getTime() - 86_400_000)),
        ),
      );
    if ((telling?.n ?? 0) >= MAX_BLOKKEN_PER_DAG)
      throw new ServiceError(
        429,
        'te-veel-nummerblokken',
        'Deze laptop kreeg vandaag al genoeg toewijzingnummers.',
      );
    const [rij] = await tx
      .insert(toewijzingnummerBlokken)
      .values({ apparaatId, uitgegevenOp: nu })
      .returning({ blok: toewijzingnummerBlokken.blok });
    if (rij!.blok > MAX_UITGEGEVEN_BLOK)
      throw new ServiceError(
        503,
        'nummers-op',
        'De toewijzingnummers van de centrale dienst zijn op; neem contact op met de beheerder.',
      );
    const van = rij!.blok * NUMMERS_PER_BLOK;
    return { blok: rij!.blok, van, tot: van + NUMMERS_PER_BLOK - 1 };
  });
}

/**
 * A toewijzing's number as it arrives: from a block of this laptop, not another toewijzing's,
 * and never changed or taken away once it has one. Recorded as in use in the push's transaction.
 */
export async function controleerToewijzingNummer(
  tx: Tx,
  aanroeper: Aanroeper,
  w: Wijziging,
  bestaand: RijRegisters | undefined,
  index: number,
): Promise<void> {
  if (w.tabel !== 'toewijzingen' || !('toewijzingNummer' in w.velden)) return;
  const nummer = w.velden.toewijzingNummer!.waarde;
  const huidig = bestaand ? waardenVan(bestaand).waarden.toewijzingNummer : undefined;
  const fout = (status: number, m: string) =>
    new ServiceError(
      status,
      'ongeldige-wijziging',
      `Wijziging ${index + 1} (toewijzingen): ${m}.`,
      index,
    );
  if (typeof huidig === 'number') {
    if (nummer === huidig) return;
    throw fout(400, `het ToewijzingNummer ${huidig} kan niet veranderen`);
  }
  if (nummer === null) return;
  if (typeof nummer !== 'number') throw fout(400, 'het ToewijzingNummer is geen getal');
  const [blok] = await tx
    .select({ apparaatId: toewijzingnummerBlokken.apparaatId })
    .from(toewijzingnummerBlokken)
    .where(eq(toewijzingnummerBlokken.blok, blokVan(nummer)));
  if (blok?.apparaatId !== aanroeper.apparaatId)
    throw fout(403, `het ToewijzingNummer ${nummer} komt niet uit een nummerblok van deze laptop`);
  await tx.insert(toewijzingnummers).values({ nummer, rijId: w.rijId }).onConflictDoNothing();
  const [gebruik] = await tx
    .select({ rijId: toewijzingnummers.rijId })
    .from(toewijzingnummers)
    .where(eq(toewijzingnummers.nummer, nummer));
  if (gebruik!.rijId !== w.rijId)
    throw fout(409, `het ToewijzingNummer ${nummer} is al van een andere toewijzing`);
}
