import { expect, test } from './fixtures';
import { signIn } from './helpers';

test('a teamcoach scrolls through the whole team, with only the rows in view in the page', async ({
  page,
}) => {
  await signIn(page, 'Jeugdteam Dordrecht Noord', 0, 'Teamcoach');
  const tabel = page.getByRole('table', { name: 'Mijn gezinnen' });
  const rijen = tabel.locator('tbody tr:not([aria-hidden])');
  await expect(rijen.first()).toBeVisible();
  const totaal = Number((await page.getByTestId('aantal-gezinnen').innerText()).split(' ')[0]);
  expect(totaal).toBeGreaterThan(30);
  await expect(tabel).toHaveAttribute('aria-rowcount', String(totaal + 1));
  expect(await rijen.count()).toBeLessThan(totaal);

  // The last family is reached by scrolling, and opens from the keyboard.
  await tabel.evaluate((t) => (t.parentElement!.scrollTop = t.parentElement!.scrollHeight));
  const laatste = tabel.locator(`tbody tr[aria-rowindex="${totaal + 1}"]`);
  await expect(laatste).toContainText('Familie');
  expect(await rijen.count()).toBeLessThan(totaal);
  await page.screenshot({ path: 'test/e2e/screenshots/mijn-gezinnen-onderaan.png' });
  await laatste.focus();
  await page.keyboard.press('Enter');
  // A teamcoach first gives the reason for looking into a dossier.
  await expect(page.getByRole('heading', { name: 'Reden van inzage' })).toBeVisible();
});
