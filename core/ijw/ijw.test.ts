/**
 * iJw 3.2 messages: a toewijzing written as JW301 fits the documented JW301 structure (no
 * official XSD was available; see structuur.ts) and a JW315 verzoek om toewijzing is read,
 * checked and matched to the team's youth. Bad files get a clear error that names the place.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { clientFor } from '../../test/helpers/core-client';
import { jw315Verzoek } from '../../test/helpers/jw315';
import { DEMO_TODAY, demoStore } from '../../test/helpers/demo-store';
import { createCore } from '../core';
import { JW301, JW315, structuurFout } from './structuur';
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
  it('fits the JW301 structure and carries the client, provider, product and period', async () => {
    const uit = await jw301(toewijzing.id);
    if (!uit.ok) expect.fail(uit.error.message);
    expect(uit.data.naam).toMatch(new RegExp(`^JW301_0505_${toewijzing.agb}_EP[0-9A-Z]+\\.xml$`));
    const { wortel, namespaces } = leesXml(uit.xml);
    expect(namespaces.jw301).toBe('http://www.istandaarden.nl/ijw/3_2/jw301/schema');
    expect(structuurFout(wortel, JW301)).toBeNull();
    const t = (pad: string) => tekstOp(wortel, pad);
    expect(t('Header/BerichtCode')).toBe('436');
    expect(t('Header/Afzender')).toBe('0505');
    expect(t('Header/Ontvanger')).toBe(toewijzing.agb);
    expect(t('Client/Bsn')).toBe(toewijzing.bsn);
    expect(t('Client/ToegewezenProducten/ToegewezenProduct/Product/Code')).toBe(
      toewijzing.productcode,
    );
    expect(t('Client/ToegewezenProducten/ToegewezenProduct/Product/Categorie')).toBe(
      toewijzing.categorie,
    );
    expect(t('Client/ToegewezenProducten/ToegewezenProduct/Ingangsdatum')).toBe(
      toewijzing.startdatum,
    );
    expect(t('Client/ToegewezenProducten/ToegewezenProduct/Omvang/Volume')).toBe(
      String(toewijzing.volume),
    );
    expect(t('Client/ToegewezenProducten/ToegewezenProduct/ToewijzingNummer')).toMatch(/^\d{1,8}$/);
    const log = store.sqlite
      .prepare("SELECT actie FROM audit_log WHERE onderdeel = 'toewijzing.jw301'")
      .all();
    expect(log).toEqual([{ actie: 'exporteren' }]);
  });

  it("is not made for another team's toewijzing", async () => {
    expect(await jw301(toewijzing.id, outsider.id!)).toMatchObject({
      ok: false,
      error: { code: 'niet-gevonden' },
    });
  });

  it('names the place where a message breaks the structure', async () => {
    const uit = await jw301(toewijzing.id);
    if (!uit.ok) expect.fail(uit.error.message);
    const { wortel } = leesXml(uit.xml);
    const client = wortel.kinderen[1]!;
    const zonderBsn = {
      ...wortel,
      kinderen: [wortel.kinderen[0]!, { ...client, kinderen: client.kinderen.slice(1) }],
    };
    expect(structuurFout(zonderBsn, JW301)).toBe('Bericht/Client/Bsn: ontbreekt.');
    const tweeKeer = {
      ...wortel,
      kinderen: [
        wortel.kinderen[0]!,
        { ...client, kinderen: [client.kinderen[0]!, ...client.kinderen] },
      ],
    };
    expect(structuurFout(tweeKeer, JW301)).toBe('Bericht/Client/Bsn: mag maar één keer voorkomen.');
  });
});

const verzoek = (bsn: string, opties: { verwijzer?: boolean; extra?: string } = {}) =>
  jw315Verzoek({
    agb: toewijzing.agb,
    bsn,
    productcode: toewijzing.productcode,
    categorie: toewijzing.categorie,
    zonderVerwijzer: opties.verwijzer === false,
    extra: opties.extra,
  });

describe('JW315: reading a verzoek om toewijzing', () => {
  it('reads the request and finds the youth, provider, gemeente and product', () => {
    const uit = a.ok('ijw.verzoekLezen', { xml: verzoek(toewijzing.bsn) });
    expect(uit).toMatchObject({
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
          verwijzer: 'Huisarts (Huisartsenpraktijk Vest)',
        },
      ],
    });
    expect(uit.aanbieder.naam).toBe(
      data.aanbieders.find((x) => x.agbCode === toewijzing.agb)!.naam,
    );
    expect(uit.producten[0]!.omschrijving).toBeTruthy();
    expect(uit.jeugdige).not.toBeNull();
    // Another team's professional learns nothing about this youth.
    expect(
      clientFor(core, store, outsider.id!).ok('ijw.verzoekLezen', { xml: verzoek(toewijzing.bsn) })
        .jeugdige,
    ).toBeNull();
  });

  it('refuses what is not a valid JW315, saying where', () => {
    const fout = (xml: string) => a.fails('ijw.verzoekLezen', { xml });
    expect(fout('<jw315:Bericht><open>')).toMatchObject({ code: 'ongeldige-invoer', field: 'xml' });
    expect(fout(verzoek(toewijzing.bsn, { verwijzer: false })).message).toContain(
      'Bericht/Client/AangevraagdeProducten/AangevraagdProduct/Verwijzer: ontbreekt.',
    );
    expect(fout(verzoek('123456789')).message).toContain(
      'Bericht/Client/Bsn: de waarde "123456789" is niet geldig.',
    );
    expect(
      fout(verzoek(toewijzing.bsn, { extra: '<jw315:Onbekend>x</jw315:Onbekend>' })).message,
    ).toContain('Onbekend: hoort hier niet.');
    expect(fout(verzoek(toewijzing.bsn).replace('3_2/jw315', '3_1/jw315')).message).toContain(
      'iJw 3.2',
    );
    expect(
      fout(
        `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>${verzoek(toewijzing.bsn).replace(/^<\?xml[^>]*>/, '')}`,
      ).message,
    ).toContain('DOCTYPE');
    expect(fout('')).toMatchObject({ field: 'xml' });
    expect(structuurFout(leesXml(verzoek(toewijzing.bsn)).wortel, JW315)).toBeNull();
  });
});
