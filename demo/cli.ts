/**
 * npm run demo-data -- --scale small|region [--out file.db] [--seed n] [--today jjjj-mm-dd]
 * Writes a fresh encrypted demo database; an existing file is replaced only when the new one
 * is complete (written beside it, then renamed).
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isIsoDate, toIsoDate } from '../shared/dates';
import { openDatabase } from '../db/connection';
import { loadOrCreateKeyFile } from '../db/raw-key-file';
import { generateRegion, type DemoScale } from './generate';
import { rowCounts, writeDataset } from './write';

function fail(message: string): never {
  console.error(`Fout: ${message}`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'small' },
    out: { type: 'string' },
    seed: { type: 'string' },
    today: { type: 'string' },
  },
});
const scale = values.scale as DemoScale;
if (scale !== 'small' && scale !== 'region')
  fail(`--scale moet small of region zijn, niet "${values.scale}".`);
const seed = values.seed === undefined ? undefined : Number(values.seed);
if (seed !== undefined && !Number.isSafeInteger(seed))
  fail(`--seed moet een geheel getal zijn, niet "${values.seed}".`);
const today = values.today ?? toIsoDate(new Date());
if (!isIsoDate(today)) fail(`--today moet een datum jjjj-mm-dd zijn, niet "${values.today}".`);
const out = values.out ?? `.data/demo-${scale}.db`;
const keyFile = `${out}.key`;

const started = performance.now();
const data = generateRegion({ scale, today, ...(seed === undefined ? {} : { seed }) });
const generated = performance.now();
const temp = `${out}.tmp`;
for (const suffix of ['', '-wal', '-shm']) rmSync(`${temp}${suffix}`, { force: true });
const handle = openDatabase({ path: temp, key: loadOrCreateKeyFile(keyFile) });
let lastPercent = -1;
writeDataset(handle.sqlite, data, (done, total, table) => {
  const percent = Math.floor((done / total) * 100);
  if (percent !== lastPercent && process.stdout.isTTY)
    process.stdout.write(`\r${percent}% (${table})     `);
  lastPercent = percent;
});
handle.sqlite.pragma('wal_checkpoint(TRUNCATE)');
handle.close();
for (const suffix of ['-wal', '-shm']) rmSync(`${out}${suffix}`, { force: true });
if (existsSync(out)) rmSync(out);
renameSync(temp, out);
const written = performance.now();

const counts = rowCounts(data);
const total = Object.values(counts).reduce((a, b) => a + b, 0);
if (process.stdout.isTTY) process.stdout.write('\r');
console.log(`Demoregio "${scale}" geschreven naar ${out} (sleutel: ${keyFile})`);
console.log(`Peildatum ${today}, seed ${seed ?? 'standaard'}`);
for (const [table, count] of Object.entries(counts))
  console.log(`  ${table.padEnd(20)} ${count.toLocaleString('nl-NL')}`);
console.log(`  ${'totaal'.padEnd(20)} ${total.toLocaleString('nl-NL')}`);
console.log(
  `Genereren ${((generated - started) / 1000).toFixed(1)} s, schrijven ${((written - generated) / 1000).toFixed(1)} s`,
);
