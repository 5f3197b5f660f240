import { expect, test } from './fixtures';
import { expectAccessible, ontgrendel, signIn, WACHTWOORDZIN } from './helpers';

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

test('the beheerder sets a team’s lock time, and that team’s laptop locks after it', async ({
  page,
}) => {
  // The page's timers run on the run's clock (fixtures.ts), which the test moves on below, so
  // a minute passes at once.
  await signIn(page, 'Regio (beheer)', 0, 'Beheerder');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByText('Budget en SOJ').click();
  const instelling = page.getByRole('region', { name: 'Automatisch vergrendelen' });
  await instelling.getByRole('combobox', { name: 'Team' }).click();
  await page.getByRole('option', { name: /^Jeugdteam Papendrecht/ }).click();
  await instelling.getByLabel('Minuten').fill('90');
  await instelling.getByRole('button', { name: 'Instellen' }).click();
  await expect(instelling.getByRole('alert')).toContainText('Hooguit 60 minuten');
  await instelling.getByLabel('Minuten').fill('1');
  await instelling.getByRole('button', { name: 'Instellen' }).click();
  await expect(instelling.getByText('vergrendelt na 1 minuut zonder gebruik')).toBeVisible();
  await expect(instelling.getByRole('combobox', { name: 'Team' })).toContainText('(1 minuut)');
  await expectAccessible(page, 'vergrendeling instellen');
  await instelling.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test/e2e/screenshots/23-vergrendeling-instellen.png' });

  await page.getByRole('button', { name: 'Afmelden' }).click();
  await signIn(page, 'Jeugdteam Papendrecht');
  await page.clock.fastForward('00:50');
  await expect(page.getByRole('heading', { name: 'Mijn gezinnen' })).toBeVisible();
  await page.clock.fastForward('00:15');
  await expect(page.getByRole('heading', { name: 'Eenplan is vergrendeld' })).toBeVisible();
  // Unlocked again for the tests that follow (they share the browser host's profile).
  await ontgrendel(page);
});
