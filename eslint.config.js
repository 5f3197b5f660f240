import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/** The source files of a layer, in every form ESLint reads (a .tsx or .mjs is no way around). */
const BRON = '*.{ts,tsx,mts,cts,js,mjs,cjs}';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'release/**',
      '.cache/**',
      'db/migrations/**',
      'bench/results/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['scripts/**/*.mjs', '*.config.{js,ts}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['scripts/**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        process: 'readonly',
        console: 'readonly',
        require: 'readonly',
        exports: 'writable',
        module: 'writable',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  // The layering of ARCHITECTURE.md, enforced: imports point down only. The renderer never
  // reaches into Node code, nothing but electron/ may import electron, and each layer below it
  // keeps to its own: a layer rule is a lint error, not a review comment (test/lint/lagen.test.ts).
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/db/**', '**/core/**', '**/server/**', '**/electron/**'],
              message: 'De renderer kent alleen shared/ en de API-client.',
            },
            {
              group: ['node:*', 'better-sqlite3*', 'electron'],
              message: 'Geen Node of Electron in de renderer.',
            },
          ],
        },
      ],
    },
  },
  laagregel(['core/**'], {
    ignores: ['core/**/*.test.*'],
    verboden: ['renderer', 'electron', 'server', 'demo', 'web'],
    waarom:
      'De core draait in beide hosts: geen renderer, Electron, server of demo-generator (die laden de hosts)',
  }),
  // Tests of the core may build their data with the demo generator; nothing else changes for them.
  laagregel(['core/**/*.test.*'], {
    verboden: ['renderer', 'electron', 'server'],
    waarom:
      'De core kent geen renderer, Electron of server; een test die beide kanten nodig heeft hoort in test/.',
  }),
  laagregel(['db/**'], {
    verboden: ['core', 'server', 'renderer', 'electron', 'demo', 'web'],
    waarom:
      'db/ is de onderste laag: schema, migraties en de verbinding, zonder core, server of UI.',
  }),
  laagregel(['shared/**'], {
    ignores: ['shared/**/*.test.*'],
    verboden: ['db', 'core', 'server', 'renderer', 'electron', 'demo', 'web'],
    geenNode: true,
    waarom: 'shared/ wordt door beide kanten en de renderer gebruikt: geen andere laag.',
  }),
  // A test of shared/ runs in Node only and may check against Node (node:crypto as the reference).
  laagregel(['shared/**/*.test.*'], {
    verboden: ['db', 'core', 'server', 'renderer', 'electron', 'demo', 'web'],
    waarom: 'shared/ wordt door beide kanten en de renderer gebruikt: geen andere laag.',
  }),
  laagregel(['server/**'], {
    verboden: ['core', 'renderer', 'electron', 'web'],
    waarom:
      'De server deelt met de laptop alleen shared/; wat beide kanten test staat in test/helpers.',
  }),
  // The demo generator is loaded by both hosts and by the service's seeding: it writes through
  // db/ and shared/ only, so it is no way around "the server never imports the core".
  laagregel(['demo/**'], {
    ignores: ['demo/**/*.test.*'],
    verboden: ['core', 'server', 'renderer', 'electron', 'web'],
    waarom: 'De demo-generator schrijft via db/ en shared/; de hosts en de dienst laden hem.',
  }),
);

/**
 * One layer's import rule: no relative import through a folder named after a forbidden layer, the
 * electron package nowhere but electron/, and for shared/ no Node built-in (bare or `node:`).
 * A regular expression on path segments rather than a glob, so a package such as `zod/v4/core`
 * is never mistaken for the core. The same holds for `import()` and `require()`, and a path that
 * is absolute or written with backslashes is refused outright: it could name any layer.
 */
function laagregel(files, { ignores = [], verboden, geenNode = false, waarom }) {
  const laag = `^\\.{1,2}/(?:.*/)?(?:${verboden.join('|')})(?:/|$)`;
  const omweg = '^(?:/|[A-Za-z]:|.*\\\\)';
  const paths = [{ name: 'electron', message: 'Alleen electron/ mag Electron laden.' }];
  const patterns = [
    { regex: laag, message: waarom },
    { regex: omweg, message: 'Importeer met een relatief pad met /: dit pad omzeilt de lagen.' },
  ];
  const bronnen = [
    `ImportExpression > Literal.source`,
    `CallExpression[callee.name='require'] > Literal`,
  ];
  // esquery ends a regular expression at the first slash, escaped or not: a slash is \x2F.
  const alsSelector = (regex) => `/${regex.replaceAll('/', '\\x2F')}/`;
  const syntax = bronnen.flatMap((bron) => [
    { selector: `${bron}[value=${alsSelector(laag)}]`, message: waarom },
    {
      selector: `${bron}[value=${alsSelector(omweg)}]`,
      message: 'Importeer met een relatief pad met /: dit pad omzeilt de lagen.',
    },
  ]);
  if (geenNode) {
    const message = 'shared/ laadt geen Node-module: het draait ook in de renderer.';
    paths.push(...builtinModules.map((name) => ({ name, message })));
    patterns.push({ group: ['node:*'], message });
    for (const bron of bronnen)
      syntax.push({
        selector: `${bron}[value=${alsSelector(`^(?:node:.*|(?:${builtinModules.join('|')})(?:/.*)?)$`)}]`,
        message,
      });
  }
  return {
    files: files.map((f) => f.replace(/\*\*$/, `**/${BRON}`)),
    ignores: ignores.map((f) => f.replace(/\.\*$/, `.${BRON.slice(2)}`)),
    rules: {
      'no-restricted-imports': ['error', { paths, patterns }],
      'no-restricted-syntax': ['error', ...syntax],
    },
  };
}
