/**
 * iJw 3.2 messages against the official XSDs (test/fixtures/ijw-3.2, copied from iStandaarden's
 * release; checked here with Debian's xmllint, a validator independent of the app's own): every
 * JW301 the demo region can produce validates, and XSD-valid JW315 messages, with every optional
 * element, are read, checked and matched to the team's youth. Bad files get a clear error.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { clientFor } from '../../test/helpers/core-client';
import { xmllint } from '../../test/helpers/xmllint';
import { jw315Verzoek } from '../../test/helpers/jw315';
import { DEMO_TODAY, demoStore } from '../../test/helpers/demo-store';
import { createCore } from '../core';
import { DEMO_PROFIEL_BLOKKEN, blokVan } from '../../shared/toewijzingnummer';
import { leesXml, tekstOp } from './xml';

const { store, data } = demoStore();
const core = createCore(store, { now: () => new Date(`${DEMO_TODAY}T10:00:00Z`) });
afterAll(() => core.close());

const team = data.teams.find((t) => t.naam === 'Jeugdteam Dordrecht Noord')!;
const pro = data.professionals.find((p) => p.teamId === team.id && p.rol === 'jeugdprofessional')!;
const outsider = data.professionals.find(
  (p) => p.teamId !== team.id && p.rol === 'jeugdprofessional',
)!;
const a = clientFor(core, store, pro.id!);

const toewijzing = store.sqlite
  .prepare(
    `SELECT t.id, l.bsn, a.agb_code AS agb, p.productcode, p.categorie, t.volume, t.startdatum
       FROM toewijzingen t JOIN gezinsleden l ON l.id = t.gezinslid_id JOIN gezinnen g ON g.id = l.gezin_id
       JOIN aanbieders a ON a.id = t.aanbieder_id JOIN producten p ON p.id = t.product_id
      WHERE g.team_id = ? AND t.status IN ('toegewezen', 'gestart') AND l.bsn IS NOT NULL AND t.deleted = 0
      LIMIT 1`,
  )
  .get(team.id) as {
  id: string;
  bsn: string;
  agb: string;
  productcode: string;
  categorie: string;
  volume: number;
  startdatum: string;
};

async function jw301(toewijzingId: string, professionalId = pro.id!) {
  const uit = await clientFor(core, store, professionalId).async('bestand.exporteren', {
    soort: 'jw301',
    toewijzingId,
  });
  if (!uit.ok) return uit;
  return { ...uit, xml: new TextDecoder().decode(Buffer.from(uit.data.inhoud, 'base64')) };
}

describe('JW301: a toewijzing as the message for the provider', () => {
  it('validates against the official JW301 XSD and carries the client, provider, product and decision', async () => {
    const uit = await jw301(toewijzing.id);
    if (!uit.ok) expect.fail(uit.error.message);
    expect(uit.data.naam).toMatch(new RegExp(`^JW301_0505_${toewijzing.agb}_EP[0-9A-Z]+\\.xml$`));
    expect(xmllint([uit.xml], 'JW301.xsd')).toEqual([null]);
    const { wortel, namespaces } = leesXml(uit.xml);
    expect(namespaces.jw301).toBe('http://www.istandaarden.nl/ijw/3_2/jw301/schema');
    const t = (pad: string) => tekstOp(wortel, pad);
    const p = (pad: string) => t(`Client/ToegewezenProducten/ToegewezenProduct/${pad}`);
    expect(t('Header/BerichtCode')).toBe('436');
    expect(t('Header/Afzender')).toBe('0505');
    expect(t('Header/Ontvanger')).toBe(toewijzing.agb);
    expect(t('Header/BerichtIdentificatie/Dagtekening')).toBe(DEMO_TODAY);
    expect(t('Client/Bsn')).toBe(toewijzing.bsn);
    expect(p('Product/Code')).toBe(toewijzing.productcode);
    expect(p('Product/Categorie')).toBe(toewijzing.categorie);
    expect(p('Ingangsdatum')).toBe(toewijzing.startdatum);
    expect(p('Omvang/Volume')).toBe(String(toewijzing.volume));
    const { nummer } = store.sqlite
      .prepare('SELECT toewijzing_nummer AS nummer FROM toewijzingen WHERE id = ?')
      .get(toewijzing.id) as { nummer: number };
    expect(p('ToewijzingNummer')).toBe(String(nummer));
    const log = store.sqlite
      .prepare("SELECT actie FROM audit_log WHERE onderdeel = 'toewijzing.jw301'")
      .all();
    expect(log).toEqual([{ actie: 'exporteren' }]);
  });

  it('gives the decision moment in Dutch time, not the creation moment in UTC', async () => {
    store.sqlite
      .prepare('UPDATE toewijzingen SET toegewezen_op = ? WHERE id = ?')
      .run('2026-03-31T23:30:15.000Z', toewijzing.id);
    const uit = await jw301(toewijzing.id);
    if (!uit.ok) expect.fail(uit.error.message);
    const { wortel } = leesXml(uit.xml);
    const p = (pad: string) =>
      tekstOp(wortel, `Client/ToegewezenProducten/ToegewezenProduct/${pad}`);
    expect([p('Toewijzingsdatum'), p('Toewijzingstijd')]).toEqual(['2026-04-01', '01:30:15']);
  });

  it('is not offered when the record does not fit the XSD, and says what', async () => {
    const lid = store.sqlite
      .prepare('SELECT gezinslid_id AS id FROM toewijzingen WHERE id = ?')
      .get(toewijzing.id) as { id: string };
    const oud = store.sqlite
      .prepare('SELECT achternaam FROM gezinsleden WHERE id = ?')
      .get(lid.id) as {
      achternaam: string;
    };
    store.sqlite
      .prepare('UPDATE gezinsleden SET achternaam = ? WHERE id = ?')
      .run('x'.repeat(201), lid.id);
    try {
      const uit = await jw301(toewijzing.id);
      expect(uit).toMatchObject({ ok: false, error: { code: 'ongeldige-invoer' } });
      expect(!uit.ok && uit.error.message).toMatch(/JW301.*Achternaam/);
    } finally {
      store.sqlite
        .prepare('UPDATE gezinsleden SET achternaam = ? WHERE id = ?')
        .run(oud.achternaam, lid.id);
    }
  });

  it('gives a toewijzing made before numbers were issued a number of its own, once', async () => {
    store.sqlite
      .prepare('UPDATE toewijzingen SET toewijzing_nummer = NULL WHERE id = ?')
      .run(toewijzing.id);
    const nummers = [];
    for (let i = 0; i < 2; i++) {
      const uit = await jw301(toewijzing.id);
      if (!uit.ok) expect.fail(uit.error.message);
      nummers.push(
        tekstOp(
          leesXml(uit.xml).wortel,
          'Client/ToegewezenProducten/ToegewezenProduct/ToewijzingNummer',
        ),
      );
    }
    // A demo profile numbers from blocks the service never issues (ADR 0005).
    expect(nummers[0]).toBe(nummers[1]);
    expect(blokVan(Number(nummers[0]))).toBeGreaterThanOrEqual(DEMO_PROFIEL_BLOKKEN.van);
    expect(blokVan(Number(nummers[0]))).toBeLessThanOrEqual(DEMO_PROFIEL_BLOKKEN.tot);
  });

  it("is not made for another team's toewijzing", async () => {
    expect(await jw301(toewijzing.id, outsider.id!)).toMatchObject({
      ok: false,
      error: { code: 'niet-gevonden' },
    });
  });
});

const verzoek = (
  bsn: string,
  opties: { verwijzer?: boolean; extra?: string; volledig?: boolean } = {},
) =>
  jw315Verzoek({
    agb: toewijzing.agb,
    bsn,
    productcode: toewijzing.productcode,
    categorie: toewijzing.categorie,
    zonderVerwijzer: opties.verwijzer === false,
    extra: opties.extra,
    volledig: opties.volledig,
  });

describe('JW315: reading a verzoek om toewijzing', () => {
  it('the test messages are valid JW315 by the official XSD', () => {
    expect(
      xmllint([verzoek(toewijzing.bsn), verzoek(toewijzing.bsn, { volledig: true })], 'JW315.xsd'),
    ).toEqual([null, null]);
  });

  it('reads the request and finds the youth, provider, gemeente and product', async () => {
    const uit = await a.async('ijw.verzoekLezen', { xml: verzoek(toewijzing.bsn) });
    if (!uit.ok) expect.fail(uit.error.message);
    expect(uit.data).toMatchObject({
      berichtId: 'VZ2026-0042',
      dagtekening: '2026-11-20',
      gemeente: { code: '0505', naam: 'Dordrecht' },
      client: { bsn: toewijzing.bsn, achternaam: 'de Vries' },
      producten: [
        {
          referentie: 'REF-881',
          productcode: toewijzing.productcode,
          ingangsdatum: '2026-12-01',
          einddatum: '2027-05-31',
          volume: 4,
          budgetCents: null,
          verwijzer: 'Huisarts (Huisartsenpraktijk Vest)',
        },
      ],
    });
    expect(uit.data.aanbieder.naam).toBe(
      data.aanbieders.find((x) => x.agbCode === toewijzing.agb)!.naam,
    );
    expect(uit.data.producten[0]!.omschrijving).toBeTruthy();
    expect(uit.data.jeugdige).not.toBeNull();
    // Finding the youth shows a family of the team: logged as a look at its dossier.
    expect(
      store.sqlite
        .prepare("SELECT count(*) AS n FROM audit_log WHERE onderdeel = 'ijw.verzoekLezen'")
        .get(),
    ).toEqual({ n: 1 });
    // Another team's professional learns nothing about this youth.
    const ander = await clientFor(core, store, outsider.id!).async('ijw.verzoekLezen', {
      xml: verzoek(toewijzing.bsn),
    });
    expect(ander.ok && ander.data.jeugdige).toBeNull();
  });

  it('reads a message with every optional element: a budget instead of a volume, long names and references', async () => {
    const uit = await a.async('ijw.verzoekLezen', {
      xml: verzoek(toewijzing.bsn, { volledig: true }),
    });
    if (!uit.ok) expect.fail(uit.error.message);
    expect(uit.data.producten).toEqual([
      expect.objectContaining({
        referentie: 'REF-2026-000881-HUISARTS-VEST-ABCD01',
        beschikkingNummer: '987654321',
        volume: null,
        budgetCents: 125_000,
        verwijzer: 'Huisarts (Huisartsenpraktijk Vest en Omstreken, locatie Dordrecht-Noord)',
        commentaar: 'Graag start in de kerstvakantie.',
      }),
    ]);
  });

  it('refuses what is not a valid JW315, saying where', async () => {
    const fout = async (xml: string) => {
      const uit = await a.async('ijw.verzoekLezen', { xml });
      if (uit.ok) expect.fail('gelezen');
      return uit.error;
    };
    expect(await fout('<jw315:Bericht><open>')).toMatchObject({
      code: 'ongeldige-invoer',
      field: 'xml',
    });
    expect((await fout(verzoek(toewijzing.bsn, { verwijzer: false }))).message).toMatch(
      /JW315-schema.*regel \d+:.*Verwijzer/,
    );
    expect((await fout(verzoek('123456789'))).message).toContain('elfproef');
    expect(
      (await fout(verzoek(toewijzing.bsn, { extra: '<jw315:Onbekend>x</jw315:Onbekend>' })))
        .message,
    ).toContain('Onbekend');
    expect(
      (await fout(verzoek(toewijzing.bsn).replace('3_2/jw315', '3_1/jw315'))).message,
    ).toContain('iJw 3.2');
    expect(
      (
        await fout(
          `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>${verzoek(toewijzing.bsn).replace(/^<\?xml[^>]*>/, '')}`,
        )
      ).message,
    ).toContain('DOCTYPE');
    expect(await fout('')).toMatchObject({ field: 'xml' });
  });
});
