/**
 * A dossier that can be corrected (issue 25): a member added with a birth date in the future is
 * refused, then corrected and removed with a reason that shows on the timeline and in the access
 * log; the facts for a visit are kept; goal scores at two evaluations show as a trend per goal.
 * Screenshots 70-79.
 */
import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { addDays } from '../../shared/dates';
import { vandaag } from '../helpers/klok';
import { api, dutchDate, expectAccessible, meldGezinAan, signIn } from './helpers';

const shot = (page: Page, naam: string) =>
  page.screenshot({ path: `test/e2e/screenshots/${naam}.png` });

async function gezinId(page: Page, naam: string): Promise<string> {
  const { gezinnen } = await api(page)<{ gezinnen: { id: string; naam: string }[] }>(
    'gezinnen.lijst',
    { zoek: naam },
  );
  return gezinnen.find((g) => g.naam === naam)!.id;
}

test('members are corrected and removed with a reason on the timeline and in the access log', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signIn(page);
  const gezin = await meldGezinAan(page, {
    achternaam: 'Corrigeer',
    ouder: 'Ilse',
    jeugdige: 'Milan',
    adres: 'Voorstraat 230',
  });

  // A child born "next year" is refused, in Dutch, naming the field.
  await page.getByRole('button', { name: 'Gezinslid toevoegen' }).click();
  let dialoog = page.getByRole('dialog', { name: 'Gezinslid toevoegen' });
  await dialoog.getByLabel('Voornaam').fill('Noor');
  await dialoog.getByLabel('Achternaam').fill('Corrigeer');
  await dialoog.getByLabel('Geboortedatum').fill(dutchDate(365));
  await dialoog.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(dialoog.getByText(/geboortedatum ligt in de toekomst/i)).toBeVisible();
  await dialoog.getByLabel('Geboortedatum').fill('01-02-2016');
  await dialoog.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(dialoog).toBeHidden();
  const leden = page.getByRole('table', { name: 'Gezinsleden' });
  await expect(leden.getByRole('row').filter({ hasText: 'Noor Corrigeer' })).toBeVisible();

  // Correcting the birth date asks for the reason.
  await page.getByRole('button', { name: 'Noor Corrigeer wijzigen' }).click();
  dialoog = page.getByRole('dialog', { name: 'Noor Corrigeer wijzigen' });
  await dialoog.getByLabel('Geboortedatum').fill('01-02-2017');
  await dialoog.getByLabel('School of opvang').fill('Basisschool De Springplank');
  await dialoog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialoog.getByText(/Reden van de correctie: vul dit veld in/)).toBeVisible();
  await expectAccessible(page, 'gezinslid wijzigen');
  await shot(page, '70-gezinslid-corrigeren');
  await dialoog.getByLabel('Reden van de correctie').fill('Geboortejaar verkeerd overgenomen');
  await dialoog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialoog).toBeHidden();
  await expect(leden.getByRole('row').filter({ hasText: '01-02-2017' })).toBeVisible();

  // The parent's phone in the wrong format is named; then kept, with gezag.
  await page.getByRole('button', { name: 'Ilse Corrigeer wijzigen' }).click();
  dialoog = page.getByRole('dialog', { name: 'Ilse Corrigeer wijzigen' });
  await dialoog.getByLabel('Telefoon').fill('12345');
  await dialoog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialoog.getByText(/Telefoon: .*06 12345678/).first()).toBeVisible();
  await dialoog.getByLabel('Telefoon').fill('06 12345678');
  await dialoog.getByLabel('E-mail').fill('ilse@voorbeeld.nl');
  await dialoog.getByLabel('Heeft het gezag (ouderlijk gezag)').check();
  await dialoog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialoog).toBeHidden();

  // The facts for a visit: huisarts and an interpreter.
  await page.getByRole('button', { name: 'Gegevens wijzigen' }).click();
  dialoog = page.getByRole('dialog', { name: 'Gegevens voor een bezoek' });
  await dialoog.getByLabel('Huisarts').fill('Huisartsenpraktijk Krispijn');
  await dialoog.getByLabel('Tolk nodig').check();
  await dialoog.getByLabel('Taal van de tolk').fill('Pools');
  await dialoog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialoog).toBeHidden();
  const bezoek = page.getByRole('region', { name: 'Voor een bezoek' });
  await expect(bezoek).toContainText('06 12345678 · ilse@voorbeeld.nl');
  await expect(bezoek).toContainText('Huisartsenpraktijk Krispijn');
  await expect(bezoek).toContainText('nodig (Pools)');
  await expect(bezoek).toContainText('Basisschool De Springplank');

  // Removing Noor, with the reason.
  await page.getByRole('button', { name: 'Noor Corrigeer verwijderen' }).click();
  dialoog = page.getByRole('dialog', { name: 'Noor Corrigeer verwijderen' });
  await dialoog.getByLabel('Reden van verwijderen').fill('Hoort bij een ander gezin');
  await dialoog.getByRole('button', { name: 'Verwijderen' }).click();
  await expect(dialoog).toBeHidden();
  await expect(leden.getByRole('row').filter({ hasText: 'Noor' })).toHaveCount(0);
  const tijdlijn = page.getByRole('region', { name: 'Tijdlijn' });
  await expect(
    tijdlijn.getByText(
      /Gezinslid Noor Corrigeer \(jeugdige\) verwijderd .*Reden: Hoort bij een ander gezin/,
    ),
  ).toBeVisible();
  await expect(
    tijdlijn.getByText(
      /Gezinslid Noor Corrigeer gecorrigeerd: geboortedatum 01-02-2016 → 01-02-2017 .*Reden: Geboortejaar verkeerd overgenomen/,
    ),
  ).toBeVisible();
  await expectAccessible(page, 'overzicht na correcties');
  await shot(page, '71-overzicht-gegevens');
  await tijdlijn.scrollIntoViewIfNeeded();
  await shot(page, '72-tijdlijn-correcties');

  // The access log lines of these calls carry the reasons (read in the AVG inzage export).
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Inzage-export' }).click(),
  ]);
  const inzage = JSON.parse(await readFile((await download.path())!, 'utf8')) as {
    toegangslog: { onderdeel: string; reden: string | null; actie: string }[];
  };
  expect(inzage.toegangslog).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        onderdeel: 'gezinslid.opslaan',
        actie: 'wijzigen',
        reden: 'Geboortejaar verkeerd overgenomen',
      }),
      expect.objectContaining({
        onderdeel: 'gezinslid.verwijderen',
        reden: 'Hoort bij een ander gezin',
      }),
    ]),
  );

  // A visit note corrected keeps its earlier wording, viewable under the note.
  await api(page)('gesprek.opslaan', {
    gezinId: await gezinId(page, gezin),
    datum: vandaag(),
    aanwezig: ['Ilse Corrigeer'],
    verslag: 'Milan was er niet bij.',
    koppelingen: [],
  });
  await page.getByRole('tab', { name: 'Gesprekken' }).click();
  const notitie = page.getByRole('article', { name: `Gesprek van ${dutchDate(0)}` });
  await notitie.getByRole('button', { name: 'Corrigeren' }).click();
  dialoog = page.getByRole('dialog', { name: /corrigeren/ });
  await dialoog.getByLabel('Verslag').fill('Milan was er wel bij.');
  await dialoog.getByLabel('Reden van de correctie').fill('Aanwezigheid verkeerd genoteerd');
  await dialoog.getByRole('button', { name: 'Correctie opslaan' }).click();
  await expect(dialoog).toBeHidden();
  await expect(notitie.getByText('Milan was er wel bij.')).toBeVisible();
  await notitie.getByText('Eerdere versies (1)').click();
  await expect(notitie.getByText('Milan was er niet bij.')).toBeVisible();
  await notitie.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await expectAccessible(page, 'gespreksverslag met geschiedenis');
  await shot(page, '76-verslag-geschiedenis');
});

test('goal scores at two evaluations show as a trend per goal, and closing proposes them', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signIn(page);
  const naam = await meldGezinAan(page, {
    achternaam: 'Voortgang',
    ouder: 'Eva',
    jeugdige: 'Daan',
    adres: 'Voorstraat 231',
  });
  // The chain up to started help, through the API (other specs walk it on screen).
  const roep = api(page);
  const id = await gezinId(page, naam);
  const dossier = await roep<{ leden: { id: string; rol: string }[] }>('gezin.dossier', {
    gezinId: id,
  });
  const { id: apId } = await roep<{ id: string }>('actieplan.aanmaken', {
    gezinId: id,
    jeugdigeId: dossier.leden.find((l) => l.rol === 'jeugdige')!.id,
    hulpvraag: 'Daan gaat niet meer naar school.',
    verwijzer: 'jeugdteam',
  });
  await roep('actieplan.opslaan', {
    id: apId,
    eigenKracht: 'Moeder brengt Daan.',
    netwerk: 'Oma helpt.',
    voorliggend: 'Schoolmaatschappelijk werk bekeken.',
  });
  await roep('actieplan.triage', { id: apId, uitkomst: 'laten_doen' });
  for (const omschrijving of ['Daan gaat weer naar school', 'Minder ruzie thuis'])
    await roep('doel.opslaan', {
      actieplanId: apId,
      omschrijving,
      meetbaar: 'Vier dagen per week',
      uiterlijk: addDays(vandaag(), 120),
    });
  await roep('zorgprofiel.vaststellen', {
    actieplanId: apId,
    categorie: 'intensief',
    probleemgebieden: ['gedrag'],
  });
  const aanbieders = await roep<
    { id: string; clientenstop: boolean; plafondBereikt: boolean; producten: { id: string }[] }[]
  >('aanbieders.voorProfiel', { actieplanId: apId });
  const aanbieder = aanbieders.find(
    (k) => !k.clientenstop && !k.plafondBereikt && k.producten.length > 0,
  )!;
  // Ten weeks from a month ago: the planned evaluation is halfway, in five days.
  const start = addDays(vandaag(), -30);
  const { id: twId } = await roep<{ id: string }>('toewijzing.aanmaken', {
    toewijzing: {
      actieplanId: apId,
      aanbiederId: aanbieder.id,
      productId: aanbieder.producten[0]!.id,
      volume: 2,
      startdatum: start,
      einddatum: addDays(vandaag(), 40),
    },
  });
  await roep('toewijzing.startVastleggen', { id: twId, datum: start });
  await page.reload();
  await page.getByRole('tab', { name: /Actieplannen/ }).click();

  async function evalueer(datum: string, scores: [string, string][], cijfer: string) {
    await page.getByRole('button', { name: 'Evaluatie vastleggen' }).click();
    const d = page.getByRole('dialog', { name: 'Evaluatie vastleggen' });
    await d.getByLabel('Datum gesprek').fill(datum);
    for (const [doel, score] of scores) {
      await d.getByLabel(`Score: ${doel}`, { exact: true }).click();
      await page.getByRole('option', { name: new RegExp(`^${score} – `) }).click();
    }
    await d
      .getByLabel(`Uitleg bij de score: ${scores[0]![0]}`)
      .fill(`Score ${scores[0]![1]} besproken`);
    await d.getByLabel(/Cijfer van het gezin/).fill(cijfer);
    await d.getByLabel('Toelichting (besproken met gezin en aanbieder)').fill('Besproken.');
    return d;
  }
  // An early evaluation, 20 days ago: an extra one; the planned moment stays.
  let d = await evalueer(
    dutchDate(-20),
    [
      ['Daan gaat weer naar school', '2'],
      ['Minder ruzie thuis', '3'],
    ],
    '6',
  );
  await expectAccessible(page, 'evaluatie met doelscores');
  await shot(page, '73-evaluatie-doelscores');
  await d.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(d).toBeHidden();
  await expect(page.getByText(new RegExp(`${dutchDate(-20)} extra voortzetten`))).toBeVisible();
  await expect(page.getByText(new RegExp(`${dutchDate(5)} binnenkort`))).toBeVisible();
  // The planned one, today.
  d = await evalueer(dutchDate(0), [['Daan gaat weer naar school', '4']], '8');
  await d.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(d).toBeHidden();

  const trend = page.getByRole('group', { name: 'Voortgang van "Daan gaat weer naar school"' });
  await expect(trend.getByTestId('doel-score')).toHaveText([
    `${dutchDate(-20)}: 2/5`,
    `${dutchDate(0)}: 4/5`,
  ]);
  await expect(
    page
      .getByRole('group', { name: 'Voortgang van "Minder ruzie thuis"' })
      .getByTestId('doel-score'),
  ).toHaveText([`${dutchDate(-20)}: 3/5`]);
  await expect(page.getByText('nog open')).toHaveCount(0);
  await trend.scrollIntoViewIfNeeded();
  await expectAccessible(page, 'actieplan met voortgang');
  await shot(page, '74-doel-voortgang');

  // Closing proposes each goal's result from its last score.
  await roep('toewijzing.stoppen', { id: twId, datum: vandaag(), reden: 'volgens_plan' });
  await page.reload();
  await page.getByRole('button', { name: 'Gezin afsluiten' }).click();
  const afsluiten = page.getByRole('dialog', { name: 'Gezin afsluiten' });
  await expect(afsluiten.getByLabel('Daan: Daan gaat weer naar school')).toHaveText(
    'Deels behaald',
  );
  await expect(afsluiten.getByText(`Laatste score 4/5 op ${dutchDate(0)}`)).toBeVisible();
  await expectAccessible(page, 'afsluiten met laatste scores');
  await shot(page, '75-afsluiten-laatste-scores');
});
