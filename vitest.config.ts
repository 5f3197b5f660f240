import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      '{shared,db,core,electron,server,renderer,scripts}/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    exclude: ['node_modules', 'dist', 'test/e2e/**'],
    pool: 'forks',
    // The region-scale generator builds ~430k rows in memory; a larger young generation
    // keeps the garbage collector from dominating.
    execArgv: ['--max-semi-space-size=64'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
