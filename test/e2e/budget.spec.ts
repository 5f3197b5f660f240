import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { generateRegion } from '../../demo/generate';
import { vandaag } from '../helpers/klok';
import { expectAccessible, signIn } from './helpers';

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test/e2e/screenshots/${name}.png` });

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name }).click();

const euro = (text: string) => Number(text.replace(/[^\d,-]/g, '').replace(',', '.'));

test('the teamcoach reads the budget, filters by perceel and clicks through to the rows', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signIn(page, 'Jeugdteam Dordrecht Noord', 0, 'Teamcoach');
  await nav(page, 'Teambudget');
  await expect(page.getByRole('heading', { name: 'Jeugdteam Dordrecht Noord' })).toBeVisible();
  const gecommitteerd = page.getByRole('button', { name: /Gecommitteerd dit jaar: toon/ });
  await expect(gecommitteerd).toBeVisible();
  await expect(page.getByRole('table', { name: 'Per perceel' })).toBeVisible();
  await expectAccessible(page, 'teambudget');
  await shot(page, '12-teambudget');

  // Filter by perceel: every figure now concerns that perceel only.
  const voor = euro(await gecommitteerd.locator('p').nth(1).innerText());
  const perceelRijen = page.getByRole('table', { name: 'Per perceel' }).getByRole('row');
  const grootste = await perceelRijen.nth(1).getByRole('cell').first().innerText();
  const grootsteBedrag = await perceelRijen.nth(1).getByRole('cell').nth(3).innerText();
  await page.getByRole('combobox', { name: 'Perceel' }).click();
  await page.getByRole('option', { name: grootste, exact: true }).click();
  await expect(page.getByText('Budget voor dit perceel')).toBeVisible();
  await expect
    .poll(async () => euro(await gecommitteerd.locator('p').nth(1).innerText()))
    .toBeLessThan(voor);
  expect(await gecommitteerd.locator('p').nth(1).innerText()).toBe(grootsteBedrag);
  const tabel = page.getByRole('table', { name: 'Per perceel' });
  await expect(tabel.getByRole('row')).toHaveCount(2);

  // The aanbieder breakdown, then the rows behind one aanbieder's realisation.
  await page.getByRole('tab', { name: 'Aanbieder' }).click();
  const aanbieders = page.getByRole('table', { name: 'Per aanbieder' });
  const eerste = aanbieders.getByRole('row').nth(1);
  const naam = await eerste.getByRole('cell').first().innerText();
  const bedrag = await eerste.getByRole('cell').nth(4).innerText();
  await eerste.getByRole('cell').nth(4).getByRole('button').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { level: 2 })).toContainText(naam);
  await expect(dialog.getByRole('heading', { level: 2 })).toContainText('SOJ-regels');
  const bedragen = await dialog
    .getByRole('table')
    .getByRole('row')
    .evaluateAll((rows) => rows.slice(1).map((r) => r.children[7]!.textContent ?? ''));
  expect(bedragen.length).toBeGreaterThan(0);
  const som = bedragen.reduce((s, b) => s + Math.round(euro(b) * 100), 0);
  expect(som).toBe(Math.round(euro(bedrag) * 100));
  await shot(page, '13-teambudget-doorklik');

  // Export the rows: a real CSV file for Dutch Excel.
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^eenplan-.*\.csv$/);
  const csv = readFileSync((await file.path())!, 'utf8');
  expect(csv.startsWith('\ufeffCliënt;Periode;Product;')).toBe(true);
  expect(csv.trim().split('\r\n')).toHaveLength(bedragen.length + 1);
  await dialog.getByRole('button', { name: 'Sluiten' }).click();

  // Outliers: a row opens the family's dossier.
  await page.getByRole('tab', { name: 'Uitschieters' }).click();
  await expect(page.getByRole('table', { name: 'Hoogste kosten per jeugdige' })).toBeVisible();
  await shot(page, '14-teambudget-uitschieters');
});

test('SOJ import refuses a bad file with its reasons; the budget is set with a reason and logged', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signIn(page, 'Jeugdteam Dordrecht Noord', 0, 'Teamcoach');
  await nav(page, 'Budget en SOJ');
  await expect(page.getByRole('heading', { name: 'Budget en SOJ-cijfers' })).toBeVisible();
  const kop =
    'periode;team;client_ref;productcode;perceel;aanbieder_agb;verwijzer;startdatum;einddatum;volume;eenheid;tarief;bedrag';
  await page.getByLabel('SOJ-bestand').setInputFiles({
    name: 'SOJ_fout.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      `${kop}\n2026-10;Jeugdteam Dordrecht Noord;123;ZZ999;jo_licht;12345678;jeugdteam;01-10-2026;31-10-2026;4;04;-94,80;379,20\n`,
    ),
  });
  const fouten = page.getByRole('table', { name: 'Fouten in het bestand' });
  await expect(fouten).toBeVisible();
  await expect(fouten).toContainText('Onbekende productcode "ZZ999".');
  await expect(fouten).toContainText('negatief');
  await expect(page.getByRole('button', { name: 'Bestand kiezen…' })).toBeEnabled();
  await shot(page, '15-soj-import-fouten');

  // The budget is set with a reason, and the change is logged.
  await page.getByLabel('Bedrag (€)').fill('2.500.000');
  await page.getByLabel('Toelichting').fill('Extra middelen na de bestuursrapportage');
  await page.getByRole('button', { name: 'Vaststellen' }).click();
  await expect(page.getByText('Budget vastgesteld op € 2.500.000,00.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Wijzigingen van het budget' })).toContainText(
    'Extra middelen na de bestuursrapportage',
  );
  await expectAccessible(page, 'budget en soj');
});

test('a one-team SOJ file is shown before it is saved: its decimal sign, and per team and period the lines and amount before and after', async ({
  page,
}) => {
  test.setTimeout(90_000);
  // A provider of the demo region (the generator's, as the host made it).
  const agb = generateRegion({ scale: 'small', today: vandaag() }).aanbieders[0]!.agbCode;
  await signIn(page, 'Jeugdteam Dordrecht Noord', 0, 'Teamcoach');
  await nav(page, 'Budget en SOJ');
  // Last month's figures, as the SOJ sends them.
  const eerste = new Date(`${vandaag().slice(0, 7)}-01T00:00:00Z`);
  eerste.setUTCMonth(eerste.getUTCMonth() - 1);
  const periode = eerste.toISOString().slice(0, 7);
  const [jaar, maand] = periode.split('-');
  const dagen = new Date(Date.UTC(Number(jaar), Number(maand), 0)).getUTCDate();
  const kop =
    'periode;team;client_ref;productcode;perceel;aanbieder_agb;verwijzer;startdatum;einddatum;volume;eenheid;tarief;bedrag';
  const regel = (bedrag: string) =>
    `${periode};Jeugdteam Dordrecht Noord;111222333;45A01;jo_licht;${agb};jeugdteam;01-${maand}-${jaar};${dagen}-${maand}-${jaar};4;04;94,80;${bedrag}`;
  await page.getByLabel('SOJ-bestand').setInputFiles({
    name: `SOJ_${periode}_Dordrecht_Noord.csv`,
    mimeType: 'text/csv',
    // Saved by Excel: comma decimals, a thousands point, and an empty row at the end.
    buffer: Buffer.from(`${kop}\n${regel('379,20')}\n${regel('1.137,60')}\n;;;;;;;;;;;;\n`),
  });
  const voorbeeld = page.getByRole('table', { name: 'Voorbeeld per team en periode' });
  await expect(voorbeeld).toBeVisible();
  await expect(page.locator('p', { hasText: 'Decimaalteken:' })).toContainText('komma');
  await expect(voorbeeld).toContainText('Jeugdteam Dordrecht Noord');
  await expect(voorbeeld.getByRole('row')).toHaveCount(2);
  await expect(voorbeeld).toContainText('€ 1.516,80');
  await expect(page.getByText('Er is nog niets opgeslagen.', { exact: false })).toBeVisible();
  await shot(page, '16-soj-voorbeeld');
  await page.getByRole('button', { name: 'Bevestigen en opslaan' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: /ingelezen: 2 regels, € 1\.516,80/ }),
  ).toBeVisible();
  await expectAccessible(page, 'soj voorbeeld bevestigd');
});

test('the jeugdprofessional sees what the own caseload costs next to the team', async ({
  page,
}) => {
  await signIn(page);
  await nav(page, 'Mijn kosten');
  await expect(page.getByRole('heading', { name: /Kosten van mijn gezinnen/ })).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Kosten per gezin' }).getByRole('row'),
  ).not.toHaveCount(1);
  await expect(page.getByText(/^Team: /).first()).toBeVisible();
  await expectAccessible(page, 'mijn kosten');
  await shot(page, '16-mijn-kosten');
});

test('the beheerder sees the region and any team, without the names of children', async ({
  page,
}) => {
  await signIn(page, 'Regio (beheer)', 0, 'Beheerder');
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).not.toContainText(
    'Mijn gezinnen',
  );
  await expect(page.getByRole('combobox', { name: 'Team' })).toHaveText('Hele regio');
  await page.getByRole('tab', { name: 'Uitschieters' }).click();
  const clienten = page.getByRole('table', { name: 'Hoogste kosten per jeugdige' });
  await expect(clienten.getByRole('row').nth(1).getByRole('cell').first()).toHaveText('Jeugdige');
  await page.getByRole('combobox', { name: 'Team' }).click();
  await page.getByRole('option', { name: 'Jeugdteam Dordrecht Noord' }).click();
  await expect(page.getByRole('heading', { name: 'Jeugdteam Dordrecht Noord' })).toBeVisible();
  await expectAccessible(page, 'regio');
  await shot(page, '17-regio-beheerder');
});
