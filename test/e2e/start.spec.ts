import { expect, test } from './fixtures';
import { expectAccessible, ontgrendel, signIn } from './helpers';

test('a professional chooses a profile and finds a family in the caseload', async ({ page }) => {
  const response = await page.goto('/');
  // The page is served with the strict CSP: scripts from our own origin only.
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await ontgrendel(page);
  await expect(page.getByRole('heading', { name: 'Eenplan' })).toBeVisible();
  await expect(
    page.getByRole('list', { name: 'Profielen' }).getByText('Jeugdteam Dordrecht Noord'),
  ).toBeVisible();
  await expectAccessible(page, 'profielkeuze');
  await page.screenshot({ path: 'test/e2e/screenshots/01-profielkeuze.png' });

  await signIn(page);
  const rows = page.getByRole('table', { name: 'Mijn gezinnen' }).locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  const aantal = async () =>
    Number((await page.getByTestId('aantal-gezinnen').innerText()).split(' ')[0]);
  const totaal = await aantal();
  // Only the rows in view are in the page (the list is virtualised), never more than there are.
  const count = await rows.count();
  expect(count).toBeGreaterThan(1);
  expect(count).toBeLessThanOrEqual(totaal);
  await expectAccessible(page, 'mijn gezinnen');
  await page.screenshot({ path: 'test/e2e/screenshots/02-mijn-gezinnen.png' });

  // Search narrows the list to families matching the name typed.
  const naam = (await rows.first().locator('td').first().innerText()).replace('Familie ', '');
  await page.getByLabel(/Zoeken op naam/).fill(naam);
  await expect(rows.first()).toContainText(naam);
  await expect(async () => expect(await aantal()).toBeLessThan(totaal)).toPass();

  // A BSN that fails the 11-proef is explained, not silently ignored.
  await page.getByLabel(/Zoeken op naam/).fill('123456789');
  await expect(page.getByText('Dit BSN klopt niet (de elfproef faalt).')).toBeVisible();

  // Filters: families with an evaluation due.
  await page.getByLabel(/Zoeken op naam/).fill('');
  await page.getByLabel('Evaluatie nodig').check();
  await expect(async () => expect(await aantal()).toBeLessThan(totaal)).toPass();
});
