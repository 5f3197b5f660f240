/**
 * A provider's JW305 (start of care) and JW307 (stop, with its JZ588 reason), read and recorded
 * on the toewijzing they are about: XSD-valid messages with every optional element are read, a
 * toewijzing is found by its ToewijzingNummer (stored, or derived from the id for one sent
 * before numbers were issued) or by youth, provider and product; the actual start, the waiting
 * time, the end and its reasons are stored only after confirming, with the rules of recording
 * them by hand, for the whole message or not at all; every refusal says why in Dutch.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { IJW_PRODUCTCATEGORIEEN, IJW_REDENEN_BEEINDIGING } from '../../shared/domain';
import { clientFor } from '../../test/helpers/core-client';
import { jw305Start } from '../../test/helpers/jw305';
import { jw307Stop } from '../../test/helpers/jw307';
import { jw315Verzoek } from '../../test/helpers/jw315';
import { startStopOpzet } from '../../test/helpers/start-stop';
import { IJW_FIXTURES, xmllint } from '../../test/helpers/xmllint';

const {
  store,
  core,
  A,
  collega,
  coach,
  outsider,
  zetKlaar,
  rij,
  logregels,
  start,
  stop,
  lezen,
  geweigerd,
} = startStopOpzet();
afterAll(() => core.close());
beforeEach(zetKlaar);

describe('the test messages', () => {
  it('are valid JW305 and JW307 by the official XSDs, with every optional element and every JZ588 code', () => {
    const vol = {
      toewijzingNummer: '45000001',
      categorie: A.categorie,
      productcode: A.productcode,
      toewijzingIngangsdatum: '2026-10-01',
      begindatum: '2026-10-15',
    };
    expect(
      xmllint(
        [
          jw305Start({ agb: A.agb, bsn: A.bsn, producten: [{ begindatum: '2026-10-15' }] }),
          jw305Start({
            agb: A.agb,
            bsn: A.bsn,
            volledig: true,
            producten: [vol, { ...vol, productcode: undefined, statusAanlevering: '2' }],
          }),
        ],
        'JW305.xsd',
      ),
    ).toEqual([null, null]);
    expect(
      xmllint(
        [
          stop({ toewijzingNummer: undefined }),
          ...IJW_REDENEN_BEEINDIGING.codes.map((reden) =>
            jw307Stop({
              agb: A.agb,
              bsn: A.bsn,
              volledig: true,
              producten: [{ ...vol, reden, einddatum: '2026-11-20', statusAanlevering: '9' }],
            }),
          ),
        ],
        'JW307.xsd',
      ),
    ).toEqual(Array(IJW_REDENEN_BEEINDIGING.codes.length + 1).fill(null));
  });

  it('name product categories of the official JZ020 list', () => {
    const jz020 = readFileSync(join(IJW_FIXTURES, 'JZ020-productcategorie.json'), 'utf8');
    expect(IJW_PRODUCTCATEGORIEEN.codes).toContain(A.categorie);
    expect(jz020).toContain(IJW_PRODUCTCATEGORIEEN.labels[A.categorie as '45']);
  });
});

describe('refusing what is not a valid JW305 or JW307', () => {
  it('names the line and element of an XSD error, the elfproef, the namespace, and a JW315', async () => {
    const xsd = await geweigerd(start({ zonderBegindatum: true }));
    expect(xsd.preview).toMatch(
      /^Dit is geen geldig JW305-bericht: volgens het JW305-schema.*regel \d+:.*StatusAanlevering.*Begindatum/,
    );
    expect(xsd.verwerken).toBe(xsd.preview);
    expect(
      (await geweigerd(stop({ extra: '<jw307:Onbekend>x</jw307:Onbekend>' }))).verwerken,
    ).toMatch(/JW307-schema.*regel \d+:.*Onbekend/);
    expect((await geweigerd(stop({ reden: '99' }))).verwerken).toMatch(
      /JW307-schema.*RedenBeeindiging/,
    );
    expect((await geweigerd(start({}, A, { bsn: '123456789' }))).verwerken).toContain('elfproef');
    expect((await geweigerd(start().replace(/3_2\/jw305/g, '3_1/jw305'))).verwerken).toContain(
      'iJw 3.2',
    );
    const jw315 = jw315Verzoek({
      agb: A.agb,
      bsn: A.bsn,
      productcode: A.productcode,
      categorie: A.categorie,
    });
    expect((await geweigerd(jw315)).verwerken).toContain('verzoek om toewijzing (JW315)');
    expect((await geweigerd('<jw305:Bericht><open>')).code).toBe('ongeldige-invoer');
  });
});

describe('who may read and record', () => {
  it('lets the teamcoach read but not record, and a colleague who does not work with the family not record', async () => {
    const c = clientFor(core, store, coach.id!);
    expect((await lezen(start(), c)).producten[0]!.toewijzing?.id).toBe(A.id);
    expect(await c.async('ijw.berichtVerwerken', { xml: start() })).toMatchObject({
      ok: false,
      error: { code: 'geen-toegang' },
    });
    const k = clientFor(core, store, collega.id!);
    const uit = await k.async('ijw.berichtVerwerken', { xml: start() });
    expect(uit).toMatchObject({ ok: false, error: { code: 'geen-toegang' } });
    expect(!uit.ok && uit.error.message).toContain('geen regisseur of medewerker');
    expect(rij(A.id).status).toBe('toegewezen');
  });

  it("shows another team nothing of this team's toewijzing", async () => {
    const o = clientFor(core, store, outsider.id!);
    const uit = await lezen(start(), o);
    expect(uit.producten[0]).toMatchObject({ toewijzing: null });
    expect(uit.producten[0]!.probleem).toMatch(/geen toewijzing met nummer|niet voor/);
    expect(logregels('ijw.berichtLezen')).not.toContainEqual(
      expect.objectContaining({ wie: outsider.id }),
    );
  });
});
