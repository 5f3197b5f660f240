/**
 * The desktop app's updates, served by the central service from a folder (electron-builder's
 * generic provider: latest.yml, latest-mac.yml, latest-linux.yml and the installers beside
 * them, copied there by whoever releases). Public, as installers are; only regular files with
 * plain names in that one folder are served: no folders, no links (not even to a file beside
 * them), nothing outside it.
 */
import { constants } from 'node:fs';
import { lstat, open } from 'node:fs/promises';
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

/** Opening never follows a link (where the system can say so; elsewhere lstat has looked). */
const ZONDER_LINK = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0);

export function updateRoutes(app: FastifyInstance, map: string): void {
  app.get<{ Params: { bestand: string } }>('/updates/:bestand', async (req, reply) => {
    const { bestand } = req.params;
    const soort = Object.entries(SOORT).find(([ext]) => bestand.endsWith(ext))?.[1];
    const toegestaan = NAAM.test(bestand) && !bestand.includes('..') && soort;
    const handvat = toegestaan ? await openBestand(join(map, bestand)) : undefined;
    if (!handvat)
      return reply
        .status(404)
        .send({ code: 'niet-gevonden', message: 'Deze update bestaat niet.' });
    return reply.type(soort!).header('Cache-Control', 'no-cache').send(handvat.createReadStream());
  });
}

/** The file opened for reading if it is a regular file itself (not a link, folder or device). */
async function openBestand(pad: string) {
  try {
    if (!(await lstat(pad)).isFile()) return undefined;
    const handvat = await open(pad, ZONDER_LINK);
    // What was opened is what was looked at: a regular file (a link swapped in meanwhile fails
    // to open with O_NOFOLLOW).
    if ((await handvat.stat()).isFile()) return handvat;
    await handvat.close();
  } catch {
    // Missing, a link, or not readable: not served.
  }
  return undefined;
}
