/**
 * Aanval (issue 24, reading iJw "exactly per the XSDs"): XML character references (&#351;) are
 * ordinary XML; many senders write non-ASCII letters that way. The XSD validator resolves them,
 * the app's reader (fast-xml-parser without numeric entities) does not, so the app shows and uses
 * text the message does not say.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { clientFor } from '../helpers/core-client';
import { xmllint } from '../helpers/xmllint';
import { jw315Verzoek } from '../helpers/jw315';
import { DEMO_TODAY, demoStore } from '../helpers/demo-store';
import { createCore } from '../../core/core';

const { store, data } = demoStore();
const core = createCore(store, { now: () => new Date(`${DEMO_TODAY}T10:00:00Z`) });
afterAll(() => core.close());

const team = data.teams.find((t) => t.naam === 'Jeugdteam Dordrecht Noord')!;
const pro = data.professionals.find((p) => p.teamId === team.id && p.rol === 'jeugdprofessional')!;
const a = clientFor(core, store, pro.id!);
const tw = store.sqlite
  .prepare(
    `SELECT l.bsn, a.agb_code AS agb, p.productcode, p.categorie
       FROM toewijzingen t JOIN gezinsleden l ON l.id = t.gezinslid_id JOIN gezinnen g ON g.id = l.gezin_id
       JOIN aanbieders a ON a.id = t.aanbieder_id JOIN producten p ON p.id = t.product_id
      WHERE g.team_id = ? AND t.status IN ('toegewezen', 'gestart') AND l.bsn IS NOT NULL AND t.deleted = 0
      LIMIT 1`,
  )
  .get(team.id) as { bsn: string; agb: string; productcode: string; categorie: string };

describe('JW315 with character references', () => {
  it('reads Ba&#351; as Baş, as the XSD validator does', async () => {
    const xml = jw315Verzoek({ ...tw }).replace(
      '<ijw:Achternaam>Vries</ijw:Achternaam>',
      '<ijw:Achternaam>Ba&#351;</ijw:Achternaam>',
    );
    expect(xml).toContain('&#351;');
    expect(xmllint([xml], 'JW315.xsd')).toEqual([null]);
    const uit = await a.async('ijw.verzoekLezen', { xml });
    if (!uit.ok) expect.fail(uit.error.message);
    // Expected "de Baş". Actual "de Ba&#351;": the reference shown as text.
    expect(uit.data.client.achternaam).toBe('de Baş');
  });

  it('accepts an XSD-valid BSN written with a character reference', async () => {
    const xml = jw315Verzoek({ ...tw }).replace(
      `<jw315:Bsn>${tw.bsn}</jw315:Bsn>`,
      `<jw315:Bsn>&#${tw.bsn.charCodeAt(0)};${tw.bsn.slice(1)}</jw315:Bsn>`,
    );
    expect(xmllint([xml], 'JW315.xsd')).toEqual([null]);
    const uit = await a.async('ijw.verzoekLezen', { xml });
    // Expected: read as the BSN it is (the XSD says it is nine digits). Actual: refused.
    if (!uit.ok) expect.fail(uit.error.message);
    expect(uit.data.client.bsn).toBe(tw.bsn);
  });
});
