import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { api, expectAccessible, meldGezinAan, pdfVan, signIn } from './helpers';

// The access log is the laptop's own (NEN 7513, per device): it is not synced, so a colleague's
// lines never reach the teamcoach's laptop, and a demo profile belongs to one person. The
// professional's reveal and exports are checked in the professional's profile; the log the
// teamcoach reads shows what was done in the coach's profile: a dossier read with a reason, a
// revealed BSN and the inzage, each with who did it.

test('a revealed BSN and a teamcoach reading a dossier with a reason show up in the access log', async ({
  page,
}) => {
  test.setTimeout(90_000);
  // A professional registers a family and reveals the youth's BSN on purpose.
  await signIn(page);
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

  // The teamcoach, on a profile of their own, sees the team's families in the list, but not a
  // dossier before giving a reason. One with a BSN on file (a youth with care), from the list.
  const coach = await signIn(page, 'Jeugdteam Dordrecht Noord', 0, 'Teamcoach');
  const { gezinnen } = await api(page)<{
    gezinnen: { naam: string; zorgprofielen: string[] }[];
  }>('gezinnen.lijst', { status: 'actief', aantal: 200 });
  const gezinCoach = gezinnen.find((g) => g.zorgprofielen.length > 0)!.naam;
  await page.getByLabel(/Zoeken op naam/).fill(gezinCoach);
  await page.getByRole('table', { name: 'Mijn gezinnen' }).getByText(gezinCoach).first().click();
  await expect(page.getByRole('heading', { name: 'Reden van inzage' })).toBeVisible();
  await expect(page.getByText('Gezinsleden')).toHaveCount(0);
  const reden = page.getByLabel('Waarom bekijkt u dit dossier?');
  await reden.fill('kort');
  await page.getByRole('button', { name: 'Dossier inzien' }).click();
  await expect(page.getByText('minstens 10 tekens').first()).toBeVisible();
  await reden.fill('Casusoverleg over de voortgang van het plan');
  await page.getByRole('button', { name: 'Dossier inzien' }).click();
  await expect(page.getByRole('heading', { name: gezinCoach })).toBeVisible();
  await expect(page.getByText('Gezinsleden')).toBeVisible();
  // The coach reveals a BSN and makes the inzage (JSON and PDF) for the family.
  await page.getByRole('button', { name: 'BSN tonen (wordt vastgelegd)' }).first().click();
  await expect(page.getByRole('button', { name: 'BSN verbergen' })).toBeVisible();
  await expect(page.getByText(/^\d{9}$/)).toBeVisible();
  await page.getByRole('button', { name: 'BSN verbergen' }).click();
  const [inzageCoach] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Inzage-export' }).click(),
  ]);
  expect(
    (
      JSON.parse(await readFile((await inzageCoach.path())!, 'utf8')) as {
        onderdelen: { gezinnen: { naam: string }[] };
      }
    ).onderdelen.gezinnen[0]!.naam,
  ).toBe(gezinCoach);
  const [pdfCoach] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Inzage als PDF' }).click(),
  ]);
  expect((await readFile((await pdfCoach.path())!)).subarray(0, 5).toString()).toBe('%PDF-');

  // The log, per client: the coach's look with the reason, the BSN and the two exports.
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('button', { name: 'Logboek' })
    .click();
  await expect(page.getByText(/Het logboek is compleet en ongewijzigd/)).toBeVisible();
  await page.getByLabel('Cliënt (gezin)').click();
  await page.getByRole('option', { name: gezinCoach, exact: true }).click();
  const regels = page.getByRole('table', { name: 'Logboekregels' });
  await expect(regels.getByRole('row').filter({ hasText: coach }).first()).toBeVisible();
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
