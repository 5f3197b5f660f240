/**
 * The desktop app's updates, served by the central service from a folder (electron-builder's
 * generic provider: latest.yml, latest-mac.yml, latest-linux.yml and the installers beside
 * them, copied there by whoever releases). Public, as installers are; only plain file names in
 * that one folder are served.
 */
import { createReadStream, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';

const NAAM = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,199}$/;

const SOORT: Record<string, string> = {
  '.yml': 'text/yaml; charset=utf-8',
  '.exe': 'application/vnd.microsoft.portable-executable',
  '.dmg': 'application/x-apple-diskimage',
  '.zip': 'application/zip',
  '.AppImage': 'application/octet-stream',
  '.deb': 'application/vnd.debian.binary-package',
  '.blockmap': 'application/octet-stream',
};

export function updateRoutes(app: FastifyInstance, map: string): void {
  app.get<{ Params: { bestand: string } }>('/updates/:bestand', async (req, reply) => {
    const { bestand } = req.params;
    const soort = Object.entries(SOORT).find(([ext]) => bestand.endsWith(ext))?.[1];
    const pad = join(map, bestand);
    const bestaat = NAAM.test(bestand) && !bestand.includes('..') && soort && isBestand(pad);
    if (!bestaat)
      return reply
        .status(404)
        .send({ code: 'niet-gevonden', message: 'Deze update bestaat niet.' });
    return reply.type(soort).header('Cache-Control', 'no-cache').send(createReadStream(pad));
  });
}

function isBestand(pad: string): boolean {
  try {
    return statSync(pad).isFile();
  } catch {
    return false;
  }
}
