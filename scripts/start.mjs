// npm start: open the desktop app. Where the Electron binary is missing and cannot be
// downloaded (no internet, or a machine that blocks it), say so and start the browser host.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ensureElectronShell, ensureRenderer } from './ensure-built.mjs';

const require = createRequire(import.meta.url);

/** Path of the Electron binary, fetching it once if needed; null when it cannot be had. */
function electronBinary() {
  const dir = dirname(require.resolve('electron/package.json'));
  const binaryPath = () => {
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const full = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(full) ? full : null;
  };
  const present = binaryPath();
  if (present) return { path: present };
  console.log('De Electron-binary ontbreekt; eenmalig downloaden ...');
  const result = spawnSync(process.execPath, [join(dir, 'install.js')], {
    stdio: 'pipe',
    timeout: 120_000,
    encoding: 'utf8',
  });
  const fetched = binaryPath();
  if (fetched) return { path: fetched };
  const output = `${result.stderr ?? ''}\n${result.stdout ?? ''}`.split('\n').map((l) => l.trim());
  const reason =
    output.find((l) => l && !l.startsWith('at ')) ?? result.error?.message ?? 'onbekende fout';
  return { path: null, reason };
}

function startBrowserHost(why) {
  console.log(`Eenplan kan hier niet als desktop-app starten: ${why}`);
  console.log('Daarom start nu de browser-host; open het adres hieronder in uw browser.');
  const child = spawn(process.execPath, ['scripts/web.mjs'], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

ensureRenderer();
const electron = electronBinary();
if (!electron.path) {
  startBrowserHost(`de Electron-binary is niet te downloaden (${electron.reason}).`);
} else {
  const native = spawnSync(process.execPath, ['scripts/build-electron-native.mjs'], {
    stdio: 'inherit',
  });
  if (native.status !== 0) {
    startBrowserHost(
      'de SQLite-module voor Electron kon niet worden gebouwd (zie de melding hierboven).',
    );
  } else {
    ensureElectronShell();
    const child = spawn(electron.path, ['.'], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
  }
}
