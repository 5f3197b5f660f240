/**
 * Receiving the laptops' access logs (NEN 7513). Who wrote a line and which device sent it are
 * the access token's: a line in another user's name is refused, and each chain is keyed by the
 * device id the service gave at sign-in, so no caller writes into another laptop's chain. The
 * `apparaat` a line carries is the label the laptop's own log gives itself: part of the line's
 * hash, so kept as sent, and trusted for nothing.
 *
 * Each line must carry its own correct hash and continue its device's chain: the service keeps,
 * per device, the seq and hash of the last line it holds (the anchor), and a new line must be the
 * next seq with the anchor's hash as its previous hash. A device's first line may start at any
 * seq (a laptop's log begins before it first signs in; those lines stay on the laptop). A batch
 * is stored whole or not at all, a line sent again is accepted without being stored twice, and a
 * different line under a known id or in the part of the chain already held is refused. Nothing
 * here ever deletes a line, and a revoked laptop's lines are taken too (marked as such): a
 * revocation must not cost its trace.
 *
 * Each device has a log key, issued with its tokens (`logsleutelVoor`); the laptop writes the
 * HMAC of each new line's hash beside it, so a line edited on the laptop before it was sent (the
 * chain recomputed, not the MAC) is refused here (`400 logregel-mac`, its batch with it). Once a
 * device has sent a line with a MAC, every later line of it must have one: dropping the MACs is
 * no way around them. The MAC is checked, not stored: once here, the chain and anchor hold.
 */
import { randomBytes } from 'node:crypto';
import { desc, eq, inArray } from 'drizzle-orm';
import {
  BEGIN_HASH,
  logsleutelBytes,
  macGelijk,
  regelHash,
  regelMac,
} from '../../core/audit/toegangslog';
import type { Intrekking, LogAnker, LogregelWire } from '../../shared/sync/protocol';
import type { ServerDb } from '../db/connection';
import { toegangslog, toegangslogAnkers, toegangslogSleutels } from '../db/schema';
import { SyncFout, type Aanroeper } from './dienst';

/**
 * The device's access-log key, made at its first token (a device registered before keys were
 * kept gets one at its next sign-in or refresh) and the same ever after.
 */
export async function logsleutelVoor(db: ServerDb, apparaatId: string): Promise<string> {
  const lees = async () =>
    (
      await db
        .select({ sleutel: toegangslogSleutels.sleutel })
        .from(toegangslogSleutels)
        .where(eq(toegangslogSleutels.apparaatId, apparaatId))
    )[0]?.sleutel;
  const bestaand = await lees();
  if (bestaand) return bestaand;
  await db
    .insert(toegangslogSleutels)
    .values({ apparaatId, sleutel: randomBytes(32).toString('base64url') })
    .onConflictDoNothing();
  return (await lees())!;
}

type Tx = Parameters<Parameters<ServerDb['transaction']>[0]>[0];

/**
 * The device's anchor, locked until the transaction ends (one batch of a device at a time). A
 * device that sent lines before anchors were kept gets its last stored line as its anchor; one
 * without lines gets seq 0, and its first line may start anywhere.
 */
async function vergrendeldAnker(tx: Tx, apparaatId: string): Promise<LogAnker> {
  const lees = async () =>
    (
      await tx
        .select({ seq: toegangslogAnkers.seq, hash: toegangslogAnkers.hash })
        .from(toegangslogAnkers)
        .where(eq(toegangslogAnkers.apparaatId, apparaatId))
        .for('update')
    )[0];
  const anker = await lees();
  if (anker) return anker;
  const laatste = (
    await tx
      .select({ seq: toegangslog.seq, hash: toegangslog.hash })
      .from(toegangslog)
      .where(eq(toegangslog.apparaatId, apparaatId))
      .orderBy(desc(toegangslog.seq))
      .limit(1)
  )[0];
  await tx
    .insert(toegangslogAnkers)
    .values({ apparaatId, seq: laatste?.seq ?? 0, hash: laatste?.hash ?? BEGIN_HASH })
    .onConflictDoNothing();
  return (await lees())!;
}

export async function bewaarToegangslog(
  db: ServerDb,
  wie: Aanroeper,
  regels: readonly LogregelWire[],
  /** How the sending device was revoked, if it was: its lines are kept, marked with it. */
  intrekking: Intrekking | null = null,
): Promise<{ opgeslagen: number; anker: LogAnker }> {
  const { apparaatId } = wie;
  if (!apparaatId)
    throw new SyncFout(
      403,
      'geen-toegang',
      'Alleen een aangemeld apparaat stuurt een toegangslog.',
    );
  const fout = (i: number, m: string) =>
    new SyncFout(400, 'ongeldige-logregel', `Logregel ${i + 1}: ${m}.`, i);
  const herhaald = (i: number, m: string) =>
    new SyncFout(409, 'herhaalde-logregel', `Logregel ${i + 1} ${m}.`, i);
  regels.forEach((r, i) => {
    const { hash, ...rest } = r;
    if (regelHash(rest) !== hash) throw fout(i, 'de hash klopt niet bij de inhoud');
  });
  // A laptop sends the lines of whoever is signed in on it, and nobody else's.
  const vreemd = regels.findIndex((r) => r.userId !== wie.gebruikerId);
  if (vreemd >= 0)
    throw new SyncFout(
      403,
      'geen-toegang',
      `Logregel ${vreemd + 1} staat op naam van een ander account dan het aangemelde.`,
      vreemd,
    );
  // A beheerder's laptop holds no dossier lines.
  if (wie.rol === 'beheerder' && regels.some((r) => r.gezinId))
    throw new SyncFout(403, 'geen-toegang', 'Een beheerder heeft geen dossierregels.');
  const macFout = (i: number, m: string) =>
    new SyncFout(400, 'logregel-mac', `Logregel ${i + 1}: ${m}.`, i);
  return db.transaction(async (tx) => {
    let anker = await vergrendeldAnker(tx, apparaatId);
    // Read under the anchor's lock: `macVanaf` moves with this device's batches only.
    const sleutelRij = (
      await tx
        .select()
        .from(toegangslogSleutels)
        .where(eq(toegangslogSleutels.apparaatId, apparaatId))
    )[0];
    const sleutel = sleutelRij ? logsleutelBytes(sleutelRij.sleutel) : null;
    let macVanaf = sleutelRij?.macVanaf ?? null;
    const bekend = new Map(
      (
        await tx
          .select({
            id: toegangslog.id,
            hash: toegangslog.hash,
            apparaatId: toegangslog.apparaatId,
          })
          .from(toegangslog)
          .where(
            inArray(
              toegangslog.id,
              regels.map((r) => r.id),
            ),
          )
      ).map((r) => [r.id, r]),
    );
    let opgeslagen = 0;
    for (const [i, r] of regels.entries()) {
      if (r.mac !== undefined && !(sleutel && macGelijk(r.mac, regelMac(sleutel, r.hash))))
        throw macFout(
          i,
          sleutel
            ? 'de MAC klopt niet: de regel is na het schrijven gewijzigd'
            : 'dit apparaat heeft geen sleutel voor het toegangslog gekregen',
        );
      const eerder = bekend.get(r.id);
      if (eerder) {
        if (eerder.apparaatId !== apparaatId)
          throw herhaald(i, 'is al van een ander apparaat ontvangen');
        if (eerder.hash !== r.hash) throw herhaald(i, 'is al anders ontvangen');
        continue;
      }
      if (anker.seq > 0) {
        if (r.seq <= anker.seq)
          throw herhaald(i, 'valt in het deel van de keten dat de dienst al heeft');
        if (r.seq > anker.seq + 1)
          throw fout(i, `er ontbreken regels vóór deze (de dienst heeft er tot ${anker.seq})`);
        if (r.prevHash !== anker.hash) throw fout(i, 'de keten is verbroken');
      }
      if (r.mac === undefined && macVanaf !== null && r.seq >= macVanaf)
        throw macFout(
          i,
          `de MAC ontbreekt (dit apparaat stuurt elke regel vanaf ${macVanaf} met MAC)`,
        );
      if (r.mac !== undefined && macVanaf === null) {
        macVanaf = r.seq;
        await tx
          .update(toegangslogSleutels)
          .set({ macVanaf })
          .where(eq(toegangslogSleutels.apparaatId, apparaatId));
      }
      await tx.insert(toegangslog).values({
        id: r.id,
        laptop: r.apparaat,
        apparaatId,
        seq: r.seq,
        at: r.at,
        gebruikerId: wie.gebruikerId,
        namensId: r.namensId,
        actie: r.actie,
        gezinId: r.gezinId,
        onderdeel: r.onderdeel,
        reden: r.reden,
        prevHash: r.prevHash,
        hash: r.hash,
        intrekking,
      });
      bekend.set(r.id, { id: r.id, hash: r.hash, apparaatId });
      anker = { seq: r.seq, hash: r.hash };
      opgeslagen += 1;
    }
    if (opgeslagen > 0)
      await tx
        .update(toegangslogAnkers)
        .set({ seq: anker.seq, hash: anker.hash, bijgewerktOp: new Date() })
        .where(eq(toegangslogAnkers.apparaatId, apparaatId));
    return { opgeslagen, anker };
  });
}
