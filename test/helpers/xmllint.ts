/**
 * Debian's xmllint (libxml2-utils) against the official iJw 3.2 XSDs in test/fixtures/ijw-3.2: a
 * validator independent of the one the app carries (xmllint-wasm), on a copy of the schemas
 * independent of the app's.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const IJW_FIXTURES = join(import.meta.dirname, '../fixtures/ijw-3.2');

/** xmllint's verdict on each message: `null` when it validates, else its errors. */
export function xmllint(berichten: readonly string[], xsd: string): (string | null)[] {
  const map = mkdtempSync(join(tmpdir(), 'ijw-'));
  try {
    const paden = berichten.map((xml, i) => {
      const pad = join(map, `${i}.xml`);
      writeFileSync(pad, xml);
      return pad;
    });
    const uitkomst: (string | null)[] = [];
    // In batches: one xmllint for many files, within the command line's length.
    for (let i = 0; i < paden.length; i += 400) {
      const deel = paden.slice(i, i + 400);
      const { stderr, error } = spawnSync(
        'xmllint',
        ['--noout', '--schema', join(IJW_FIXTURES, xsd), ...deel],
        { encoding: 'utf8' },
      );
      if (error) throw error;
      const regels = stderr.split('\n');
      for (const pad of deel) {
        if (regels.includes(`${pad} validates`)) uitkomst.push(null);
        else uitkomst.push(regels.filter((r) => r.startsWith(`${pad}:`)).join('\n') || stderr);
      }
    }
    return uitkomst;
  } finally {
    rmSync(map, { recursive: true, force: true });
  }
}
