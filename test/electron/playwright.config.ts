import { defineConfig } from '@playwright/test';

/**
 * The desktop app's smoke test, in Electron itself: `npx playwright test --config
 * test/electron/playwright.config.ts`, run by .github/workflows/release.yml after `npm run
 * build` and the Electron-ABI SQLite build. The normal e2e run (playwright.config.ts) covers
 * test/e2e only, and vitest takes only *.test.ts files.
 */
export default defineConfig({
  testDir: '.',
  testMatch: 'smoke.spec.ts',
  // A new profile is first filled with the demo region.
  timeout: 180_000,
  workers: 1,
  retries: 0,
  reporter: [['list']],
});
