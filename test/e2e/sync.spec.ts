/**
 * Two laptops (two browser hosts with their own encrypted profile) against one central service:
 * both connect, both edit the same family's own words while the service is unreachable, sync,
 * see the conflict, and one of them resolves it; the other receives the resolution.
 */
import type { ChildProcess } from 'node:child_process';
import type { Browser, Page } from '@playwright/test';
import { expect, test, zetKlok } from './fixtures';
import { expectAccessible, ontgrendel, waitUntilSaved } from './helpers';
import { Processen, wachtOp } from './processen';

// The first beheerder's password passes the service's rule (shared/wachtwoord.ts).
const BEHEER = { email: 'beheer@e2e.example', wachtwoord: 'kraanvogel boven de Merwede' };
const DEMO_WACHTWOORD = 'demo-wachtwoord-e2e';

const processen = new Processen();
let serverData: string;
let server: ChildProcess | undefined;
/** The service's address: a free port taken on the first start, the same one after a restart. */
let dienstUrl = '';
/** The two laptops' browser hosts (free ports of their own). */
const HOSTS: string[] = [];

async function startServer(): Promise<void> {
  const env = {
    PORT: dienstUrl ? new URL(dienstUrl).port : '0',
    DATA_DIR: serverData,
    EENPLAN_DEMO: '1',
    EENPLAN_DEMO_WACHTWOORD: DEMO_WACHTWOORD,
    EENPLAN_BEHEERDER_EMAIL: BEHEER.email,
    EENPLAN_BEHEERDER_WACHTWOORD: BEHEER.wachtwoord,
  };
  if (dienstUrl) {
    server = processen.start(['server/main.ts'], env);
    await wachtOp(`${dienstUrl}/health`);
    return;
  }
  // The service prints the port it was given; its log line (Fastify's) has the one it took.
  ({ proces: server, url: dienstUrl } = await processen.startMetAdres(
    ['server/main.ts'],
    env,
    /Server listening at (http:\/\/127\.0\.0\.1:\d+)/,
  ));
}

async function stopServer(): Promise<void> {
  const p = server!;
  const klaar = new Promise((r) => p.once('exit', r));
  p.kill('SIGTERM');
  await klaar;
}

/** Two colleagues of one team, from the service's account list. */
async function collegas(): Promise<[string, string]> {
  const aanmelden = await fetch(`${dienstUrl}/auth/aanmelden`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...BEHEER, apparaat: { naam: 'e2e' } }),
  });
  const { toegangstoken } = (await aanmelden.json()) as { toegangstoken: string };
  const lijst = (await (
    await fetch(`${dienstUrl}/beheer/gebruikers`, {
      headers: { authorization: `Bearer ${toegangstoken}` },
    })
  ).json()) as { email: string; rol: string; teamId: string | null }[];
  const perTeam = new Map<string, string[]>();
  for (const g of lijst)
    if (g.rol === 'jeugdprofessional' && g.teamId)
      perTeam.set(g.teamId, [...(perTeam.get(g.teamId) ?? []), g.email]);
  const [a, b] = [...perTeam.values()].find((e) => e.length >= 2)!;
  return [a!, b!];
}

async function verbind(browser: Browser, host: string, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: host });
  await zetKlok(context);
  const page = await context.newPage();
  await page.goto('/');
  await ontgrendel(page);
  await expect(page.getByText('Verbind deze laptop met de centrale dienst')).toBeVisible();
  await page.getByRole('button', { name: 'Verbinden' }).click();
  const dialog = page.getByRole('dialog', { name: 'Verbinden met de centrale dienst' });
  await expect(dialog.getByLabel('Adres van de centrale dienst')).toHaveValue(dienstUrl);
  await dialog.getByLabel('E-mailadres').fill(email);
  await dialog.getByLabel('Wachtwoord').fill(DEMO_WACHTWOORD);
  await dialog.getByRole('button', { name: 'Verbinden' }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  // Connected: only this person's profile is offered, with the team's data fetched.
  const profielen = page.getByRole('list', { name: 'Profielen' }).getByRole('button');
  await expect(profielen).toHaveCount(1);
  await profielen.first().click();
  await expect(page.getByRole('heading', { name: 'Mijn gezinnen' })).toBeVisible();
  return page;
}

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

const syncStatus = (page: Page) => page.getByRole('status', { name: 'Synchronisatie' });

async function synchroniseer(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Synchroniseren' }).click();
  await expect(syncStatus(page)).toHaveText(/^Online · laatst/, { timeout: 30_000 });
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  serverData = processen.map('server');
  await startServer();
  for (let i = 0; i < 2; i++)
    HOSTS.push(await processen.startHost({ EENPLAN_SERVER_URL: dienstUrl }));
});

test.afterAll(() => processen.stop());

test('two laptops edit one family offline, see the conflict and resolve it', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const [emailA, emailB] = await collegas();
  const a = await verbind(browser, HOSTS[0]!, emailA);
  const b = await verbind(browser, HOSTS[1]!, emailB);

  // A family of A's caseload. A, its regisseur, adds B as medewerker, so B may change it too.
  const eerste = a.getByRole('table', { name: 'Mijn gezinnen' }).getByRole('row').nth(1);
  const gezin = (await eerste.getByRole('cell').first().innerText()).trim();
  const profielB = (
    (await (
      await b.request.post('/api/profielen.lijst', {
        data: { input: {} },
        headers: { 'Content-Type': 'application/json' },
      })
    ).json()) as { data: { id: string; naam: string }[] }
  ).data[0]!;
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
  await stopServer();
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
  await startServer();
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
  await stopServer();
  await a.getByRole('button', { name: 'Vergrendelen' }).click();
  await a.getByRole('button', { name: 'Met mijn account van de centrale dienst' }).click();
  await a.getByLabel('E-mailadres').fill(emailA);
  await a.getByLabel(/^Wachtwoord\W*$/).fill('niet mijn wachtwoord');
  await a.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(a.getByRole('alert')).toContainText('E-mailadres of wachtwoord klopt niet.');
  await a.getByLabel(/^Wachtwoord\W*$/).fill(DEMO_WACHTWOORD);
  await a.screenshot({ path: 'test/e2e/screenshots/27-aanmelden-offline.png' });
  await a.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(veldA).toHaveValue(samen);
  await expect(syncStatus(a)).toHaveText(/^Offline/);
  await startServer();

  // Edit against delete (issue 21): A deletes an agreement while B rewrites it; neither text
  // vanishes. The agreement is made and changed through the API the screens use.
  const api = (page: Page, profiel: string) => async (method: string, input: unknown) => {
    const res = await page.request.post(`/api/${method}`, {
      data: { input },
      headers: { 'Content-Type': 'application/json', 'X-Eenplan-Profiel': profiel },
    });
    const body = (await res.json()) as { ok: boolean; data: { id: string } };
    expect(body.ok).toBe(true);
    return body.data;
  };
  const profielA = (
    (await (
      await a.request.post('/api/profielen.lijst', {
        data: { input: {} },
        headers: { 'Content-Type': 'application/json' },
      })
    ).json()) as { data: { id: string }[] }
  ).data[0]!.id;
  const { id: gezinIdB } = (
    (await (
      await b.request.post('/api/gezinnen.lijst', {
        data: { input: { zoek: gezin } },
        headers: { 'Content-Type': 'application/json', 'X-Eenplan-Profiel': profielB.id },
      })
    ).json()) as { data: { gezinnen: { id: string }[] } }
  ).data.gezinnen[0]!;
  const { id: afspraakId } = await api(a, profielA)('afspraak.opslaan', {
    gezinId: gezinIdB,
    wat: 'Schoolgesprek plannen',
    wie: 'Moeder',
  });
  await synchroniseer(a);
  await synchroniseer(b);
  await api(a, profielA)('afspraak.verwijderen', { id: afspraakId });
  await api(b, profielB.id)('afspraak.opslaan', {
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
