/** The desktop app's update feed as electron-builder's generic provider reads it. */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
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
  const buiten = mkdtempSync(join(tmpdir(), 'eenplan-buiten-'));
  writeFileSync(join(buiten, 'geheim.yml'), 'niet voor buiten');
  writeFileSync(join(tmpdir(), 'geheim.yml'), 'niet voor buiten');
  // Links in the folder: to a file outside it, and even to a file inside it.
  symlinkSync(join(buiten, 'geheim.yml'), join(map, 'latest-linux.yml'));
  symlinkSync(join(map, 'latest.yml'), join(map, 'latest-mac.yml'));
  symlinkSync(buiten, join(map, 'map.yml'));
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

  it('serves only regular files in the folder: nothing outside it, no other kinds, no folders, no links', async () => {
    for (const pad of [
      '/updates/..%2Fgeheim.yml',
      '/updates/%2E%2E%2Fgeheim.yml',
      '/updates/bestaat-niet.yml',
      '/updates/sub',
      '/updates/notities.txt',
      '/updates/latest-linux.yml',
      '/updates/latest-mac.yml',
      '/updates/map.yml',
    ])
      expect((await app.inject(pad)).statusCode, pad).toBe(404);
  });
});
