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
import { DEMO_TODAY, demoStore } from '../../test/helpers/demo-store';
import { jw305Start, type ProductRegelInvoer } from '../../test/helpers/jw305';
import { jw307Stop, type StopRegelInvoer } from '../../test/helpers/jw307';
import { jw315Verzoek } from '../../test/helpers/jw315';
import { IJW_FIXTURES, xmllint } from '../../test/helpers/xmllint';
import { createCore } from '../core';
import { afgeleidToewijzingNummer } from './jw301';

const { store, data } = demoStore();
const core = createCore(store, { now: () => new Date(`${DEMO_TODAY}T10:00:00Z`) });
afterAll(() => core.close());
const db = store.sqlite;

const team = data.teams.find((t) => t.naam === 'Jeugdteam Dordrecht Noord')!;

interface Rij {
  id: string;
  gezinId: string;
  gezinslidId: string;
  bsn: string;
  agb: string;
  productcode: string;
  categorie: string;
}
/** Toewijzingen of the team with a youth's BSN and an action plan, in families still open. */
const rijen = db
  .prepare(
    `SELECT t.id, g.id AS gezinId, l.id AS gezinslidId, l.bsn, a.agb_code AS agb, p.productcode, p.categorie
       FROM toewijzingen t JOIN gezinsleden l ON l.id = t.gezinslid_id JOIN gezinnen g ON g.id = l.gezin_id
       JOIN aanbieders a ON a.id = t.aanbieder_id JOIN producten p ON p.id = t.product_id
      WHERE g.team_id = ? AND g.status != 'afgesloten' AND t.actieplan_id IS NOT NULL
        AND l.bsn IS NOT NULL AND t.deleted = 0
      ORDER BY t.id`,
  )
  .all(team.id) as Rij[];
const A = rijen[0]!;
const B = rijen.find((r) => r.gezinId !== A.gezinId)!;
const pro = data.professionals.find((p) => p.teamId === team.id && p.rol === 'jeugdprofessional')!;
const collega = data.professionals.find(
  (p) => p.teamId === team.id && p.rol === 'jeugdprofessional' && p.id !== pro.id,
)!;
const coach = data.professionals.find((p) => p.teamId === team.id && p.rol === 'teamcoach')!;
const outsider = data.professionals.find(
  (p) => p.teamId !== team.id && p.rol === 'jeugdprofessional',
)!;
const a = clientFor(core, store, pro.id!);
const andereAgb = data.aanbieders.find((x) => x.agbCode !== A.agb)!.agbCode;
const andereCode = data.producten.find((p) => p.productcode !== A.productcode)!.productcode;

/** Both families are the professional's own; both toewijzingen allocated, not yet started. */
function zetKlaar() {
  for (const [r, nummer] of [
    [A, 45_000_001],
    [B, null],
  ] as const) {
    db.prepare('UPDATE gezinnen SET regisseur_id = ? WHERE id = ?').run(pro.id, r.gezinId);
    db.prepare(
      `UPDATE toewijzingen SET status = 'toegewezen', startdatum = '2026-10-01', einddatum = '2027-03-31',
         werkelijke_start = NULL, beeindigd_op = NULL, einde_reden = NULL, reden_beeindiging = NULL,
         toewijzing_nummer = ? WHERE id = ?`,
    ).run(nummer, r.id);
  }
}
beforeEach(zetKlaar);

const rij = (id: string) =>
  db
    .prepare(
      `SELECT status, werkelijke_start AS werkelijkeStart, beeindigd_op AS beeindigdOp,
              einde_reden AS eindeReden, reden_beeindiging AS redenBeeindiging
         FROM toewijzingen WHERE id = ?`,
    )
    .get(id) as Record<string, string | null>;
const logregels = (onderdeel: string) =>
  db
    .prepare('SELECT user_id AS wie, actie, gezin_id AS gezinId FROM audit_log WHERE onderdeel = ?')
    .all(onderdeel);
const uitbak = () => (db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;

const start = (
  regel: Partial<ProductRegelInvoer> = {},
  r: Rij = A,
  extra: { bsn?: string; agb?: string; ontvanger?: string; volledig?: boolean } = {},
) =>
  jw305Start({
    agb: extra.agb ?? r.agb,
    bsn: extra.bsn ?? r.bsn,
    ontvanger: extra.ontvanger,
    volledig: extra.volledig,
    producten: [{ toewijzingNummer: '45000001', begindatum: '2026-10-15', ...regel }],
  });
const stop = (regel: Partial<StopRegelInvoer> = {}, r: Rij = A) =>
  jw307Stop({
    agb: r.agb,
    bsn: r.bsn,
    producten: [
      {
        toewijzingNummer: '45000001',
        begindatum: '2026-10-15',
        reden: '31',
        einddatum: '2026-11-20',
        ...regel,
      },
    ],
  });

async function lezen(xml: string, wie = a) {
  const uit = await wie.async('ijw.berichtLezen', { xml });
  if (!uit.ok) expect.fail(uit.error.message);
  return uit.data;
}
async function verwerken(xml: string, verhuizing?: boolean) {
  const uit = await a.async('ijw.berichtVerwerken', { xml, verhuizing });
  if (!uit.ok) expect.fail(uit.error.message);
  return uit.data;
}
/** Refused by both the preview (as a file error, or the line's problem) and the recording. */
async function geweigerd(xml: string) {
  const voor = { a: rij(A.id), b: rij(B.id), outbox: uitbak() };
  const gelezen = await a.async('ijw.berichtLezen', { xml });
  const verwerkt = await a.async('ijw.berichtVerwerken', { xml });
  if (verwerkt.ok) expect.fail('verwerkt');
  // Nothing written, not even half of it.
  expect({ a: rij(A.id), b: rij(B.id), outbox: uitbak() }).toEqual(voor);
  const preview = gelezen.ok
    ? (gelezen.data.probleem ?? gelezen.data.producten.find((p) => p.probleem)?.probleem ?? null)
    : gelezen.error.message;
  if (gelezen.ok) expect(gelezen.data.verwerkbaar).toBe(false);
  return { preview, verwerken: verwerkt.error.message, code: verwerkt.error.code };
}

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

describe('JW307: the end of care', () => {
  it('is refused before the start is recorded', async () => {
    expect((await geweigerd(stop())).verwerken).toContain('Lees eerst het startbericht (JW305) in');
  });

  it('shows the end and the JZ588 reason, then records them: beëindigd, with both reasons', async () => {
    await verwerken(start());
    const uit = await lezen(stop());
    expect(uit).toMatchObject({
      soort: 'jw307',
      verwerkbaar: true,
      producten: [
        {
          begindatum: '2026-10-15',
          einddatum: '2026-11-20',
          redenBeeindiging: { code: '31', label: 'Levering is volgens plan beëindigd' },
          eindeReden: 'volgens_plan',
          wachttijdDagen: null,
          toewijzing: { id: A.id, status: 'gestart', werkelijkeStart: '2026-10-15' },
          probleem: null,
        },
      ],
    });
    expect(rij(A.id).status).toBe('gestart');
    expect((await verwerken(stop())).toewijzingen).toEqual([
      { id: A.id, gezinId: A.gezinId, gewijzigd: true },
    ]);
    expect(rij(A.id)).toEqual({
      status: 'beeindigd',
      werkelijkeStart: '2026-10-15',
      beeindigdOp: '2026-11-20',
      eindeReden: 'volgens_plan',
      redenBeeindiging: '31',
    });
    const dossier = a.ok('gezin.dossier', { gezinId: A.gezinId });
    expect(
      dossier.actieplannen.flatMap((p) => p.toewijzingen).find((t) => t.id === A.id),
    ).toMatchObject({ status: 'beeindigd', beeindigdOp: '2026-11-20', wachttijdDagen: 14 });
    // Again: nothing changes; another end for the ended toewijzing is refused.
    expect((await lezen(stop())).producten[0]!.alVerwerkt).toBe(true);
    expect((await verwerken(stop())).toewijzingen[0]!.gewijzigd).toBe(false);
    expect((await geweigerd(stop({ reden: '32' }))).verwerken).toContain(
      'al beëindigd op 20-11-2026 (levering is volgens plan beëindigd)',
    );
    expect((await geweigerd(stop({ einddatum: '2026-11-21' }))).verwerken).toContain(
      'al beëindigd',
    );
  });

  it('maps JZ588 to the own end reasons: 32 and 33 early, 35 a move only when confirmed', async () => {
    for (const [reden, verhuizing, eindeReden] of [
      ['32', false, 'voortijdig_client'],
      ['33', false, 'voortijdig_aanbieder'],
      ['35', false, 'overig'],
      ['35', true, 'verhuizing'],
      ['38', false, 'overig'],
    ] as const) {
      zetKlaar();
      await verwerken(start());
      await verwerken(stop({ reden }), verhuizing);
      expect(rij(A.id)).toMatchObject({ eindeReden, redenBeeindiging: reden });
    }
  });

  it('refuses a stop before the start, after the toewijzing, or for another start', async () => {
    await verwerken(start());
    expect((await geweigerd(stop({ einddatum: '2026-10-14' }))).verwerken).toContain(
      'De einddatum 14-10-2026 ligt vóór de start van de zorg (15-10-2026)',
    );
    expect((await geweigerd(stop({ einddatum: '2027-04-01' }))).verwerken).toContain(
      'na het einde van de toewijzing (31-03-2027)',
    );
    expect((await geweigerd(stop({ begindatum: '2026-10-16' }))).verwerken).toContain(
      'is niet de vastgelegde start van de zorg (15-10-2026)',
    );
    expect(rij(A.id)).toMatchObject({ status: 'gestart', beeindigdOp: null });
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
