/**
 * Laptops around the in-process central service of test/helpers/dienst-omgeving.ts, for the tests
 * and benchmarks that need both sides: each an in-memory local store with its own clock and sync
 * engine, reaching the service through `app.inject`.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { SyncEngine } from '../../core/sync/engine';
import type { EngineOpties } from '../../core/sync/engine-types';
import type { Transport } from '../../core/sync/transport';
import { inTransaction } from '../../db/transaction';
import { ChangeWriter } from '../../core/writer';
import { openDatabase, type OpenDatabase } from '../../db/connection';
import { gezinnen, gezinsplannen } from '../../db/schema';
import { HlcClock } from '../../shared/hlc';
import { WACHTWOORD, type Account, type Omgeving } from './dienst-omgeving';

export function injectTransport(omgeving: Omgeving): Transport {
  return async ({ methode, pad, body, token }) => {
    const res = await omgeving.app.inject({
      method: methode,
      url: pad,
      ...(body === undefined ? {} : { payload: body as object }),
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return { status: res.statusCode, body: res.body ? res.json() : null };
  };
}

export interface Laptop {
  store: OpenDatabase;
  clock: HlcClock;
  engine: SyncEngine;
  account: Account;
  /** Runs `werk` with a writer stamped with this laptop's user, in one transaction. */
  schrijf<R>(werk: (w: ChangeWriter) => R): R;
  /** A new engine over the same store, as after a crash (in-memory state lost). */
  herstart(opties?: EngineOpties): void;
}

/** A laptop with an empty profile, signed in to the service as `account`. */
export async function maakLaptop(
  transport: Transport,
  account: Account,
  opties: EngineOpties & { scheefMs?: () => number; eersteSync?: boolean } = {},
): Promise<Laptop> {
  const store = openDatabase({ path: ':memory:', key: randomBytes(32) });
  const nu = () => Date.now() + (opties.scheefMs?.() ?? 0);
  const clock = new HlcClock(randomUUID().slice(0, 8), nu);
  const maakEngine = (o: EngineOpties) =>
    new SyncEngine(
      { db: store.db, sqlite: store.sqlite, clock, now: () => new Date(nu()) },
      () => transport,
      o,
    );
  const laptop: Laptop = {
    store,
    clock,
    account,
    engine: maakEngine(opties),
    schrijf: (werk) =>
      inTransaction(store.sqlite, () => werk(new ChangeWriter(store.sqlite, clock, account.id))),
    herstart(o = opties) {
      laptop.engine = maakEngine(o);
    },
  };
  await laptop.engine.verbind('http://centraal.test', account.email, WACHTWOORD, 'Testlaptop');
  // The first sync brings the reference data (teams, colleagues) the case data refers to.
  if (opties.eersteSync !== false) await laptop.engine.synchroniseer();
  return laptop;
}

/** A family with its plan, written on this laptop by its user as regisseur. */
export function nieuwGezin(laptop: Laptop, naam = 'Familie Jansen') {
  return laptop.schrijf((w) => {
    const gezinId = w.insert(gezinnen, {
      teamId: laptop.account.teamId!,
      regisseurId: laptop.account.id,
      naam,
      adres: 'Lindelaan 4',
      postcode: '3311 AB',
      woonplaats: 'Dordrecht',
      status: 'actief',
      aangemeldOp: '2026-11-02',
    });
    const planId = w.insert(gezinsplannen, { gezinId, eigenWoorden: 'Rust in huis' });
    return { gezinId, planId };
  });
}
