/**
 * Aanval (issue 23 item 4, the Electron fuses): the fuses shut every door through which the
 * environment could put code into the signed app's main process (RunAsNode, NODE_OPTIONS,
 * --inspect; scripts/fuses.cjs: "NODE_OPTIONS could preload code into the main process"). The
 * main process opens one of its own: `electronNativeBinding()` (electron/main.ts) takes the
 * SQLite addon to load from `EENPLAN_NATIVE_BINDING` first, also in the packaged app. Any program
 * running as the user sets it (HKCU\Environment, ~/.profile, a shortcut) to a .node file of its
 * own: native code in the main process, which receives the database key at every unlock. On
 * Windows and Linux nothing checks the file's signature (macOS library validation would refuse
 * an unsigned one).
 *
 * Electron is not run here: the check reads the function's source, as electron/packaging.test.ts
 * reads main.ts. Fails today; passes once the variable is honoured only when `!app.isPackaged`
 * (or not at all).
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

it('loads no native addon named by the environment in the packaged app', () => {
  const main = readFileSync('electron/main.ts', 'utf8');
  const functie = /function electronNativeBinding\([\s\S]*?\n}\n/.exec(main)?.[0] ?? '';
  expect(functie).not.toBe('');
  const uitOmgeving = functie.includes('process.env');
  expect({
    uitOmgeving,
    alleenOngepakt: uitOmgeving && /app\.isPackaged/.test(functie),
  }).not.toEqual({ uitOmgeving: true, alleenOngepakt: false });
});
