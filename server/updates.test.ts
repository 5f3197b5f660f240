/** The desktop app's update feed as electron-builder's generic provider reads it. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { updateRoutes } from './updates';

describe('update files from the central service', () => {
  const map = mkdtempSync(join(tmpdir(), 'eenplan-updates-'));
  writeFileSync(join(map, 'latest.yml'), 'version: 0.2.0\npath: Eenplan-Setup-0.2.0.exe\n');
  writeFileSync(join(map, 'Eenplan-Setup-0.2.0.exe'), Buffer.from('MZ installer'));
  mkdirSync(join(map, 'sub'));
  writeFileSync(join(tmpdir(), 'geheim.yml'), 'niet voor buiten');
  const app = Fastify();
  updateRoutes(app, map);
  afterAll(() => app.close());

  it('serves the feed and the installer it names', async () => {
    const feed = await app.inject('/updates/latest.yml');
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/yaml');
    expect(feed.body).toContain('version: 0.2.0');
    const installer = await app.inject('/updates/Eenplan-Setup-0.2.0.exe');
    expect(installer.statusCode).toBe(200);
    expect(installer.rawPayload.toString()).toBe('MZ installer');
  });

  it('serves nothing outside the folder, no other kinds of file and no folders', async () => {
    for (const pad of [
      '/updates/..%2Fgeheim.yml',
      '/updates/%2E%2E%2Fgeheim.yml',
      '/updates/bestaat-niet.yml',
      '/updates/sub',
      '/updates/notities.txt',
    ])
      expect((await app.inject(pad)).statusCode, pad).toBe(404);
  });
});
