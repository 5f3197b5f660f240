/**
 * Vier ogen across two laptops: a laptop profile belongs to one person, so the colleague who
 * approves works on a laptop of their own and the request reaches them through the central
 * service (test/e2e/dienst.ts). The requester sets up an out-of-home toewijzing through the API
 * the screens use, on their own laptop, and syncs; the colleague syncs, approves it from the
 * vier-ogen queue and syncs; after syncing, the requester has it approved.
 */
import { Dienst, synchroniseer } from './dienst';
import { expect, test } from './fixtures';
import { api, dutchDate, expectAccessible } from './helpers';
import { Processen } from './processen';

const processen = new Processen();
const dienst = new Dienst(processen);
const HOSTS: string[] = [];

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await dienst.start();
  for (let i = 0; i < 2; i++) HOSTS.push(await dienst.laptop());
});

test.afterAll(() => processen.stop());

test('a colleague approves an out-of-home toewijzing from the vier-ogen queue', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const [aanvrager, collega] = await dienst.collegas();
  const a = await dienst.verbind(browser, HOSTS[0]!, aanvrager);
  const b = await dienst.verbind(browser, HOSTS[1]!, collega);

  // The requester's laptop, as the requester (the open profile's person).
  const call = api(a);
  const iso = (dutch: string) => dutch.split('-').reverse().join('-');
  const { id: gezinId } = await call<{ id: string }>('gezin.aanmaken', {
    naam: 'Familie Vierogen',
    adres: 'Singel 4',
    postcode: '3311 AA',
    woonplaats: 'Dordrecht',
    leden: [
      {
        rol: 'jeugdige',
        voornaam: 'Mila',
        achternaam: 'Vierogen',
        geboortedatum: '2013-02-02',
        bsn: '111222333',
      },
    ],
  });
  const dossier = await call<{ leden: { id: string }[] }>('gezin.dossier', { gezinId });
  const { id: actieplanId } = await call<{ id: string }>('actieplan.aanmaken', {
    gezinId,
    jeugdigeId: dossier.leden[0]!.id,
    hulpvraag: 'Thuis niet veilig.',
    verwijzer: 'jeugdteam',
  });
  await call('actieplan.opslaan', {
    id: actieplanId,
    eigenKracht: 'Moeder zoekt steun.',
    netwerk: 'Tante kan niet opvangen.',
    voorliggend: 'Veilig Thuis betrokken.',
  });
  await call('actieplan.triage', { id: actieplanId, uitkomst: 'laten_doen' });
  await call('zorgprofiel.vaststellen', {
    actieplanId,
    categorie: 'intensief',
    probleemgebieden: ['huiselijk_geweld'],
  });
  const keuze = await call<
    {
      id: string;
      clientenstop: boolean;
      plafondBereikt: boolean;
      producten: { id: string; productcode: string }[];
    }[]
  >('aanbieders.voorProfiel', { actieplanId });
  const aanbieder = keuze.find(
    (k) =>
      !k.clientenstop && !k.plafondBereikt && k.producten.some((p) => p.productcode === '41A01'),
  )!;
  const made = await call<{ status: string }>('toewijzing.aanmaken', {
    toewijzing: {
      actieplanId,
      aanbiederId: aanbieder.id,
      productId: aanbieder.producten.find((p) => p.productcode === '41A01')!.id,
      volume: 1,
      startdatum: iso(dutchDate()),
      einddatum: iso(dutchDate(180)),
    },
    vierOgenReden: 'Mila kan tijdelijk niet thuis wonen.',
  });
  expect(made.status).toBe('ter_accordering');
  // The requester cannot approve their own request: it is not in their own queue.
  await a
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('button', { name: /Akkoorden/ })
    .click();
  await expect(
    a.getByText('Er wachten geen verzoeken op uw akkoord.').or(a.getByRole('article').first()),
  ).toBeVisible();
  await expect(a.getByRole('article', { name: 'Verzoek Familie Vierogen' })).toHaveCount(0);
  await synchroniseer(a);

  // A colleague of the same team, on their own laptop, sees it in the queue after syncing and
  // approves it with a reason.
  await synchroniseer(b);
  await b
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('button', { name: /Akkoorden/ })
    .click();
  const verzoek = b.getByRole('article', { name: 'Verzoek Familie Vierogen' });
  await expect(verzoek).toContainText('Mila kan tijdelijk niet thuis wonen.');
  await expectAccessible(b, 'akkoorden met verzoek');
  await b.screenshot({ path: 'test/e2e/screenshots/11-akkoorden.png' });
  await verzoek.getByRole('button', { name: 'Akkoord', exact: true }).click();
  await b
    .getByRole('dialog')
    .getByLabel('Toelichting bij uw besluit')
    .fill('Eens: veiligheid gaat voor.');
  await b.getByRole('dialog').getByRole('button', { name: 'Akkoord geven' }).click();
  await expect(verzoek).toHaveCount(0);
  await synchroniseer(b);

  // The requester's laptop has the decision after syncing: toegewezen, with the approval.
  await synchroniseer(a);
  const na = await call<{
    actieplannen: { toewijzingen: { status: string; akkoord: { besluit: string } }[] }[];
  }>('gezin.dossier', { gezinId });
  expect(na.actieplannen[0]!.toewijzingen[0]).toMatchObject({
    status: 'toegewezen',
    akkoord: { besluit: 'akkoord' },
  });
  await a
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('button', { name: 'Mijn gezinnen' })
    .click();
  await a.getByLabel(/Zoeken op naam/).fill('Vierogen');
  await a.getByRole('table', { name: 'Mijn gezinnen' }).getByText('Familie Vierogen').click();
  await a.getByRole('tab', { name: /Actieplannen/ }).click();
  await expect(
    a.getByRole('table', { name: 'Toewijzingen' }).getByRole('cell', { name: 'Toegewezen' }),
  ).toBeVisible();
});
