/**
 * The host locks itself (issue 23): an unlocked browser host that nobody uses, with no window
 * open, locks after the team's idle time, and then answers every call with 423. Only what the
 * page reports as the user at the keyboard (`kluis.actief`) counts, not its polling.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { API, type ApiMethod } from '../shared/api';
import { VERGRENDELEN } from '../shared/domain';
import { createCore } from '../core/core';
import { Kluizen } from '../core/kluis/kluizen';
import { startWebHost, type WebHost } from './web';
import { seedDemo } from '../demo/seed';

const MINUUT = 60_000;
const dataDir = mkdtempSync(join(tmpdir(), 'eenplan-stilte-'));
/** The host's steady clock, moved on by the test. */
let klok = 1_000_000;
const kluis = new Kluizen({
  dataDir,
  seed: seedDemo,
  stilKlok: () => klok,
  maakCore: (s) => createCore(s),
});
let host: WebHost;
let cookie = '';

async function roep(method: string, input: unknown = {}) {
  const res = await fetch(`${host.url}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie },
    body: JSON.stringify({ input }),
  });
  cookie = res.headers.get('set-cookie')?.split(';')[0] ?? cookie;
  return { status: res.status, body: (await res.json()) as { data?: { staat?: string } } };
}

/** Past a few of the host's checks (every 20 ms here). */
const naControle = () => new Promise((r) => setTimeout(r, 150));

beforeAll(async () => {
  host = await startWebHost({ kluis, staticDir: dataDir, port: 0, stilteControleMs: 20 });
  await roep('kluis.instellen', { naam: 'Stil', wachtwoord: 'Zeven blauwe fietsen op de dijk' });
  const lijst = await roep('profielen.lijst');
  const p = (lijst.body.data as unknown as { id: string; rol: string }[]).find(
    (x) => x.rol === 'jeugdprofessional',
  )!;
  expect((await roep('sessie.kiezen', { professionalId: p.id })).status).toBe(200);
});
afterAll(async () => {
  await host.close();
  kluis.vergrendel();
  rmSync(dataDir, { recursive: true, force: true });
});

it('stays open while the user reports activity, whatever the page polls', async () => {
  klok += (VERGRENDELEN.standaard - 1) * MINUUT;
  await roep('kluis.actief');
  klok += (VERGRENDELEN.standaard - 1) * MINUUT;
  // Polling the state or the sync status is not the user at the keyboard.
  await roep('kluis.staat');
  await roep('sync.status');
  await naControle();
  expect((await roep('gezinnen.lijst')).status).toBe(200);
});

it('locks itself after the team’s idle time with no window open: 423 for every call', async () => {
  klok += 1 * MINUUT + 1;
  await naControle();
  expect(kluis.staat()).toBe('vergrendeld');
  const open: string[] = [];
  for (const method of Object.keys(API) as ApiMethod[]) {
    if (method.startsWith('kluis.')) continue;
    const { status } = await roep(method);
    if (status !== 423) open.push(`${method}: ${status}`);
  }
  expect(open).toEqual([]);
  expect((await roep('kluis.staat')).body.data?.staat).toBe('vergrendeld');
});
