/**
 * The monthly SOJ import: every kind of bad file is refused with a Dutch reason per row and
 * column and leaves the database exactly as it was; a good file replaces its period.
 */
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../db/connection';
import type { DemoDataset } from '../../db/demo/generate';
import { alsPersoon } from '../../test/helpers/core-client';
import { DEMO_TODAY, demoStore } from '../../test/helpers/demo-store';
import type { SojImportStatus } from '../../shared/api-budget';
import { SOJ_KOLOMMEN, type SojKolom } from '../../shared/budget';
import { createCore, type Core } from '../core';

type Rij = Record<SojKolom, string>;
const KOLOMMEN = SOJ_KOLOMMEN.map((k) => k.naam);

const euro = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');

function csv(rijen: Rij[], kop: readonly string[] = KOLOMMEN, sep = ';'): Uint8Array {
  const lines = [
    kop.join(sep),
    ...rijen.map((r) => kop.map((k) => r[k as SojKolom] ?? '').join(sep)),
  ];
  return new TextEncoder().encode(`\ufeff${lines.join('\r\n')}\r\n`);
}

let store: OpenDatabase;
let data: DemoDataset;
let core: Core;
let coach: string;

/** The lines of one period as the SOJ would send them. */
function periodeRijen(periode: string): Rij[] {
  const team = new Map(data.teams.map((t) => [t.id!, t.naam]));
  return data.sojRegels
    .filter((r) => r.periode === periode)
    .map((r) => ({
      periode: r.periode,
      team: team.get(r.teamId!)!,
      client_ref: r.clientRef,
      productcode: r.productcode,
      perceel: r.perceel,
      aanbieder_agb: r.aanbiederAgb,
      verwijzer: r.verwijzer,
      startdatum: r.startdatum,
      einddatum: r.einddatum ?? '',
      volume: String(r.volume),
      eenheid: r.eenheid,
      tarief: euro(r.tariefCents),
      bedrag: euro(r.bedragCents),
    }));
}

/** Everything the import may touch, to prove a failed import changed nothing. */
function staat() {
  return {
    regels: store.sqlite
      .prepare('SELECT count(*) AS n, total(bedrag_cents) AS s, max(hlc) AS h FROM soj_regels')
      .get(),
    imports: store.sqlite.prepare('SELECT * FROM soj_imports ORDER BY periode').all(),
    outbox: store.sqlite.prepare('SELECT count(*) AS n FROM outbox').get(),
  };
}

/** Uploads a file as `wie` (null: a profile where nobody was chosen yet), as the app does. */
function sojStart(bytes: Uint8Array, naam: string, wie: string | null) {
  if (wie) alsPersoon(store, wie);
  else store.sqlite.prepare("DELETE FROM instellingen WHERE sleutel = 'sessie-professional'").run();
  return core.callAsync('soj.importeren', { naam, inhoud: Buffer.from(bytes).toString('base64') });
}

async function importeer(bytes: Uint8Array, naam = 'SOJ_2026-10.csv', wie = coach) {
  const start = await sojStart(bytes, naam, wie);
  if (!start.ok) throw new Error(start.error.message);
  await core.sojWacht(start.data.jobId);
  alsPersoon(store, wie);
  const status = core.call('soj.importStatus', { jobId: start.data.jobId });
  if (!status.ok) throw new Error(status.error.message);
  return status.data;
}

async function weigert(bytes: Uint8Array, naam?: string): Promise<SojImportStatus> {
  const voor = staat();
  const status = await importeer(bytes, naam);
  expect(status.fase).toBe('mislukt');
  expect(status.fouten.length).toBeGreaterThan(0);
  expect(staat()).toEqual(voor);
  return status;
}

beforeEach(() => {
  ({ store, data } = demoStore());
  core = createCore(store, { now: () => new Date(`${DEMO_TODAY}T10:00:00Z`), log: () => {} });
  coach = data.professionals.find((p) => p.rol === 'teamcoach')!.id!;
});

describe('SOJ import of a good file', () => {
  it('replaces the period: importing the same month twice never counts it twice', async () => {
    const rijen = periodeRijen('2026-10');
    const totaal = data.sojRegels
      .filter((r) => r.periode === '2026-10')
      .reduce((s, r) => s + r.bedragCents, 0);
    const som = () =>
      store.sqlite
        .prepare(
          "SELECT count(*) AS n, sum(bedrag_cents) AS s FROM soj_regels WHERE periode = '2026-10'",
        )
        .get() as { n: number; s: number };
    const eerste = await importeer(csv(rijen));
    expect(eerste.fase).toBe('klaar');
    expect(eerste.resultaat).toMatchObject({
      periode: '2026-10',
      regels: rijen.length,
      vervangen: rijen.length,
      bedragCents: totaal,
    });
    expect(eerste.resultaat!.onbekend).toEqual([]);
    const tweede = await importeer(csv(rijen));
    expect(tweede.resultaat!.vervangen).toBe(rijen.length);
    expect(som()).toEqual({ n: rijen.length, s: totaal });
    // Every line is linked again to the client and toewijzing it belongs to.
    const gekoppeld = store.sqlite
      .prepare(
        "SELECT count(*) AS n FROM soj_regels WHERE periode = '2026-10' AND toewijzing_id IS NOT NULL",
      )
      .get() as { n: number };
    expect(gekoppeld.n).toBe(rijen.length);
    alsPersoon(store, coach);
    const lijst = core.call('soj.imports', {});
    expect(lijst.ok && lijst.data.filter((i) => i.periode === '2026-10')).toHaveLength(1);
  });

  it('reads an Excel file (.xlsx) with real dates and numbers, and comma-separated CSV', async () => {
    const rijen = periodeRijen('2026-09');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Realisatie');
    sheet.addRow(KOLOMMEN);
    for (const r of rijen)
      sheet.addRow(
        KOLOMMEN.map((k) =>
          k === 'startdatum' || k === 'einddatum'
            ? new Date(`${r[k]}T00:00:00Z`)
            : k === 'volume' || k === 'tarief' || k === 'bedrag'
              ? Number(r[k].replace(',', '.'))
              : r[k],
        ),
      );
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
    const status = await importeer(xlsx, 'SOJ_2026-09.xlsx');
    expect(status.fase).toBe('klaar');
    expect(status.resultaat!.regels).toBe(rijen.length);

    const komma = periodeRijen('2026-08').map((r) => ({
      ...r,
      tarief: r.tarief.replace(',', '.'),
      bedrag: r.bedrag.replace(',', '.'),
      startdatum: r.startdatum.split('-').reverse().join('-'),
    }));
    const viaKomma = await importeer(csv(komma, KOLOMMEN, ','));
    expect(viaKomma.fase).toBe('klaar');
  });

  it('keeps and reports lines that match no known client or toewijzing', async () => {
    const rijen = periodeRijen('2026-10');
    rijen[0] = { ...rijen[0]!, client_ref: '999999990' };
    rijen[1] = {
      ...rijen[1]!,
      startdatum: '2026-10-01',
      einddatum: '2026-10-31',
      productcode:
        data.producten.find(
          (p) => p.perceel === rijen[1]!.perceel && p.productcode !== rijen[1]!.productcode,
        )?.productcode ?? rijen[1]!.productcode,
    };
    const status = await importeer(csv(rijen));
    expect(status.fase).toBe('klaar');
    expect(status.resultaat!.regels).toBe(rijen.length);
    expect(status.resultaat!.onbekend[0]).toEqual({
      regel: 2,
      clientRef: '999999990',
      reden: 'Geen bekende cliënt met deze referentie',
    });
    const stored = store.sqlite
      .prepare("SELECT count(*) AS n FROM soj_regels WHERE client_ref = '999999990'")
      .get() as { n: number };
    expect(stored.n).toBe(1);
  });

  it('imports 100,000 lines, with progress', async () => {
    const basis = periodeRijen('2026-10');
    const rijen: Rij[] = Array.from({ length: 100_000 }, (_, i) => ({
      ...basis[i % basis.length]!,
      client_ref: `REF${i}`,
    }));
    const bytes = csv(rijen);
    const start = await sojStart(bytes, 'groot.csv', coach);
    if (!start.ok) throw new Error(start.error.message);
    const fasen = new Set<string>();
    const poll = setInterval(() => {
      const s = core.call('soj.importStatus', { jobId: start.data.jobId });
      if (s.ok) fasen.add(`${s.data.fase}:${s.data.voortgang > 0 && s.data.voortgang < 1}`);
    }, 5);
    await core.sojWacht(start.data.jobId);
    clearInterval(poll);
    const status = core.call('soj.importStatus', { jobId: start.data.jobId });
    expect(status.ok && status.data.resultaat!.regels).toBe(100_000);
    expect(fasen.has('lezen:true')).toBe(true);
    expect(status.ok && status.data.resultaat!.meerOnbekend).toBe(100_000 - 100);
  }, 60_000);
});

describe('SOJ import of a bad file changes nothing', () => {
  const goed = () => periodeRijen('2026-10');

  it('wrong columns: missing, unknown, or a row with a different number of cells', async () => {
    const zonderBedrag = KOLOMMEN.filter((k) => k !== 'bedrag');
    const s1 = await weigert(csv(goed(), zonderBedrag));
    expect(s1.fouten[0]).toMatchObject({
      regel: 1,
      reden: expect.stringContaining('ontbreken: bedrag'),
    });
    const s2 = await weigert(csv(goed(), [...KOLOMMEN, 'opmerking']));
    expect(s2.fouten[0]!.reden).toContain('Onbekende kolommen: opmerking');
    const metKorteRegel = new TextDecoder().decode(csv(goed())) + '2026-10;Team\r\n';
    const s3 = await weigert(new TextEncoder().encode(metKorteRegel));
    expect(s3.fouten[0]!.reden).toContain('ander aantal kolommen');
  });

  it('bad dates, with row and column', async () => {
    const rijen = goed();
    rijen[2] = { ...rijen[2]!, startdatum: '31-02-2026' };
    rijen[4] = { ...rijen[4]!, einddatum: 'morgen' };
    const s = await weigert(csv(rijen));
    expect(s.fouten).toContainEqual({
      regel: 4,
      kolom: 'startdatum',
      reden: '"31-02-2026" is geen datum (jjjj-mm-dd of dd-mm-jjjj).',
    });
    expect(s.fouten).toContainEqual({
      regel: 6,
      kolom: 'einddatum',
      reden: '"morgen" is geen datum (jjjj-mm-dd of dd-mm-jjjj).',
    });
  });

  it('negative and non-numeric amounts and volumes', async () => {
    const rijen = goed();
    rijen[0] = { ...rijen[0]!, bedrag: '-12,50' };
    rijen[1] = { ...rijen[1]!, tarief: 'veel' };
    rijen[2] = { ...rijen[2]!, volume: '2,5' };
    const s = await weigert(csv(rijen));
    expect(s.fouten.map((f) => [f.regel, f.kolom])).toEqual([
      [2, 'bedrag'],
      [3, 'tarief'],
      [4, 'volume'],
    ]);
    expect(s.fouten[0]!.reden).toContain('negatief');
  });

  it('unknown productcode, team, aanbieder or another period in the same file', async () => {
    const rijen = goed();
    rijen[0] = { ...rijen[0]!, productcode: 'ZZ999' };
    rijen[1] = { ...rijen[1]!, team: 'Jeugdteam Atlantis' };
    rijen[2] = { ...rijen[2]!, aanbieder_agb: '12345678' };
    rijen[3] = { ...rijen[3]!, periode: '2026-09' };
    const s = await weigert(csv(rijen));
    expect(s.fouten.map((f) => f.kolom)).toEqual([
      'productcode',
      'team',
      'aanbieder_agb',
      'periode',
    ]);
    expect(s.fouten[0]!.reden).toBe('Onbekende productcode "ZZ999".');
  });

  it('duplicate lines', async () => {
    const rijen = goed();
    rijen.push({ ...rijen[3]! });
    const s = await weigert(csv(rijen));
    expect(s.fouten).toEqual([
      { regel: rijen.length + 1, kolom: null, reden: 'Dubbele regel: gelijk aan regel 5.' },
    ]);
  });

  it('an empty file, or only a header', async () => {
    expect((await weigert(new Uint8Array(0))).fouten[0]!.reden).toBe('Het bestand is leeg.');
    expect((await weigert(csv([]))).fouten[0]!.reden).toContain('alleen een kopregel');
    expect((await weigert(new TextEncoder().encode('\r\n\r\n'))).fouten[0]!.reden).toBe(
      'Het bestand is leeg.',
    );
  });

  it('the wrong encoding (Windows-1252, UTF-16) or not a text file at all', async () => {
    const rijen = goed();
    rijen[0] = { ...rijen[0]!, team: `${rijen[0]!.team} ë` };
    const utf8 = new TextDecoder().decode(csv(rijen)).replace('\ufeff', '');
    const latin1 = Uint8Array.from([...utf8].map((ch) => ch.charCodeAt(0) & 0xff));
    expect((await weigert(latin1)).fouten[0]!.reden).toContain('niet in UTF-8');
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from(utf8, 'utf16le')]);
    expect((await weigert(utf16)).fouten[0]!.reden).toContain('UTF-16');
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]);
    expect((await weigert(pdf, 'SOJ.csv')).fouten[0]!.reden).toContain('geen tekstbestand');
    expect((await weigert(new TextEncoder().encode('a;b'), 'SOJ.xlsx')).fouten[0]!.reden).toContain(
      '.xlsx',
    );
  });

  it('a 100,000-line file with one bad line at the very end', async () => {
    const basis = goed();
    const rijen: Rij[] = Array.from({ length: 100_000 }, (_, i) => ({
      ...basis[i % basis.length]!,
      client_ref: `REF${i}`,
    }));
    rijen[99_999] = { ...rijen[99_999]!, bedrag: '12,3,4' };
    const s = await weigert(csv(rijen));
    expect(s.fouten).toEqual([
      { regel: 100_001, kolom: 'bedrag', reden: '"12,3,4" is geen bedrag.' },
    ]);
  }, 60_000);

  it('reports at most 100 problems and counts the rest', async () => {
    const rijen = goed().map((r) => ({ ...r, volume: 'x' }));
    const many = Array.from({ length: 3 }, () => rijen)
      .flat()
      .map((r, i) => ({ ...r, client_ref: `R${i}` }));
    const s = await weigert(csv(many));
    expect(s.fouten).toHaveLength(100);
    expect(s.meerFouten).toBe(many.length - 100);
  });

  it('only a teamcoach or beheerder may import', async () => {
    const prof = data.professionals.find((p) => p.rol === 'jeugdprofessional')!.id!;
    const r = await sojStart(csv(goed()), 'x.csv', prof);
    expect(r.ok || r.error.code).toBe('geen-toegang');
    const anon = await sojStart(csv(goed()), 'x.csv', null);
    expect(anon.ok || anon.error.code).toBe('niet-aangemeld');
  });
});
