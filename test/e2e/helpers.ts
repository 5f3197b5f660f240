import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';
import { formatDate } from '../../shared/dates';
import { vandaag } from '../helpers/klok';

/** The passphrase every e2e profile is protected with (fictional, test only). */
export const WACHTWOORDZIN = 'Zeven blauwe fietsen op de dijk';

/**
 * Passes the lock: makes the laptop's first profile (named "Test") on a first start, or unlocks
 * the profile offered; no-op when open.
 */
export async function ontgrendel(page: Page, zin = WACHTWOORDZIN): Promise<void> {
  const aanmaken = page.getByRole('heading', { name: 'Profiel aanmaken' });
  const slot = page.getByRole('heading', { name: 'Eenplan is vergrendeld' });
  const binnen = page.getByRole('list', { name: 'Medewerkers' }).or(page.getByRole('banner'));
  await expect(aanmaken.or(slot).or(binnen).first()).toBeVisible({ timeout: 30_000 });
  if (await aanmaken.isVisible()) {
    await page.getByLabel('Naam van het profiel').fill('Test');
    await page.getByLabel(/^Wachtwoordzin/).fill(zin);
    await page.getByLabel('Herhaal de wachtwoordzin').fill(zin);
    await page.getByRole('button', { name: 'Profiel aanmaken' }).click();
  } else if (await slot.isVisible()) {
    await page.getByLabel(/^Wachtwoordzin/).fill(zin);
    await page.getByRole('button', { name: 'Ontgrendelen' }).click();
  }
  await expect(aanmaken.or(slot)).toHaveCount(0, { timeout: 30_000 });
}

type Rol = 'Jeugdprofessional' | 'Teamcoach' | 'Beheerder';

/**
 * The laptop profile of the professional `signIn` picks: a short name that says who it is, for
 * the lock screen (at most 60 characters).
 */
export function profielNaam(team: string, index: number, rol: Rol): string {
  return `${team} · ${rol} ${index + 1}`.slice(0, 60);
}

/** The lock as the host has it: the laptop's profiles and the open one (`kluis.staat`). */
export async function kluisStaat(
  page: Page,
): Promise<{ staat: string; profielen: { id: string; naam: string }[]; actief: string | null }> {
  return api(page)('kluis.staat', {});
}

/**
 * Opens the laptop profile named `naam` in the browser host at `adres`, as a user would: locks
 * another profile that is open ("Vergrendelen"), then on the lock screen unlocks `naam`, or
 * makes it ("Nieuw profiel op deze laptop") when the laptop has none of that name. Ends in the
 * app (the profile's person) or, for a profile that is nobody's yet, on its one choice.
 */
export async function openProfiel(
  page: Page,
  naam: string,
  adres = '/',
  zin = WACHTWOORDZIN,
): Promise<void> {
  const aanmaken = page.getByRole('heading', { name: 'Profiel aanmaken' });
  const slot = page.getByRole('heading', { name: 'Eenplan is vergrendeld' });
  const keuze = page.getByRole('list', { name: 'Medewerkers' });
  const binnen = page.getByRole('banner');
  await page.goto(adres);
  await expect(aanmaken.or(slot).or(keuze).or(binnen).first()).toBeVisible({ timeout: 30_000 });
  let stand = await kluisStaat(page);
  if (stand.staat === 'open') {
    const open = stand.profielen.find((p) => p.id === stand.actief);
    if (open?.naam === naam) return;
    // Someone else's profile is open: lock it first.
    if (await binnen.isVisible()) await page.getByRole('button', { name: 'Vergrendelen' }).click();
    else {
      // A profile that is nobody's yet has no lock button on its choice: lock as the app would.
      await api(page)('kluis.vergrendelen', {});
      await page.reload();
    }
    await expect(slot).toBeVisible();
    stand = await kluisStaat(page);
  }
  if (stand.profielen.some((p) => p.naam === naam)) {
    // The lock screen offers a choice of profile once there is more than one.
    if (stand.profielen.length > 1) {
      const profiel = page.getByRole('combobox', { name: 'Profiel' });
      if ((await profiel.innerText()).trim() !== naam) {
        await profiel.click();
        await page.getByRole('option', { name: naam, exact: true }).click();
      }
    }
    await page.getByLabel(/^Wachtwoordzin/).fill(zin);
    await page.getByRole('button', { name: 'Ontgrendelen' }).click();
  } else {
    if (await slot.isVisible())
      await page.getByRole('button', { name: 'Nieuw profiel op deze laptop' }).click();
    await expect(aanmaken).toBeVisible();
    await page.getByLabel('Naam van het profiel').fill(naam);
    await page.getByLabel(/^Wachtwoordzin/).fill(zin);
    await page.getByLabel('Herhaal de wachtwoordzin').fill(zin);
    await page.getByRole('button', { name: 'Profiel aanmaken' }).click();
  }
  // A new profile is filled with the demo region first, which takes a moment.
  await expect(keuze.or(binnen).first()).toBeVisible({ timeout: 60_000 });
}

/**
 * Signs in as the first professional with a role in a team (or the region's beheer), on a laptop
 * profile of that person's own (see openProfiel); a new profile is given its professional once,
 * in the choice with "Ik ben …". Returns the professional's name.
 */
export async function signIn(
  page: Page,
  team = 'Jeugdteam Dordrecht Noord',
  index = 0,
  rol: Rol = 'Jeugdprofessional',
  adres = '/',
): Promise<string> {
  await openProfiel(page, profielNaam(team, index, rol), adres);
  const kop = page.getByRole('heading', { name: rol === 'Beheerder' ? /Regio/ : 'Mijn gezinnen' });
  const keuze = page.getByRole('list', { name: 'Medewerkers' });
  await expect(kop.or(keuze).first()).toBeVisible();
  if (await keuze.isVisible()) {
    const button = keuze
      .getByRole('list', { name: team, exact: true })
      .getByRole('button')
      .filter({ hasText: rol })
      .nth(index);
    const naam = (await button.locator('.MuiListItemText-primary').innerText()).trim();
    await button.click();
    const dialoog = page.getByRole('dialog', { name: `Dit profiel is van ${naam}` });
    await dialoog.getByRole('button', { name: `Ik ben ${naam}` }).click();
  }
  await expect(kop).toBeVisible();
  return (await wie(page))!.naam;
}

/**
 * Calls the API the screens use, in the browser host the page shows, as the open profile's
 * person: nothing in a call says who is calling. Fails the test on an error answer.
 */
export function api(page: Page) {
  return async <T>(method: string, input: unknown): Promise<T> => {
    const antwoord = await page.request.post(`${new URL(page.url()).origin}/api/${method}`, {
      data: { input },
    });
    const body = (await antwoord.json()) as
      { ok: true; data: T } | { ok: false; error: { message: string } };
    if (!body.ok) throw new Error(`${method}: ${body.error.message}`);
    return body.data;
  };
}

export interface Persoon {
  id: string;
  naam: string;
  rol: string;
  teamId: string | null;
  teamNaam: string | null;
  vergrendelMinuten: number;
}

/** The open profile's person, as the host says (`sessie.wie`), or null before the choice. */
export const wie = (page: Page) => api(page)<Persoon | null>('sessie.wie', {});

/**
 * No serious or critical accessibility violations on the current screen, as the user sees it
 * once it has settled: a dialog or panel that is still fading in has low contrast for a moment
 * (seen under load in CI), which is not what anyone reads.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  // Finite ones only: a spinner or a pulsing placeholder never ends.
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (a) =>
          (a.playState !== 'running' && !a.pending) ||
          !Number.isFinite(Number(a.effect?.getComputedTiming().endTime ?? Infinity)),
      ),
  );
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${screen}: ${v.id} (${v.nodes.length}x) ${v.help}`)).toEqual([]);
}

export async function waitUntilSaved(page: Page): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: /opgeslagen|Opslaan/ })).toHaveText(
    /^Alles opgeslagen/,
  );
}

/**
 * dd-mm-jjjj of today plus a number of days, as typed by a user: today on the run's clock and
 * the Dutch calendar, as the browser sees it (not this process's time zone).
 */
export function dutchDate(daysFromToday = 0): string {
  return formatDate(vandaag(daysFromToday));
}

/**
 * Registers a family of a parent and a youth with a BSN through "Nieuw gezin aanmelden" and
 * waits for its dossier.
 */
export async function meldGezinAan(
  page: Page,
  gezin: { achternaam: string; ouder: string; jeugdige: string; adres: string },
): Promise<string> {
  const naam = `Familie ${gezin.achternaam}`;
  await page.getByRole('button', { name: 'Nieuw gezin aanmelden' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Naam gezin').fill(naam);
  await dialog.getByLabel('Adres').fill(gezin.adres);
  await dialog.getByLabel('Postcode').fill('3311ab');
  await dialog.getByLabel('Woonplaats').fill('Dordrecht');
  await dialog.getByLabel('Voornaam').nth(0).fill(gezin.ouder);
  await dialog.getByLabel('Achternaam').nth(0).fill(gezin.achternaam);
  await dialog.getByLabel('Geboortedatum').nth(0).fill('12-03-1986');
  await dialog.getByLabel('Voornaam').nth(1).fill(gezin.jeugdige);
  await dialog.getByLabel('Achternaam').nth(1).fill(gezin.achternaam);
  await dialog.getByLabel('Geboortedatum').nth(1).fill('01-09-2012');
  await dialog.getByLabel('BSN (indien nodig)').nth(1).fill('111222333');
  await dialog.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page.getByRole('heading', { name: naam })).toBeVisible();
  return naam;
}

/** Downloads a PDF by clicking `knop`, returns its text and keeps page 1 as a PNG. */
export async function pdfVan(page: Page, knop: Locator, png: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), knop.click()]);
  const pad = (await download.path())!;
  expect((await readFile(pad)).subarray(0, 5).toString()).toBe('%PDF-');
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '80',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    pad,
    `test/e2e/screenshots/${png}`,
  ]);
  return execFileSync('pdftotext', ['-layout', pad, '-'], { encoding: 'utf8' });
}
