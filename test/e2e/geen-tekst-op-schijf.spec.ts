/**
 * No case text in any browser storage (issue 23 item 1). A real Chromium with a profile folder
 * of its own (like a user's browser: local storage, session storage, session restore, HTTP
 * cache, form history all on disk) against a browser host with a data folder of its own: a plan
 * field is typed and autosaved, a plan field's save is refused, a visit note is left unsaved, a
 * search is typed, the profile is locked and the browser closed. Then every file in both folders is read as
 * bytes: none holds any of the typed texts. The drafts are not lost: a new browser on the same
 * profile folder, once unlocked, shows them again (and saving them removes them).
 *
 * What the scan sees: each typed text carries a random token (22 characters of base64url),
 * looked for as UTF-8 and as UTF-16LE (LevelDB, the session files and SQLite use either). Not
 * seen: text Chromium compressed. Its LevelDB tables (local and session storage, after a
 * compaction) may be Snappy-compressed, which replaces a run of 4 or more bytes seen earlier in
 * the block by a reference; a random token rarely has such a run, so a stored token is nearly
 * always still found. The HTTP cache and the session files are not compressed. That the scan
 * finds what the browser keeps is checked with controls: a token the page puts in local storage,
 * and tokens in a field that does not say autocomplete="off" (the form state Chromium saves for
 * session restore, where the tester found the typed texts), must be found.
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LEEFDOMEINEN } from '../../shared/domain';
import { expect, test, zetKlok } from './fixtures';
import { api, ontgrendel, signIn, waitUntilSaved } from './helpers';
import { Processen } from './processen';

const SCREENSHOTS = 'test/e2e/screenshots';

const processen = new Processen();
/** The browser of the moment, closed before its folder is removed (also after a failure). */
let browser: BrowserContext | undefined;
test.afterAll(async () => {
  await browser?.close().catch(() => undefined);
  processen.stop();
});

const token = () => randomBytes(16).toString('base64url');

/** Every regular file under `map` (symlinks such as Chromium's SingletonLock are skipped). */
function bestanden(map: string): string[] {
  return readdirSync(map, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));
}

/**
 * Text fields the browser may remember (form history, and the form state it saves for session
 * restore): all say autocomplete="off", also those MUI renders beside a field.
 */
function tekstveldenDieOnthouden(page: Page): Promise<string[]> {
  return page
    .locator('textarea, input:not([type=checkbox]):not([type=radio])')
    .and(page.locator(':not([data-proef])'))
    .evaluateAll((velden) =>
      velden
        .filter((v) => v.getAttribute('autocomplete') !== 'off')
        .map((v) => v.getAttribute('aria-label') ?? v.outerHTML.slice(0, 120)),
    );
}

/**
 * The control for what the page shows: a field that does not say autocomplete="off", holding
 * `controle`, waits until its text is on disk, in the page state the browser saves for session
 * restore. That state holds every field on the page then: once the control is on disk, so is
 * whatever the browser would keep of the fields typed in before it.
 */
async function proef(page: Page, browserMap: string, controle: string): Promise<void> {
  await page.evaluate((c) => {
    const veld = document.createElement('textarea');
    veld.setAttribute('autocomplete', 'on');
    veld.setAttribute('aria-hidden', 'true');
    veld.dataset.proef = '';
    veld.hidden = true;
    document.body.append(veld);
    veld.value = c;
  }, controle);
  await expect
    .poll(() => gevonden([browserMap], { controle }), { timeout: 30_000 })
    .not.toEqual([]);
}

/** Where any of `tokens` occurs in the files under `mappen`, as UTF-8 or UTF-16LE. */
function gevonden(mappen: string[], tokens: Record<string, string>): string[] {
  const zoek = Object.entries(tokens).flatMap(([naam, t]) => [
    { naam: `${naam} (UTF-8)`, bytes: Buffer.from(t, 'utf8') },
    { naam: `${naam} (UTF-16LE)`, bytes: Buffer.from(t, 'utf16le') },
  ]);
  const vondsten: string[] = [];
  for (const map of mappen)
    for (const bestand of bestanden(map)) {
      let inhoud: Buffer;
      try {
        inhoud = readFileSync(bestand);
      } catch {
        continue; // gone meanwhile
      }
      for (const z of zoek) if (inhoud.includes(z.bytes)) vondsten.push(`${bestand}: ${z.naam}`);
    }
  return vondsten;
}

test('typed case text stays out of the browser profile and the data folder, and drafts come back', async ({
  browserName: _,
}, testInfo) => {
  test.setTimeout(240_000);
  const browserMap = processen.map('chromium-profiel');
  const dataMap = processen.map('data');
  const adres = await processen.startHost({ EENPLAN_DATA_DIR: dataMap });
  const { launchOptions, viewport, locale, timezoneId } = testInfo.project.use;
  const start = async (): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await chromium.launchPersistentContext(browserMap, {
      ...launchOptions,
      viewport,
      locale,
      timezoneId,
    });
    browser = context;
    await zetKlok(context);
    return { context, page: context.pages()[0] ?? (await context.newPage()) };
  };

  const t = { plan: token(), geweigerd: token(), verslag: token(), zoek: token() };
  const planTekst = `Moeder vertelt over huiselijk geweld door haar ex-partner ${t.plan}.`;
  // Longer than the 2,000 characters a domain's situation may hold: its save is refused.
  const geweigerdTekst = `${'Zorgen over verwaarlozing. '.repeat(75)}Vooral ${t.geweigerd}.`;
  const verslagTekst = `Huisbezoek: de politie is langs geweest na huiselijk geweld ${t.verslag}.`;
  const controle = {
    formulierstaatPlan: token(),
    formulierstaatVerslag: token(),
    lokaleOpslag: token(),
  };

  // --- Typing: autosaved, refused, unsaved; then locked and closed.
  let { context, page } = await start();
  await signIn(page, undefined, undefined, undefined, adres);
  const rij = page
    .getByRole('table', { name: 'Mijn gezinnen' })
    .locator('tbody tr')
    .filter({ hasText: 'Actief' })
    .first();
  const gezin = (await rij.locator('td').first().innerText()).split('\n')[0]!.trim();
  await rij.click();
  await expect(page.getByRole('heading', { name: gezin })).toBeVisible();
  await page.getByRole('tab', { name: 'Gezinsplan' }).click();
  let woorden = page.getByLabel('De doelen van het gezin, zoals het gezin ze zegt');
  await woorden.fill(planTekst);
  await woorden.blur();
  await waitUntilSaved(page);
  let situatie = page.getByLabel('Situatie').first();
  await situatie.fill(geweigerdTekst);
  await situatie.blur();
  await expect(situatie).toHaveAccessibleDescription(/maximaal 2000 tekens/i);
  expect(await tekstveldenDieOnthouden(page)).toEqual([]);
  await proef(page, browserMap, controle.formulierstaatPlan);
  await page.getByRole('tab', { name: 'Gesprekken' }).click();
  let nieuw = page.getByRole('region', { name: 'Nieuw gespreksverslag' });
  await nieuw.getByLabel('Verslag').fill(verslagTekst);
  // Any field, not only those with drafts: a search in the notes is case text too.
  await page.getByLabel('Zoeken in de verslagen').fill(`huiselijk geweld ${t.zoek}`);
  expect(await tekstveldenDieOnthouden(page)).toEqual([]);
  await proef(page, browserMap, controle.formulierstaatVerslag);
  // The other control: what the page puts in local storage is on disk after closing.
  await page.evaluate((c) => localStorage.setItem('eenplan.proef', c), controle.lokaleOpslag);
  await page.getByRole('button', { name: 'Vergrendelen' }).click();
  await expect(page.getByRole('heading', { name: 'Eenplan is vergrendeld' })).toBeVisible();
  await context.close();

  for (const [naam, c] of Object.entries(controle))
    expect(gevonden([browserMap], { [naam]: c }), naam).not.toEqual([]);
  expect(gevonden([browserMap, dataMap], t)).toEqual([]);

  // --- A new browser on the same profile folder: unlocked, the drafts are back.
  ({ context, page } = await start());
  await page.goto(adres);
  await ontgrendel(page);
  await page.evaluate(() => localStorage.removeItem('eenplan.proef'));
  await page.getByRole('table', { name: 'Mijn gezinnen' }).getByText(gezin).first().click();
  await page.getByRole('tab', { name: 'Gezinsplan' }).click();
  woorden = page.getByLabel('De doelen van het gezin, zoals het gezin ze zegt');
  situatie = page.getByLabel('Situatie').first();
  nieuw = page.getByRole('region', { name: 'Nieuw gespreksverslag' });
  await expect(woorden).toHaveValue(planTekst);
  await expect(situatie).toHaveValue(geweigerdTekst);
  // Saved again at once, and refused again: the text stays, with the reason.
  await expect(situatie).toHaveAccessibleDescription(/maximaal 2000 tekens/i);
  expect(await tekstveldenDieOnthouden(page)).toEqual([]);
  await expect(situatie).toHaveAccessibleDescription(/Teruggezet: tekst die nog niet was/);
  await situatie.evaluate((el) =>
    el.closest('.MuiFormControl-root')!.scrollIntoView({ block: 'end' }),
  );
  await page.screenshot({ path: `${SCREENSHOTS}/42-concept-teruggezet-geweigerd.png` });
  await page.getByRole('tab', { name: 'Gesprekken' }).click();
  const verslag = nieuw.getByLabel('Verslag');
  await expect(verslag).toHaveValue(verslagTekst);
  await expect(nieuw.getByText(/^Teruggezet: dit concept is nog niet opgeslagen/)).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/43-concept-teruggezet-verslag.png` });

  // Saved, the drafts go from the store.
  const aanwezig = nieuw.getByLabel('Aanwezig');
  await aanwezig.fill('moeder');
  await aanwezig.press('Enter');
  await nieuw.getByRole('button', { name: 'Verslag opslaan' }).click();
  await expect(page.getByRole('article', { name: /^Gesprek van/ }).first()).toContainText(
    verslagTekst,
  );
  await expect(verslag).toHaveValue('');
  await page.getByRole('tab', { name: 'Gezinsplan' }).click();
  // Shown again (and refused again) first: typing starts in the text the user sees.
  await expect(situatie).toHaveValue(geweigerdTekst);
  await situatie.fill(`Zorgen over verwaarlozing ${t.geweigerd}.`);
  await situatie.blur();
  await waitUntilSaved(page);
  const { view } = await page.evaluate(
    () => JSON.parse(sessionStorage.getItem('eenplan.sessie')!) as { view: { gezinId: string } },
  );
  const plan = await api(page)<{ id: string }>('gezinsplan.ophalen', { gezinId: view.gezinId });
  for (const sleutel of [
    `gesprek:${view.gezinId}`,
    `plan:${plan.id}:eigenWoorden`,
    `plan:${plan.id}:${LEEFDOMEINEN.codes[0]}:situatie`,
  ])
    await expect
      .poll(() => api(page)<{ tekst: string | null }>('concept.lezen', { sleutel }), {
        message: sleutel,
      })
      .toEqual({ tekst: null });

  // Shown, saved and shown again: still nothing on disk outside the encrypted store.
  await page.getByRole('button', { name: 'Vergrendelen' }).click();
  await expect(page.getByRole('heading', { name: 'Eenplan is vergrendeld' })).toBeVisible();
  await context.close();
  expect(gevonden([browserMap, dataMap], t)).toEqual([]);
});
