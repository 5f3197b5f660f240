import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { dutchDate, expectAccessible, signIn } from './helpers';

type Result<T> = { ok: true; data: T } | { ok: false; error: { message: string } };

/** Sets up through the same API the screens use, as a given professional. */
function api(request: APIRequestContext, profiel: string | null) {
  return async <T>(method: string, input: unknown): Promise<T> => {
    const response = await request.post(`/api/${method}`, {
      data: { input },
      headers: profiel ? { 'X-Eenplan-Profiel': profiel } : {},
    });
    const body = (await response.json()) as Result<T>;
    if (!body.ok) throw new Error(`${method}: ${body.error.message}`);
    return body.data;
  };
}

test('a colleague approves an out-of-home toewijzing from the vier-ogen queue', async ({
  page,
  request,
}) => {
  const profielen = await api(request, null)<{ id: string; rol: string; teamNaam: string }[]>(
    'profielen.lijst',
    {},
  );
  const [aanvrager] = profielen.filter(
    (p) => p.teamNaam === 'Jeugdteam Dordrecht Noord' && p.rol === 'jeugdprofessional',
  );
  const call = api(request, aanvrager!.id);
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
    (a) =>
      !a.clientenstop && !a.plafondBereikt && a.producten.some((p) => p.productcode === '41A01'),
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

  // A colleague of the same team sees it in the queue and approves it with a reason.
  await signIn(page, 'Jeugdteam Dordrecht Noord', 1);
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('button', { name: /Akkoorden/ })
    .click();
  const verzoek = page.getByRole('article', { name: 'Verzoek Familie Vierogen' });
  await expect(verzoek).toContainText('Mila kan tijdelijk niet thuis wonen.');
  await expectAccessible(page, 'akkoorden met verzoek');
  await page.screenshot({ path: 'test/e2e/screenshots/11-akkoorden.png' });
  await verzoek.getByRole('button', { name: 'Akkoord', exact: true }).click();
  await page
    .getByRole('dialog')
    .getByLabel('Toelichting bij uw besluit')
    .fill('Eens: veiligheid gaat voor.');
  await page.getByRole('dialog').getByRole('button', { name: 'Akkoord geven' }).click();
  await expect(verzoek).toHaveCount(0);
  const na = await call<{
    actieplannen: { toewijzingen: { status: string; akkoord: { besluit: string } }[] }[];
  }>('gezin.dossier', { gezinId });
  expect(na.actieplannen[0]!.toewijzingen[0]).toMatchObject({
    status: 'toegewezen',
    akkoord: { besluit: 'akkoord' },
  });
});
