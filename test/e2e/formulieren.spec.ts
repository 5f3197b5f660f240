import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectAccessible, meldGezinAan, signIn, WACHTWOORDZIN } from './helpers';

const shot = (page: Page, naam: string) =>
  page.screenshot({ path: `test/e2e/screenshots/${naam}.png` });

/** The page does not scroll sideways: everything fits the window's width. */
async function pastInBreedte(page: Page, scherm: string) {
  const { breed, venster } = await page.evaluate(() => ({
    breed: document.documentElement.scrollWidth,
    venster: window.innerWidth,
  }));
  expect(breed, `${scherm} scrolt zijwaarts`).toBeLessThanOrEqual(venster);
}

/** Goes to a main menu choice: in the bar, or under "Meer" when the bar is full. */
async function naar(page: Page, keuze: string) {
  const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
  const knop = menu.getByRole('button', { name: keuze, exact: true });
  if (await knop.isVisible()) return knop.click();
  await menu.getByRole('button', { name: /^Meer/ }).click();
  await page.getByRole('menuitem', { name: keuze }).click();
}

test('every empty required field is named at once, in Dutch, by its label', async ({ page }) => {
  await signIn(page);
  await page.getByRole('button', { name: 'Nieuw gezin aanmelden' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nieuw gezin aanmelden' });
  await dialog.getByRole('button', { name: 'Aanmelden' }).click();

  // The app's own check, not the browser's bubble: all fields in one list, by their labels.
  const fouten = dialog.getByRole('alert');
  await expect(fouten).toContainText('Controleer deze 10 velden');
  for (const melding of [
    'Naam gezin: vul dit veld in.',
    'Adres: vul dit veld in.',
    'Postcode: vul dit veld in.',
    'Woonplaats: vul dit veld in.',
    'Voornaam van gezinslid 1: vul dit veld in.',
    'Geboortedatum van gezinslid 1: vul dit veld in.',
    'Achternaam van gezinslid 2: vul dit veld in.',
  ])
    await expect(fouten).toContainText(melding);
  await expect(dialog.getByLabel('Naam gezin')).toBeFocused();
  await expectAccessible(page, 'Nieuw gezin, alle fouten');
  await shot(page, '80-nieuw-gezin-alle-fouten');

  // A field corrected drops from the list; a wrong format says which format.
  await dialog.getByLabel('Naam gezin').fill('Familie Yılmaz');
  await dialog.getByLabel('Adres').fill('Singel 12');
  await dialog.getByLabel('Postcode').fill('33');
  await dialog.getByLabel('Woonplaats').fill('Dordrecht');
  for (const [i, voornaam, datum] of [
    [0, 'Ayşe', '1985-03-01'],
    [1, 'Emre', '01-09-2012'],
  ] as const) {
    await dialog.getByLabel('Voornaam').nth(i).fill(voornaam);
    await dialog.getByLabel('Achternaam').nth(i).fill('Yılmaz');
    await dialog.getByLabel('Geboortedatum').nth(i).fill(datum);
  }
  await dialog.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(fouten).toContainText('Controleer deze 2 velden');
  await expect(fouten).toContainText('Postcode: vul in als 1234 AB.');
  await expect(fouten).toContainText('Geboortedatum van gezinslid 1: vul in als dd-mm-jjjj.');
  await expect(fouten).not.toContainText('Naam gezin');

  // What only the core can check (the BSN's elfproef) names the member, counting from 1.
  await dialog.getByLabel('Postcode').fill('3311 AB');
  await dialog.getByLabel('Geboortedatum').nth(0).fill('01-03-1985');
  await dialog.getByLabel('BSN (indien nodig)').nth(1).fill('123456789');
  await dialog.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(fouten).toHaveText(/^BSN van gezinslid 2: /);
  await expect(fouten).not.toContainText(/leden|Veld "/);

  // A second form, the visit planner: its empty required fields at once as well.
  // The header behind the dialog (hidden from the accessibility tree while it is open).
  const bewaard = page.locator('header [role="status"]').filter({ hasText: 'opgeslagen' });
  await expect(bewaard).toContainText('Niet opgeslagen');
  // Cancelled, the refusal is gone with the input it was about.
  await dialog.getByRole('button', { name: 'Annuleren' }).click();
  await expect(bewaard).toHaveText(/^Alles opgeslagen/);
  await naar(page, 'Agenda');
  await page.getByRole('button', { name: 'Bezoek plannen' }).click();
  const bezoek = page.getByRole('dialog', { name: 'Bezoek plannen' });
  await bezoek.getByLabel('Datum').fill('');
  await bezoek.getByLabel('Tijd').fill('9 uur');
  await bezoek.getByLabel('Onderwerp').fill('x'.repeat(290));
  await expect(bezoek.getByText('290 / 300 tekens')).toBeVisible();
  await bezoek.getByRole('button', { name: 'Inplannen' }).click();
  const bezoekFouten = bezoek.getByRole('alert');
  await expect(bezoekFouten).toContainText('Controleer deze 3 velden');
  await expect(bezoekFouten).toContainText('Gezin: vul dit veld in.');
  await expect(bezoekFouten).toContainText('Datum: vul dit veld in.');
  await expect(bezoekFouten).toContainText('Tijd: vul in als uu:mm.');
  await expectAccessible(page, 'Bezoek plannen, alle fouten');
  await shot(page, '81-bezoek-alle-fouten');
});

test('an invalid BSN in the search lists no family, and a focused row shows its focus', async ({
  page,
}) => {
  await signIn(page);
  const naam = await meldGezinAan(page, {
    achternaam: 'Zoekproef',
    ouder: 'Mila',
    jeugdige: 'Sem',
    adres: 'Voorstraat 8',
  });
  await naar(page, 'Mijn gezinnen');
  const zoek = page.getByLabel(/^Zoeken op naam/);
  const rijen = page.getByRole('table', { name: 'Mijn gezinnen' }).locator('tbody tr[tabindex]');
  await zoek.fill('Zoekproef');
  await expect(rijen).toHaveCount(1);
  await expect(rijen.first()).toContainText(naam);

  await rijen.first().focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(rijen.first()).toBeFocused();
  const rand = await rijen.first().evaluate((r) => getComputedStyle(r).outlineStyle);
  expect(rand).not.toBe('none');
  await shot(page, '82-rij-met-focus');

  await zoek.fill('123456789');
  await expect(
    page
      .getByRole('alert')
      .or(page.getByText(/elfproef/))
      .first(),
  ).toBeVisible();
  await expect(rijen).toHaveCount(0);
  await expect(page.getByText(naam)).toHaveCount(0);
  await expectAccessible(page, 'Mijn gezinnen, ongeldig BSN');
});

const ROLLEN = [
  {
    team: 'Jeugdteam Dordrecht Noord',
    rol: 'Jeugdprofessional',
    schermen: ['Mijn gezinnen', 'Taken en signalen', 'Agenda', 'Akkoorden', 'Mijn kosten'],
  },
  {
    team: 'Jeugdteam Dordrecht Noord',
    rol: 'Teamcoach',
    schermen: [
      'Mijn gezinnen',
      'Taken en signalen',
      'Agenda',
      'Akkoorden',
      'Teambudget',
      'Budget en SOJ',
      'Logboek',
    ],
  },
  {
    team: 'Regio (beheer)',
    rol: 'Beheerder',
    schermen: ['Teambudget', 'Budget en SOJ', 'Logboek'],
  },
] as const;

for (const [n, { team, rol, schermen }] of ROLLEN.entries()) {
  test(`the header fits 1366 px for a ${rol.toLowerCase()}, every menu choice reachable`, async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await signIn(page, team, 0, rol);
    const vergrendelen = page.getByRole('button', { name: 'Vergrendelen' });
    for (const scherm of schermen) {
      await naar(page, scherm);
      await expect(page.getByRole('main').getByRole('heading').first()).toBeVisible();
      await page.waitForLoadState('networkidle');
      await pastInBreedte(page, `${rol}: ${scherm}`);
      await expect(vergrendelen).toBeInViewport({ ratio: 1 });
      // Each screen once: the teamcoach has all but the professional's own costs.
      if (rol === 'Teamcoach' || scherm === 'Mijn kosten')
        await expectAccessible(page, `${rol}: ${scherm}`);
    }
    await shot(page, `8${3 + n}-kop-${rol.toLowerCase()}`);
    if (rol !== 'Teamcoach') return;

    // In a narrower window what does not fit goes under "Meer", inside the window.
    await page.setViewportSize({ width: 1024, height: 768 });
    const meer = page.getByRole('button', { name: /^Meer/ });
    await expect(meer).toBeVisible();
    await pastInBreedte(page, 'Teamcoach op 1024 px');
    await expect(vergrendelen).toBeInViewport({ ratio: 1 });
    await meer.click();
    await expect(page.getByRole('menu')).toBeInViewport({ ratio: 1 });
    await expectAccessible(page, 'Meer-menu');
    await shot(page, '87-kop-teamcoach-meer');
    await page.keyboard.press('Escape');
    for (const scherm of ['Budget en SOJ', 'Mijn gezinnen']) {
      await naar(page, scherm);
      await expect(page.getByRole('main').getByRole('heading').first()).toBeVisible();
      await pastInBreedte(page, `Teamcoach op 1024 px: ${scherm}`);
    }
  });
}

test('making a laptop profile shows progress, and the old error goes', async ({ page }) => {
  await page.goto('/');
  const slot = page.getByRole('heading', { name: 'Eenplan is vergrendeld' });
  const aanmaken = page.getByRole('heading', { name: 'Profiel aanmaken' });
  await expect(slot.or(aanmaken).or(page.getByRole('banner')).first()).toBeVisible({
    timeout: 30_000,
  });
  if (await page.getByRole('banner').isVisible())
    await page.getByRole('button', { name: 'Vergrendelen' }).click();
  if (await slot.isVisible())
    await page.getByRole('button', { name: 'Nieuw profiel op deze laptop' }).click();
  await expect(aanmaken).toBeVisible();
  await page.getByLabel('Naam van het profiel').fill('Voortgang');
  await page.getByLabel(/^Wachtwoordzin/).fill(WACHTWOORDZIN);
  await page.getByLabel('Herhaal de wachtwoordzin').fill(`${WACHTWOORDZIN}!`);
  await page.getByRole('button', { name: 'Profiel aanmaken' }).click();
  await expect(page.getByRole('alert')).toContainText('niet gelijk');

  await page.getByLabel('Herhaal de wachtwoordzin').fill(WACHTWOORDZIN);
  await page.getByRole('button', { name: 'Profiel aanmaken' }).click();
  // While the profile is made: the old error is gone and the wait is explained.
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('status')).toContainText('ongeveer tien seconden');
  await expect(page.getByRole('progressbar', { name: 'Profiel aanmaken' })).toBeVisible();
  await shot(page, '86-profiel-aanmaken-voortgang');

  // Then the one choice of who this profile is for: "profiel" is only the laptop's.
  const wie = page.getByRole('list', { name: 'Medewerkers' });
  await expect(wie).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('heading', { name: 'Wie bent u?' })).toBeVisible();
  await expect(page.getByText(/Kies uw profiel/)).toHaveCount(0);
  await expectAccessible(page, 'Wie bent u');
});
