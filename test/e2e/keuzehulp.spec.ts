/**
 * Issue 25: the family chooses the aanbieder with something to go on. The sociale kaart in the
 * triage is fitted to the youth's age and "Inzetten" counts as voorliggende voorzieningen
 * bekeken; the keuzehulp in "Hulp inzetten" offers only aanbieders contracted for the zorgprofiel
 * with fitting products, their measured figures ("te weinig gezinnen" below five), searches by
 * place, and prints a comparison to take home.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { api, expectAccessible, meldGezinAan, pdfVan, signIn } from './helpers';

async function shot(page: Page, name: string, focus?: Locator) {
  if (focus) await focus.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: `test/e2e/screenshots/${name}.png` });
}

interface Keuze {
  naam: string;
  plaats: string;
  producten: { productcode: string }[];
  cijfers: Record<string, { waarde: number | null; gezinnen: number | null }>;
}

test('the keuzehulp: contracted aanbieders for the zorgprofiel, their figures, search and PDF', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page);
  await meldGezinAan(page, {
    achternaam: 'Keuzehulp',
    ouder: 'Noor',
    jeugdige: 'Finn',
    adres: 'Voorstraat 230',
  });

  // Triage: the sociale kaart offers what fits a 14-year-old, and "Inzetten" counts.
  await page.getByRole('tab', { name: /Actieplannen/ }).click();
  await page.getByRole('button', { name: 'Nieuw actieplan' }).click();
  await page.getByRole('dialog').getByLabel('Hulpvraag').fill('Finn is vaak boos en spijbelt.');
  await page.getByRole('dialog').getByRole('button', { name: 'Actieplan maken' }).click();
  const plan = page.getByRole('region', { name: 'Actieplan Finn' });
  const kaart = plan.getByRole('region', { name: 'Sociale kaart' });
  await expect(kaart.getByText(/Afgestemd op de leeftijd van Finn \(14 jaar\)/)).toBeVisible();
  const gevonden = kaart.getByRole('list', { name: 'Gevonden voorzieningen' });
  await expect(gevonden).toContainText('Jongerenwerk Dordrecht');
  await expect(gevonden).not.toContainText('Peutergroep');
  await expect(gevonden).not.toContainText('Thuisstart');
  await plan.getByLabel('Eigen kracht').fill('Moeder praat elke avond met Finn.');
  await plan.getByLabel('Netwerk', { exact: true }).fill('Oom neemt Finn mee naar voetbal.');
  await plan.getByLabel('Netwerk', { exact: true }).blur();
  await kaart.getByRole('button', { name: 'Jongerenwerk Dordrecht inzetten' }).click();
  await expect(kaart.getByRole('list', { name: 'Ingezette voorzieningen' })).toContainText(
    'Jongerenwerk Dordrecht',
  );
  await plan.getByRole('button', { name: 'Jeugdhulp is nodig' }).click();
  await expect(plan.getByText('Laten doen (jeugdhulp)')).toBeVisible();

  await plan.getByLabel('Perspectief (kort, lage intensiteit)').check();
  await plan.getByLabel('Schoolproblemen en verzuim').check();
  await plan.getByRole('button', { name: 'Zorgprofiel vaststellen' }).click();
  await expect(plan.getByText(/Zorgprofiel:.*Perspectief/)).toBeVisible();

  // What the core offers for Perspectief: no crisis help, no placement, far fewer than 180.
  const keuze = await api(page)<Keuze[]>('aanbieders.voorProfiel', {
    actieplanId: await actieplanVan(page, 'Familie Keuzehulp'),
  });
  expect(keuze.length).toBeGreaterThan(5);
  expect(keuze.length).toBeLessThan(180);
  const codes = new Set(keuze.flatMap((k) => k.producten.map((p) => p.productcode)));
  for (const code of ['43A01', '44A01', '44A02', '40A01']) expect(codes).not.toContain(code);

  await plan.getByRole('button', { name: 'Hulp inzetten' }).click();
  const wizard = page.getByRole('dialog');
  const lijst = wizard.getByRole('list', { name: 'Aanbieders' });
  await expect(wizard.getByText(`${keuze.length} aanbieders zijn gecontracteerd`)).toBeVisible();
  await expect(lijst.getByRole('listitem')).toHaveCount(keuze.length);
  await expect(lijst).not.toContainText('Gesloten plaatsing');
  await expect(lijst).not.toContainText('Crisisopvang');
  // Figures with the families behind them, and none resting on fewer than five.
  const metWachttijd = keuze.find((k) => k.cijfers.wachttijdDagen!.waarde !== null)!;
  const rij = lijst.getByRole('listitem').filter({ hasText: metWachttijd.naam }).first();
  await expect(rij).toContainText(`${metWachttijd.cijfers.wachttijdDagen!.gezinnen} gezinnen`);
  await expect(rij).toContainText(/\d+ dagen/);
  await expect(lijst.getByText('te weinig gezinnen').first()).toBeVisible();
  await expectAccessible(page, 'keuzehulp');
  await shot(page, '60-keuzehulp');

  // Search by place.
  const inAlblasserdam = keuze.filter((k) => k.plaats === 'Alblasserdam');
  expect(inAlblasserdam.length).toBeGreaterThan(0);
  await wizard.getByLabel('Zoek op naam, plaats of soort hulp').fill('alblasserdam');
  await expect(lijst.getByRole('listitem')).toHaveCount(inAlblasserdam.length);
  for (const k of inAlblasserdam) await expect(lijst).toContainText(k.naam);
  await shot(page, '61-keuzehulp-zoeken');

  // The comparison to take home holds the aanbieders shown.
  const tekst = await pdfVan(
    page,
    wizard.getByRole('button', { name: 'Vergelijking als PDF' }),
    '62-keuzehulp-pdf',
  );
  const platte = tekst.replace(/\s+/g, ' ');
  expect(platte).toContain('Aanbieders vergelijken voor Finn');
  expect(platte).toContain(`${inAlblasserdam.length} aanbieders gevonden met “alblasserdam”`);
  // A long name wraps within its column, so its words are looked for in order.
  for (const k of inAlblasserdam)
    expect(tekst).toMatch(
      new RegExp(
        k.naam
          .split(' ')
          .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join(String.raw`[\s\S]*?`),
      ),
    );
});

/** The family's (only) action plan, through the API the screens use. */
async function actieplanVan(page: Page, naam: string): Promise<string> {
  const { gezinnen } = await api(page)<{ gezinnen: { id: string; naam: string }[] }>(
    'gezinnen.lijst',
    { zoek: naam.replace('Familie ', '') },
  );
  const gezinId = gezinnen.find((g) => g.naam === naam)!.id;
  const dossier = await api(page)<{ actieplannen: { id: string }[] }>('gezin.dossier', {
    gezinId,
  });
  return dossier.actieplannen[0]!.id;
}
