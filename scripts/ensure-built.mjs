// Builds what `npm start` and `npm run web` need when it is missing or older than its sources.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(paths) {
  let latest = 0;
  const visit = (p) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) for (const child of readdirSync(p)) visit(join(p, child));
    else latest = Math.max(latest, s.mtimeMs);
  };
  for (const p of paths) visit(p);
  return latest;
}

function stale(output, sources) {
  return !existsSync(output) || statSync(output).mtimeMs < newest(sources);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
export function ensureRenderer() {
  if (stale('dist/renderer/index.html', ['renderer', 'shared', 'vite.config.ts'])) {
    console.log('Schermen bouwen ...');
    execFileSync(npm, ['run', '--silent', 'build:renderer'], { stdio: 'inherit' });
  }
}

export function ensureElectronShell() {
  if (stale('dist/electron/main.cjs', ['electron', 'core', 'db', 'shared'])) {
    execFileSync(npm, ['run', '--silent', 'build:electron'], { stdio: 'inherit' });
  }
}
