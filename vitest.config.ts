import { defineConfig } from 'vitest/config';

// EENPLAN_NU (test/helpers/klok.ts): the real moment the run's clock starts, fixed here once so
// that every worker shifts its clock by the same amount (the setup file shifts each one's Date).
// Written out rather than imported: Vite's config loader wants no extensionless imports.
if (process.env.EENPLAN_NU) process.env.EENPLAN_NU_ANKER ||= String(Date.now());

export default defineConfig({
  test: {
    include: [
      '{shared,db,core,web,electron,demo,server,renderer,scripts}/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    exclude: ['node_modules', 'dist', 'test/e2e/**'],
    pool: 'forks',
    // Vitest leaves one core to itself by default, which on a 2-core runner is one worker; the
    // tests wait on SQLite and PostgreSQL often enough that two keep both cores busy.
    maxWorkers: 2,
    setupFiles: ['test/helpers/klok-preload.mjs'],
    // The region-scale generator builds ~430k rows in memory; a larger young generation
    // keeps the garbage collector from dominating.
    execArgv: ['--max-semi-space-size=64'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
