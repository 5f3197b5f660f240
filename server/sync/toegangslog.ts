/**
 * Receiving the laptops' access logs (NEN 7513). Each line must carry its own correct hash and
 * continue its laptop's chain; a batch is stored whole or not at all, a line sent again is
 * accepted without being stored twice, and a different line under a known id or place in the
 * chain is refused. Nothing here ever deletes a line, and a revoked laptop's lines are taken too
 * (marked as such): a revocation must not cost its trace.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { regelHash } from '../../core/audit/toegangslog';
import type { Intrekking, LogregelWire } from '../../shared/sync/protocol';
import type { ServerDb } from '../db/connection';
import { toegangslog } from '../db/schema';
import { SyncFout, type Aanroeper } from './dienst';

export async function bewaarToegangslog(
  db: ServerDb,
  wie: Aanroeper,
  regels: readonly LogregelWire[],
  /** How the sending device was revoked, if it was: its lines are kept, marked with it. */
  intrekking: Intrekking | null = null,
): Promise<{ opgeslagen: number }> {
  const fout = (i: number, m: string) =>
    new SyncFout(400, 'ongeldige-logregel', `Logregel ${i + 1}: ${m}.`, i);
  regels.forEach((r, i) => {
    const { hash, ...rest } = r;
    if (regelHash(rest) !== hash) throw fout(i, 'de hash klopt niet bij de inhoud');
    const vorige = regels[i - 1];
    if (
      vorige &&
      vorige.apparaat === r.apparaat &&
      vorige.seq + 1 === r.seq &&
      vorige.hash !== r.prevHash
    )
      throw fout(i, 'de keten is verbroken');
  });
  // A laptop only sends the log of its own users; a beheerder's laptop holds no dossier lines.
  if (wie.rol === 'beheerder' && regels.some((r) => r.gezinId))
    throw new SyncFout(403, 'geen-toegang', 'Een beheerder heeft geen dossierregels.');
  return db.transaction(async (tx) => {
    const bekend = new Map(
      (
        await tx
          .select({ id: toegangslog.id, hash: toegangslog.hash })
          .from(toegangslog)
          .where(
            inArray(
              toegangslog.id,
              regels.map((r) => r.id),
            ),
          )
      ).map((r) => [r.id, r.hash]),
    );
    let opgeslagen = 0;
    for (const [i, r] of regels.entries()) {
      const eerder = bekend.get(r.id);
      if (eerder !== undefined) {
        if (eerder !== r.hash)
          throw new SyncFout(
            409,
            'herhaalde-logregel',
            `Logregel ${i + 1} is al anders ontvangen.`,
            i,
          );
        continue;
      }
      const plaats = (
        await tx
          .select({ id: toegangslog.id })
          .from(toegangslog)
          .where(and(eq(toegangslog.laptop, r.apparaat), eq(toegangslog.seq, r.seq)))
      )[0];
      if (plaats)
        throw new SyncFout(
          409,
          'herhaalde-logregel',
          `Logregel ${i + 1} staat al op die plaats in de keten.`,
          i,
        );
      const voorganger = (
        await tx
          .select({ hash: toegangslog.hash })
          .from(toegangslog)
          .where(and(eq(toegangslog.laptop, r.apparaat), eq(toegangslog.seq, r.seq - 1)))
      )[0];
      if (voorganger && voorganger.hash !== r.prevHash) throw fout(i, 'de keten is verbroken');
      await tx.insert(toegangslog).values({
        id: r.id,
        laptop: r.apparaat,
        apparaatId: wie.apparaatId ?? '',
        seq: r.seq,
        at: r.at,
        gebruikerId: r.userId,
        namensId: r.namensId,
        actie: r.actie,
        gezinId: r.gezinId,
        onderdeel: r.onderdeel,
        reden: r.reden,
        prevHash: r.prevHash,
        hash: r.hash,
        intrekking,
      });
      bekend.set(r.id, r.hash);
      opgeslagen += 1;
    }
    return { opgeslagen };
  });
}
