// Builds the SQLite addon for Electron's ABI into .cache/electron-native, beside (not over)
// the Node build in node_modules that the tests and the browser host use. The app passes this
// file to better-sqlite3 as `nativeBinding`. Needs Electron's headers from the internet.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const electronVersion = JSON.parse(
  readFileSync(require.resolve('electron/package.json'), 'utf8'),
).version;
const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'));
const out = resolve('.cache/electron-native');
const target = join(out, 'better_sqlite3.node');
const stamp = join(out, `electron-${electronVersion}`);

if (existsSync(target) && existsSync(stamp)) {
  console.log(`SQLite-module voor Electron ${electronVersion} is al gebouwd.`);
  process.exit(0);
}
const work = join(out, 'src');
rmSync(out, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
cpSync(sqliteDir, work, { recursive: true, filter: (p) => !p.includes(`${sqliteDir}/build`) });
const nodeGyp = process.env.npm_config_node_gyp ?? require.resolve('node-gyp/bin/node-gyp.js');
console.log(`SQLite-module bouwen voor Electron ${electronVersion} (dit duurt enkele minuten) ...`);
execFileSync(
  process.execPath,
  [
    nodeGyp,
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    '--runtime=electron',
    '--dist-url=https://electronjs.org/headers',
  ],
  { cwd: work, stdio: 'inherit', env: { ...process.env, npm_config_nodedir: '' } },
);
cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target);
cpSync(target, stamp);
rmSync(work, { recursive: true, force: true });
console.log(`Klaar: ${target}`);
