/** The memory figure: the core's resident memory with the region open, against the bare driver's. */
import { execFileSync } from 'node:child_process';
import { buildSync } from 'esbuild';
import { compare, type Measurement } from './harness';

const BUNDEL = '.cache/bench/geheugen.cjs';

function rssMb(soort: 'core' | 'kaal', pad: string): number {
  const uit = execFileSync(process.execPath, [BUNDEL, soort, pad], { encoding: 'utf8' });
  return (JSON.parse(uit) as { rssMb: number }).rssMb;
}

export function geheugenBenchmark(pad: string): Measurement {
  buildSync({
    entryPoints: ['bench/geheugen.ts'],
    outfile: BUNDEL,
    bundle: true,
    platform: 'node',
    // CommonJS, as the desktop app's bundle (scripts/build-electron.mjs).
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3', 'pdfkit'],
    define: { 'import.meta.url': '__bundelUrl' },
    banner: { js: "const __bundelUrl = require('node:url').pathToFileURL(__filename).href;" },
    logLevel: 'warning',
  });
  const core = rssMb('core', pad);
  const kaal = rssMb('kaal', pad);
  return compare(
    'resident memory of the core with the region open after a day of reading (MB, not ms)',
    300,
    { p50: core, p95: core },
    { name: 'the SQLite driver alone, every table read (MB)', timing: { p50: kaal, p95: kaal } },
  );
}
