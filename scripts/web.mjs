// npm run web: build the renderer when needed, then start the browser host on 127.0.0.1.
import { spawn } from 'node:child_process';
import { ensureRenderer } from './ensure-built.mjs';

ensureRenderer();
const child = spawn(
  process.execPath,
  ['--max-semi-space-size=64', '--import', 'tsx', 'core/hosts/web-cli.ts'],
  { stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
