/**
 * The retention clean-up (AVG; Jeugdwet art. 7.3.8: case files are kept 20 years after the last
 * care, then destroyed). A closed family whose last care ended more than the retention period
 * ago is deleted whole: its rows, and the history of its rows in the change log (which holds
 * what was typed). The team's laptops receive a "leaves this scope" line per record and delete
 * it too. What remains is a deletion record without personal data.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { TABEL_VOLGORDE } from '../../db/sync-tabellen';
import { uitOpslag, waardenVan } from '../../shared/sync/rij';
import type { ServerDb } from '../db/connection';
import { rijen, verwijderingen, wijzigingenLog } from '../db/schema';
import { RegisterWriter } from './register-writer';

export const STANDAARD_BEWAARTERMIJN_JAREN = 20;

/** The day `jaren` years before `peildatum` (ISO dates compare as text). */
const jarenTerug = (peildatum: string, jaren: number) =>
  `${String(Number(peildatum.slice(0, 4)) - jaren).padStart(4, '0')}${peildatum.slice(4, 10)}`;

export async function ruimBewaartermijnOp(
  db: ServerDb,
  opties: { peildatum: string; jaren: number },
): Promise<{ verwijderd: number; records: number }> {
  const grens = jarenTerug(opties.peildatum, opties.jaren);
  return db.transaction(async (tx) => {
    const kandidaten: { id: string; scope: string }[] = [];
    for (const gezin of await tx.select().from(rijen).where(eq(rijen.tabel, 'gezinnen'))) {
      const waarden = waardenVan(uitOpslag(gezin.registers)).waarden;
      if (waarden.status !== 'afgesloten' || typeof waarden.afgeslotenOp !== 'string') continue;
      // The last care: the family's closing, or a toewijzing that ran later.
      let laatste = waarden.afgeslotenOp;
      for (const t of await tx
        .select()
        .from(rijen)
        .where(and(eq(rijen.gezinId, gezin.rijId), eq(rijen.tabel, 'toewijzingen')))) {
        const eind = waardenVan(uitOpslag(t.registers)).waarden.einddatum;
        if (typeof eind === 'string' && eind > laatste) laatste = eind;
      }
      if (laatste < grens) kandidaten.push({ id: gezin.rijId, scope: gezin.scope });
    }
    const schrijver = new RegisterWriter(tx);
    let records = 0;
    for (const { id, scope } of kandidaten) {
      const alle = await tx.select().from(rijen).where(eq(rijen.gezinId, id));
      const ids = alle.map((r) => r.rijId);
      // The history first (it holds the content), then the rows; children before parents.
      for (let i = 0; i < ids.length; i += 500)
        await tx
          .delete(wijzigingenLog)
          .where(
            and(
              eq(wijzigingenLog.scope, scope),
              inArray(wijzigingenLog.rijId, ids.slice(i, i + 500)),
            ),
          );
      alle.sort((a, b) => (TABEL_VOLGORDE.get(b.tabel) ?? 0) - (TABEL_VOLGORDE.get(a.tabel) ?? 0));
      for (const r of alle) {
        schrijver.logRegel(scope, r.tabel, r.rijId, null);
        schrijver.rekenOm(scope, r.hash, null);
      }
      await tx.delete(rijen).where(eq(rijen.gezinId, id));
      await tx.insert(verwijderingen).values({
        id: randomUUID(),
        gezinId: id,
        scope,
        records: alle.length,
        grond: `bewaartermijn van ${opties.jaren} jaar na de laatste zorg verstreken`,
      });
      records += alle.length;
    }
    await schrijver.schrijf();
    return { verwijderd: kandidaten.length, records };
  });
}
