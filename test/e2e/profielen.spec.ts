/**
 * Two professionals share one laptop (a browser host of its own): each makes a profile and
 * chooses once who they are, what one types the other never sees, each passphrase opens only
 * its own profile, the lock screen offers the profile opened last, and a profile's person can
 * be changed neither by choosing again nor by a header in the request.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { api, expectAccessible, ontgrendel, waitUntilSaved, wie, type Persoon } from './helpers';
import { Processen } from './processen';
import { vandaag } from '../helpers/klok';

const ZIN_SANNE = 'Zeven blauwe fietsen op de dijk';
const ZIN_YOUSSEF = 'Acht rode boten in de haven';
const TEAM = 'Jeugdteam Dordrecht Noord';
const processen = new Processen();
let adres: string;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  adres = await processen.startHost();
});
test.afterAll(() => processen.stop());

/** Makes a profile on the form shown (first start, or "Nieuw profiel op deze laptop"). */
async function maakProfiel(page: Page, naam: string, zin: string) {
  await expect(page.getByRole('heading', { name: 'Profiel aanmaken' })).toBeVisible();
  await page.getByLabel('Naam van het profiel').fill(naam);
  await page.getByLabel(/^Wachtwoordzin/).fill(zin);
  await page.getByLabel('Herhaal de wachtwoordzin').fill(zin);
  await page.getByRole('button', { name: 'Profiel aanmaken' }).click();
}

/** The new profile's one choice: the team's `index`-th jeugdprofessional, confirmed. */
async function kies(page: Page, index: number): Promise<string> {
  const knop = page
    .getByRole('list', { name: 'Medewerkers' })
    .getByRole('list', { name: TEAM, exact: true })
    .getByRole('button')
    .filter({ hasText: 'Jeugdprofessional' })
    .nth(index);
  await expect(knop).toBeVisible({ timeout: 60_000 });
  const naam = (await knop.locator('.MuiListItemText-primary').innerText()).trim();
  await knop.click();
  await page
    .getByRole('dialog', { name: `Dit profiel is van ${naam}` })
    .getByRole('button', { name: `Ik ben ${naam}` })
    .click();
  await expect(page.getByRole('heading', { name: 'Mijn gezinnen' })).toBeVisible();
  return naam;
}

/** A family of the team by name, its plan's own words (read-only when not one's own). */
async function eigenWoorden(page: Page, gezin: string) {
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('button', { name: 'Mijn gezinnen' })
    .click();
  await page.getByLabel('Alleen waar ik regisseur ben').uncheck();
  await page.getByLabel(/Zoeken op naam/).fill(gezin);
  await page
    .getByRole('table', { name: 'Mijn gezinnen' })
    .getByRole('cell', { name: gezin, exact: true })
    .click();
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
  // Sanne makes the laptop's first profile and chooses, once, who she is.
  await page.goto(adres);
  await maakProfiel(page, 'Sanne', ZIN_SANNE);
  await expect(page.getByRole('list', { name: 'Medewerkers' })).toBeVisible({ timeout: 60_000 });
  const iedereen = await api(page)<Persoon[]>('profielen.lijst', {});
  const sanne = await kies(page, 0);
  const ik = (await wie(page))!;
  expect(ik.naam).toBe(sanne);
  // Only her own person is offered from now on.
  expect((await api(page)<Persoon[]>('profielen.lijst', {})).map((p) => p.naam)).toEqual([sanne]);

  // She writes in the plan of an active family of her caseload, one its name tells apart.
  type Lijst = { gezinnen: { naam: string }[] };
  const eigen = await api(page)<Lijst>('gezinnen.lijst', {
    alleenEigen: true,
    status: 'actief',
    aantal: 500,
  });
  const allemaal = await api(page)<Lijst>('gezinnen.lijst', { aantal: 500 });
  const gezin = eigen.gezinnen
    .map((g) => g.naam)
    .find((naam) => allemaal.gezinnen.filter((g) => g.naam === naam).length === 1)!;
  const veld = await eigenWoorden(page, gezin);
  await expect(veld).toBeEditable();
  const voor = await veld.inputValue();
  await veld.fill('Alleen in het profiel van Sanne');
  await waitUntilSaved(page);

  // The profile stays hers: choosing someone else is refused, and a header naming the team's
  // teamcoach gives her neither the coach's person nor the coach's methods or screens.
  const coach = iedereen.find((p) => p.teamNaam === TEAM && p.rol === 'teamcoach')!;
  const nogEens = await page.request.post(`${adres}/api/sessie.kiezen`, {
    data: { input: { professionalId: coach.id } },
  });
  expect(nogEens.status()).toBe(409);
  expect(await nogEens.json()).toMatchObject({ ok: false, error: { code: 'conflict' } });
  expect((await wie(page))?.id).toBe(ik.id);
  const alsCoach = { 'X-Eenplan-Profiel': coach.id };
  const budget = await page.request.post(`${adres}/api/budget.dashboard`, {
    data: { input: { teamId: coach.teamId, jaar: Number(vandaag().slice(0, 4)), perceel: null } },
    headers: alsCoach,
  });
  expect(budget.status()).toBe(403);
  expect(await budget.json()).toMatchObject({ ok: false, error: { code: 'geen-toegang' } });
  const wieMetKop = await page.request.post(`${adres}/api/sessie.wie`, {
    data: { input: {} },
    headers: alsCoach,
  });
  expect(((await wieMetKop.json()) as { data: Persoon }).data.id).toBe(ik.id);
  await page.reload();
  await expect(page.getByRole('banner')).toContainText(sanne);
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).not.toContainText('Teambudget');
  await vergrendel(page);

  // Youssef adds his own profile from the lock screen, with a name of his own.
  await page.getByRole('button', { name: 'Nieuw profiel op deze laptop' }).click();
  await maakProfiel(page, 'sanne', ZIN_YOUSSEF);
  await expect(page.getByRole('alert')).toHaveText(
    'Er is al een profiel met deze naam op deze laptop.',
  );
  await page.getByLabel('Naam van het profiel').fill('Youssef');
  await page.getByRole('button', { name: 'Profiel aanmaken' }).click();
  // A profile of his own starts afresh: the choice of professional, not Sanne's screen. He is
  // her colleague; the same family on his profile has none of her text.
  const youssef = await kies(page, 1);
  expect(youssef).not.toBe(sanne);
  await expect(await eigenWoorden(page, gezin)).toHaveValue(voor);
  await vergrendel(page);

  // The lock screen offers the profile opened last, and both to choose from.
  const profiel = page.getByRole('combobox', { name: 'Profiel' });
  await expect(profiel).toHaveText('Youssef');
  await profiel.click();
  await expect(page.getByRole('option')).toHaveText(['Sanne', 'Youssef']);
  await expect(page.locator('.MuiMenu-paper')).toHaveCSS('opacity', '1');
  await page.screenshot({ path: 'test/e2e/screenshots/28-profiel-kiezen.png' });
  await page.getByRole('option', { name: 'Sanne' }).click();
  await expectAccessible(page, 'profiel kiezen');

  // Youssef's passphrase does not open Sanne's profile; hers does, as her, with her text.
  await page.getByLabel(/^Wachtwoordzin/).fill(ZIN_YOUSSEF);
  await page.getByRole('button', { name: 'Ontgrendelen' }).click();
  await expect(page.getByRole('alert')).toContainText('Onjuiste wachtwoordzin');
  await ontgrendel(page, ZIN_SANNE);
  await expect(page.getByRole('banner')).toContainText(sanne);
  await expect(await eigenWoorden(page, gezin)).toHaveValue('Alleen in het profiel van Sanne');
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
  await expect(page.getByRole('option')).toHaveText(['Sanne', 'Youssef']);
});

test('a professional changes the own passphrase; the old one stops working', async ({ page }) => {
  await page.goto(adres);
  await page.getByRole('combobox', { name: 'Profiel' }).click();
  await page.getByRole('option', { name: 'Youssef' }).click();
  await ontgrendel(page, ZIN_YOUSSEF);
  await expect(page.getByRole('heading', { name: 'Mijn gezinnen' })).toBeVisible();
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
