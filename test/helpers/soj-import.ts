/**
 * Test scaffolding for the monthly SOJ import (core/soj/*.test.ts): a demo store with a core,
 * the demo's SOJ lines as a file, and uploading, previewing and confirming it as the screen does.
 */
import { expect } from 'vitest';
import type { OpenDatabase } from '../../db/connection';
import type { Core } from '../../core/core';
import { createCore } from '../../core/core';
import type { DemoDataset } from '../../demo/generate';
import type { SojImportStatus } from '../../shared/api';
import { SOJ_KOLOMMEN, type SojKolom } from '../../shared/budget';
import { alsPersoon } from './core-client';
import { DEMO_TODAY, demoStore } from './demo-store';

export type Rij = Record<SojKolom, string>;
export const KOLOMMEN = SOJ_KOLOMMEN.map((k) => k.naam);

export const euro = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');

export function csv(rijen: Rij[], kop: readonly string[] = KOLOMMEN, sep = ';'): Uint8Array {
  const lines = [
    kop.join(sep),
    ...rijen.map((r) => kop.map((k) => r[k as SojKolom] ?? '').join(sep)),
  ];
  return new TextEncoder().encode(`\ufeff${lines.join('\r\n')}\r\n`);
}

let store: OpenDatabase;
let data: DemoDataset;
let core: Core;
let coach: string;

/** The lines of one period as the SOJ would send them. */
export function periodeRijen(periode: string): Rij[] {
  const team = new Map(data.teams.map((t) => [t.id!, t.naam]));
  return data.sojRegels
    .filter((r) => r.periode === periode)
    .map((r) => ({
      periode: r.periode,
      team: team.get(r.teamId!)!,
      client_ref: r.clientRef,
      productcode: r.productcode,
      perceel: r.perceel,
      aanbieder_agb: r.aanbiederAgb,
      verwijzer: r.verwijzer,
      startdatum: r.startdatum,
      einddatum: r.einddatum ?? '',
      volume: String(r.volume),
      eenheid: r.eenheid,
      tarief: euro(r.tariefCents),
      bedrag: euro(r.bedragCents),
    }));
}

/** Everything the import may touch, to prove a failed import changed nothing. */
export function staat() {
  return {
    regels: store.sqlite
      .prepare('SELECT count(*) AS n, total(bedrag_cents) AS s, max(hlc) AS h FROM soj_regels')
      .get(),
    imports: store.sqlite.prepare('SELECT * FROM soj_imports ORDER BY periode').all(),
    outbox: store.sqlite.prepare('SELECT count(*) AS n FROM outbox').get(),
  };
}

/** Uploads a file as `wie` (null: a profile where nobody was chosen yet), as the app does. */
export function sojStart(bytes: Uint8Array, naam: string, wie: string | null) {
  if (wie) alsPersoon(store, wie);
  else store.sqlite.prepare("DELETE FROM instellingen WHERE sleutel = 'sessie-professional'").run();
  return core.callAsync('soj.importeren', { naam, inhoud: Buffer.from(bytes).toString('base64') });
}

/** Reads and checks a file up to its preview (or its refusal); nothing is written yet. */
export async function leesIn(bytes: Uint8Array, naam = 'SOJ_2026-10.csv', wie = coach) {
  const start = await sojStart(bytes, naam, wie);
  if (!start.ok) throw new Error(start.error.message);
  await core.sojWacht(start.data.jobId);
  alsPersoon(store, wie);
  const status = core.call('soj.importStatus', { jobId: start.data.jobId });
  if (!status.ok) throw new Error(status.error.message);
  return status.data;
}

/** Confirms the preview of a job, as the screen's button does, and waits for the writing. */
export async function bevestig(jobId: string, wie = coach): Promise<SojImportStatus> {
  alsPersoon(store, wie);
  const r = core.call('soj.bevestigen', { jobId });
  if (!r.ok) throw new Error(r.error.message);
  await core.sojWacht(jobId);
  alsPersoon(store, wie);
  const status = core.call('soj.importStatus', { jobId });
  if (!status.ok) throw new Error(status.error.message);
  return status.data;
}

/** Reads a file and, when it shows its preview, confirms it. */
export async function importeer(bytes: Uint8Array, naam = 'SOJ_2026-10.csv', wie = coach) {
  const status = await leesIn(bytes, naam, wie);
  return status.fase === 'voorbeeld' ? bevestig(status.jobId, wie) : status;
}

/** Stored lines and their total in cents, of all periods or those matching `where`. */
export function som(where = '1 = 1', ...params: string[]) {
  return store.sqlite
    .prepare(
      `SELECT count(*) AS n, coalesce(sum(bedrag_cents), 0) AS s FROM soj_regels WHERE deleted = 0 AND ${where}`,
    )
    .get(...params) as { n: number; s: number };
}

/** The amount of a row in cents, from its "1.234,56" text, with integer arithmetic only. */
export const centsVan = (bedrag: string) => Number(bedrag.replace(/[.,]/g, ''));
export const somVan = (rijen: Rij[]) => rijen.reduce((s, r) => s + centsVan(r.bedrag), 0);

export async function weigert(bytes: Uint8Array, naam?: string): Promise<SojImportStatus> {
  const voor = staat();
  const status = await leesIn(bytes, naam);
  expect(status.fase).toBe('mislukt');
  expect(status.fouten.length).toBeGreaterThan(0);
  expect(staat()).toEqual(voor);
  return status;
}

/** A fresh demo store and core, with the teamcoach who imports; for each test's beforeEach. */
export function sojOpzetten() {
  ({ store, data } = demoStore());
  core = createCore(store, { now: () => new Date(`${DEMO_TODAY}T10:00:00Z`), log: () => {} });
  coach = data.professionals.find((p) => p.rol === 'teamcoach')!.id!;
  return { store, data, core, coach };
}
