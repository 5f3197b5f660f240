/**
 * Two laptops (two browser hosts with their own encrypted profile) against one central service:
 * both connect, both edit the same family's own words while the service is unreachable, sync,
 * see the conflict, and one of them resolves it; the other receives the resolution. The service
 * and the laptops come from dienst.ts, shared with the other specs that need two people.
 */
import type { Page } from '@playwright/test';
import { Dienst, synchroniseer, syncStatus, DEMO_WACHTWOORD } from './dienst';
import { expect, test } from './fixtures';
import { api, expectAccessible, waitUntilSaved, wie } from './helpers';
import { Processen } from './processen';

const processen = new Processen();
const dienst = new Dienst(processen);
/** The two laptops' browser hosts (free ports of their own). */
const HOSTS: string[] = [];

async function openPlan(page: Page, gezin: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('button', { name: 'Mijn gezinnen' })
    .click();
  await page.getByLabel('Alleen waar ik regisseur ben').uncheck();
  await page.getByLabel(/Zoeken op naam/).fill(gezin);
  await page.getByRole('table', { name: 'Mijn gezinnen' }).getByText(gezin).first().click();
  await page.getByRole('tab', { name: 'Gezinsplan' }).click();
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await dienst.start();
  for (let i = 0; i < 2; i++) HOSTS.push(await dienst.laptop());
});

test.afterAll(() => processen.stop());

test('two laptops edit one family offline, see the conflict and resolve it', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const [accountA, accountB] = await dienst.collegas();
  const a = await dienst.verbind(browser, HOSTS[0]!, accountA);
  const b = await dienst.verbind(browser, HOSTS[1]!, accountB);

  // A family of A's caseload. A, its regisseur, adds B as medewerker, so B may change it too.
  const eerste = a.getByRole('table', { name: 'Mijn gezinnen' }).getByRole('row').nth(1);
  const gezin = (await eerste.getByRole('cell').first().innerText()).trim();
  const profielB = (await wie(b))!;
  await openPlan(b, gezin);
  await expect(b.getByText(/U kunt dit dossier inzien maar niet wijzigen/)).toBeVisible();
  await expect(b.getByLabel('De doelen van het gezin, zoals het gezin ze zegt')).toBeDisabled();
  await b.screenshot({ path: 'test/e2e/screenshots/25-alleen-lezen.png' });
  await openPlan(a, gezin);
  await a.getByRole('tab', { name: 'Overzicht' }).click();
  const medewerkers = a.getByRole('region', { name: 'Regisseur en medewerkers' });
  await medewerkers.getByLabel('Collega als medewerker').click();
  await a.getByRole('option', { name: profielB.naam }).click();
  await medewerkers.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(medewerkers.getByText(profielB.naam)).toBeVisible();
  await medewerkers.evaluate((kaart) => kaart.scrollIntoView({ block: 'center' }));
  await a.screenshot({ path: 'test/e2e/screenshots/24-medewerker-toegevoegd.png' });
  await synchroniseer(a);
  await synchroniseer(b);
  await a.getByRole('tab', { name: 'Gezinsplan' }).click();
  await openPlan(b, gezin);
  await expect(b.getByText(/U kunt dit dossier inzien maar niet wijzigen/)).toHaveCount(0);
  const veldA = a.getByLabel('De doelen van het gezin, zoals het gezin ze zegt');
  const veldB = b.getByLabel('De doelen van het gezin, zoals het gezin ze zegt');
  await expect(veldB).toHaveValue(await veldA.inputValue());

  // The service is unreachable; both keep working and both change the family's own words.
  await dienst.stop();
  await veldA.fill('Wij willen weer samen aan tafel eten.');
  await veldA.blur();
  await waitUntilSaved(a);
  await veldB.fill('Wij willen dat de kinderen naar school gaan.');
  await veldB.blur();
  await waitUntilSaved(b);
  for (const page of [a, b]) {
    await page.getByRole('button', { name: 'Synchroniseren' }).click();
    await expect(syncStatus(page)).toHaveText(/^Offline · 1 wachtend/);
  }
  await a.screenshot({ path: 'test/e2e/screenshots/18-sync-offline.png' });

  // Back online: both sync, and both see the same conflict, with both texts kept.
  await dienst.start();
  await synchroniseer(a);
  await synchroniseer(b);
  await synchroniseer(a);
  for (const page of [a, b]) {
    await page.getByRole('button', { name: /Conflicten/ }).click();
    const kaart = page.getByRole('region', { name: new RegExp(`${gezin} · Gezinsplan`) });
    await expect(
      kaart.getByText('Wij willen weer samen aan tafel eten.', { exact: true }),
    ).toBeVisible();
    await expect(
      kaart.getByText('Wij willen dat de kinderen naar school gaan.', { exact: true }),
    ).toBeVisible();
  }
  await b.screenshot({ path: 'test/e2e/screenshots/19-sync-conflict.png', fullPage: true });

  // B combines both texts; after syncing, A has the combined text and no conflict.
  const samen = 'Samen aan tafel eten, en de kinderen gaan naar school.';
  await b.getByLabel('Samengevoegde tekst').fill(samen);
  await b.getByRole('button', { name: 'Samengevoegde tekst opslaan' }).click();
  await expect(b.getByText('Er zijn geen conflicten. Alles is in orde.')).toBeVisible();
  await synchroniseer(b);
  await synchroniseer(a);
  await expect(a.getByText('Er zijn geen conflicten. Alles is in orde.')).toBeVisible();
  await openPlan(a, gezin);
  await expect(veldA).toHaveValue(samen);
  await expect(a.getByRole('button', { name: /Conflicten/ })).toHaveCount(0);
  await a.screenshot({ path: 'test/e2e/screenshots/20-sync-opgelost.png' });

  // On the road without a connection, A's laptop locks and opens again with A's account.
  await dienst.stop();
  await a.getByRole('button', { name: 'Vergrendelen' }).click();
  await a.getByRole('button', { name: 'Met mijn account van de centrale dienst' }).click();
  await a.getByLabel('E-mailadres').fill(accountA.email);
  await a.getByLabel(/^Wachtwoord\W*$/).fill('niet mijn wachtwoord');
  await a.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(a.getByRole('alert')).toContainText('E-mailadres of wachtwoord klopt niet.');
  await a.getByLabel(/^Wachtwoord\W*$/).fill(DEMO_WACHTWOORD);
  await a.screenshot({ path: 'test/e2e/screenshots/27-aanmelden-offline.png' });
  await a.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(veldA).toHaveValue(samen);
  await expect(syncStatus(a)).toHaveText(/^Offline/);
  await dienst.start();

  // Edit against delete (issue 21): A deletes an agreement while B rewrites it; neither text
  // vanishes. The agreement is made and changed through the API the screens use, on each
  // laptop as its own person.
  const { id: gezinIdB } = (
    await api(b)<{ gezinnen: { id: string }[] }>('gezinnen.lijst', { zoek: gezin })
  ).gezinnen[0]!;
  const { id: afspraakId } = await api(a)<{ id: string }>('afspraak.opslaan', {
    gezinId: gezinIdB,
    wat: 'Schoolgesprek plannen',
    wie: 'Moeder',
  });
  await synchroniseer(a);
  await synchroniseer(b);
  await api(a)('afspraak.verwijderen', { id: afspraakId });
  await api(b)('afspraak.opslaan', {
    gezinId: gezinIdB,
    id: afspraakId,
    wat: 'Schoolgesprek plannen met de mentor erbij',
    wie: 'Moeder',
  });
  await synchroniseer(a);
  await synchroniseer(b);
  await b.getByRole('button', { name: /Conflicten/ }).click();
  const kaart = b.getByRole('region', { name: new RegExp(`${gezin} · Afspraak: Wat`) });
  await expect(kaart.getByText(/Een collega heeft dit onderdeel verwijderd/)).toBeVisible();
  await expect(
    kaart.getByText('Schoolgesprek plannen met de mentor erbij', { exact: true }),
  ).toBeVisible();
  await expectAccessible(b, 'Conflicten: bewerkt tegen verwijderd');
  await b.screenshot({
    path: 'test/e2e/screenshots/40-bewerkt-tegen-verwijderd.png',
    fullPage: true,
  });
  await kaart
    .getByRole('button', { name: /Herstellen met de versie van/ })
    .first()
    .click();
  await expect(b.getByText('Er zijn geen conflicten. Alles is in orde.')).toBeVisible();
  await synchroniseer(b);
  await synchroniseer(a);
  await openPlan(a, gezin);
  await expect(
    a
      .getByRole('table', { name: /Afspraken/ })
      .getByText('Schoolgesprek plannen met de mentor erbij'),
  ).toBeVisible();
});
