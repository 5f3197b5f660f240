import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The layer rules of ARCHITECTURE.md are part of eslint.config.js; this shows each one failing on a
// forbidden import and staying quiet on an allowed one, so a loosened rule is a red test.
const configBestand = fileURLToPath(new URL('../../eslint.config.js', import.meta.url));
const hoofdmap = fileURLToPath(new URL('../..', import.meta.url));

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: hoofdmap, overrideConfigFile: configBestand });
});

/** The no-restricted-imports messages ESLint gives `code` as if it were the file at `pad`. */
async function laagfouten(pad: string, code: string): Promise<string[]> {
  const [resultaat] = await eslint.lintText(`${code}\nexport const gebruikt = x;\n`, {
    filePath: `${hoofdmap}/${pad}`,
  });
  return resultaat!.messages
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

/** Both the static-import rule and the one for import() and require(). */
async function alleLaagfouten(pad: string, code: string): Promise<string[]> {
  const [resultaat] = await eslint.lintText(`${code}\nexport const gebruikt = 1;\n`, {
    filePath: `${hoofdmap}/${pad}`,
  });
  return resultaat!.messages
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message);
}

/** Each case: the file, an import that breaks its layer's rule, and one that keeps to it. */
const gevallen: { regel: string; pad: string; verboden: string; toegestaan: string }[] = [
  {
    regel: 'core ↛ renderer',
    pad: 'core/soj/voorbeeld.ts',
    verboden: "import { x } from '../../renderer/api';",
    toegestaan: "import { x } from '../../shared/money';",
  },
  {
    regel: 'core ↛ electron/',
    pad: 'core/voorbeeld.ts',
    verboden: "import { x } from '../electron/security';",
    toegestaan: "import { x } from '../db/schema';",
  },
  {
    regel: 'core ↛ server',
    pad: 'core/sync/voorbeeld.ts',
    verboden: "import { x } from '../../server/sync/toegangslog';",
    toegestaan: "import { x } from './engine';",
  },
  {
    regel: 'core ↛ demo-generator (at run time)',
    pad: 'core/voorbeeld.ts',
    verboden: "import { x } from '../demo/generate';",
    toegestaan: "import { x } from './writer';",
  },
  {
    regel: 'core ↛ the electron package',
    pad: 'core/voorbeeld.ts',
    verboden: "import { x } from 'electron';",
    toegestaan: "import { x } from 'better-sqlite3';",
  },
  {
    regel: 'db ↛ core',
    pad: 'db/voorbeeld.ts',
    verboden: "import { x } from '../core/writer';",
    toegestaan: "import { x } from '../shared/hlc';",
  },
  {
    regel: 'db ↛ server',
    pad: 'db/voorbeeld.ts',
    verboden: "import { x } from '../server/db/schema';",
    toegestaan: "import { x } from './schema';",
  },
  {
    regel: 'db ↛ renderer',
    pad: 'db/voorbeeld.ts',
    verboden: "import { x } from '../renderer/app';",
    toegestaan: "import { x } from 'drizzle-orm';",
  },
  {
    regel: 'shared ↛ db',
    pad: 'shared/voorbeeld.ts',
    verboden: "import { x } from '../db/schema';",
    toegestaan: "import { x } from './money';",
  },
  {
    regel: 'shared ↛ core',
    pad: 'shared/sync/voorbeeld.ts',
    verboden: "import { x } from '../../core/writer';",
    toegestaan: "import { x } from '../hlc';",
  },
  {
    regel: 'shared ↛ server',
    pad: 'shared/voorbeeld.ts',
    verboden: "import { x } from '../server/app';",
    toegestaan: "import { x } from 'zod';",
  },
  {
    regel: 'shared ↛ renderer',
    pad: 'shared/voorbeeld.ts',
    verboden: "import { x } from '../renderer/app';",
    toegestaan: "import { x } from './dates';",
  },
  {
    regel: 'shared ↛ electron/',
    pad: 'shared/voorbeeld.ts',
    verboden: "import { x } from '../electron/main';",
    toegestaan: "import { x } from './bsn';",
  },
  {
    regel: 'shared ↛ node:*',
    pad: 'shared/sync/voorbeeld.ts',
    verboden: "import { x } from 'node:crypto';",
    toegestaan: "import { x } from './protocol';",
  },
  {
    regel: 'shared ↛ a bare Node built-in',
    pad: 'shared/voorbeeld.ts',
    verboden: "import { x } from 'crypto';",
    toegestaan: "import { x } from 'zod';",
  },
  {
    regel: 'shared ↛ fs/promises',
    pad: 'shared/voorbeeld.ts',
    verboden: "import { x } from 'fs/promises';",
    toegestaan: "import { x } from './zoeken';",
  },
  {
    regel: 'server ↛ core',
    pad: 'server/voorbeeld.ts',
    verboden: "import { x } from '../core/writer';",
    toegestaan: "import { x } from '../shared/sync/protocol';",
  },
  {
    regel: 'server ↛ core (tests too)',
    pad: 'server/sync/voorbeeld.test.ts',
    verboden: "import { x } from '../../core/sync/engine';",
    toegestaan: "import { x } from '../../test/helpers/temp-dir';",
  },
  {
    regel: 'server ↛ renderer',
    pad: 'server/sync/voorbeeld.ts',
    verboden: "import { x } from '../../renderer/api';",
    toegestaan: "import { x } from './schrijver';",
  },
  {
    regel: 'server ↛ electron/',
    pad: 'server/voorbeeld.ts',
    verboden: "import { x } from '../electron/main';",
    toegestaan: "import { x } from 'node:http';",
  },
  {
    regel: 'renderer ↛ core',
    pad: 'renderer/voorbeeld.ts',
    verboden: "import { x } from '../core/writer';",
    toegestaan: "import { x } from '../shared/money';",
  },
  {
    regel: 'renderer ↛ node:*',
    pad: 'renderer/voorbeeld.ts',
    verboden: "import { x } from 'node:fs';",
    toegestaan: "import { x } from '../shared/dates';",
  },
];

describe('ESLint guards every layer rule', () => {
  it.each(gevallen)('$regel: a forbidden import is an error, an allowed one passes', async (g) => {
    expect(await laagfouten(g.pad, g.verboden)).toHaveLength(1);
    expect(await laagfouten(g.pad, g.toegestaan)).toEqual([]);
  });

  it('names the rule that was broken in the message', async () => {
    const [melding] = await laagfouten('server/foo.ts', "import { x } from '../core/writer';");
    expect(melding).toContain('De server deelt met de laptop alleen shared/');
  });

  it('lets a test of the core use the demo generator, but not the core itself', async () => {
    const demo = "import { x } from '../../demo/generate';";
    expect(await laagfouten('core/budget/voorbeeld.test.ts', demo)).toEqual([]);
    expect(await laagfouten('core/budget/voorbeeld.ts', demo)).toHaveLength(1);
  });

  it('lets a test of shared/ check against Node, but not shared/ itself', async () => {
    const node = "import { x } from 'node:crypto';";
    expect(await laagfouten('shared/sync/voorbeeld.test.ts', node)).toEqual([]);
    expect(await laagfouten('shared/sync/voorbeeld.ts', node)).toHaveLength(1);
  });

  it('leaves test/helpers free to use the core and the server together', async () => {
    const code = "import { x } from '../../core/writer';\nimport { y } from '../../server/app';";
    expect(await laagfouten('test/helpers/voorbeeld.ts', `${code}\nexport const z = y;`)).toEqual(
      [],
    );
  });

  it('closes the ways around a rule: import(), require(), other file kinds, absolute and backslash paths', async () => {
    const omwegen: [string, string][] = [
      ['server/foo.ts', "export const m = await import('../core/writer');"],
      ['server/foo.ts', "export const m = require('../core/writer');"],
      ['shared/foo.ts', "export const m = await import('node:fs');"],
      ['shared/foo.ts', "export const m = await import('fs/promises');"],
      ['server/foo.tsx', "import { x } from '../core/writer';"],
      ['core/foo.mjs', "import { x } from '../renderer/src/App';"],
      ['server/foo.ts', "import { x } from '/work/main/core/writer';"],
      ['server/foo.ts', "import { x } from '..\\\\core\\\\writer';"],
      ['demo/foo.ts', "import { x } from '../core/writer';"],
      ['core/foo.ts', "import { x } from '../web/web';"],
      ['db/foo.ts', "import { x } from '../demo/generate';"],
    ];
    for (const [pad, code] of omwegen)
      expect(await alleLaagfouten(pad, code), `${pad}: ${code}`).not.toEqual([]);
    // What the layers may do stays allowed in those forms too.
    expect(
      await alleLaagfouten('server/foo.ts', "export const m = await import('./app');"),
    ).toEqual([]);
    expect(await alleLaagfouten('demo/foo.ts', "import { x } from '../db/schema';")).toEqual([]);
  });

  it('does not mistake a package subpath named core for the core layer', async () => {
    expect(await laagfouten('shared/voorbeeld.ts', "import { x } from 'zod/v4/core';")).toEqual([]);
  });
});
