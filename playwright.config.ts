import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = Number(process.env.EENPLAN_E2E_PORT ?? 5199);
// Every run starts from an empty profile, so the first-start demo region is loaded fresh.
const dataDir = mkdtempSync(join(tmpdir(), 'eenplan-e2e-'));

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1366, height: 768 },
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node scripts/web.mjs',
    url: `http://127.0.0.1:${port}/health`,
    env: { EENPLAN_DATA_DIR: dataDir, EENPLAN_PORT: String(port) },
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
