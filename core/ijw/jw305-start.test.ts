/**
 * A provider's JW305 (start of care) and JW307 (stop, with its JZ588 reason), read and recorded
 * on the toewijzing they are about: XSD-valid messages with every optional element are read, a
 * toewijzing is found by its ToewijzingNummer (stored, or derived from the id for one sent
 * before numbers were issued) or by youth, provider and product; the actual start, the waiting
 * time, the end and its reasons are stored only after confirming, with the rules of recording
 * them by hand, for the whole message or not at all; every refusal says why in Dutch.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { jw305Start } from '../../test/helpers/jw305';
import { startStopOpzet } from '../../test/helpers/start-stop';
import { afgeleidToewijzingNummer } from './jw301';

const {
  store,
  data,
  core,
  db,
  A,
  B,
  pro,
  a,
  andereAgb,
  andereCode,
  zetKlaar,
  rij,
  logregels,
  uitbak,
  start,
  lezen,
  verwerken,
  geweigerd,
} = startStopOpzet();
afterAll(() => core.close());
beforeEach(zetKlaar);

describe('JW305: the start of care', () => {
  it('shows the toewijzing it is about and the start it would record, writing nothing', async () => {
    const voor = uitbak();
    const uit = await lezen(start());
    expect(uit).toMatchObject({
      soort: 'jw305',
      berichtId: 'JW305-0042',
      gemeente: { code: '0505', naam: 'Dordrecht' },
      client: { bsn: A.bsn },
      probleem: null,
      verwerkbaar: true,
      producten: [
        {
          toewijzingNummer: '45000001',
          begindatum: '2026-10-15',
          einddatum: null,
          redenBeeindiging: null,
          wachttijdDagen: 14,
          alVerwerkt: false,
          probleem: null,
          toewijzing: {
            id: A.id,
            gezinId: A.gezinId,
            productcode: A.productcode,
            startdatum: '2026-10-01',
            status: 'toegewezen',
          },
        },
      ],
    });
    const t = uit.producten[0]!.toewijzing!;
    expect(t.jeugdige).toBeTruthy();
    expect(t.gezinNaam).toBeTruthy();
    expect(t.aanbiederNaam).toBe(data.aanbieders.find((x) => x.agbCode === A.agb)!.naam);
    expect(uit.aanbieder.naam).toBe(t.aanbiederNaam);
    expect(rij(A.id)).toMatchObject({ status: 'toegewezen', werkelijkeStart: null });
    expect(uitbak()).toBe(voor);
    // Showing the toewijzing shows the family: logged as a look.
    expect(logregels('ijw.berichtLezen')).toContainEqual({
      wie: pro.id,
      actie: 'inzien',
      gezinId: A.gezinId,
    });
  });

  it('records the actual start on confirming: status gestart, the waiting time in the dossier, a log line', async () => {
    expect(await verwerken(start())).toEqual({
      soort: 'jw305',
      toewijzingen: [{ id: A.id, gezinId: A.gezinId, gewijzigd: true }],
    });
    expect(rij(A.id)).toMatchObject({ status: 'gestart', werkelijkeStart: '2026-10-15' });
    const dossier = a.ok('gezin.dossier', { gezinId: A.gezinId });
    const tw = dossier.actieplannen.flatMap((p) => p.toewijzingen).find((t) => t.id === A.id);
    expect(tw).toMatchObject({ werkelijkeStart: '2026-10-15', wachttijdDagen: 14 });
    expect(logregels('ijw.berichtVerwerken')).toEqual([
      { wie: pro.id, actie: 'wijzigen', gezinId: A.gezinId },
    ]);
    // The same message again changes nothing, and says so.
    const nogmaals = await lezen(start());
    expect(nogmaals.producten[0]).toMatchObject({ alVerwerkt: true, probleem: null });
    expect(nogmaals.verwerkbaar).toBe(false);
    const voor = uitbak();
    expect((await verwerken(start())).toewijzingen).toEqual([
      { id: A.id, gezinId: A.gezinId, gewijzigd: false },
    ]);
    expect(uitbak()).toBe(voor);
    // Another start for a toewijzing already started is refused.
    expect((await geweigerd(start({ begindatum: '2026-10-20' }))).verwerken).toContain(
      'al vastgelegd op 15-10-2026',
    );
  });

  it('reads a message with every optional element', async () => {
    const uit = await lezen(
      start(
        {
          categorie: A.categorie,
          productcode: A.productcode,
          toewijzingIngangsdatum: '2026-10-01',
          statusAanlevering: '2',
        },
        A,
        { volledig: true },
      ),
    );
    expect(uit.client.achternaam).toBe('de Vries');
    expect(uit.producten[0]).toMatchObject({
      categorie: A.categorie,
      productcode: A.productcode,
      toewijzingIngangsdatum: '2026-10-01',
      statusAanlevering: '2',
      toewijzing: { id: A.id },
      probleem: null,
    });
  });

  it('finds a toewijzing sent before numbers were issued by the number derived from its id, and one without a number by youth, provider and product', async () => {
    const afgeleid = afgeleidToewijzingNummer(B.id);
    const uit = await lezen(start({ toewijzingNummer: afgeleid }, B));
    expect(uit.producten[0]).toMatchObject({ toewijzing: { id: B.id }, probleem: null });
    const zonder = await lezen(
      start({ toewijzingNummer: undefined, categorie: A.categorie, productcode: A.productcode }, A),
    );
    expect(zonder.producten[0]).toMatchObject({ toewijzing: { id: A.id }, probleem: null });
    // Given a number of its own since (a new JW301), the old number still finds it.
    store.sqlite
      .prepare('UPDATE toewijzingen SET toewijzing_nummer = 912340001 WHERE id = ?')
      .run(B.id);
    await verwerken(start({ toewijzingNummer: afgeleid }, B));
    expect(rij(B.id)).toMatchObject({ status: 'gestart', werkelijkeStart: '2026-10-15' });
  });

  it('refuses a toewijzing it cannot find, or one whose youth, provider or product differ', async () => {
    const onbekend = await geweigerd(start({ toewijzingNummer: '999999999' }));
    expect(onbekend.verwerken).toContain('geen toewijzing met nummer 999999999');
    expect(onbekend.preview).toContain('geen toewijzing met nummer 999999999');
    // 111222333 passes the elfproef but is not this youth.
    expect((await geweigerd(start({}, A, { bsn: '111222333' }))).verwerken).toContain(
      'andere jeugdige',
    );
    expect((await geweigerd(start({}, A, { agb: andereAgb }))).verwerken).toContain(
      `niet aan de afzender van dit bericht (AGB ${andereAgb})`,
    );
    expect(
      (await geweigerd(start({ categorie: A.categorie, productcode: andereCode }))).verwerken,
    ).toContain(`het bericht noemt product ${andereCode}`);
    expect((await geweigerd(start({ toewijzingIngangsdatum: '2026-09-01' }))).verwerken).toContain(
      '(01-09-2026) is niet de startdatum',
    );
    expect(
      (await geweigerd(start({ toewijzingNummer: undefined, categorie: '53' }))).verwerken,
    ).toContain('geen toewijzing voor deze jeugdige bij deze aanbieder met dit product');
    expect((await geweigerd(start({}, A, { ontvanger: '0518' }))).verwerken).toContain(
      'niet voor Dordrecht',
    );
  });

  it('refuses a start before the toewijzing, after its end, in the future, or a withdrawal', async () => {
    const { verwerken: voor, code } = await geweigerd(start({ begindatum: '2026-09-30' }));
    expect(code).toBe('conflict');
    expect(voor).toContain('30-09-2026 ligt vóór de startdatum van de toewijzing (01-10-2026)');
    expect(await geweigerd(start({ begindatum: '2026-11-24' }))).toMatchObject({
      verwerken: expect.stringContaining('niet in de toekomst'),
    });
    db.prepare("UPDATE toewijzingen SET einddatum = '2026-10-31' WHERE id = ?").run(A.id);
    expect((await geweigerd(start({ begindatum: '2026-11-02' }))).verwerken).toContain(
      'na het einde van de toewijzing (31-10-2026)',
    );
    zetKlaar();
    expect((await geweigerd(start({ statusAanlevering: '3' }))).verwerken).toContain(
      'StatusAanlevering 3',
    );
    db.prepare("UPDATE toewijzingen SET status = 'ter_accordering' WHERE id = ?").run(A.id);
    expect((await geweigerd(start())).verwerken).toContain('vier-ogenakkoord');
  });

  it('records all lines of a message or none', async () => {
    const xml = jw305Start({
      agb: A.agb,
      bsn: A.bsn,
      producten: [
        { toewijzingNummer: '45000001', begindatum: '2026-10-15' },
        { toewijzingNummer: '999999999', begindatum: '2026-10-15' },
      ],
    });
    const { verwerken: fout } = await geweigerd(xml);
    expect(fout).toMatch(
      /^JW305 niet verwerkt \(product 2 in het bericht\): .*Er is niets vastgelegd\.$/,
    );
    expect(rij(A.id)).toMatchObject({ status: 'toegewezen', werkelijkeStart: null });
  });
});
