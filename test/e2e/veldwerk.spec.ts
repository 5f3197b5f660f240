/**
 * Field work at the kitchen table: the family signs its plan on the screen, the plan is printed
 * as PDF, a visit note is written and found again, the sociale kaart is searched from the
 * triage, and visits show in the agenda. Screenshots (and PDF pages) go to screenshots/.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { AgendaItem } from '../../shared/api';
import {
  addDays,
  addMonths,
  formatDate,
  maandagVan,
  maandRaster,
  type IsoDate,
} from '../../shared/dates';
import { momentInNederland, nu, vandaag } from '../helpers/klok';
import {
  api,
  dutchDate,
  expectAccessible,
  meldGezinAan,
  pdfVan,
  signIn,
  waitUntilSaved,
  wie,
} from './helpers';

const SCREENSHOTS = 'test/e2e/screenshots';

async function shot(page: Page, name: string, focus?: Locator) {
  if (focus) await focus.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png` });
}

/** A signature-like scrawl with the mouse (pointer events, as a finger or pen makes them). */
async function teken(page: Page, vak: Locator) {
  const box = (await vak.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.08, box.y + box.height * 0.6);
  await page.mouse.down();
  for (let i = 1; i <= 24; i++)
    await page.mouse.move(
      box.x + box.width * (0.08 + i * 0.03),
      box.y + box.height * (0.6 + Math.sin(i / 2) * 0.2),
    );
  await page.mouse.up();
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.3);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.35, box.y + box.height * 0.8, { steps: 8 });
  await page.mouse.up();
}

test('the family signs the fixed plan on the screen, and a changed plan asks to sign again', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signIn(page);
  const gezin = await meldGezinAan(page, {
    achternaam: 'Tekentest',
    ouder: 'Noor',
    jeugdige: 'Sam',
    adres: 'Voorstraat 210',
  });
  await page.getByRole('tab', { name: 'Gezinsplan' }).click();
  const woorden = page.getByLabel('De doelen van het gezin, zoals het gezin ze zegt');
  await woorden.fill('Wij willen weer rust in huis en Sam gaat elke dag naar school.');
  await woorden.blur();
  await waitUntilSaved(page);
  await page.getByLabel('Wat', { exact: true }).fill('Wekker om zeven uur');
  await page.getByLabel('Wie', { exact: true }).fill('Noor');
  await page.getByLabel('Uiterlijk').fill(dutchDate(7));
  await page.getByRole('button', { name: 'Afspraak toevoegen' }).click();
  await expect(page.getByRole('cell', { name: 'Wekker om zeven uur', exact: true })).toBeVisible();
  const status = page.getByTestId('ondertekening');
  await expect(status).toHaveText('Nog niet ondertekend');
  await expect(page.getByRole('button', { name: 'Laten ondertekenen' })).toBeDisabled();
  await page.getByRole('button', { name: 'Versie vastleggen' }).click();
  await expect(page.getByText('Versie 1 is vastgelegd.')).toBeVisible();

  await page.getByRole('button', { name: 'Laten ondertekenen' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Naam van wie tekent').fill('Noor Tekentest');
  // Without ink the signature is refused.
  await dialog.getByRole('button', { name: 'Handtekening opslaan' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Zet eerst een handtekening in het vak.');
  const vak = dialog.getByTestId('handtekeningvak');
  await teken(page, vak);
  await expectAccessible(page, 'ondertekenen');
  await shot(page, '31-handtekening-zetten');
  await dialog.getByRole('button', { name: 'Handtekening opslaan' }).click();
  await expect(page.getByText('Noor Tekentest heeft versie 1 ondertekend.')).toBeVisible();
  await expect(status).toHaveText('Ondertekend');
  await expect(page.getByRole('img', { name: 'Handtekening van Noor Tekentest' })).toBeVisible();
  await expect(page.getByText(/toestemming voor versie 1 van Noor Tekentest/)).toBeVisible();
  await shot(
    page,
    '32-gezinsplan-ondertekend',
    page.getByRole('heading', { name: 'Handtekeningen' }),
  );

  // The plan as the family's document: their words first, the agreements, the signature.
  const tekst = await pdfVan(
    page,
    page.getByRole('button', { name: 'Gezinsplan als PDF' }),
    '33-gezinsplan-pdf',
  );
  expect(tekst).toContain(`Gezinsplan ${gezin}`);
  expect(tekst.indexOf('Sam gaat elke dag naar school')).toBeLessThan(tekst.indexOf('Afspraken'));
  expect(tekst).toMatch(/Wekker om zeven uur\s+Noor/);
  expect(tekst).toContain('Ondertekend: de handtekeningen hieronder gelden voor versie 1.');
  expect(tekst).toContain('Noor Tekentest');

  // A later change: the plan is no longer the one signed.
  await woorden.fill('Wij willen rust in huis, Sam naar school en samen eten.');
  await woorden.blur();
  await waitUntilSaved(page);
  await expect(status).toHaveText('Gewijzigd na ondertekening: nog niet opnieuw ondertekend');
  await expect(page.getByRole('button', { name: 'Laten ondertekenen' })).toBeDisabled();
});

test('a visit note is written with who was there and the agreement it was about, and found by searching', async ({
  page,
}) => {
  await signIn(page);
  await meldGezinAan(page, {
    achternaam: 'Verslagtest',
    ouder: 'Lotte',
    jeugdige: 'Finn',
    adres: 'Voorstraat 211',
  });
  await page.getByRole('tab', { name: 'Gezinsplan' }).click();
  await page.getByLabel('Wat', { exact: true }).fill('Finn meldt zich bij de voetbalclub');
  await page.getByLabel('Wie', { exact: true }).fill('Finn');
  await page.getByRole('button', { name: 'Afspraak toevoegen' }).click();
  await expect(
    page.getByRole('cell', { name: 'Finn meldt zich bij de voetbalclub', exact: true }),
  ).toBeVisible();

  await page.getByRole('tab', { name: 'Gesprekken' }).click();
  await expect(page.getByText('Nog geen gespreksverslagen.')).toBeVisible();
  const nieuw = page.getByRole('region', { name: 'Nieuw gespreksverslag' });
  await nieuw.getByRole('button', { name: 'Verslag opslaan' }).click();
  await expect(nieuw.getByRole('alert')).toBeVisible();
  const aanwezig = nieuw.getByLabel('Aanwezig');
  await aanwezig.fill('Lotte');
  await page.getByRole('option', { name: 'Lotte Verslagtest' }).click();
  await aanwezig.fill('mentor Ruud');
  await aanwezig.press('Enter');
  await nieuw
    .getByLabel('Verslag')
    .fill('Keukentafelgesprek. Finn wil weer voetballen; de mentor helpt met het rooster.');
  await nieuw.getByLabel('Over welke doelen en afspraken').click();
  await page.getByRole('option', { name: /voetbalclub/ }).click();
  await page.keyboard.press('Escape');
  await nieuw.getByRole('button', { name: 'Verslag opslaan' }).click();
  const verslag = page.getByRole('article', { name: /^Gesprek van/ });
  await expect(verslag).toContainText('aanwezig: Lotte Verslagtest, mentor Ruud');
  await expect(verslag).toContainText('Afspraak: Finn meldt zich bij de voetbalclub');
  await expect(nieuw.getByLabel('Verslag')).toHaveValue('');

  const zoek = page.getByLabel('Zoeken in de verslagen');
  await zoek.fill('ROOSTER voetballen');
  await expect(verslag).toHaveCount(1);
  await expectAccessible(page, 'gespreksverslagen');
  await shot(page, '34-gespreksverslag', verslag);
  await zoek.fill('zwemles');
  await expect(page.getByText('Geen verslag gevonden met deze woorden.')).toBeVisible();
});

test('the sociale kaart is searched from the triage and what is used goes into the plan and its PDF', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signIn(page);
  await meldGezinAan(page, {
    achternaam: 'Kaarttest',
    ouder: 'Eva',
    jeugdige: 'Mees',
    adres: 'Voorstraat 212',
  });
  await page.getByRole('tab', { name: /Actieplannen/ }).click();
  await page.getByRole('button', { name: 'Nieuw actieplan' }).click();
  await page.getByRole('dialog').getByLabel('Hulpvraag').fill('Mees zit na school alleen thuis.');
  await page.getByRole('dialog').getByRole('button', { name: 'Actieplan maken' }).click();
  const plan = page.getByRole('region', { name: 'Actieplan Mees' });
  const kaart = plan.getByRole('region', { name: 'Sociale kaart' });
  await expect(kaart.getByText('Zoeken in de sociale kaart van Dordrecht')).toBeVisible();
  const gevonden = kaart
    .getByRole('list', { name: 'Gevonden voorzieningen' })
    .getByRole('listitem');
  expect(await gevonden.count()).toBeGreaterThanOrEqual(10);
  await kaart.getByLabel('Zoek op wat het gezin nodig heeft').fill('sport');
  await expect(gevonden.first()).toContainText('Buurtsportcoach Dordrecht');
  await kaart.getByLabel('Alleen gratis').check();
  await expectAccessible(page, 'sociale kaart');
  await shot(page, '35-sociale-kaart', kaart);
  await kaart.getByRole('button', { name: 'Buurtsportcoach Dordrecht inzetten' }).click();
  const ingezet = kaart.getByRole('list', { name: 'Ingezette voorzieningen' });
  await expect(ingezet).toContainText('Buurtsportcoach Dordrecht');
  await expect(
    kaart.getByRole('button', { name: 'Buurtsportcoach Dordrecht inzetten' }),
  ).toBeDisabled();
  await kaart.getByLabel('Zoek op wat het gezin nodig heeft').fill('geen voorziening heet zo');
  await expect(
    kaart.getByText('Niets gevonden. Probeer een ander woord of een andere soort.'),
  ).toBeVisible();

  const tekst = await pdfVan(
    page,
    plan.getByRole('button', { name: 'Actieplan als PDF' }),
    '36-actieplan-pdf',
  );
  expect(tekst).toContain('Actieplan Mees');
  expect(tekst).toContain('Mees zit na school alleen thuis.');
  expect(tekst).toContain('Buurtsportcoach Dordrecht');
  expect(tekst).toContain('Voor akkoord');
});

const MAANDEN = [
  'Januari',
  'Februari',
  'Maart',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Augustus',
  'September',
  'Oktober',
  'November',
  'December',
];

/**
 * The first open evaluatiemoment a professional sees in the agenda, from the month of `vanaf`
 * on, within a year: how many months on, its day and its name in the agenda. Asked through the
 * API the screen uses, a month (six weeks) at a time; a day with more than the three items a
 * month shows is passed over.
 */
async function eersteEvaluatie(page: Page, naam: string, vanaf: IsoDate) {
  // The open profile is this professional's: the API answers for them.
  expect((await wie(page))?.naam).toBe(naam);
  for (let stap = 0; stap <= 12; stap++) {
    const eerste = addMonths(`${vanaf.slice(0, 7)}-01`, stap);
    const { items } = await api(page)<{ items: AgendaItem[] }>('agenda.lijst', maandRaster(eerste));
    const drukte = new Map<string, number>();
    for (const item of items) drukte.set(item.datum, (drukte.get(item.datum) ?? 0) + 1);
    const item = items.find(
      (i) =>
        i.soort === 'evaluatie' &&
        i.datum.slice(0, 7) === eerste.slice(0, 7) &&
        drukte.get(i.datum)! <= 3,
    );
    if (item) return { stap, datum: item.datum, naam: `${item.gezinNaam}: ${item.titel}` };
  }
  throw new Error(`${naam} heeft binnen een jaar geen evaluatiemoment in de agenda.`);
}

test('a planned visit shows in the week and month of the agenda, beside the dates from the plans', async ({
  page,
}) => {
  const naam = await signIn(page);
  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  await nav.getByRole('button', { name: 'Agenda' }).click();
  await expect(page.getByRole('heading', { name: /Agenda · Week van/ })).toBeVisible();
  await page.getByRole('button', { name: 'Bezoek plannen' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Inplannen' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Gezin: vul dit veld in.');
  await dialog.getByLabel('Gezin').click();
  await page.getByRole('option').first().click();
  const gezin = (await dialog.getByLabel('Gezin').inputValue()).trim();
  // Tomorrow on the run's clock (EENPLAN_NU), which the page shares: on a Sunday that is in the
  // next week, at a month's end in the next month, on 31 December in the next year.
  const morgen = vandaag(1);
  await dialog.getByLabel('Datum').fill(formatDate(morgen));
  await dialog.getByLabel('Tijd').fill('25:00');
  await dialog.getByRole('button', { name: 'Inplannen' }).click();
  await expect(dialog.getByRole('alert')).toContainText('tijd');
  await dialog.getByLabel('Tijd').fill('14:30');
  await dialog.getByLabel('Onderwerp').fill('Plan doorlopen');
  await dialog.getByRole('button', { name: 'Inplannen' }).click();
  await expect(dialog).toHaveCount(0);
  const kop = page.getByRole('heading', { name: /^Agenda · / });
  // The week runs Monday to Sunday and opens on today's.
  const week = (van: IsoDate) =>
    `Agenda · Week van ${formatDate(van)} t/m ${formatDate(addDays(van, 6))}`;
  await expect(kop).toHaveText(week(maandagVan(vandaag())));
  const naarWeekVanMorgen = async () => {
    if (maandagVan(morgen) !== maandagVan(vandaag()))
      await page.getByRole('button', { name: 'Volgende week' }).click();
    await expect(kop).toHaveText(week(maandagVan(morgen)));
  };
  await naarWeekVanMorgen();
  // On tomorrow's day, in the week and in the month.
  const dagVanMorgen = page.getByRole('region', {
    name: new RegExp(`^[a-z]{2} ${formatDate(morgen)}: `),
  });
  const bezoek = dagVanMorgen.getByRole('button', {
    name: `14:30 ${gezin}: Huisbezoek: Plan doorlopen`,
  });
  await expect(bezoek).toBeVisible();
  await expectAccessible(page, 'agenda week');
  await shot(page, '37-agenda-week');
  // The month is the one of the week shown, in six weeks from a Monday: tomorrow is in them,
  // also when it is the first of the next month.
  const anker = maandagVan(morgen) !== maandagVan(vandaag()) ? addDays(vandaag(), 7) : vandaag();
  const maand = (stappen: number) => {
    const eerste = addMonths(`${anker.slice(0, 7)}-01`, stappen);
    return `Agenda · ${MAANDEN[Number(eerste.slice(5, 7)) - 1]} ${eerste.slice(0, 4)}`;
  };
  await page.getByRole('button', { name: 'Maand' }).click();
  await expect(kop).toHaveText(maand(0));
  await expect(bezoek).toBeVisible();
  await shot(page, '38-agenda-maand');
  // Beside the dates from the plans: the first open evaluatiemoment of this professional from
  // this month on (which month that is depends on the day the demo region was made for) shows
  // on its day. Month by month forward and back, across a year's end too (shared addMonths).
  const evaluatie = await eersteEvaluatie(page, naam, anker);
  for (let stap = 0; stap <= 12; stap++) {
    if (stap > 0) await page.getByRole('button', { name: 'Volgende maand' }).click();
    await expect(kop).toHaveText(maand(stap));
    if (stap !== evaluatie.stap) continue;
    await expect(
      page
        .getByRole('region', { name: new RegExp(`^[a-z]{2} ${formatDate(evaluatie.datum)}: `) })
        .getByRole('button', { name: evaluatie.naam, exact: true }),
    ).toBeVisible();
  }
  for (let stap = 11; stap >= 0; stap--) {
    await page.getByRole('button', { name: 'Vorige maand' }).click();
    await expect(kop).toHaveText(maand(stap));
  }
  // Back to today's week, and from the agenda straight to the family.
  await page.getByRole('button', { name: 'Vandaag' }).click();
  await page.getByRole('button', { name: 'Week' }).click();
  await naarWeekVanMorgen();
  await bezoek.click();
  await expect(page.getByRole('dialog', { name: 'Huisbezoek: Plan doorlopen' })).toContainText(
    gezin,
  );
  await page.getByRole('dialog').getByRole('button', { name: 'Dossier openen' }).click();
  await expect(page.getByRole('heading', { name: gezin })).toBeVisible();
});

test('the agenda reminds of a visit a quarter of an hour ahead with a system notification', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['notifications']);
  // Records the notifications the page shows instead of handing them to the desktop.
  await context.addInitScript(() => {
    const gezien: { titel: string; body?: string }[] = [];
    (window as unknown as { meldingen: typeof gezien }).meldingen = gezien;
    class Opname {
      static permission = 'granted';
      static requestPermission = () => Promise.resolve('granted');
      constructor(titel: string, opties?: { body?: string }) {
        gezien.push({ titel, body: opties?.body });
      }
    }
    (window as unknown as { Notification: unknown }).Notification = Opname;
  });
  await signIn(page);
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('button', { name: 'Agenda' })
    .click();
  await page.getByRole('button', { name: 'Bezoek plannen' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Gezin').click();
  await page.getByRole('option').first().click();
  const gezin = (await dialog.getByLabel('Gezin').inputValue()).trim();
  // Ten minutes from now on the run's clock (the one the page's clock is installed from, in the
  // Dutch time zone), but today: just before midnight it is 23:59.
  const straks = momentInNederland(nu().getTime() + 10 * 60_000);
  const [dag, tijdStraks] = straks.slice(0, 16).split('T') as [string, string];
  const datum = formatDate(vandaag());
  const tijd = dag === vandaag() ? tijdStraks : '23:59';
  await dialog.getByLabel('Datum').fill(datum);
  await dialog.getByLabel('Tijd').fill(tijd);
  await dialog.getByLabel('Onderwerp').fill('Herinneringstest');
  await dialog.getByRole('button', { name: 'Inplannen' }).click();
  await expect(dialog).toHaveCount(0);
  // The agenda is checked when the app opens and every minute after.
  await page.reload();
  await expect(page.getByRole('heading', { name: /Agenda · Week van/ })).toBeVisible();
  await expect
    .poll(
      () =>
        page.evaluate(
          () => (window as unknown as { meldingen: { titel: string; body?: string }[] }).meldingen,
        ),
      { timeout: 15_000 },
    )
    .toContainEqual({ titel: `Om ${tijd}: ${gezin}`, body: 'Huisbezoek: Herinneringstest' });
  // Shown once: another look does not repeat it.
  await page.reload();
  await page.waitForTimeout(2_000);
  const meldingen = await page.evaluate(
    () => (window as unknown as { meldingen: { titel: string }[] }).meldingen,
  );
  expect(meldingen.filter((m) => m.titel === `Om ${tijd}: ${gezin}`)).toHaveLength(0);
  // Cancelled from the agenda, the visit is gone.
  await page
    .getByRole('button', { name: `${tijd} ${gezin}: Huisbezoek: Herinneringstest` })
    .click();
  await page.getByRole('dialog').getByRole('button', { name: 'Bezoek schrappen' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Herinneringstest/ })).toHaveCount(0);
});
