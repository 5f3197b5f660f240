/**
 * The release pipeline (.github/workflows/release.yml) cannot run on the development machine (no
 * Electron binary, no hosted runners), and actionlint is not at hand: this checks that the
 * workflow parses and has the jobs and steps the README promises, and that its Electron smoke
 * test stays out of the normal test runs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import vitestConfig from '../vitest.config';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  shell?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}

interface Workflow {
  on: { push: { tags: string[] }; workflow_dispatch: unknown };
  permissions: Record<string, string>;
  jobs: Record<
    string,
    {
      'runs-on': string;
      strategy: { matrix: { include: { os: string; targets: string }[] } };
      steps: Step[];
    }
  >;
}

const PAD = '.github/workflows/release.yml';
const tekst = readFileSync(PAD, 'utf8');
const workflow = load(tekst) as Workflow;
const job = workflow.jobs.desktop!;
const SMOKE_CONFIG = 'test/electron/playwright.config.ts';
const SMOKE_SPEC = 'test/electron/smoke.spec.ts';

/** The index of the one step that runs `command` (or uses the action `uses`). */
function stap(zoek: { run?: string; uses?: string }): number {
  const gevonden = job.steps.flatMap((s, i) =>
    (zoek.run && s.run?.includes(zoek.run)) || (zoek.uses && s.uses?.startsWith(zoek.uses))
      ? [i]
      : [],
  );
  expect(gevonden, JSON.stringify(zoek)).toHaveLength(1);
  return gevonden[0]!;
}

describe('the release workflow', () => {
  it('runs on a version tag or by hand, with read-only repository access', () => {
    expect(workflow.on.push.tags).toEqual(['v*']);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  it('builds on the hosted Windows, macOS and Linux runners', () => {
    expect(job['runs-on']).toBe('${{ matrix.os }}');
    expect(job.strategy.matrix.include.map((m) => m.os)).toEqual([
      'windows-latest',
      'macos-latest',
      'ubuntu-latest',
    ]);
    expect(job.strategy.matrix.include.map((m) => m.targets)).toEqual([
      '--win --x64',
      '--mac --arm64',
      '--linux --x64',
    ]);
  });

  it('installs, builds the Electron-ABI SQLite module, smoke-tests in Electron, then packages', () => {
    const volgorde = [
      stap({ uses: 'actions/checkout@' }),
      stap({ uses: 'actions/setup-node@' }),
      stap({ run: 'npm ci' }),
      stap({ run: 'node node_modules/electron/install.js' }),
      stap({ run: 'node scripts/build-electron-native.mjs' }),
      stap({ run: 'npm run build' }),
      stap({ run: `npx playwright test --config ${SMOKE_CONFIG}` }),
      stap({ run: 'npm run package -- ${{ matrix.targets }} --publish never' }),
    ];
    expect([...volgorde].sort((a, b) => a - b)).toEqual(volgorde);
    // On Linux the window needs a display.
    expect(job.steps[stap({ run: SMOKE_CONFIG })]!.run).toContain('xvfb-run');
    // The installers are kept as the run's artifacts.
    const upload = job.steps.filter((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload.map((s) => s.with?.['if-no-files-found'])).toContain('error');
  });

  it('signs from secrets, passed only as environment variables of the packaging step', () => {
    const pakket = job.steps[stap({ run: 'npm run package' })]!;
    expect(pakket.env).toEqual({
      EENPLAN_UPDATE_URL: '${{ vars.EENPLAN_UPDATE_URL }}',
      CSC_LINK: '${{ secrets.MAC_CSC_LINK }}',
      CSC_KEY_PASSWORD: '${{ secrets.MAC_CSC_KEY_PASSWORD }}',
      WIN_CSC_LINK: '${{ secrets.WIN_CSC_LINK }}',
      WIN_CSC_KEY_PASSWORD: '${{ secrets.WIN_CSC_KEY_PASSWORD }}',
      APPLE_ID: '${{ secrets.APPLE_ID }}',
      APPLE_APP_SPECIFIC_PASSWORD: '${{ secrets.APPLE_APP_SPECIFIC_PASSWORD }}',
      APPLE_TEAM_ID: '${{ secrets.APPLE_TEAM_ID }}',
    });
    // Never spliced into a script, and nowhere else in the file.
    for (const s of job.steps) expect(s.run ?? '').not.toContain('secrets.');
    expect(tekst.match(/secrets\.\w+/g)).toHaveLength(7);
    // The secrets and the variable are named in the README for whoever sets up the repository.
    const readme = readFileSync('README.md', 'utf8');
    for (const naam of Object.values(pakket.env!).map((v) => v.match(/\.(\w+) \}\}$/)![1]!))
      expect(readme, naam).toContain(`\`${naam}\``);
  });

  it('has an Electron smoke test that the normal test runs leave alone', () => {
    expect(existsSync(SMOKE_SPEC)).toBe(true);
    const config = readFileSync(SMOKE_CONFIG, 'utf8');
    expect(config).toContain("testMatch: 'smoke.spec.ts'");
    const spec = readFileSync(SMOKE_SPEC, 'utf8');
    expect(spec).toContain('_electron as electron');
    expect(spec).toContain("powerMonitor.emit('suspend')");
    // `npx playwright test` covers test/e2e only ...
    expect(readFileSync('playwright.config.ts', 'utf8')).toContain("testDir: 'test/e2e'");
    // ... and vitest only *.test.ts files.
    const include = vitestConfig.test?.include ?? [];
    expect(include.length).toBeGreaterThan(0);
    for (const patroon of include) expect(patroon).toMatch(/\.test\.ts$/);
    expect(SMOKE_SPEC).not.toMatch(/\.test\.ts$/);
  });
});
