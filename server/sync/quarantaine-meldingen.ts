/**
 * What laptops could not store (their quarantine, ADR 0003): each laptop reports its list as
 * it is after a pull, and the beheerder reads where something is stuck. One device's report
 * replaces its earlier one, so a row that came out of quarantine disappears here too.
 */
import { eq } from 'drizzle-orm';
import type { QuarantaineMelding } from '../../shared/sync/protocol';
import type { ServerDb } from '../db/connection';
import { apparaten, gebruikers, quarantaineMeldingen } from '../db/schema';
import type { Aanroeper } from './push';

export async function bewaarQuarantaine(
  db: ServerDb,
  wie: Aanroeper,
  melding: QuarantaineMelding,
  nu: Date,
): Promise<{ gemeld: number }> {
  const apparaatId = wie.apparaatId!;
  // The same row twice in one report is one row here.
  const regels = [...new Map(melding.regels.map((r) => [`${r.tabel}|${r.rijId}`, r])).values()];
  await db.transaction(async (tx) => {
    await tx.delete(quarantaineMeldingen).where(eq(quarantaineMeldingen.apparaatId, apparaatId));
    if (regels.length > 0)
      await tx
        .insert(quarantaineMeldingen)
        .values(
          regels.map((r) => ({ ...r, apparaatId, gebruikerId: wie.gebruikerId, gemeldOp: nu })),
        );
  });
  return { gemeld: regels.length };
}

/** Every reported row, with the device and its user, newest report first. */
export async function quarantaineOverzicht(db: ServerDb) {
  const rijen = await db
    .select({
      apparaatId: quarantaineMeldingen.apparaatId,
      apparaatNaam: apparaten.naam,
      gebruikerId: quarantaineMeldingen.gebruikerId,
      gebruikerNaam: gebruikers.naam,
      tabel: quarantaineMeldingen.tabel,
      rijId: quarantaineMeldingen.rijId,
      reden: quarantaineMeldingen.reden,
      gemeldOp: quarantaineMeldingen.gemeldOp,
    })
    .from(quarantaineMeldingen)
    .innerJoin(apparaten, eq(apparaten.id, quarantaineMeldingen.apparaatId))
    .innerJoin(gebruikers, eq(gebruikers.id, quarantaineMeldingen.gebruikerId))
    .orderBy(quarantaineMeldingen.gemeldOp, quarantaineMeldingen.tabel, quarantaineMeldingen.rijId);
  return rijen.map((r) => ({ ...r, gemeldOp: r.gemeldOp.toISOString() })).reverse();
}
