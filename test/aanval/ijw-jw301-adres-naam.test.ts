/**
 * Aanval (issue 24, JW301 "to the letter"): the JW301 validates against the XSD, but the address
 * and the name in it say something else than the record. A gemeente's hub accepts the message and
 * the provider gets a wrong house number or surname. Each case: the record as a person writes
 * it, and the BRP parts a person reading it means.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { clientFor } from '../helpers/core-client';
import { xmllint } from '../helpers/xmllint';
import { DEMO_TODAY, demoStore } from '../helpers/demo-store';
import { createCore } from '../../core/core';
import { leesXml, tekstOp } from '../../core/ijw/xml';

const { store, data } = demoStore();
const core = createCore(store, { now: () => new Date(`${DEMO_TODAY}T10:00:00Z`) });
afterAll(() => core.close());

const team = data.teams.find((t) => t.naam === 'Jeugdteam Dordrecht Noord')!;
const pro = data.professionals.find((p) => p.teamId === team.id && p.rol === 'jeugdprofessional')!;
const a = clientFor(core, store, pro.id!);

const tw = store.sqlite
  .prepare(
    `SELECT t.id, l.id AS lid, g.id AS gezin FROM toewijzingen t JOIN gezinsleden l ON l.id = t.gezinslid_id
       JOIN gezinnen g ON g.id = l.gezin_id
      WHERE g.team_id = ? AND t.status IN ('toegewezen', 'gestart') AND l.bsn IS NOT NULL AND t.deleted = 0
      LIMIT 1`,
  )
  .get(team.id) as { id: string; lid: string; gezin: string };

async function jw301() {
  const uit = await a.async('bestand.exporteren', { soort: 'jw301', toewijzingId: tw.id });
  if (!uit.ok) expect.fail(uit.error.message);
  const xml = new TextDecoder().decode(Buffer.from(uit.data.inhoud, 'base64'));
  expect(xmllint([xml], 'JW301.xsd')).toEqual([null]);
  return leesXml(xml).wortel;
}

const ADRES = 'Client/Contactgegevens/Contact/Adres';

describe('JW301 address: the house number the record means', () => {
  it.each([
    // Plein 1944 is a street in Nijmegen; the house is number 3.
    ['Plein 1944 3', { straat: 'Plein 1944', nummer: '3', letter: null, toevoeging: null }],
    // "bis" is one huisnummertoevoeging, not huisletter b with toevoeging "is".
    ['Kerkstraat 12 bis', { straat: 'Kerkstraat', nummer: '12', letter: null, toevoeging: 'bis' }],
    // Amsterdam's third floor: toevoeging III, not huisletter I with toevoeging II.
    [
      'Kinkerstraat 7 III',
      { straat: 'Kinkerstraat', nummer: '7', letter: null, toevoeging: 'III' },
    ],
    // "hs" (huis, ground floor) is a toevoeging, not huisletter h with toevoeging s.
    [
      'Kinkerstraat 12 hs',
      { straat: 'Kinkerstraat', nummer: '12', letter: null, toevoeging: 'hs' },
    ],
  ])('%s', async (adres, verwacht) => {
    store.sqlite.prepare('UPDATE gezinnen SET adres = ? WHERE id = ?').run(adres, tw.gezin);
    const w = await jw301();
    // Expected: the parts as meant. Actual: "1944" as the house number with toevoeging 3, or the
    // first letter of the toevoeging taken as a huisletter.
    expect({
      straat: tekstOp(w, `${ADRES}/Straatnaam`),
      nummer: tekstOp(w, `${ADRES}/Huis/Huisnummer`),
      letter: tekstOp(w, `${ADRES}/Huis/Huisletter`),
      toevoeging: tekstOp(w, `${ADRES}/Huis/HuisnummerToevoeging`),
    }).toEqual(verwacht);
  });

  it('does not turn a six-digit number into house number 12345 with toevoeging 6', async () => {
    store.sqlite
      .prepare('UPDATE gezinnen SET adres = ? WHERE id = ?')
      .run('Dorpsweg 123456', tw.gezin);
    const w = await jw301();
    // Expected: LDT_Huisnummer is at most 99999, so 123456 is not a house number: the JW301 is
    // refused with a reason, or carries no Huis. Actual: Huisnummer 12345, toevoeging "6".
    expect(tekstOp(w, `${ADRES}/Huis/Huisnummer`)).not.toBe('12345');
  });
});

describe('JW301 name: the voorvoegsel the record means', () => {
  it.each([
    ["in 't Veld", { voorvoegsel: "in 't", achternaam: 'Veld' }],
    ['op den Brouw', { voorvoegsel: 'op den', achternaam: 'Brouw' }],
    // A typographic apostrophe, as a word processor or phone keyboard types it.
    ['van ’t Hek', { voorvoegsel: 'van ’t', achternaam: 'Hek' }],
  ])('%s', async (achternaam, verwacht) => {
    store.sqlite
      .prepare('UPDATE gezinsleden SET achternaam = ? WHERE id = ?')
      .run(achternaam, tw.lid);
    const w = await jw301();
    // Expected: the BRP voorvoegsel split off (they are on the BRP's table of voorvoegsels).
    // Actual: no Voorvoegsel and the whole text as Achternaam, or "van" with "’t Hek".
    expect({
      voorvoegsel: tekstOp(w, 'Client/Naam/Geslachtsnaam/Voorvoegsel'),
      achternaam: tekstOp(w, 'Client/Naam/Geslachtsnaam/Achternaam'),
    }).toEqual(verwacht);
  });
});
