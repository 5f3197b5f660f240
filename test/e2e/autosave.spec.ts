import { expect, test } from './fixtures';
import { api, kluisStaat, signIn, waitUntilSaved, wie } from './helpers';

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
  const plan = await api(page)<{ id: string; inhoud: { eigenWoorden: string } }>(
    'gezinsplan.ophalen',
    { gezinId: view.gezinId },
  );
  expect(plan.inhoud.eigenWoorden).toBe(tekst);
  // The draft lived in the profile's store, never in the browser's; saved, it is gone.
  await expect
    .poll(() =>
      api(page)<{ tekst: string | null }>('concept.lezen', {
        sleutel: `plan:${plan.id}:eigenWoorden`,
      }),
    )
    .toEqual({ tekst: null });
  const opslag = await page.evaluate(() =>
    [localStorage, sessionStorage].flatMap((s) =>
      Object.keys(s).map((k) => `${k}=${s.getItem(k)}`),
    ),
  );
  expect(opslag.filter((regel) => regel.includes(tekst))).toEqual([]);
  expect(opslag.filter((regel) => regel.startsWith('eenplan.concept.'))).toEqual([]);
});

test('a draft an earlier version left in local storage moves to the profile and leaves the browser', async ({
  page,
}) => {
  await signIn(page);
  const rows = page.getByRole('table', { name: 'Mijn gezinnen' }).locator('tbody tr');
  await rows.filter({ hasText: 'Actief' }).nth(1).click();
  await page.getByRole('tab', { name: 'Gezinsplan' }).click();
  const field = page.getByLabel('De doelen van het gezin, zoals het gezin ze zegt');
  await expect(field).toBeEditable();
  const { view } = await page.evaluate(
    () => JSON.parse(sessionStorage.getItem('eenplan.sessie')!) as { view: { gezinId: string } },
  );
  const plan = await api(page)<{ id: string }>('gezinsplan.ophalen', { gezinId: view.gezinId });
  const { actief } = await kluisStaat(page);
  // As the earlier version kept it: per laptop profile, in local storage.
  const tekst = `Van voor de nieuwe versie ${Date.now()}`;
  const oud = `eenplan.concept.${actief}.plan:${plan.id}:eigenWoorden`;
  await page.evaluate(([k, t]) => localStorage.setItem(k!, t!), [oud, tekst]);
  await page.reload();
  await expect(field).toHaveValue(tekst);
  await expect(field).toHaveAccessibleDescription(/^Teruggezet/);
  await waitUntilSaved(page);
  expect(await page.evaluate((k) => localStorage.getItem(k), oud)).toBeNull();
  const opgeslagen = await api(page)<{ inhoud: { eigenWoorden: string } }>('gezinsplan.ophalen', {
    gezinId: view.gezinId,
  });
  expect(opgeslagen.inhoud.eigenWoorden).toBe(tekst);
});
