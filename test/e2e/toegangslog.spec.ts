import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { expectAccessible, meldGezinAan, pdfVan, signIn } from './helpers';

test('a revealed BSN and a teamcoach reading a dossier with a reason show up in the access log', async ({
  page,
}) => {
  test.setTimeout(90_000);
  // A professional registers a family and reveals the youth's BSN on purpose.
  const professional = await signIn(page);
  const gezin = await meldGezinAan(page, {
    achternaam: 'Inzagetest',
    ouder: 'Ilse',
    jeugdige: 'Milan',
    adres: 'Voorstraat 201',
  });
  await expect(page.getByText('******333')).toBeVisible();
  await page.getByRole('button', { name: 'BSN tonen (wordt vastgelegd)' }).click();
  await expect(page.getByText('111222333')).toBeVisible();
  await page.getByRole('button', { name: 'BSN verbergen' }).click();
  await expect(page.getByText('111222333')).toHaveCount(0);
  // AVG inzage: everything about the family as one JSON file, full BSN included.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Inzage-export' }).click(),
  ]);
  const inzage = JSON.parse(await readFile((await download.path())!, 'utf8')) as {
    onderdelen: { gezinnen: { naam: string }[]; gezinsleden: { bsn: string | null }[] };
  };
  expect(inzage.onderdelen.gezinnen[0]!.naam).toBe(gezin);
  expect(inzage.onderdelen.gezinsleden.map((l) => l.bsn)).toContain('111222333');
  // The same as a readable PDF for the family; its first page is kept as a screenshot.
  const tekst = await pdfVan(
    page,
    page.getByRole('button', { name: 'Inzage als PDF' }),
    '26-inzage-pdf',
  );
  expect(tekst).toContain(`Inzage in het dossier van ${gezin}`);
  expect(tekst).toContain('111222333');
  await page.getByRole('button', { name: 'Afmelden' }).click();

  // The teamcoach sees the family in the list, but not the dossier before giving a reason.
  await signIn(page, 'Jeugdteam Dordrecht Noord', 0, 'Teamcoach');
  await page.getByLabel(/Zoeken op naam/).fill('Inzagetest');
  await page.getByRole('table', { name: 'Mijn gezinnen' }).getByText(gezin).first().click();
  await expect(page.getByRole('heading', { name: 'Reden van inzage' })).toBeVisible();
  await expect(page.getByText('Gezinsleden')).toHaveCount(0);
  const reden = page.getByLabel('Waarom bekijkt u dit dossier?');
  await reden.fill('kort');
  await page.getByRole('button', { name: 'Dossier inzien' }).click();
  await expect(page.getByText('minstens 10 tekens').first()).toBeVisible();
  await reden.fill('Casusoverleg over de voortgang van het plan');
  await page.getByRole('button', { name: 'Dossier inzien' }).click();
  await expect(page.getByRole('heading', { name: gezin })).toBeVisible();
  await expect(page.getByText('Gezinsleden')).toBeVisible();

  // The log, per client: the professional's look and the coach's, with the reason.
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('button', { name: 'Logboek' })
    .click();
  await expect(page.getByText(/Het logboek is compleet en ongewijzigd/)).toBeVisible();
  await page.getByLabel('Cliënt (gezin)').click();
  await page.getByRole('option', { name: gezin }).click();
  const regels = page.getByRole('table', { name: 'Logboekregels' });
  await expect(regels.getByRole('row').filter({ hasText: professional }).first()).toBeVisible();
  await expect(
    regels.getByRole('row').filter({ hasText: 'Casusoverleg over de voortgang van het plan' }),
  ).not.toHaveCount(0);
  await expect(regels.getByRole('row').filter({ hasText: 'Reden van inzage' })).toHaveCount(1);
  await expect(regels.getByRole('row').filter({ hasText: 'BSN' })).toHaveCount(1);
  // JSON and PDF: two exports.
  await expect(regels.getByRole('row').filter({ hasText: 'Inzage-export (AVG)' })).toHaveCount(2);
  await expectAccessible(page, 'logboek');
  await page.screenshot({ path: 'test/e2e/screenshots/21-logboek-per-client.png' });
});
