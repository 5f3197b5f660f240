// npm run web: build the renderer when needed, then start the browser host on 127.0.0.1.
import { spawn } from 'node:child_process';
import { ensureRenderer } from './ensure-built.mjs';

ensureRenderer();
// Node options given to this script reach the host too: the e2e tests start it on their clock
// that way (`node --import … scripts/web.mjs`), while the renderer build stays on the real one.
const child = spawn(
  process.execPath,
  [...process.execArgv, '--max-semi-space-size=64', '--import', 'tsx', 'web/web-cli.ts'],
  { stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
