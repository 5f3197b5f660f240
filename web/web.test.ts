import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../core/core';
import { Kluizen } from '../core/kluis/kluizen';
import type { ProfileStore } from '../core/kluis/profile-store';
import { CONTENT_SECURITY_POLICY, MAX_BODY_BYTES, startWebHost, type WebHost } from './web';
import { seedDemo } from '../demo/seed';

const WACHTWOORDZIN = 'Zeven blauwe fietsen op de dijk';
let host: WebHost;
let staticDir: string;
let dataDir: string;
let kluis: Kluizen;
let professional: { id: string };
let store: ProfileStore;
/** The cookie jar: the last session secret the host handed out. */
let sessie: string | null = null;

beforeAll(async () => {
  staticDir = mkdtempSync(join(tmpdir(), 'eenplan-web-'));
  dataDir = mkdtempSync(join(tmpdir(), 'eenplan-web-data-'));
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Eenplan</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  kluis = new Kluizen({
    dataDir,
    seed: seedDemo,
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
    // Like the browser: the session secret the host handed out goes with every request.
    const headers = { ...(sessie ? { Cookie: sessie } : {}), ...options.headers };
    const req = request(url, { method: options.method ?? 'GET', headers }, (res) => {
      const cookie = res.headers['set-cookie']?.[0];
      if (cookie) sessie = cookie.split(';')[0]!;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode!,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

const json = { 'Content-Type': 'application/json' };

/** POST /api/<method> with `{ input }`: the one door, the lock included. */
async function roep(method: string, input: unknown = {}, headers: Record<string, string> = {}) {
  const reply = await send(`/api/${method}`, {
    method: 'POST',
    body: JSON.stringify({ input }),
    headers: { ...json, ...headers },
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers of many shapes
  return { status: reply.status, body: JSON.parse(reply.body) as Record<string, any> };
}

const rij = <T>(sql: string) => store.sqlite.prepare(sql).get() as T;

describe('browser host', () => {
  it('answers nothing of the profile until it is unlocked with the passphrase', async () => {
    const staat = async () => (await roep('kluis.staat')).body;
    const api = () => roep('profielen.lijst');
    expect(await staat()).toEqual({
      ok: true,
      data: { staat: 'nieuw', profielen: [], actief: null },
    });
    expect((await api()).status).toBe(423);
    // A form or text post (what another site's page can send without asking) is refused.
    const formulier = await send('/api/kluis.instellen', {
      method: 'POST',
      body: JSON.stringify({ input: { naam: 'Sanne', wachtwoord: WACHTWOORDZIN } }),
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(formulier.status).toBe(415);
    expect((await staat()).data.staat).toBe('nieuw');
    const zwak = await roep('kluis.instellen', { naam: 'Sanne', wachtwoord: 'welkom123' });
    expect(zwak.status).toBe(400);
    expect(zwak.body.error.message).toMatch(/minstens 12 tekens/);
    const leeg = await roep('kluis.instellen', { naam: 'Sanne' });
    expect(leeg).toMatchObject({
      status: 400,
      body: { error: { field: 'wachtwoord', message: 'Vul uw wachtwoordzin in.' } },
    });
    expect((await staat()).data.staat).toBe('nieuw');
    expect(
      (await roep('kluis.instellen', { naam: 'Sanne', wachtwoord: WACHTWOORDZIN })).status,
    ).toBe(200);
    // A second profile needs a name of its own; the first one's passphrase stays.
    const dubbel = await roep('kluis.instellen', {
      naam: 'sanne',
      wachtwoord: 'Een andere zin van elders 99',
    });
    expect(dubbel.status).toBe(400);
    expect(dubbel.body.error).toMatchObject({ field: 'naam' });
    const profielen = (await api()).body as { data: { id: string; rol: string }[] };
    professional = profielen.data.find((p) => p.rol === 'jeugdprofessional')!;

    await roep('kluis.vergrendelen');
    expect(await staat()).toMatchObject({
      ok: true,
      data: {
        staat: 'vergrendeld',
        profielen: [{ naam: 'Sanne', metAccount: false }],
        actief: null,
      },
    });
    const geweigerd = await api();
    expect(geweigerd.status).toBe(423);
    expect(JSON.stringify(geweigerd.body)).not.toContain(professional.id);
    const fout = await roep('kluis.ontgrendelen', { wachtwoord: 'Zeven blauwe fietsen op de dam' });
    expect(fout.status).toBe(401);
    expect((await api()).status).toBe(423);
    expect((await roep('kluis.ontgrendelen', { wachtwoord: WACHTWOORDZIN })).status).toBe(200);
    expect((await api()).status).toBe(200);
    // The open profile still checks a passphrase sent to it: a wrong one is never "open".
    const nogmaals = await roep('kluis.ontgrendelen', { wachtwoord: 'Raden kost niets, toch? 12' });
    expect(nogmaals.status).toBe(401);
    expect((await api()).status).toBe(200);
  });

  it('acts only as the person the profile belongs to, whatever the request says', async () => {
    const coach = rij<{ id: string }>(
      "SELECT id FROM professionals WHERE rol = 'teamcoach' LIMIT 1",
    );
    // Unlocked, but nobody chosen yet: no casework, whatever header is sent.
    const niemand = await roep('gezinnen.lijst', {}, { 'X-Eenplan-Profiel': professional.id });
    expect(niemand).toMatchObject({ status: 401, body: { error: { code: 'niet-aangemeld' } } });
    expect((await roep('sessie.wie')).body).toEqual({ ok: true, data: null });
    expect((await roep('sessie.kiezen', { professionalId: professional.id })).status).toBe(200);
    // Chosen once: another choice, and a header naming the teamcoach, change nothing.
    const ander = await roep('sessie.kiezen', { professionalId: coach.id });
    expect(ander).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
    expect((await roep('sessie.wie')).body.data).toMatchObject({ id: professional.id });
    const alsCoach = await roep(
      'budget.dashboard',
      { teamId: null, jaar: 2026, perceel: null },
      { 'X-Eenplan-Profiel': coach.id },
    );
    expect(alsCoach).toMatchObject({ status: 403, body: { error: { code: 'geen-toegang' } } });
    expect((await roep('profielen.lijst')).body.data.map((p: { id: string }) => p.id)).toEqual([
      professional.id,
    ]);
  });

  it('answers API calls with the same contract as the core', async () => {
    const reply = await roep('gezinnen.lijst', { alleenEigen: true });
    expect(reply.status).toBe(200);
    expect(reply.body.ok).toBe(true);
    const eigen = store.sqlite
      .prepare('SELECT count(*) AS n FROM gezinnen WHERE regisseur_id = ?')
      .get(professional.id) as { n: number };
    expect(reply.body.data.totaal).toBe(eigen.n);
  });

  it('maps typed errors to HTTP statuses with the Dutch message', async () => {
    const post = (body: string, headers: Record<string, string> = json) =>
      send('/api/gezinnen.lijst', { method: 'POST', headers, body });
    const bad = await post(JSON.stringify({ input: { zoek: 1 } }));
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { field: 'zoek' } });
    const malformed = await post('{"input": ');
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body).error.message).toBe('De invoer is geen geldige JSON.');
    expect((await post('{}', { 'Content-Type': 'text/plain' })).status).toBe(415);
    expect(
      (await send('/api/bestaat.niet', { method: 'POST', headers: json, body: '{}' })).status,
    ).toBe(404);
    expect((await send('/api/profielen.lijst')).status).toBe(405);
    // The doors of earlier versions are closed: one route for everything.
    for (const oud of ['/kluis/vergrendelen', '/bestand/export', '/bestand/soj-import'])
      expect((await send(oud, { method: 'POST', headers: json, body: '{}' })).status).toBe(405);
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

  it('takes an SOJ file and hands out an export through the same door', async () => {
    const soj = { naam: 'leeg.csv', inhoud: Buffer.from('periode;team\n').toString('base64') };
    // The jeugdprofessional's profile may not import; the teamcoach makes a profile of their own.
    expect((await roep('soj.importeren', soj)).status).toBe(403);
    expect(
      (await roep('kluis.instellen', { naam: 'Coach', wachtwoord: 'Een andere zin van elders 99' }))
        .status,
    ).toBe(200);
    const coach = rij<{ id: string; teamId: string }>(
      "SELECT id, team_id AS teamId FROM professionals WHERE rol = 'teamcoach' LIMIT 1",
    );
    expect((await roep('sessie.kiezen', { professionalId: coach.id })).status).toBe(200);
    const upload = await roep('soj.importeren', soj);
    expect(upload).toMatchObject({ status: 200, body: { ok: true, data: { fase: 'lezen' } } });
    const kapot = await roep('soj.importeren', { naam: 'x.csv', inhoud: 'geen base64!' });
    expect(kapot.status).toBe(400);

    const input = {
      filter: { teamId: coach.teamId, jaar: 2026 },
      tabel: 'maanden',
      formaat: 'csv',
    };
    const file = await roep('bestand.exporteren', input);
    expect(file.status).toBe(200);
    expect(file.body.data).toMatchObject({
      naam: 'eenplan-per-maand-2026.csv',
      mime: 'text/csv; charset=utf-8',
    });
    const tekst = Buffer.from(file.body.data.inhoud, 'base64').toString('utf8');
    expect(tekst.split('\r\n')[0]).toBe('\ufeffMaand;Gerealiseerd (SOJ);Gecommitteerd');
    expect((await roep('bestand.exporteren', { ...input, formaat: 'doc' })).status).toBe(400);
    // The export is logged in the coach's name, from the profile, not from anything sent.
    const regel = rij<{ gebruiker: string; onderdeel: string }>(
      'SELECT user_id AS gebruiker, onderdeel FROM audit_log ORDER BY seq DESC LIMIT 1',
    );
    expect(regel).toEqual({ gebruiker: coach.id, onderdeel: 'export:maanden:csv' });
  });

  it('answers only the page that unlocked: without this unlock’s secret the profile is locked', async () => {
    expect((await roep('sessie.wie')).status).toBe(200);
    const profiel = (await roep('kluis.staat')).body.data.actief as string;
    const bewaard = sessie;
    sessie = null;
    // Another local program (or a page from before the lock): no secret, nothing of the profile.
    for (const method of ['sessie.wie', 'gezinnen.lijst', 'kluis.vergrendelen', 'kluis.actief'])
      expect((await roep(method)).status).toBe(423);
    expect((await roep('kluis.staat')).body.data).toMatchObject({
      staat: 'vergrendeld',
      actief: null,
    });
    expect(sessie).toBeNull();
    // Unlocking with the passphrase hands this caller a new secret; the old one stops working.
    expect(
      (await roep('kluis.ontgrendelen', { profiel, wachtwoord: 'Een andere zin van elders 99' }))
        .status,
    ).toBe(200);
    const nieuw = sessie;
    expect(nieuw).toMatch(/^eenplan-sessie=[\w-]{40,}$/);
    expect(nieuw).not.toBe(bewaard);
    sessie = bewaard;
    expect((await roep('sessie.wie')).status).toBe(423);
    sessie = nieuw;
    expect((await roep('sessie.wie')).status).toBe(200);
    expect((await roep('kluis.staat')).body.data.staat).toBe('open');
  });

  it('serves the renderer with a strict CSP and never a file outside it', async () => {
    const index = await send('/');
    expect(index.status).toBe(200);
    expect(index.headers['cache-control']).toBe('no-store');
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
