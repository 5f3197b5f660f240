import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../core';
import { Kluizen } from '../kluis/kluizen';
import type { ProfileStore } from '../profile-store';
import { CONTENT_SECURITY_POLICY, MAX_BODY_BYTES, startWebHost, type WebHost } from './web';

const WACHTWOORDZIN = 'Zeven blauwe fietsen op de dijk';
let host: WebHost;
let staticDir: string;
let dataDir: string;
let kluis: Kluizen;
let professional: { id: string };
let store: ProfileStore;

beforeAll(async () => {
  staticDir = mkdtempSync(join(tmpdir(), 'eenplan-web-'));
  dataDir = mkdtempSync(join(tmpdir(), 'eenplan-web-data-'));
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Eenplan</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  kluis = new Kluizen({
    dataDir,
    maakCore: (geopend) => {
      store = geopend;
      return createCore(geopend);
    },
  });
  host = await startWebHost({ kluis, staticDir, port: 0 });
});
afterAll(async () => {
  await host.close();
  kluis.vergrendel();
  rmSync(staticDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(
  path: string,
  options: { method?: string; body?: string | Buffer; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const url = new URL(path, host.url);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode!,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

const json = { 'Content-Type': 'application/json' };

describe('browser host', () => {
  it('answers nothing of the profile until it is unlocked with the passphrase', async () => {
    const json = (path: string, body?: object) =>
      send(
        path,
        body
          ? {
              method: 'POST',
              body: JSON.stringify(body),
              headers: { 'Content-Type': 'application/json' },
            }
          : {},
      );
    const api = () =>
      send('/api/profielen.lijst', {
        method: 'POST',
        body: JSON.stringify({ input: {} }),
        headers: { 'Content-Type': 'application/json' },
      });
    const staat = async () => JSON.parse((await json('/kluis')).body) as object;
    expect(await staat()).toEqual({ ok: true, staat: 'nieuw', profielen: [], actief: null });
    expect((await api()).status).toBe(423);
    // A form or text post (what another site's page can send without asking) is refused.
    const formulier = await send('/kluis/instellen', {
      method: 'POST',
      body: JSON.stringify({ naam: 'Sanne', wachtwoord: WACHTWOORDZIN }),
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(formulier.status).toBe(415);
    expect(await staat()).toEqual({ ok: true, staat: 'nieuw', profielen: [], actief: null });
    const zwak = await json('/kluis/instellen', { naam: 'Sanne', wachtwoord: 'welkom123' });
    expect(zwak.status).toBe(400);
    expect(JSON.parse(zwak.body).error.message).toMatch(/minstens 12 tekens/);
    expect(await staat()).toEqual({ ok: true, staat: 'nieuw', profielen: [], actief: null });
    expect(
      (await json('/kluis/instellen', { naam: 'Sanne', wachtwoord: WACHTWOORDZIN })).status,
    ).toBe(200);
    // A second profile needs a name of its own; the first one's passphrase stays.
    const dubbel = await json('/kluis/instellen', {
      naam: 'sanne',
      wachtwoord: 'Een andere zin van elders 99',
    });
    expect(dubbel.status).toBe(400);
    expect(JSON.parse(dubbel.body).error).toMatchObject({ field: 'naam' });
    const profielen = JSON.parse((await api()).body) as { data: { id: string; rol: string }[] };
    professional = profielen.data.find((p) => p.rol === 'jeugdprofessional')!;

    await json('/kluis/vergrendelen', {});
    expect(await staat()).toMatchObject({
      ok: true,
      staat: 'vergrendeld',
      profielen: [{ naam: 'Sanne', metAccount: false }],
      actief: null,
    });
    const geweigerd = await api();
    expect(geweigerd.status).toBe(423);
    expect(geweigerd.body).not.toContain(professional.id);
    const fout = await json('/kluis/ontgrendelen', {
      wachtwoord: 'Zeven blauwe fietsen op de dam',
    });
    expect(fout.status).toBe(401);
    expect((await api()).status).toBe(423);
    expect((await json('/kluis/ontgrendelen', { wachtwoord: WACHTWOORDZIN })).status).toBe(200);
    expect((await api()).status).toBe(200);
  });

  it('answers API calls with the same contract as the core', async () => {
    const reply = await send('/api/gezinnen.lijst', {
      method: 'POST',
      headers: { ...json, 'X-Eenplan-Profiel': professional.id! },
      body: JSON.stringify({ input: { alleenEigen: true } }),
    });
    expect(reply.status).toBe(200);
    const result = JSON.parse(reply.body) as { ok: boolean; data: { totaal: number } };
    expect(result.ok).toBe(true);
    const eigen = store.sqlite
      .prepare('SELECT count(*) AS n FROM gezinnen WHERE regisseur_id = ?')
      .get(professional.id) as { n: number };
    expect(result.data.totaal).toBe(eigen.n);
  });

  it('maps typed errors to HTTP statuses with the Dutch message', async () => {
    const post = (body: string, headers: Record<string, string> = json) =>
      send('/api/gezinnen.lijst', { method: 'POST', headers, body });
    expect((await post(JSON.stringify({ input: {} }))).status).toBe(401);
    const bad = await post(JSON.stringify({ input: { zoek: 1 } }), {
      ...json,
      'X-Eenplan-Profiel': professional.id!,
    });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { field: 'zoek' } });
    const malformed = await post('{"input": ', { ...json, 'X-Eenplan-Profiel': professional.id! });
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body).error.message).toBe('De invoer is geen geldige JSON.');
    expect((await post('{}', { 'Content-Type': 'text/plain' })).status).toBe(415);
    expect(
      (await send('/api/bestaat.niet', { method: 'POST', headers: json, body: '{}' })).status,
    ).toBe(404);
    expect((await send('/api/profielen.lijst')).status).toBe(405);
  });

  it('refuses a body over 1 MB', async () => {
    const reply = await send('/api/profielen.lijst', {
      method: 'POST',
      headers: json,
      body: Buffer.alloc(MAX_BODY_BYTES + 10, 32),
    }).catch((error: NodeJS.ErrnoException) => ({
      status: error.code === 'ECONNRESET' || error.code === 'EPIPE' ? 413 : 0,
      headers: {},
      body: '',
    }));
    expect(reply.status).toBe(413);
  });

  it('takes an SOJ file as raw bytes and hands out an export as a download', async () => {
    const coach = store.sqlite
      .prepare("SELECT id, team_id AS teamId FROM professionals WHERE rol = 'teamcoach' LIMIT 1")
      .get() as { id: string; teamId: string };
    const profiel = { 'X-Eenplan-Profiel': coach.id! };
    const upload = await send('/bestand/soj-import?naam=leeg.csv', {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', ...profiel },
      body: Buffer.from('periode;team\n'),
    });
    expect(upload.status).toBe(200);
    expect(JSON.parse(upload.body)).toMatchObject({ ok: true, data: { fase: 'lezen' } });
    const anoniem = await send('/bestand/soj-import?naam=x.csv', { method: 'POST', body: 'x' });
    expect(anoniem.status).toBe(401);

    const input = {
      filter: { teamId: coach.teamId, jaar: 2026 },
      tabel: 'maanden',
      formaat: 'csv',
    };
    const file = await send('/bestand/export', {
      method: 'POST',
      headers: { ...json, ...profiel },
      body: JSON.stringify({ input }),
    });
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(file.headers['content-disposition']).toBe(
      'attachment; filename="eenplan-per-maand-2026.csv"',
    );
    expect(file.body.split('\r\n')[0]).toBe('\ufeffMaand;Gerealiseerd (SOJ);Gecommitteerd');
    const fout = await send('/bestand/export', {
      method: 'POST',
      headers: { ...json, ...profiel },
      body: JSON.stringify({ input: { ...input, formaat: 'doc' } }),
    });
    expect(fout.status).toBe(400);
  });

  it('serves the renderer with a strict CSP and never a file outside it', async () => {
    const index = await send('/');
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect((await send('/assets/app.js')).body).toBe('console.log(1)');
    const escape = await send('/..%2f..%2fpackage.json');
    expect(escape.body).toContain('<title>Eenplan</title>');
  });

  it('answers only requests addressed to 127.0.0.1 or localhost (no DNS rebinding)', async () => {
    const reply = await send('/health', { headers: { Host: 'evil.example:80' } });
    expect(reply.status).toBe(421);
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});
