/**
 * The caseload list in Chromium (Debian's, driven by Playwright) against the browser host over a
 * copy of the region: how many rows the page holds for the largest team, and how long a keystroke
 * in the search field takes to change the list, against the bare API call the screen makes for
 * it (fetched from the same page).
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { createCore, type Core } from '../core/core';
import { startWebHost } from '../web/web';
import { Kluizen } from '../core/kluis/kluizen';
import type { Sqlite } from '../db/connection';
import type { ProfileStore } from '../core/kluis/profile-store';
// @ts-expect-error a plain ES module of the start scripts, without types
import { ensureRenderer } from '../scripts/ensure-built.mjs';
import { compare, spreiding, type Measurement } from './harness';

const WACHTWOORDZIN = 'Bench met een lange wachtwoordzin 2026';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Search terms typed one key at a time: surnames of the team, each keystroke narrowing. */
function zoektermen(sqlite: Sqlite, teamId: string, aantal: number): string[] {
  return (
    sqlite
      .prepare(
        `SELECT DISTINCT substr(naam, 9) AS term FROM gezinnen
          WHERE team_id = ? AND deleted = 0 ORDER BY id LIMIT ?`,
      )
      .all(teamId, aantal) as { term: string }[]
  ).map((r) => r.term.slice(0, 6));
}

export async function rendererBenchmarks(
  sqlite: Sqlite,
  regioPad: string,
  teamId: string,
  termen: number,
): Promise<Measurement[]> {
  ensureRenderer();
  const coach = sqlite
    .prepare("SELECT id FROM professionals WHERE team_id = ? AND rol = 'teamcoach' LIMIT 1")
    .get(teamId) as { id: string };
  // The region as a profile of an earlier version (database and key file in the data folder),
  // which the first profile made takes over.
  const map = mkdtempSync(join(tmpdir(), 'eenplan-bench-renderer-'));
  copyFileSync(regioPad, join(map, 'eenplan.db'));
  copyFileSync(`${regioPad}.key`, join(map, 'eenplan.key'));
  let core: Core | undefined;
  let profiel: ProfileStore | undefined;
  const kluis = new Kluizen({
    dataDir: map,
    maakCore: (store, naAanmelding) => {
      profiel = store;
      return (core = createCore(store, { naAanmelding }));
    },
  });
  kluis.maak('Bench', WACHTWOORDZIN);
  // The copy is a new profile: whoever the benchmark's own runs chose in the region file is
  // not its person. The coach is chosen below, once, as the app does right after making it.
  profiel!.sqlite.prepare("DELETE FROM instellingen WHERE sleutel = 'sessie-professional'").run();
  const host = await startWebHost({ kluis, staticDir: resolve('dist/renderer'), port: 0 });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    let laatsteVraag: string | null = null;
    page.on('request', (r) => {
      if (r.url().endsWith('/api/gezinnen.lijst')) laatsteVraag = r.postData();
    });
    // Unlocked through the page's own context, as the lock screen does: the host hands that
    // page the session secret. Then the profile's one choice of who it belongs to: the coach.
    kluis.vergrendel();
    for (const [method, input] of [
      ['kluis.ontgrendelen', { wachtwoord: WACHTWOORDZIN }],
      ['sessie.kiezen', { professionalId: coach.id }],
    ] as const) {
      const antwoord = await page.request.post(`${host.url}/api/${method}`, { data: { input } });
      if (!antwoord.ok()) throw new Error(`${method}: ${await antwoord.text()}`);
    }
    await page.goto(host.url);
    const totaal = (zoek?: string) => {
      const r = core!.call('gezinnen.lijst', zoek ? { zoek } : {});
      if (!r.ok) throw new Error(r.error.message);
      return r.data.totaal;
    };
    const chip = page.getByTestId('aantal-gezinnen');
    const alle = totaal();
    await chip.filter({ hasText: `${alle} gezinnen` }).waitFor();
    const tabel = page.getByRole('table', { name: 'Mijn gezinnen' });
    const rijenInDom = () => tabel.locator('tbody tr:not([aria-hidden])').count();
    const bovenaan = await rijenInDom();
    await tabel.evaluate((t) => (t.parentElement!.scrollTop = t.parentElement!.scrollHeight / 2));
    // Until the rows around the middle of the list are there with their data.
    await page.waitForFunction(
      (midden) => {
        const rijen = [
          ...document.querySelectorAll('table[aria-label="Mijn gezinnen"] tbody tr[aria-rowindex]'),
        ];
        return (
          rijen.some((r) => Number(r.getAttribute('aria-rowindex')) >= midden) &&
          rijen.every((r) => !r.textContent?.includes('Laden…'))
        );
      },
      Math.floor(alle / 2) - 10,
    );
    const halverwege = await rijenInDom();

    // The time from the key going down to the last change of the list it causes.
    const veld = page.getByLabel(/Zoeken op naam/);
    await veld.evaluate((invoer) => {
      const w = window as unknown as { t: { toets: number; lijst: number } };
      w.t = { toets: 0, lijst: 0 };
      invoer.addEventListener('keydown', () => (w.t.toets = performance.now()), true);
      new MutationObserver(() => (w.t.lijst = performance.now())).observe(
        document.querySelector('table[aria-label="Mijn gezinnen"]')!,
        { childList: true, subtree: true, characterData: true, attributes: true },
      );
    });
    const toetsen: number[] = [];
    const api: number[] = [];
    for (const term of zoektermen(sqlite, teamId, termen)) {
      await veld.fill('');
      await chip.filter({ hasText: `${alle} gezinnen` }).waitFor();
      let vorige = alle;
      for (let n = 1; n <= term.length; n++) {
        const verwacht = totaal(term.slice(0, n));
        await page.keyboard.type(term[n - 1]!);
        await chip.filter({ hasText: new RegExp(`^${verwacht} gezin`) }).waitFor();
        // A keystroke that leaves the count as it was may change nothing on screen: not counted.
        if (verwacht === vorige) continue;
        vorige = verwacht;
        await page.evaluate(() => new Promise((klaar) => requestAnimationFrame(klaar)));
        toetsen.push(
          await page.evaluate(() => {
            const { t } = window as unknown as { t: { toets: number; lijst: number } };
            return t.lijst - t.toets;
          }),
        );
        // The request the screen made for this keystroke, sent again without rendering.
        api.push(
          await page.evaluate(async (vraag) => {
            const start = performance.now();
            const antwoord = await fetch('./api/gezinnen.lijst', {
              method: 'POST',
              headers: { 'Content-Type': 'application/json' },
              body: vraag,
            });
            await antwoord.json();
            return performance.now() - start;
          }, laatsteVraag!),
        );
      }
    }
    const aantal = (n: number) => ({ p50: n, p95: n });
    return [
      compare(
        `caseload list of ${alle} families: rows in the DOM at the top (a count, not ms)`,
        100,
        aantal(bovenaan),
        { name: 'the families in the list', timing: aantal(alle) },
      ),
      compare(
        `caseload list of ${alle} families: rows in the DOM halfway down (a count, not ms)`,
        100,
        aantal(halverwege),
        { name: 'the families in the list', timing: aantal(alle) },
      ),
      compare(
        `search keystroke to updated list in Chromium (${toetsen.length} keystrokes)`,
        100,
        spreiding(toetsen),
        { name: 'the bare API call from the page', timing: spreiding(api) },
      ),
    ];
  } finally {
    await browser.close();
    await host.close();
    kluis.vergrendel();
    rmSync(map, { recursive: true, force: true });
  }
}
