import { expect, test } from './fixtures';
import { api, signIn, waitUntilSaved, wie } from './helpers';

test('text typed just before the window closes is saved when the app is back', async ({ page }) => {
  await signIn(page);
  const rows = page.getByRole('table', { name: 'Mijn gezinnen' }).locator('tbody tr');
  await rows.filter({ hasText: 'Actief' }).first().click();
  await page.getByRole('tab', { name: 'Gezinsplan' }).click();
  const field = page.getByLabel('De doelen van het gezin, zoals het gezin ze zegt');
  const tekst = `Getypt vlak voor het sluiten ${Date.now()}`;
  await field.fill(tekst);
  // Reload at once: the debounced save has not run, only the draft exists.
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Gezinsplan', selected: true })).toBeVisible();
  await expect(field).toHaveValue(tekst);
  await waitUntilSaved(page);

  // The core has it: read the plan back through the API, as the open profile's professional.
  const { profiel, view } = await page.evaluate(
    () =>
      JSON.parse(sessionStorage.getItem('eenplan.sessie')!) as {
        profiel: { id: string };
        view: { gezinId: string };
      },
  );
  expect((await wie(page))?.id).toBe(profiel.id);
  const plan = await api(page)<{ inhoud: { eigenWoorden: string } }>('gezinsplan.ophalen', {
    gezinId: view.gezinId,
  });
  expect(plan.inhoud.eigenWoorden).toBe(tekst);
  expect(
    await page.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith('eenplan.concept.')),
    ),
  ).toEqual([]);
});
