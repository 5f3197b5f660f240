/**
 * Storing a batch of a laptop's access-log lines (NEN 7513; the rules: ./toegangslog.ts): each
 * line's hash, its place in its device's chain and its forward-secure MAC checked, the whole
 * batch stored or none of it, and the device's key and proof of position brought up to date.
 */
import { createHmac } from 'node:crypto';
import { and, eq, inArray, ne } from 'drizzle-orm';
import { macGelijk, regelHash } from '../../shared/audit/keten';
import { maakRatel, ratelBytes, ratelTekst } from '../../shared/audit/ratel';
import type { Intrekking, LogAnker, LogregelWire, LogStand } from '../../shared/sync/protocol';
import type { ServerDb } from '../db/connection';
import {
  apparaten,
  toegangslog,
  toegangslogAnkers,
  toegangslogMeldingen,
  toegangslogRatels,
} from '../db/schema';
import { ServiceError } from '../http/errors';
import type { Aanroeper } from './push';
import {
  meldEenmaal,
  ratelVan,
  standHoudt,
  vergrendeldAnker,
  type Ratel,
  type Tx,
} from './toegangslog';

/** Node's native HMAC: a claimed position can take `MAX_RATELSTAPPEN` steps per request. */
const { ratelMac, ratelVooruit, volgendeRatelsleutel } = maakRatel((sleutel, tekst) =>
  createHmac('sha256', sleutel).update(tekst).digest(),
);

const fout = (i: number, m: string) =>
  new ServiceError(400, 'ongeldige-logregel', `Logregel ${i + 1}: ${m}.`, i);
const herhaald = (i: number, m: string) =>
  new ServiceError(409, 'herhaalde-logregel', `Logregel ${i + 1} ${m}.`, i);
const macFout = (i: number, m: string) =>
  new ServiceError(400, 'logregel-mac', `Logregel ${i + 1}: ${m}.`, i);

/** What can be checked before the transaction: the device, each hash, and whose lines they are. */
function controleerVooraf(wie: Aanroeper, regels: readonly LogregelWire[]): string {
  const { apparaatId } = wie;
  if (!apparaatId)
    throw new ServiceError(
      403,
      'geen-toegang',
      'Alleen een aangemeld apparaat stuurt een toegangslog.',
    );
  regels.forEach((r, i) => {
    const { hash, mac: _mac, ratelMac: _ratelMac, ...rest } = r;
    if (regelHash(rest) !== hash) throw fout(i, 'de hash klopt niet bij de inhoud');
  });
  // A laptop sends the lines of whoever is signed in on it, and nobody else's.
  const vreemd = regels.findIndex((r) => r.userId !== wie.gebruikerId);
  if (vreemd >= 0)
    throw new ServiceError(
      403,
      'geen-toegang',
      `Logregel ${vreemd + 1} staat op naam van een ander account dan het aangemelde.`,
      vreemd,
    );
  // A beheerder's laptop holds no dossier lines.
  if (wie.rol === 'beheerder' && regels.some((r) => r.gezinId))
    throw new ServiceError(403, 'geen-toegang', 'Een beheerder heeft geen dossierregels.');
  return apparaatId;
}

interface Bekend {
  id: string;
  hash: string;
  apparaatId: string | null;
}

/** The lines of the batch the service already holds, by id. */
async function bekendeRegels(tx: Tx, regels: readonly LogregelWire[]) {
  const rijen = await tx
    .select({ id: toegangslog.id, hash: toegangslog.hash, apparaatId: toegangslog.apparaatId })
    .from(toegangslog)
    .where(
      inArray(
        toegangslog.id,
        regels.map((r) => r.id),
      ),
    );
  return new Map<string, Bekend>(rijen.map((r) => [r.id, r]));
}

/** Refuses a line that does not continue the chain the service holds up to `anker`. */
function controleerKeten(anker: LogAnker, r: LogregelWire, i: number): void {
  if (anker.seq === 0) return;
  if (r.seq <= anker.seq) throw herhaald(i, 'valt in het deel van de keten dat de dienst al heeft');
  if (r.seq > anker.seq + 1)
    throw fout(i, `er ontbreken regels vóór deze (de dienst heeft er tot ${anker.seq})`);
  if (r.prevHash !== anker.hash) throw fout(i, 'de keten is verbroken');
}

type RatelPlek = { sleutel: string; positie: number };

/**
 * From the position its key was issued for, every line carries the MAC of its own position: the
 * key after this line, or the same key when the line is from before that position.
 */
function controleerRatelMac(
  ratel: RatelPlek | undefined,
  r: LogregelWire,
  i: number,
): RatelPlek | undefined {
  if (!ratel || r.seq < ratel.positie) return undefined;
  if (!r.ratelMac)
    throw macFout(
      i,
      `de MAC ontbreekt (dit apparaat schrijft elke regel vanaf ${ratel.positie} met MAC)`,
    );
  const k = ratelVooruit(ratelBytes(ratel.sleutel), r.seq - ratel.positie);
  if (!k || !macGelijk(r.ratelMac, ratelMac(k, r.hash)))
    throw macFout(
      i,
      'de MAC klopt niet: de regel is na het schrijven gewijzigd of niet door Eenplan geschreven',
    );
  return { sleutel: ratelTekst(volgendeRatelsleutel(k)), positie: r.seq + 1 };
}

/** The device's key after the batch, and how far its log is proved (`stand`, if it holds). */
async function werkRatelBij(
  tx: Tx,
  apparaatId: string,
  ratel: RatelPlek,
  opgeslagenRatel: Ratel,
  stand: LogStand | undefined,
) {
  const gecontroleerd = ratel.positie !== opgeslagenRatel.positie;
  // The key at this batch's start: a proof made before the batch arrived still holds.
  const batch = gecontroleerd
    ? { batchSleutel: opgeslagenRatel.sleutel, batchPositie: opgeslagenRatel.positie }
    : {
        batchSleutel: opgeslagenRatel.batchSleutel,
        batchPositie: opgeslagenRatel.batchPositie,
      };
  let bewezenTot = opgeslagenRatel.bewezenTot;
  let gebruikt = opgeslagenRatel.gebruikt || gecontroleerd;
  if (stand && standHoudt({ ...ratel, ...batch }, stand)) {
    bewezenTot = Math.max(bewezenTot, stand.positie);
    gebruikt = true;
  } else if (stand) await meldStandOngeldig(tx, apparaatId, ratel.positie, bewezenTot);
  await tx
    .update(toegangslogRatels)
    .set({ ...ratel, ...batch, bewezenTot, gebruikt })
    .where(eq(toegangslogRatels.apparaatId, apparaatId));
}

export async function bewaarToegangslog(
  db: ServerDb,
  wie: Aanroeper,
  regels: readonly LogregelWire[],
  /** How the sending device was revoked, if it was: its lines are kept, marked with it. */
  intrekking: Intrekking | null = null,
  /** How far the laptop's log has come, with its proof: checked after the lines. */
  stand?: LogStand,
): Promise<{ opgeslagen: number; anker: LogAnker }> {
  const apparaatId = controleerVooraf(wie, regels);
  return db.transaction(async (tx) => {
    let anker = await vergrendeldAnker(tx, apparaatId);
    const opgeslagenRatel = await ratelVan(tx, apparaatId);
    let ratel = opgeslagenRatel && {
      sleutel: opgeslagenRatel.sleutel,
      positie: opgeslagenRatel.positie,
    };
    const eersteRegel = anker.seq === 0;
    const bekend = await bekendeRegels(tx, regels);
    let opgeslagen = 0;
    for (const [i, r] of regels.entries()) {
      const eerder = bekend.get(r.id);
      if (eerder) {
        if (eerder.apparaatId !== apparaatId)
          throw herhaald(i, 'is al van een ander apparaat ontvangen');
        if (eerder.hash !== r.hash) throw herhaald(i, 'is al anders ontvangen');
        continue;
      }
      controleerKeten(anker, r, i);
      const verder = controleerRatelMac(ratel, r, i);
      if (verder) ratel = verder;
      if (eersteRegel && opgeslagen === 0 && r.seq > 1)
        await meldVoortzetting(tx, wie.gebruikerId, apparaatId, r);
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
        ratelGecontroleerd: verder !== undefined,
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
    if (ratel && opgeslagenRatel) await werkRatelBij(tx, apparaatId, ratel, opgeslagenRatel, stand);
    return { opgeslagen, anker };
  });
}

/**
 * A newly registered device whose first line continues the chain of another device of the same
 * account (its previous hash is that device's anchor): the log was carried over, and lines that
 * device had written but not sent may be gone. Noted, with how far that device had proved its log.
 */
async function meldVoortzetting(tx: Tx, gebruikerId: string, apparaatId: string, r: LogregelWire) {
  const ander = (
    await tx
      .select({ bewezenTot: toegangslogRatels.bewezenTot })
      .from(toegangslogAnkers)
      .innerJoin(apparaten, eq(apparaten.id, toegangslogAnkers.apparaatId))
      .leftJoin(toegangslogRatels, eq(toegangslogRatels.apparaatId, toegangslogAnkers.apparaatId))
      .where(
        and(
          eq(toegangslogAnkers.hash, r.prevHash),
          eq(apparaten.gebruikerId, gebruikerId),
          ne(toegangslogAnkers.apparaatId, apparaatId),
        ),
      )
      .limit(1)
  )[0];
  if (ander)
    await tx.insert(toegangslogMeldingen).values({
      apparaatId,
      soort: 'keten-voortgezet',
      vanaf: r.seq,
      bewezenTot: ander.bewezenTot ?? r.seq,
    });
}

/** A proof that did not hold, noted once per position (a laptop sends it with every upload). */
async function meldStandOngeldig(tx: Tx, apparaatId: string, vanaf: number, bewezenTot: number) {
  await meldEenmaal(tx, { apparaatId, soort: 'stand-ongeldig', vanaf, bewezenTot });
}
