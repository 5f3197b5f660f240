/**
 * Documents fit to hand over: the family reads the plan in the signing dialog, the signer is
 * chosen from its members and redraws as often as needed, and the three PDFs handed to the
 * family (gezinsplan, actieplan, AVG inzage) print names outside Latin-1 exactly. Screenshots
 * and the PDFs' first pages go to screenshots/ (50-59).
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { api, expectAccessible, meldGezinAan, pdfVan, signIn, waitUntilSaved } from './helpers';

const SCREENSHOTS = 'test/e2e/screenshots';

/** A scrawl with the mouse (pointer events, as a finger or pen makes them), a bit different each time. */
async function teken(page: Page, vak: Locator, keer: number) {
  const box = (await vak.boundingBox())!;
  const y = 0.5 + keer * 0.05;
  await page.mouse.move(box.x + box.width * 0.1, box.y + box.height * y);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++)
    await page.mouse.move(
      box.x + box.width * (0.1 + i * 0.035),
      box.y + box.height * (y + Math.sin(i / (2 + keer)) * 0.2),
    );
  await page.mouse.up();
}

/** Whether the signature box has ink on it (any pixel drawn). */
const heeftInkt = (vak: Locator) =>
  vak.evaluate((c: HTMLCanvasElement) =>
    c
      .getContext('2d')!
      .getImageData(0, 0, c.width, c.height)
      .data.some((v, i) => i % 4 === 3 && v > 0),
  );

test('the family reads the plan, a member signs after redrawing three times, and every PDF prints the names exactly', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const fouten: string[] = [];
  page.on('pageerror', (e) => fouten.push(e.message));
  await signIn(page);
  const gezin = await meldGezinAan(page, {
    achternaam: 'Yılmaz',
    ouder: 'Ayşe',
    jeugdige: 'Çelik',
    adres: 'Voorstraat 230',
  });
  // A stepfather joins the family; the dossier shows him after a reload.
  const { gezinnen } = await api(page)<{ gezinnen: { id: string; naam: string }[] }>(
    'gezinnen.lijst',
    { zoek: gezin },
  );
  const gezinId = gezinnen.find((g) => g.naam === gezin)!.id;
  await api(page)('gezinslid.opslaan', {
    gezinId,
    rol: 'ouder',
    voornaam: 'Łukasz',
    achternaam: 'Nowak',
    geboortedatum: '1984-05-20',
  });
  await page.reload();
  await expect(page.getByRole('row', { name: /Łukasz Nowak/ })).toBeVisible();

  await page.getByRole('tab', { name: 'Gezinsplan' }).click();
  const woorden = page.getByLabel('De doelen van het gezin, zoals het gezin ze zegt');
  await woorden.fill('Çelik gaat weer elke dag naar school en thuis is het rustig.');
  await woorden.blur();
  await waitUntilSaved(page);
  for (const [wat, wie] of [
    ['Wekker om zeven uur', 'Çelik'],
    ['Gesprek met de mentor', 'Łukasz'],
  ]) {
    await page.getByLabel('Wat', { exact: true }).fill(wat!);
    await page.getByLabel('Wie', { exact: true }).fill(wie!);
    await page.getByRole('button', { name: 'Afspraak toevoegen' }).click();
    await expect(page.getByRole('cell', { name: wat, exact: true })).toBeVisible();
  }
  await page.getByRole('button', { name: 'Versie vastleggen' }).click();
  await expect(page.getByText('Versie 1 is vastgelegd.')).toBeVisible();

  await page.getByRole('button', { name: 'Laten ondertekenen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Versie 1 ondertekenen' });
  // The plan being signed is there to read, scrolling in its own box.
  const planTekst = dialog.getByRole('region', { name: 'Versie 1 van het gezinsplan' });
  await expect(planTekst).toContainText('Çelik gaat weer elke dag naar school');
  await expect(planTekst).toContainText('Gesprek met de mentor (Łukasz)');
  // The signer is one of the members; signing as a parent follows from the choice.
  await dialog.getByRole('combobox', { name: 'Naam van wie tekent' }).click();
  await expect(page.getByRole('option')).toHaveCount(3);
  for (const naam of ['Ayşe Yılmaz', 'Łukasz Nowak', 'Çelik Yılmaz'])
    await expect(page.getByRole('option', { name: new RegExp(`^${naam}`) })).toBeVisible();
  await page.getByRole('option', { name: /^Ayşe Yılmaz/ }).click();
  await expect(dialog.getByRole('combobox', { name: 'Als' })).toHaveText('Ouder/verzorger');

  // Drawing, wiping and drawing again, three times, as happens at the kitchen table.
  const vak = dialog.getByTestId('handtekeningvak');
  const wissen = dialog.getByRole('button', { name: 'Wissen' });
  for (const keer of [0, 1, 2]) {
    if (keer > 0) {
      await wissen.click();
      await expect(wissen).toBeDisabled();
      expect(await heeftInkt(vak)).toBe(false);
    }
    await teken(page, vak, keer);
    await expect(wissen).toBeEnabled();
    expect(await heeftInkt(vak)).toBe(true);
  }
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'ondertekenen');
  await page.screenshot({ path: `${SCREENSHOTS}/50-ondertekenen-gezinslid.png` });
  await dialog.getByRole('button', { name: 'Handtekening opslaan' }).click();
  await expect(page.getByText('Ayşe Yılmaz heeft versie 1 ondertekend.')).toBeVisible();
  await expect(page.getByTestId('ondertekening')).toHaveText('Ondertekend');
  await expect(page.getByRole('img', { name: 'Handtekening van Ayşe Yılmaz' })).toBeVisible();
  await expect(page.getByText('Ouder/verzorger · versie 1')).toBeVisible();
  await page
    .getByRole('heading', { name: 'Handtekeningen' })
    .evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: `${SCREENSHOTS}/51-ondertekend-door-gezinslid.png` });

  // The three documents handed to the family, read back as text.
  const plan = await pdfVan(
    page,
    page.getByRole('button', { name: 'Gezinsplan als PDF' }),
    '52-gezinsplan-pdf-namen',
  );
  expect(plan).toContain(`Gezinsplan ${gezin}`);
  expect(plan).toContain('Çelik gaat weer elke dag naar school');
  expect(plan).toMatch(/Gesprek met de mentor\s+Łukasz/);
  expect(plan).toContain('Ayşe Yılmaz');

  await page.getByRole('tab', { name: /Actieplannen/ }).click();
  await page.getByRole('button', { name: 'Nieuw actieplan' }).click();
  await page
    .getByRole('dialog')
    .getByLabel('Hulpvraag')
    .fill('Çelik wil weer naar school; Ayşe en Łukasz helpen hem daarbij.');
  await page.getByRole('dialog').getByRole('button', { name: 'Actieplan maken' }).click();
  const actieplan = await pdfVan(
    page,
    page
      .getByRole('region', { name: 'Actieplan Çelik' })
      .getByRole('button', { name: 'Actieplan als PDF' }),
    '53-actieplan-pdf-namen',
  );
  expect(actieplan).toContain(`Actieplan Çelik (gezin ${gezin})`);
  expect(actieplan).toContain('Çelik wil weer naar school; Ayşe en Łukasz helpen hem daarbij.');

  const inzage = await pdfVan(
    page,
    page.getByRole('button', { name: 'Inzage als PDF' }),
    '54-inzage-brief',
  );
  // A letter to the parents by name, then their data in Dutch words.
  expect(inzage).toContain('Beste Ayşe Yılmaz en Łukasz Nowak,');
  expect(inzage).toContain('AVG, artikel 15');
  for (const naam of ['Ayşe', 'Çelik', 'Łukasz', 'Nowak', 'Yılmaz'])
    expect(inzage).toMatch(new RegExp(`Voornaam: ${naam}|Achternaam: ${naam}`));
  expect(inzage).toContain('Rol in het gezin: Ouder/verzorger');
  expect(inzage).toContain('Getekend als: Ouder/verzorger');
  expect(inzage).not.toMatch(/Rol: ouder|Versie: 0|_/);
  expect(fouten).toEqual([]);
});
