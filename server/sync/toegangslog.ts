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
 * Each device has a forward-secure chain of log keys (shared/audit/ratel.ts): the service issues
 * the key for one position with a token (`ratelVoor`), the laptop MACs each new line with the key
 * of its position and moves on, and the service, holding the same chain from where it issued it,
 * checks every line from that position on (`400 logregel-mac`, its batch with it). A line edited
 * on the laptop after it was written cannot get a new MAC there: the key for it is gone. With
 * every contact the laptop proves how far its key has come (`LogStand`); a proof beyond the lines
 * received means lines were written that have not come in (`toegangslogGaten`). A laptop without
 * proof (a lost sign-in answer, a key thrown away) gets a new key and nothing stops; the lines the
 * service could then not check are taken, marked, and noted (`toegangslog_meldingen`).
 */
import { createHmac, randomBytes } from 'node:crypto';
import { and, desc, eq, gt, sql } from 'drizzle-orm';
import { BEGIN_HASH, macGelijk } from '../../shared/audit/keten';
import { maakRatel, ratelBytes } from '../../shared/audit/ratel';
import type { LogAnker, LogRatel, LogStand } from '../../shared/sync/protocol';
import type { ServerDb } from '../db/connection';
import {
  toegangslog,
  toegangslogAnkers,
  toegangslogMeldingen,
  toegangslogRatels,
  toegangslogSleutels,
} from '../db/schema';

/** Node's native HMAC: a claimed position can take `MAX_RATELSTAPPEN` steps per request. */
const { ratelVooruit, standBewijs } = maakRatel((sleutel, tekst) =>
  createHmac('sha256', sleutel).update(tekst).digest(),
);

/**
 * The device's key for the laptop's own check of its log, made at its first token and the same
 * ever after (it protects nothing the service relies on: that is the forward-secure chain).
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

export type Tx = Parameters<Parameters<ServerDb['transaction']>[0]>[0];

/**
 * The device's anchor, locked until the transaction ends (one batch of a device at a time). A
 * device that sent lines before anchors were kept gets its last stored line as its anchor; one
 * without lines gets seq 0, and its first line may start anywhere.
 */
export async function vergrendeldAnker(tx: Tx, apparaatId: string): Promise<LogAnker> {
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

export type Ratel = typeof toegangslogRatels.$inferSelect;

/** The device's forward-secure key row, locked with the anchor's transaction. */
export async function ratelVan(tx: Tx, apparaatId: string): Promise<Ratel | undefined> {
  return (
    await tx
      .select()
      .from(toegangslogRatels)
      .where(eq(toegangslogRatels.apparaatId, apparaatId))
      .for('update')
  )[0];
}

type RatelStand = Pick<Ratel, 'sleutel' | 'positie' | 'batchSleutel' | 'batchPositie'>;

/**
 * Whether `stand` proves the laptop holds the key of its position, on the chain of `ratel`: from
 * the key the service holds now, or, for a proof made before the last batch arrived, from the key
 * as it was at that batch's start.
 */
export function standHoudt(ratel: RatelStand, stand: LogStand): boolean {
  if (!stand.bewijs) return false;
  const vanaf =
    stand.positie >= ratel.positie || ratel.batchSleutel === null || ratel.batchPositie === null
      ? { sleutel: ratel.sleutel, positie: ratel.positie }
      : { sleutel: ratel.batchSleutel, positie: ratel.batchPositie };
  const k = ratelVooruit(ratelBytes(vanaf.sleutel), stand.positie - vanaf.positie);
  return k !== null && macGelijk(stand.bewijs, standBewijs(k, stand.positie));
}

/**
 * The forward-secure log key to give with a token, if the laptop needs one. A laptop that proves
 * it holds its key gets none (its proof moves `bewezenTot` on); one without proof gets a new key
 * for a position no lower than any line it proved or the service holds, so a key thrown away
 * never opens up lines the service already knew of. Replacing a key the laptop had used is always
 * noted (`sleutel-vervangen`, from the old key's position): the service cannot tell whether lines
 * were written under it and removed. A key never used (its sign-in answer lost) goes silently. A
 * laptop of an earlier version says nothing of its log and gets no key.
 */
export async function ratelVoor(
  db: ServerDb,
  apparaatId: string,
  stand: LogStand | undefined,
): Promise<LogRatel | undefined> {
  if (!stand) return undefined;
  return db.transaction(async (tx) => {
    const anker = await vergrendeldAnker(tx, apparaatId);
    const oud = await ratelVan(tx, apparaatId);
    if (oud && standHoudt(oud, stand)) {
      await tx
        .update(toegangslogRatels)
        .set({ bewezenTot: Math.max(oud.bewezenTot, stand.positie), gebruikt: true })
        .where(eq(toegangslogRatels.apparaatId, apparaatId));
      return undefined;
    }
    const positie = Math.max(stand.positie, oud?.bewezenTot ?? 0, anker.seq + 1);
    const sleutel = randomBytes(32).toString('base64url');
    const rij = {
      sleutel,
      positie,
      bewezenTot: positie,
      batchSleutel: null,
      batchPositie: null,
      gebruikt: false,
      uitgegevenOp: new Date(),
    };
    await tx
      .insert(toegangslogRatels)
      .values({ apparaatId, ...rij })
      .onConflictDoUpdate({ target: toegangslogRatels.apparaatId, set: rij });
    if (oud?.gebruikt)
      await tx.insert(toegangslogMeldingen).values({
        apparaatId,
        soort: 'sleutel-vervangen',
        vanaf: oud.positie,
        bewezenTot: oud.bewezenTot,
      });
    return { sleutel, positie };
  });
}

/**
 * Devices whose laptop proved it had written lines the service has not received: `ontvangenTot`
 * the last line held, `bewezenTot` the last line the laptop's key shows it wrote. Between two
 * batches of one upload this is normal; when it stays, lines were removed on the laptop.
 */
export async function toegangslogGaten(
  db: ServerDb,
): Promise<{ apparaatId: string; ontvangenTot: number; bewezenTot: number }[]> {
  return db
    .select({
      apparaatId: toegangslogRatels.apparaatId,
      ontvangenTot: toegangslogAnkers.seq,
      bewezenTot: sql<number>`${toegangslogRatels.bewezenTot} - 1`.mapWith(Number),
    })
    .from(toegangslogRatels)
    .innerJoin(toegangslogAnkers, eq(toegangslogAnkers.apparaatId, toegangslogRatels.apparaatId))
    .where(gt(toegangslogRatels.bewezenTot, sql`${toegangslogAnkers.seq} + 1`));
}

/** What the service could not check in a device's log, oldest first. */
export async function logMeldingen(db: ServerDb, apparaatId: string) {
  return db
    .select({
      op: toegangslogMeldingen.op,
      soort: toegangslogMeldingen.soort,
      vanaf: toegangslogMeldingen.vanaf,
      bewezenTot: toegangslogMeldingen.bewezenTot,
    })
    .from(toegangslogMeldingen)
    .where(eq(toegangslogMeldingen.apparaatId, apparaatId))
    .orderBy(toegangslogMeldingen.id);
}

/**
 * A line refused on arrival, noted outside the refused batch's transaction: a laptop whose lines
 * never come in (and is later wiped) leaves this trace at least. Once per device and line.
 */
export async function meldGeweigerdeRegel(db: ServerDb, apparaatId: string, seq: number) {
  await db.transaction(async (tx) => {
    const ratel = (
      await tx
        .select({ bewezenTot: toegangslogRatels.bewezenTot })
        .from(toegangslogRatels)
        .where(eq(toegangslogRatels.apparaatId, apparaatId))
    )[0];
    await meldEenmaal(tx, {
      apparaatId,
      soort: 'regel-geweigerd',
      vanaf: seq,
      bewezenTot: ratel?.bewezenTot ?? seq,
    });
  });
}

/** A note on a device's log, written once per kind and position (a laptop repeats its uploads). */
export async function meldEenmaal(
  tx: Tx,
  melding: {
    apparaatId: string;
    soort: 'regel-geweigerd' | 'stand-ongeldig';
    vanaf: number;
    bewezenTot: number;
  },
) {
  const al = await tx
    .select({ id: toegangslogMeldingen.id })
    .from(toegangslogMeldingen)
    .where(
      and(
        eq(toegangslogMeldingen.apparaatId, melding.apparaatId),
        eq(toegangslogMeldingen.soort, melding.soort),
        eq(toegangslogMeldingen.vanaf, melding.vanaf),
      ),
    )
    .limit(1);
  if (al.length === 0) await tx.insert(toegangslogMeldingen).values(melding);
}
