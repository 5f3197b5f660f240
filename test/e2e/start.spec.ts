import { expect, test } from './fixtures';
import { expectAccessible, openProfiel, profielNaam, WACHTWOORDZIN, wie } from './helpers';

// A team no other spec signs in with on the shared browser host.
const TEAM = 'Jeugdteam Dordrecht Zuid';

test('a professional makes a profile, chooses once who they are and finds a family in the caseload', async ({
  page,
}) => {
  const response = await page.goto('/');
  // The page is served with the strict CSP: scripts from our own origin only.
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  // A new laptop profile is nobody's yet: it offers the professionals of the demo region, once.
  await openProfiel(page, profielNaam(TEAM, 0, 'Jeugdprofessional'));
  await expect(page.getByRole('heading', { name: 'Eenplan' })).toBeVisible();
  const profielen = page.getByRole('list', { name: 'Medewerkers' });
  await expect(profielen.getByText(TEAM)).toBeVisible();
  await expect(page.getByRole('banner')).toHaveCount(0);
  expect(await wie(page)).toBeNull();
  await expectAccessible(page, 'profielkeuze');
  // The pointer left on the lock screen's button would show as a hovered row.
  await page.mouse.move(0, 0);
  await page.screenshot({ path: 'test/e2e/screenshots/01-profielkeuze.png' });

  // Choosing asks to confirm: the choice is for good.
  const knop = profielen
    .getByRole('list', { name: TEAM, exact: true })
    .getByRole('button')
    .filter({ hasText: 'Jeugdprofessional' })
    .first();
  const naam = (await knop.locator('.MuiListItemText-primary').innerText()).trim();
  await knop.click();
  const dialoog = page.getByRole('dialog', { name: `Dit profiel is van ${naam}` });
  await expect(dialoog).toContainText(`daarna werkt dit profiel altijd als ${naam}`);
  await expect(page.locator('.MuiDialog-paper')).toHaveCSS('opacity', '1');
  await expectAccessible(page, 'profiel bevestigen');
  await page.screenshot({ path: 'test/e2e/screenshots/41-profiel-bevestigen.png' });
  // "Terug" chooses nothing.
  await dialoog.getByRole('button', { name: 'Terug' }).click();
  await expect(dialoog).toHaveCount(0);
  expect(await wie(page)).toBeNull();
  await knop.click();
  await dialoog.getByRole('button', { name: `Ik ben ${naam}` }).click();
  await expect(page.getByRole('heading', { name: 'Mijn gezinnen' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(naam);
  expect((await wie(page))?.naam).toBe(naam);

  // Unlocked again, the profile opens as that person straight away.
  await page.getByRole('button', { name: 'Vergrendelen' }).click();
  await page.getByLabel(/^Wachtwoordzin/).fill(WACHTWOORDZIN);
  await page.getByRole('button', { name: 'Ontgrendelen' }).click();
  await expect(page.getByRole('banner')).toContainText(naam);
  await expect(page.getByRole('list', { name: 'Medewerkers' })).toHaveCount(0);

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
  const gezin = (await rows.first().locator('td').first().innerText()).replace('Familie ', '');
  await page.getByLabel(/Zoeken op naam/).fill(gezin);
  await expect(rows.first()).toContainText(gezin);
  await expect(async () => expect(await aantal()).toBeLessThan(totaal)).toPass();

  // A BSN that fails the 11-proef is explained, not silently ignored.
  await page.getByLabel(/Zoeken op naam/).fill('123456789');
  await expect(page.getByText('Dit BSN klopt niet (de elfproef faalt).')).toBeVisible();

  // Filters: families with an evaluation due.
  await page.getByLabel(/Zoeken op naam/).fill('');
  await page.getByLabel('Evaluatie nodig').check();
  await expect(async () => expect(await aantal()).toBeLessThan(totaal)).toPass();
});
