/**
 * Aanval (browser host): a path with a malformed percent-escape (`GET /%ZZ`) makes
 * `decodeURIComponent` in handleStatic throw inside the request handler; nothing catches it, so
 * the host process dies. The Host header check does not stop it: any web page the user opens
 * can send `<img src="http://127.0.0.1:5180/%ZZ">` (Host is then 127.0.0.1:5180).
 *
 * Fails today (the request never gets an answer and the process has an uncaught URIError);
 * passes once such a path is answered (400 or the index) and the host keeps running.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCore } from '../../core/core';
import { startWebHost, type WebHost } from '../../web/web';
import { Kluizen } from '../../core/kluis/kluizen';

let host: WebHost;
const staticDir = mkdtempSync(join(tmpdir(), 'eenplan-aanval-static-'));
const dataDir = mkdtempSync(join(tmpdir(), 'eenplan-aanval-data-'));
const fouten: unknown[] = [];
const vang = (e: unknown) => fouten.push(e);

beforeAll(async () => {
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Eenplan</title>');
  // Without this listener the URIError would take the test worker down with the host.
  process.on('uncaughtException', vang);
  const kluis = new Kluizen({ dataDir, maakCore: (s) => createCore(s) });
  host = await startWebHost({ kluis, staticDir, port: 0 });
});
afterAll(async () => {
  process.off('uncaughtException', vang);
  await host.close();
  rmSync(staticDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

it('answers a malformed path and keeps running', async () => {
  const status = await fetch(`${host.url}/%ZZ`, { signal: AbortSignal.timeout(3_000) }).then(
    (r) => r.status,
    () => 'geen antwoord',
  );
  expect(fouten).toEqual([]);
  expect(status).not.toBe('geen antwoord');
  expect(status).toBeLessThan(500);
  const health = await fetch(`${host.url}/health`, { signal: AbortSignal.timeout(3_000) });
  expect(health.status).toBe(200);
});
