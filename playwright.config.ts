import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  KLOK_IMPORT,
  klokVerschil,
  momentInNederland,
  nu,
  TIJDZONE,
  vandaag,
} from './test/helpers/klok';

// The runner evaluates this file and so does every worker: what is chosen here is kept in
// process.env, which the workers and the hosts inherit, so all of them see one choice.

// A Dutch laptop whatever the machine's own zone, so the test code, the hosts and the browser
// (timezoneId below) agree on which day it is.
process.env.TZ = TIJDZONE;
// The run's clock (test/helpers/klok.ts): EENPLAN_NU when given; otherwise today at 10:00, so a
// run that starts just before midnight does not see the day change half-way.
if (!process.env.EENPLAN_NU_ANKER) {
  process.env.EENPLAN_NU ||= vandaag();
  klokVerschil();
  console.log(
    `Klok van de e2e-tests: ${momentInNederland(nu().getTime())} (EENPLAN_NU=${process.env.EENPLAN_NU}).`,
  );
}

// Every run starts from an empty profile, so the first-start demo region is loaded fresh.
const dataDir = mkdtempSync(join(tmpdir(), 'eenplan-e2e-'));
// The browser host takes a free port itself and prints its address; the runner reads the port
// from that line into EENPLAN_E2E_PORT before any worker starts (see webServer.wait).
const port = process.env.EENPLAN_E2E_PORT;

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  use: {
    ...(port ? { baseURL: `http://127.0.0.1:${port}` } : {}),
    viewport: { width: 1366, height: 768 },
    locale: 'nl-NL',
    timezoneId: TIJDZONE,
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
    // The host (started by scripts/web.mjs, which hands it these options) runs on the run's
    // clock from its first line. Not through NODE_OPTIONS: that would also put the renderer
    // build the script may run first on it, and npm, on a clock a year ahead, first asks the
    // registry for a newer npm and can hang there.
    command: ['node', '--import', 'tsx', ...KLOK_IMPORT, 'scripts/web.mjs']
      .map((a) => JSON.stringify(a))
      .join(' '),
    // Port 0: no fixed port another program may hold. A port named in EENPLAN_E2E_PORT is
    // tried first; the host says which port it took either way.
    wait: {
      stdout: /Eenplan draait in de browser op http:\/\/127\.0\.0\.1:(?<eenplan_e2e_port>\d+)/,
    },
    env: { EENPLAN_DATA_DIR: dataDir, EENPLAN_PORT: port ?? '0' },
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
