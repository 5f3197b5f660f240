import { expect, test } from '@playwright/test';

test('a professional chooses a profile and finds a family in the caseload', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Eenplan' })).toBeVisible();
  const profielen = page.getByRole('list', { name: 'Profielen' });
  await expect(profielen.getByText('Jeugdteam Dordrecht Noord')).toBeVisible();
  await page.screenshot({ path: 'test/e2e/screenshots/01-profielkeuze.png' });

  // The first jeugdprofessional of the Dordrecht Noord team.
  const team = profielen.locator('li', { hasText: 'Jeugdteam Dordrecht Noord' });
  await team.getByRole('button').filter({ hasText: 'Jeugdprofessional' }).first().click();

  await expect(page.getByRole('heading', { name: 'Mijn gezinnen' })).toBeVisible();
  const rows = page.getByRole('table', { name: 'Mijn gezinnen' }).locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  expect(count).toBeGreaterThan(1);
  await expect(page.getByRole('status')).toHaveText(`${count} gezinnen`);
  await page.screenshot({ path: 'test/e2e/screenshots/02-mijn-gezinnen.png' });

  // Search narrows the list to families matching the name typed.
  const naam = (await rows.first().locator('td').first().innerText()).replace('Familie ', '');
  await page.getByLabel(/Zoeken op naam/).fill(naam);
  await expect(rows.first()).toContainText(naam);
  await expect(async () => expect(await rows.count()).toBeLessThan(count)).toPass();

  // A BSN that fails the 11-proef is explained, not silently ignored.
  await page.getByLabel(/Zoeken op naam/).fill('123456789');
  await expect(page.getByText('Dit BSN klopt niet (de elfproef faalt).')).toBeVisible();
});
