/**
 * Two professionals share one laptop (a browser host of its own): each makes a profile, what
 * one types the other never sees, each passphrase opens only its own profile, and the lock
 * screen offers the profile opened last.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectAccessible, ontgrendel, signIn, waitUntilSaved } from './helpers';
import { Processen } from './processen';

const ZIN_SANNE = 'Zeven blauwe fietsen op de dijk';
const ZIN_YOUSSEF = 'Acht rode boten in de haven';
const processen = new Processen();
let adres: string;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  adres = await processen.startHost();
});
test.afterAll(() => processen.stop());

/** The first active family's own words (gezinsplan), as this profile's professional sees them. */
async function eigenWoorden(page: Page) {
  const rij = page.getByRole('table', { name: 'Mijn gezinnen' }).locator('tbody tr');
  await rij.filter({ hasText: 'Actief' }).first().click();
  await page.getByRole('tab', { name: 'Gezinsplan' }).click();
  return page.getByLabel('De doelen van het gezin, zoals het gezin ze zegt');
}

async function vergrendel(page: Page) {
  await page.getByRole('button', { name: 'Vergrendelen' }).click();
  await expect(page.getByRole('heading', { name: 'Eenplan is vergrendeld' })).toBeVisible();
}

test('two professionals on one laptop: own profile, own passphrase, nothing shared', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // Sanne makes the laptop's first profile (the helper names it "Test") and writes in a plan.
  await signIn(page, undefined, undefined, undefined, adres);
  const veld = await eigenWoorden(page);
  await veld.fill('Alleen in het profiel van Sanne');
  await waitUntilSaved(page);
  await vergrendel(page);

  // Youssef adds his own profile from the lock screen.
  await page.getByRole('button', { name: 'Nieuw profiel op deze laptop' }).click();
  await expect(page.getByRole('heading', { name: 'Profiel aanmaken' })).toBeVisible();
  await page.getByLabel('Naam van het profiel').fill('test');
  await page.getByLabel(/^Wachtwoordzin/).fill(ZIN_YOUSSEF);
  await page.getByLabel('Herhaal de wachtwoordzin').fill(ZIN_YOUSSEF);
  await page.getByRole('button', { name: 'Profiel aanmaken' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Er is al een profiel met deze naam op deze laptop.',
  );
  await page.getByLabel('Naam van het profiel').fill('Youssef');
  await page.getByRole('button', { name: 'Profiel aanmaken' }).click();
  await expect(page.getByRole('list', { name: 'Profielen' })).toBeVisible({ timeout: 30_000 });
  // A profile of his own starts afresh: the choice of professional, not Sanne's screen.
  await signIn(page, undefined, undefined, undefined, adres);
  await expect(await eigenWoorden(page)).not.toHaveValue('Alleen in het profiel van Sanne');
  await vergrendel(page);

  // The lock screen offers the profile opened last, and both to choose from.
  const profiel = page.getByRole('combobox', { name: 'Profiel' });
  await expect(profiel).toHaveText('Youssef');
  await profiel.click();
  await expect(page.getByRole('option')).toHaveText(['Test', 'Youssef']);
  await expect(page.locator('.MuiMenu-paper')).toHaveCSS('opacity', '1');
  await page.screenshot({ path: 'test/e2e/screenshots/28-profiel-kiezen.png' });
  await page.getByRole('option', { name: 'Test' }).click();
  await expectAccessible(page, 'profiel kiezen');

  // Youssef's passphrase does not open Sanne's profile; hers does, with her text.
  await page.getByLabel(/^Wachtwoordzin/).fill(ZIN_YOUSSEF);
  await page.getByRole('button', { name: 'Ontgrendelen' }).click();
  await expect(page.getByRole('alert')).toContainText('Onjuiste wachtwoordzin');
  await ontgrendel(page, ZIN_SANNE);
  await signIn(page, undefined, undefined, undefined, adres);
  await expect(await eigenWoorden(page)).toHaveValue('Alleen in het profiel van Sanne');
  await vergrendel(page);
});

test('a new profile is refused with a weak passphrase and shows why', async ({ page }) => {
  await page.goto(adres);
  await expect(page.getByRole('heading', { name: 'Eenplan is vergrendeld' })).toBeVisible();
  await page.getByRole('button', { name: 'Nieuw profiel op deze laptop' }).click();
  await page.getByLabel('Naam van het profiel').fill('Fatima');
  await page.getByLabel(/^Wachtwoordzin/).fill('welkom123');
  await page.getByLabel('Herhaal de wachtwoordzin').fill('welkom123');
  await page.getByRole('button', { name: 'Profiel aanmaken' }).click();
  await expect(page.getByRole('alert')).toContainText('minstens 12 tekens');
  await expectAccessible(page, 'profiel aanmaken');
  await page.screenshot({ path: 'test/e2e/screenshots/29-profiel-aanmaken.png' });
  await page.getByRole('button', { name: 'Terug naar ontgrendelen' }).click();
  await page.getByRole('combobox', { name: 'Profiel' }).click();
  await expect(page.getByRole('option')).toHaveText(['Test', 'Youssef']);
});

test('a professional changes the own passphrase; the old one stops working', async ({ page }) => {
  await page.goto(adres);
  await page.getByRole('combobox', { name: 'Profiel' }).click();
  await page.getByRole('option', { name: 'Youssef' }).click();
  await ontgrendel(page, ZIN_YOUSSEF);
  await signIn(page, undefined, undefined, undefined, adres);
  const nieuw = 'Negen groene treinen naar Breda';
  await page.getByRole('button', { name: /Jeugdteam/ }).click();
  await page.getByRole('menuitem', { name: 'Wachtwoordzin wijzigen' }).click();
  const dialoog = page.getByRole('dialog', { name: 'Wachtwoordzin wijzigen' });
  await dialoog.getByLabel(/^Huidige wachtwoordzin/).fill(ZIN_SANNE);
  await dialoog.getByLabel(/^Nieuwe wachtwoordzin/).fill(nieuw);
  await dialoog.getByLabel('Herhaal de nieuwe wachtwoordzin').fill(nieuw);
  await dialoog.getByRole('button', { name: 'Wijzigen' }).click();
  await expect(dialoog.getByRole('alert')).toContainText('Onjuiste wachtwoordzin');
  await dialoog.getByLabel(/^Huidige wachtwoordzin/).fill(ZIN_YOUSSEF);
  await dialoog.getByLabel('Herhaal de nieuwe wachtwoordzin').fill('iets anders');
  await dialoog.getByRole('button', { name: 'Wijzigen' }).click();
  await expect(dialoog.getByRole('alert')).toHaveText(
    'De twee nieuwe wachtwoordzinnen zijn niet gelijk.',
  );
  await expectAccessible(page, 'wachtwoordzin wijzigen');
  await page.screenshot({ path: 'test/e2e/screenshots/30-wachtwoordzin-wijzigen.png' });
  await dialoog.getByLabel('Herhaal de nieuwe wachtwoordzin').fill(nieuw);
  await dialoog.getByRole('button', { name: 'Wijzigen' }).click();
  await expect(page.getByRole('dialog', { name: 'Wachtwoordzin gewijzigd' })).toBeVisible();
  await page.getByRole('button', { name: 'Sluiten' }).click();

  await vergrendel(page);
  await page.getByLabel(/^Wachtwoordzin/).fill(ZIN_YOUSSEF);
  await page.getByRole('button', { name: 'Ontgrendelen' }).click();
  await expect(page.getByRole('alert')).toContainText('Onjuiste wachtwoordzin');
  await ontgrendel(page, nieuw);
  await expect(page.getByRole('banner')).toBeVisible();
  await vergrendel(page);
});
