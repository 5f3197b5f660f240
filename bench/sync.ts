/**
 * Sync benchmarks over loopback HTTP against the central service (in a thread of its own): the
 * initial sync of the largest team into a new encrypted profile (against a bare bulk insert of
 * the same rows), 100 incremental changes, and 20 laptops (each in a thread of its own) pushing
 * at once.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type OpenDatabase } from '../db/connection';
import { insertRows } from '../demo/write';
import { gezinsplannen } from '../db/schema';
import { SYNC_TABELLEN } from '../db/sync-tabellen';
import { SyncEngine } from '../core/sync/engine';
import { httpTransport, type Transport } from '../core/sync/transport';
import { inTransaction } from '../db/transaction';
import { ChangeWriter } from '../core/writer';
import { HlcClock } from '../shared/hlc';
import { Worker } from 'node:worker_threads';
import { WACHTWOORD } from '../test/helpers/dienst-omgeving';
import type { DienstKlaar, DienstOpdracht } from './sync-dienst';
import type { LaptopBericht, LaptopOpdracht } from './sync-laptop';
import { compare, spreiding, type Measurement } from './harness';

function laptopOp(pad: string, transport: Transport) {
  const store = openDatabase({ path: pad, key: randomBytes(32) });
  const clock = new HlcClock(randomBytes(4).toString('hex'));
  const engine = new SyncEngine(
    { db: store.db, sqlite: store.sqlite, clock, now: () => new Date() },
    () => transport,
  );
  return { store, clock, engine };
}

/** The same rows as the laptop received, inserted bare (one prepared INSERT per table). */
function bulkInsert(bron: OpenDatabase, pad: string): number {
  const doel = openDatabase({ path: pad, key: randomBytes(32) });
  const tabellen = SYNC_TABELLEN.map(
    (t) => [t.tabel, bron.db.select().from(t.tabel).all()] as const,
  );
  const start = performance.now();
  inTransaction(doel.sqlite, () => {
    for (const [tabel, rijen] of tabellen)
      insertRows(doel.sqlite, tabel, rijen as Record<string, unknown>[]);
  });
  const ms = performance.now() - start;
  doel.close();
  return ms;
}

/** The central service in a thread of its own, seeded with the team and `laptops` accounts. */
async function startDienst(opdracht: DienstOpdracht) {
  const worker = new Worker(new URL('./sync-dienst-start.mjs', import.meta.url), {
    workerData: opdracht,
  });
  const klaar = await new Promise<DienstKlaar>((gelukt, mislukt) => {
    worker.once('message', gelukt);
    worker.once('error', mislukt);
  });
  return {
    ...klaar,
    async stop() {
      worker.postMessage('stop');
      await new Promise((weg) => worker.once('exit', weg));
    },
  };
}

export async function syncBenchmarks(
  bron: OpenDatabase,
  bronPad: string,
  teamId: string,
  initieleRondes: number,
  gelijktijdig: number,
): Promise<Measurement[]> {
  const map = mkdtempSync(join(tmpdir(), 'eenplan-bench-sync-'));
  const results: Measurement[] = [];
  try {
    results.push(...(await eenLaptop(bron, bronPad, teamId, initieleRondes, map)));
    results.push(await gelijktijdigeLaptops(bronPad, teamId, gelijktijdig));
  } finally {
    rmSync(map, { recursive: true, force: true });
  }
  return results;
}

/** The initial sync and the incremental changes, one laptop (and a colleague) at a time. */
async function eenLaptop(
  bron: OpenDatabase,
  bronPad: string,
  teamId: string,
  initieleRondes: number,
  map: string,
): Promise<Measurement[]> {
  const dienst = await startDienst({ bronPad, teamId, laptops: 0 });
  const { url, rijen } = dienst;
  const results: Measurement[] = [];
  try {
    const transport = httpTransport(url);
    const pro = bron.sqlite
      .prepare(
        "SELECT email FROM professionals WHERE team_id = ? AND rol = 'jeugdprofessional' LIMIT 2",
      )
      .all(teamId) as { email: string }[];

    // Initial sync of one team into a new encrypted profile on disk, after one warm-up run
    // (the service's first read of its log), each against a bulk insert of the same rows.
    const initieel: number[] = [];
    const bulk: number[] = [];
    let a!: ReturnType<typeof laptopOp>;
    for (let ronde = 0; ronde <= initieleRondes; ronde++) {
      a?.store.close();
      a = laptopOp(join(map, `a${ronde}.db`), transport);
      await a.engine.verbind(url, pro[0]!.email, WACHTWOORD, 'bench');
      const start = performance.now();
      await a.engine.synchroniseer();
      const ms = performance.now() - start;
      const bulkMs = bulkInsert(a.store, join(map, `bulk${ronde}.db`));
      if (ronde === 0) continue;
      initieel.push(ms);
      bulk.push(bulkMs);
    }
    results.push(
      compare(
        `initial sync of one team over loopback (${rijen} rows incl. reference data)`,
        10_000,
        spreiding(initieel),
        { name: 'bare bulk insert of the same rows', timing: spreiding(bulk) },
      ),
    );

    // 100 changes on one laptop: pushed, and received by a colleague's laptop.
    const b = laptopOp(join(map, 'b.db'), transport);
    await b.engine.verbind(url, pro[1]!.email, WACHTWOORD, 'bench');
    await b.engine.synchroniseer();
    const plannen = a.store.db
      .select({ id: gezinsplannen.id })
      .from(gezinsplannen)
      .limit(100)
      .all();
    const rondes: number[] = [];
    const ontvangst: number[] = [];
    const auteur = (
      a.store.sqlite
        .prepare("SELECT waarde FROM instellingen WHERE sleutel = 'sync.gebruiker'")
        .get() as { waarde: string }
    ).waarde;
    for (let ronde = 0; ronde < 5; ronde++) {
      inTransaction(a.store.sqlite, () => {
        const w = new ChangeWriter(a.store.sqlite, a.clock, JSON.parse(auteur).id as string);
        for (const p of plannen)
          w.update(gezinsplannen, p.id, { eigenWoorden: `Ronde ${ronde}: rust in huis` });
      });
      let t = performance.now();
      await a.engine.synchroniseer();
      rondes.push(performance.now() - t);
      t = performance.now();
      await b.engine.synchroniseer();
      ontvangst.push(performance.now() - t);
    }
    // The baseline: the same 100 values written straight into a laptop's table, one prepared
    // UPDATE in one transaction.
    const bijwerken = b.store.sqlite.prepare(
      'UPDATE gezinsplannen SET eigen_woorden = ? WHERE id = ?',
    );
    const kaal: number[] = [];
    for (let ronde = 0; ronde < 5; ronde++) {
      const t = performance.now();
      inTransaction(b.store.sqlite, () => {
        for (const p of plannen) bijwerken.run(`Kaal ${ronde}: rust in huis`, p.id);
      });
      kaal.push(performance.now() - t);
    }
    const basis = {
      name: 'the same 100 values by one bare UPDATE',
      timing: spreiding(kaal),
    };
    results.push(
      compare(
        '100 incremental changes: push round (push, pull, checksum)',
        300,
        spreiding(rondes),
        basis,
      ),
      compare(
        "100 incremental changes: received by a colleague's laptop",
        300,
        spreiding(ontvangst),
        basis,
      ),
    );
    a.store.close();
    b.store.close();
  } finally {
    await dienst.stop();
  }
  return results;
}

/** Rounds of the concurrent test: 200 pushes, so one slow round does not make the p95. */
const RONDES_SAMEN = 10;

/**
 * Laptops of a small team syncing at the same time, each in a thread of its own (bounded: 10
 * changes each, RONDES_SAMEN rounds, every laptop waiting for the others between rounds), against
 * a service of their own: not one still carrying the garbage of the initial syncs above.
 */
async function gelijktijdigeLaptops(
  bronPad: string,
  teamId: string,
  gelijktijdig: number,
): Promise<Measurement> {
  const dienst = await startDienst({ bronPad, teamId, laptops: gelijktijdig });
  const { url, accounts } = dienst;
  const laptops = accounts.map(
    (account, index) =>
      new Worker(new URL('./sync-laptop-start.mjs', import.meta.url), {
        workerData: { url, account, index } satisfies LaptopOpdracht,
      }),
  );
  // Each wait takes its listeners away again: one per round would pile up on the worker.
  const bericht = (w: Worker) =>
    new Promise<LaptopBericht>((klaar, mislukt) => {
      const fout = (e: Error) => {
        w.off('message', antwoord);
        mislukt(e);
      };
      const antwoord = (b: LaptopBericht) => {
        w.off('error', fout);
        klaar(b);
      };
      w.once('message', antwoord);
      w.once('error', fout);
    });
  try {
    await Promise.all(laptops.map(bericht));
    const pushes: number[] = [];
    for (let ronde = 0; ronde < RONDES_SAMEN; ronde++) {
      const antwoorden = laptops.map(bericht);
      for (const w of laptops) w.postMessage({ ronde });
      for (const a of await Promise.all(antwoorden))
        if (a.soort === 'ronde') pushes.push(...a.pushes);
    }
    // The baseline: one of them syncing alone, as many rounds, against the same service.
    const alleen: number[] = [];
    for (let ronde = 0; ronde < RONDES_SAMEN; ronde++) {
      const antwoord = bericht(laptops[0]!);
      laptops[0]!.postMessage({ ronde: RONDES_SAMEN + ronde });
      const a = await antwoord;
      if (a.soort === 'ronde') alleen.push(...a.pushes);
    }
    return compare(
      `${laptops.length} laptops syncing at once: push latency (${pushes.length} pushes)`,
      200,
      spreiding(pushes),
      { name: 'one of them syncing alone', timing: spreiding(alleen) },
    );
  } finally {
    for (const w of laptops) w.postMessage('stop');
    await Promise.all(laptops.map((w) => new Promise((klaar) => w.once('exit', klaar))));
    await dienst.stop();
  }
}
