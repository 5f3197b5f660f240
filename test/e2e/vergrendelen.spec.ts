import { expect, test } from '@playwright/test';
import { expectAccessible, signIn, WACHTWOORDZIN } from './helpers';

test('locking hides everything, refuses a wrong passphrase and returns to the same dossier', async ({
  page,
}) => {
  await signIn(page);
  const rij = page.getByRole('table', { name: 'Mijn gezinnen' }).locator('tbody tr').first();
  const gezin = (await rij.locator('td').first().innerText()).split('\n')[0]!.trim();
  await rij.click();
  await expect(page.getByRole('heading', { name: gezin })).toBeVisible();

  await page.getByRole('button', { name: 'Vergrendelen' }).click();
  await expect(page.getByRole('heading', { name: 'Eenplan is vergrendeld' })).toBeVisible();
  // Nothing of the family on screen, and the host answers nothing either.
  await expect(page.getByText(gezin)).toHaveCount(0);
  await expect(page.getByRole('banner')).toHaveCount(0);
  const api = await page.request.post('/api/gezinnen.lijst', {
    data: { input: {} },
    headers: { 'Content-Type': 'application/json' },
  });
  expect(api.status()).toBe(423);
  expect(await api.text()).not.toContain(gezin);
  await expectAccessible(page, 'vergrendeld');

  await page.getByLabel(/^Wachtwoordzin/).fill('Zeven blauwe fietsen op de dam');
  await page.getByRole('button', { name: 'Ontgrendelen' }).click();
  await expect(page.getByRole('alert')).toContainText('Onjuiste wachtwoordzin');
  await page.screenshot({ path: 'test/e2e/screenshots/22-vergrendeld.png' });

  await page.getByLabel(/^Wachtwoordzin/).fill(WACHTWOORDZIN);
  await page.getByRole('button', { name: 'Ontgrendelen' }).click();
  await expect(page.getByRole('heading', { name: gezin })).toBeVisible();
});
