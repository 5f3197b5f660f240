import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { jw305Start } from '../helpers/jw305';
import { jw315Verzoek } from '../helpers/jw315';
import { dutchDate, expectAccessible, meldGezinAan, signIn, waitUntilSaved } from './helpers';

/** A screenshot of what the user sees, scrolled to the part that matters. */
async function shot(page: Page, name: string, focus?: Locator) {
  if (focus) await focus.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: `test/e2e/screenshots/${name}.png` });
}

test('the whole casework chain: plan, triage, zorgprofiel, toewijzing, evaluation, afschalen, closing', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page);

  // A new family is registered and found again in the caseload.
  await meldGezinAan(page, {
    achternaam: 'Testkeet',
    ouder: 'Yara',
    jeugdige: 'Daan',
    adres: 'Voorstraat 200',
  });
  await expect(page.getByRole('heading', { name: 'Familie Testkeet' })).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('button', { name: 'Mijn gezinnen' })
    .click();
  await page.getByLabel(/Zoeken op naam/).fill('Testkeet');
  await page.getByRole('table', { name: 'Mijn gezinnen' }).getByText('Familie Testkeet').click();
  await expect(page.getByRole('heading', { name: 'Familie Testkeet' })).toBeVisible();
  await expect(page.getByText('******333')).toBeVisible();
  await expectAccessible(page, 'dossier');
  await shot(page, '03-dossier-overzicht');

  // Gezinsplan: the family's own words first, a life domain, an agreement; fix and consent.
  await page.getByRole('tab', { name: 'Gezinsplan' }).click();
  await page
    .getByLabel('De doelen van het gezin, zoals het gezin ze zegt')
    .fill('Wij willen dat Daan weer graag naar school gaat.');
  await page
    .getByLabel('Situatie', { exact: true })
    .nth(1)
    .fill('Daan verzuimt twee dagen per week.');
  await page.getByLabel('Doel', { exact: true }).nth(1).fill('Daan gaat elke dag naar school.');
  await page.getByLabel('Doel', { exact: true }).nth(1).blur();
  await waitUntilSaved(page);
  await page.getByLabel('Wat', { exact: true }).fill('Gesprek met de mentor plannen');
  await page.getByLabel('Wie', { exact: true }).fill('Moeder');
  await page.getByLabel('Uiterlijk').fill(dutchDate(14));
  await page.getByRole('button', { name: 'Afspraak toevoegen' }).click();
  await expect(
    page.getByRole('cell', { name: 'Gesprek met de mentor plannen', exact: true }),
  ).toBeVisible();
  // An agreement typed wrongly is corrected, and one made by mistake is removed (issue 25).
  await page.getByLabel('Wat', { exact: true }).fill('Fietsen naar de sportclub');
  await page.getByLabel('Wie', { exact: true }).fill('Vader');
  await page.getByRole('button', { name: 'Afspraak toevoegen' }).click();
  await page.getByRole('button', { name: 'Fietsen naar de sportclub wijzigen' }).click();
  let afspraak = page.getByRole('dialog', { name: 'Afspraak wijzigen' });
  await afspraak.getByLabel('Wie').fill('');
  await afspraak.getByRole('button', { name: 'Opslaan' }).click();
  await expect(afspraak.getByText(/Wie: vul dit veld in/)).toBeVisible();
  await afspraak.getByLabel('Wie').fill('Daan en zijn vader');
  await afspraak.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('cell', { name: 'Daan en zijn vader', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Fietsen naar de sportclub wijzigen' }).click();
  afspraak = page.getByRole('dialog', { name: 'Afspraak wijzigen' });
  await afspraak.getByRole('button', { name: 'Afspraak verwijderen…' }).click();
  await page
    .getByRole('dialog', { name: 'Afspraak verwijderen' })
    .getByRole('button', { name: 'Verwijderen', exact: true })
    .click();
  await expect(page.getByRole('cell', { name: 'Fietsen naar de sportclub' })).toHaveCount(0);
  // The agreement and the domain land where they were typed.
  await expect(page.getByLabel('Doel', { exact: true }).nth(1)).toHaveValue(
    'Daan gaat elke dag naar school.',
  );
  await expect(page.getByLabel('Doel', { exact: true }).nth(0)).toHaveValue('');
  await page.getByRole('button', { name: 'Versie vastleggen' }).click();
  await expect(page.getByText('Versie 1 is vastgelegd.')).toBeVisible();
  await page.getByRole('button', { name: 'Toestemming gezin vastleggen' }).click();
  await page.getByRole('dialog').getByLabel('Toestemming gegeven door').fill('Yara Testkeet');
  await page.getByRole('dialog').getByRole('button', { name: 'Toestemming vastleggen' }).click();
  await expect(
    page.getByRole('heading', { name: /toestemming voor versie 1 van Yara Testkeet/ }),
  ).toBeVisible();
  await expectAccessible(page, 'gezinsplan');
  await shot(page, '04-gezinsplan', page.getByRole('heading', { name: /Leefdomeinen/ }));

  // Actieplan with the triage in order, a SMART goal and the zorgprofiel.
  await page.getByRole('tab', { name: /Actieplannen/ }).click();
  await page.getByRole('button', { name: 'Nieuw actieplan' }).click();
  await page
    .getByRole('dialog')
    .getByLabel('Hulpvraag')
    .fill('Daan wil niet meer naar school en is vaak boos.');
  await page.getByRole('dialog').getByRole('button', { name: 'Actieplan maken' }).click();
  const plan = page.getByRole('region', { name: 'Actieplan Daan' });
  await plan.getByRole('button', { name: 'Jeugdhulp is nodig' }).click();
  await expect(plan.getByRole('alert')).toContainText('Beschrijf eerst wat het gezin zelf kan');
  await plan.getByLabel('Eigen kracht').fill('Moeder brengt Daan zelf naar school.');
  await plan.getByLabel('Netwerk', { exact: true }).fill('Opa haalt Daan op woensdag op.');
  await plan
    .getByLabel('Voorliggende voorzieningen (sociale kaart)')
    .fill('Schoolmaatschappelijk werk en huiswerkbegeleiding (geen jeugdhulp) geprobeerd.');
  await plan.getByLabel('Voorliggende voorzieningen (sociale kaart)').blur();
  await waitUntilSaved(page);
  await plan.getByRole('button', { name: 'Jeugdhulp is nodig' }).click();
  await expect(plan.getByText('Laten doen (jeugdhulp)')).toBeVisible();
  await plan.getByLabel('Doel', { exact: true }).fill('Daan gaat weer vijf dagen naar school');
  await plan.getByLabel(/Meetbaar/).fill('Geen ongeoorloofd verzuim in vier weken');
  await plan.getByLabel('Uiterlijk').fill(dutchDate(120));
  await plan.getByRole('button', { name: 'Doel toevoegen' }).click();
  await expect(plan.getByText(/Daan gaat weer vijf dagen naar school/)).toBeVisible();
  await plan.getByLabel('Perspectief (kort, lage intensiteit)').check();
  await plan.getByLabel('Schoolproblemen en verzuim').check();
  await plan.getByRole('button', { name: 'Zorgprofiel vaststellen' }).click();
  await expect(plan.getByText(/Zorgprofiel:.*Perspectief/)).toBeVisible();
  await expectAccessible(page, 'actieplan');
  await shot(page, '05-actieplan', plan.getByText('Triage: wat kun je zelf'));

  // Guided toewijzing: the family's choice of aanbieder, then product, then cost and budget.
  await plan.getByRole('button', { name: 'Hulp inzetten' }).click();
  const wizard = page.getByRole('dialog');
  const keuze = wizard
    .getByRole('list', { name: 'Aanbieders' })
    .getByRole('button')
    .filter({ hasText: 'Ambulante jeugd- en opvoedhulp licht' })
    .filter({ hasNotText: /Cliëntenstop|Budgetplafond/ });
  await keuze.first().click();
  await shot(page, '06-aanbieder-kiezen');
  await wizard.getByRole('button', { name: 'Volgende' }).click();
  await wizard.getByLabel('Product').click();
  await page.getByRole('option', { name: /45A01/ }).click();
  await wizard.getByLabel(/^Volume/).fill('2');
  await wizard.getByRole('button', { name: 'Volgende' }).click();
  await expect(wizard.getByText('Kosten van deze toewijzing:')).toBeVisible();
  await expect(wizard.getByText(/na deze toewijzing over/)).toBeVisible();
  await expectAccessible(page, 'toewijzing kosten');
  await shot(page, '07-toewijzing-kosten');
  await wizard.getByRole('button', { name: 'Toewijzing bevestigen' }).click();
  const toewijzingen = plan.getByRole('table', { name: 'Toewijzingen' });
  await expect(toewijzingen.getByRole('cell', { name: 'Toegewezen' })).toBeVisible();

  // The toewijzing as the iJw JW301 message the provider receives.
  const [bericht] = await Promise.all([
    page.waitForEvent('download'),
    toewijzingen.getByRole('button', { name: 'JW301-bericht' }).click(),
  ]);
  expect(bericht.suggestedFilename()).toMatch(/^JW301_0505_\d{8}_EP[0-9A-Z]+\.xml$/);
  const jw301 = await readFile((await bericht.path())!, 'utf8');
  expect(jw301).toContain('<jw301:Bsn>111222333</jw301:Bsn>');
  expect(jw301).toContain('<ijw:Code>45A01</ijw:Code>');
  expect(jw301).toMatch(/<ijw:Volume>2<\/ijw:Volume>/);
  const agb = /<jw301:Ontvanger>(\d{8})</.exec(jw301)![1]!;

  // The provider reports the start (JW305): read, matched to the toewijzing by its number,
  // shown, and recorded once the professional confirms.
  const nummer = /<jw301:ToewijzingNummer>(\d+)</.exec(jw301)![1]!;
  const ingang = /<jw301:Ingangsdatum>([\d-]+)</.exec(jw301)![1]!;
  const startbericht = join(tmpdir(), `JW305_${agb}.xml`);
  await writeFile(
    startbericht,
    jw305Start({
      agb,
      bsn: '111222333',
      producten: [
        { toewijzingNummer: nummer, categorie: '45', productcode: '45A01', begindatum: ingang },
      ],
    }),
  );
  await page.getByRole('button', { name: /Taken en signalen/ }).click();
  await page.getByRole('button', { name: 'Start of stop inlezen (JW305/JW307)' }).click();
  const startStop = page.getByRole('dialog');
  await startStop.getByLabel('JW305- of JW307-bestand').setInputFiles(startbericht);
  await expect(startStop.getByRole('table', { name: 'Toewijzingen in het bericht' })).toContainText(
    'Daan',
  );
  await expectAccessible(page, 'startbericht');
  await shot(page, '40-jw305-start');
  await startStop.getByRole('button', { name: 'Start vastleggen' }).click();
  await expect(startStop.getByText('De start van de zorg is vastgelegd.')).toBeVisible();
  await startStop.getByRole('button', { name: 'Dossier openen' }).click();

  // Regie na beschikking: the start is there, an evaluation that scales down, then stopping.
  await expect(toewijzingen.getByText(/wachttijd 0 d/)).toBeVisible();
  await toewijzingen.getByRole('button', { name: 'Evaluatie vastleggen' }).click();
  const evaluatie = page.getByRole('dialog');
  await evaluatie.getByLabel('Uitkomst').click();
  await page.getByRole('option', { name: 'Afschalen' }).click();
  await evaluatie.getByLabel(/Nieuw volume/).fill('1');
  await evaluatie
    .getByLabel(/Toelichting/)
    .fill('Daan gaat weer drie dagen; minder begeleiding nodig.');
  await evaluatie.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(toewijzingen.getByRole('cell', { name: 'Beëindigd' })).toBeVisible();
  await expect(toewijzingen.getByRole('cell', { name: 'Zorg gestart' })).toBeVisible();
  await shot(page, '08-regie-afgeschaald', toewijzingen);
  await toewijzingen.getByRole('button', { name: 'Hulp stoppen' }).click();
  // Stopped today, before the lower volume starts tomorrow: it is withdrawn.
  await page.getByRole('dialog').getByRole('button', { name: 'Hulp stoppen' }).click();
  await expect(toewijzingen.getByRole('cell', { name: 'Ingetrokken' })).toBeVisible();

  // Closing with the outcome per goal and the family's own verdict.
  await page.getByRole('button', { name: 'Gezin afsluiten' }).click();
  const afsluiten = page.getByRole('dialog');
  await afsluiten.getByLabel(/Daan: Daan gaat weer vijf dagen/).click();
  await page.getByRole('option', { name: 'Behaald', exact: true }).click();
  await afsluiten
    .getByLabel('Oordeel van het gezin, in eigen woorden')
    .fill('Daan gaat weer graag naar school.');
  await afsluiten.getByLabel('Cijfer van het gezin (1-10)').fill('8');
  await afsluiten.getByRole('button', { name: 'Afsluiten' }).click();
  await expect(page.getByText(/Oordeel van het gezin: 8\/10/)).toBeVisible();
  await page.getByRole('tab', { name: 'Overzicht' }).click();
  await expect(
    page.getByRole('region', { name: 'Tijdlijn' }).getByText('Gezin afgesloten'),
  ).toBeVisible();
  await shot(page, '09-afgesloten');

  // The same provider asks for more help for Daan (JW315): read, checked and linked to him.
  const verzoek = join(tmpdir(), `JW315_${agb}.xml`);
  await writeFile(
    verzoek,
    jw315Verzoek({ agb, bsn: '111222333', productcode: '45A01', categorie: '45' }),
  );
  await page.getByRole('button', { name: /Taken en signalen/ }).click();
  await page.getByRole('button', { name: 'Verzoek om toewijzing inlezen (JW315)' }).click();
  const inlezen = page.getByRole('dialog');
  await inlezen.getByLabel('JW315-bestand').setInputFiles(verzoek);
  await expect(inlezen.getByText(/Voor Daan Testkeet|Voor .* \(Familie /)).toBeVisible();
  await expect(inlezen.getByRole('table', { name: 'Aangevraagde hulp' })).toContainText('45A01');
  await expect(inlezen.getByText('Huisarts (Huisartsenpraktijk Vest)')).toBeVisible();
  await expectAccessible(page, 'verzoek om toewijzing');
  await shot(page, '39-jw315-verzoek');
  // A file that is not a JW315 is refused with the place of the error.
  await writeFile(
    verzoek,
    jw315Verzoek({ agb, bsn: '123456789', productcode: '45A01', categorie: '45' }),
  );
  await inlezen.getByLabel('JW315-bestand').setInputFiles(verzoek);
  await expect(inlezen.getByRole('alert')).toContainText('elfproef');
});

test('tasks and the vier-ogen queue are reachable and accessible', async ({ page }) => {
  await signIn(page);
  await page.getByRole('button', { name: /Taken en signalen/ }).click();
  await expect(page.getByRole('heading', { name: 'Taken en signalen' })).toBeVisible();
  await expect(
    page.getByRole('list', { name: 'Signalen' }).getByRole('button').first(),
  ).toBeVisible();
  await expectAccessible(page, 'taken');
  await shot(page, '10-taken');
  await page.getByRole('button', { name: /Akkoorden/ }).click();
  await expect(page.getByRole('heading', { name: 'Akkoorden (vier ogen)' })).toBeVisible();
  await expectAccessible(page, 'akkoorden');
});
