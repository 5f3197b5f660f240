/**
 * The monthly SOJ import: every kind of bad file is refused with a Dutch reason per row and
 * column and leaves the database exactly as it was; a good file replaces its period.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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

/** Reads and checks a file up to its preview (or its refusal); nothing is written yet. */
async function leesIn(bytes: Uint8Array, naam = 'SOJ_2026-10.csv', wie = coach) {
  const start = await sojStart(bytes, naam, wie);
  if (!start.ok) throw new Error(start.error.message);
  await core.sojWacht(start.data.jobId);
  alsPersoon(store, wie);
  const status = core.call('soj.importStatus', { jobId: start.data.jobId });
  if (!status.ok) throw new Error(status.error.message);
  return status.data;
}

/** Confirms the preview of a job, as the screen's button does, and waits for the writing. */
async function bevestig(jobId: string, wie = coach): Promise<SojImportStatus> {
  alsPersoon(store, wie);
  const r = core.call('soj.bevestigen', { jobId });
  if (!r.ok) throw new Error(r.error.message);
  await core.sojWacht(jobId);
  alsPersoon(store, wie);
  const status = core.call('soj.importStatus', { jobId });
  if (!status.ok) throw new Error(status.error.message);
  return status.data;
}

/** Reads a file and, when it shows its preview, confirms it. */
async function importeer(bytes: Uint8Array, naam = 'SOJ_2026-10.csv', wie = coach) {
  const status = await leesIn(bytes, naam, wie);
  return status.fase === 'voorbeeld' ? bevestig(status.jobId, wie) : status;
}

/** Stored lines and their total in cents, of all periods or those matching `where`. */
function som(where = '1 = 1', ...params: string[]) {
  return store.sqlite
    .prepare(
      `SELECT count(*) AS n, coalesce(sum(bedrag_cents), 0) AS s FROM soj_regels WHERE deleted = 0 AND ${where}`,
    )
    .get(...params) as { n: number; s: number };
}

/** The amount of a row in cents, from its "1.234,56" text, with integer arithmetic only. */
const centsVan = (bedrag: string) => Number(bedrag.replace(/[.,]/g, ''));
const somVan = (rijen: Rij[]) => rijen.reduce((s, r) => s + centsVan(r.bedrag), 0);

async function weigert(bytes: Uint8Array, naam?: string): Promise<SojImportStatus> {
  const voor = staat();
  const status = await leesIn(bytes, naam);
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
    const voorbeeld = core.call('soj.importStatus', { jobId: start.data.jobId });
    expect(voorbeeld.ok && voorbeeld.data.voorbeeld!.regels).toBe(100_000);
    await bevestig(start.data.jobId);
    clearInterval(poll);
    const status = core.call('soj.importStatus', { jobId: start.data.jobId });
    expect(status.ok && status.data.resultaat!.regels).toBe(100_000);
    expect(som("periode = '2026-10'")).toEqual({
      n: 100_000,
      s: rijen.reduce((t, r) => t + centsVan(r.bedrag), 0),
    });
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
    rijen[0] = { ...rijen[0]!, tarief: '-94,80' };
    rijen[1] = { ...rijen[1]!, tarief: 'veel' };
    rijen[2] = { ...rijen[2]!, volume: '2,5' };
    const s = await weigert(csv(rijen));
    expect(s.fouten.map((f) => [f.regel, f.kolom])).toEqual([
      [2, 'tarief'],
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

/** Excel's serial number of a day (the 1900 date system). */
const serieel = (iso: string) =>
  (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;

describe('issue 24: an SOJ import that cannot misread', () => {
  /** The 2026-10 lines as a comma-separated file with decimal points would hold them. */
  const metPunt = (rijen: Rij[]) =>
    rijen.map((r) => ({
      ...r,
      tarief: r.tarief.replace(',', '.'),
      bedrag: r.bedrag.replace(',', '.'),
    }));

  it('refuses 12.500 in a comma-separated file with decimal points, naming row and column', async () => {
    const rijen = metPunt(periodeRijen('2026-10'));
    rijen[3] = { ...rijen[3]!, volume: '1', tarief: '12.50', bedrag: '12.500' };
    const voor = som();
    const s = await weigert(csv(rijen, KOLOMMEN, ','));
    expect(s.fouten).toEqual([
      { regel: 5, kolom: 'bedrag', reden: expect.stringContaining('dubbelzinnig') },
    ]);
    expect(s.fouten[0]!.reden).toContain('decimaalpunt');
    expect(som()).toEqual(voor);
  });

  it('refuses an amount that contradicts the convention of the file', async () => {
    const rijen = periodeRijen('2026-10');
    rijen[1] = { ...rijen[1]!, bedrag: rijen[1]!.bedrag.replace(',', '.') };
    const voor = som();
    const s = await weigert(csv(rijen));
    expect(s.fouten).toEqual([
      { regel: 3, kolom: 'bedrag', reden: expect.stringContaining('decimaalkomma') },
    ]);
    expect(som()).toEqual(voor);
  });

  it('detects and shows one decimal convention per file, before anything is written', async () => {
    const rijen = periodeRijen('2026-10');
    const voor = staat();
    const punt = await leesIn(csv(metPunt(rijen), KOLOMMEN, ','));
    expect(punt.fase).toBe('voorbeeld');
    expect(punt.voorbeeld!.decimalen.teken).toBe('punt');
    const komma = await leesIn(csv(rijen));
    expect(komma.voorbeeld!.decimalen.teken).toBe('komma');
    // The demo region's own lines are all plausible: no warnings to wade through.
    expect(komma.voorbeeld!.waarschuwingen).toEqual([]);
    expect(komma.voorbeeld!.bedragCents).toBe(somVan(rijen));
    expect(staat()).toEqual(voor);
    const klaar = await bevestig(komma.jobId);
    expect(klaar.fase).toBe('klaar');
    expect(som("periode = '2026-10'")).toEqual({ n: rijen.length, s: somVan(rijen) });
  });

  it('replaces one team per period: the other teams of the region keep their lines', async () => {
    const alle = periodeRijen('2026-10');
    const team = data.teams.find((t) => alle.filter((r) => r.team === t.naam).length > 2)!;
    const rijen = alle.filter((r) => r.team === team.naam);
    const nieuw = rijen.slice(1);
    const anderen = som("periode = '2026-10' AND team_id != ?", team.id!);
    expect(anderen.n).toBeGreaterThan(0);
    const regio = som();
    const status = await leesIn(csv(nieuw));
    expect(status.voorbeeld!.teams).toEqual([
      {
        teamId: team.id,
        teamNaam: team.naam,
        periode: '2026-10',
        regelsVoor: rijen.length,
        regelsNa: nieuw.length,
        bedragVoorCents: somVan(rijen),
        bedragNaCents: somVan(nieuw),
      },
    ]);
    expect(som()).toEqual(regio);
    const klaar = await bevestig(status.jobId);
    expect(klaar.resultaat).toMatchObject({ regels: nieuw.length, vervangen: rijen.length });
    expect(som("periode = '2026-10' AND team_id != ?", team.id!)).toEqual(anderen);
    expect(som("periode = '2026-10' AND team_id = ?", team.id!)).toEqual({
      n: nieuw.length,
      s: somVan(nieuw),
    });
    expect(som().s).toBe(regio.s - centsVan(rijen[0]!.bedrag));
    alsPersoon(store, coach);
    const lijst = core.call('soj.imports', {});
    expect(lijst.ok && lijst.data.filter((i) => i.periode === '2026-10')).toHaveLength(1);
  });

  it('accepts a credit line with a negative amount and counts it against the period', async () => {
    const rijen = periodeRijen('2026-10');
    const credit = { ...rijen[0]!, bedrag: `-${rijen[0]!.bedrag}`, volume: `-${rijen[0]!.volume}` };
    const status = await importeer(csv([...rijen, credit]));
    expect(status.fase).toBe('klaar');
    expect(som("periode = '2026-10'")).toEqual({
      n: rijen.length + 1,
      s: somVan(rijen) - centsVan(rijen[0]!.bedrag),
    });
  });

  it('reads the COD043 debet/credit indicator (C: credit, D: debet) from the fixture', async () => {
    const fixture = readFileSync(
      fileURLToPath(new URL('../../test/fixtures/soj/COD043-debet-credit.md', import.meta.url)),
      'utf8',
    );
    const codes = [...fixture.matchAll(/^\| ([A-Z]) +\| (\S.*?) +\|$/gm)].map((m) => m[1]);
    expect(codes.sort()).toEqual(['C', 'D']);
    const rijen = periodeRijen('2026-10');
    const kop = [...KOLOMMEN, 'debet_credit'];
    const regels = [
      ...rijen.map((r) => ({ ...r, debet_credit: 'D' })),
      { ...rijen[0]!, debet_credit: 'C' },
      { ...rijen[1]!, debet_credit: 'c' },
    ];
    const lines = [
      kop.join(';'),
      ...regels.map((r) => kop.map((k) => r[k as keyof typeof r]).join(';')),
    ];
    const status = await importeer(new TextEncoder().encode(lines.join('\r\n')));
    expect(status.fase).toBe('klaar');
    expect(som("periode = '2026-10'")).toEqual({
      n: rijen.length + 2,
      s: somVan(rijen) - centsVan(rijen[0]!.bedrag) - centsVan(rijen[1]!.bedrag),
    });
    const negatief = store.sqlite
      .prepare(
        "SELECT bedrag_cents AS b, volume FROM soj_regels WHERE periode = '2026-10' AND bedrag_cents < 0 ORDER BY bedrag_cents",
      )
      .all() as { b: number; volume: number }[];
    expect(negatief).toHaveLength(2);
    expect(negatief.every((r) => r.volume <= 0)).toBe(true);

    // C with a negative amount says credit twice: refused, nothing written.
    const dubbel = regels.map((r, i) =>
      i === 0 ? { ...r, debet_credit: 'C', bedrag: `-${r.bedrag}` } : r,
    );
    const voor = som();
    const s = await weigert(
      new TextEncoder().encode(
        [
          kop.join(';'),
          ...dubbel.map((r) => kop.map((k) => r[k as keyof typeof r]).join(';')),
        ].join('\r\n'),
      ),
    );
    expect(s.fouten[0]).toMatchObject({ regel: 2, kolom: 'bedrag' });
    expect(som()).toEqual(voor);
  });

  it('accepts a late claim for an earlier care period and counts it in the month of the care', async () => {
    const rijen = periodeRijen('2026-10');
    const augustus = periodeRijen('2026-08')[0]!;
    const laat = { ...augustus, periode: '2026-10', client_ref: '999999990' };
    const aug = som("periode = '2026-08'");
    const regio = som();
    const okt = som("periode = '2026-10'");
    const status = await leesIn(csv([...rijen, laat]));
    expect(status.fase).toBe('voorbeeld');
    const teamId = data.teams.find((t) => t.naam === laat.team)!.id;
    expect(status.voorbeeld!.teams).toContainEqual(
      expect.objectContaining({
        teamId,
        periode: '2026-08',
        regelsNa: expect.any(Number),
        bedragNaCents:
          som("periode = '2026-08' AND team_id = ?", teamId!).s + centsVan(laat.bedrag),
      }),
    );
    await bevestig(status.jobId);
    expect(som("periode = '2026-08'")).toEqual({ n: aug.n + 1, s: aug.s + centsVan(laat.bedrag) });
    expect(som("periode = '2026-10'")).toEqual({ n: rijen.length, s: somVan(rijen) });
    expect(som().s).toBe(regio.s - okt.s + somVan(rijen) + centsVan(laat.bedrag));
    // Reading the October file again replaces its late claim too: never counted twice.
    await importeer(csv([...rijen, laat]));
    expect(som("periode = '2026-08'")).toEqual({ n: aug.n + 1, s: aug.s + centsVan(laat.bedrag) });
  });

  it('reads a CSV saved by Excel: empty ;;;; rows, periode as a date, serial dates, formula results', async () => {
    const rijen = periodeRijen('2026-10');
    const excel = rijen.map((r, i) => ({
      ...r,
      periode: i === 0 ? 'okt-26' : i === 1 ? '2026-10-01' : '1-10-2026',
      startdatum: i === 2 ? String(serieel(r.startdatum)) : r.startdatum,
    }));
    excel[3] = { ...excel[3]!, volume: '1', tarief: '1121,40', bedrag: '1121,3999999999999' };
    const verwacht = somVan(rijen) - centsVan(rijen[3]!.bedrag) + 112140;
    const tekst =
      new TextDecoder().decode(csv(excel)) + ';;;;;;;;;;;;\r\n;;;;\r\n;;;;;;;;;;;;;;;;\r\n';
    const status = await importeer(new TextEncoder().encode(tekst));
    expect(status.fouten).toEqual([]);
    expect(status.fase).toBe('klaar');
    expect(status.resultaat!.periode).toBe('2026-10');
    expect(som("periode = '2026-10'")).toEqual({ n: rijen.length, s: verwacht });
    const serieelGelezen = store.sqlite
      .prepare("SELECT count(*) AS n FROM soj_regels WHERE periode = '2026-10' AND startdatum = ?")
      .get(rijen[2]!.startdatum) as { n: number };
    expect(serieelGelezen.n).toBeGreaterThan(0);

    // A result that is not within a thousandth of a cent is refused with the reason.
    const voor = som();
    excel[3] = { ...excel[3]!, bedrag: '1121,3456' };
    const s = await weigert(csv(excel));
    expect(s.fouten).toEqual([
      { regel: 5, kolom: 'bedrag', reden: expect.stringContaining('hele centen') },
    ]);
    expect(som()).toEqual(voor);
  });

  it('reads an Excel file with a periode date cell, serial dates, formula results and empty rows', async () => {
    const rijen = periodeRijen('2026-09');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Realisatie');
    sheet.addRow(KOLOMMEN);
    rijen.forEach((r, i) =>
      sheet.addRow(
        KOLOMMEN.map((k) =>
          k === 'periode'
            ? new Date('2026-09-01T00:00:00Z')
            : k === 'startdatum'
              ? serieel(r.startdatum)
              : k === 'einddatum'
                ? r.einddatum && new Date(`${r.einddatum}T00:00:00Z`)
                : k === 'volume'
                  ? i === 0
                    ? 1
                    : Number(r.volume)
                  : k === 'tarief'
                    ? i === 0
                      ? 1121.4
                      : Number(r.tarief.replace(',', '.'))
                    : k === 'bedrag'
                      ? i === 0
                        ? { formula: 'J2*L2', result: 1121.3999999999999 }
                        : Number(r.bedrag.replace(',', '.'))
                      : r[k],
        ),
      ),
    );
    sheet.addRow(KOLOMMEN.map(() => ''));
    sheet.addRow([]);
    sheet.addRow(['', null, '']);
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
    const status = await importeer(xlsx, 'SOJ_2026-09.xlsx');
    expect(status.fouten).toEqual([]);
    expect(status.fase).toBe('klaar');
    expect(som("periode = '2026-09'")).toEqual({
      n: rijen.length,
      s: somVan(rijen) - centsVan(rijen[0]!.bedrag) + 112140,
    });
  });

  it('warns where an amount differs from volume × tariff, and still imports on confirmation', async () => {
    const rijen = periodeRijen('2026-10');
    rijen[0] = { ...rijen[0]!, volume: '4', tarief: '94,80', bedrag: '37.920,00' };
    const status = await leesIn(csv(rijen));
    expect(status.fase).toBe('voorbeeld');
    expect(status.voorbeeld!.waarschuwingen).toEqual([
      { regel: 2, kolom: 'bedrag', reden: expect.stringContaining('4 × € 94,80 = € 379,20') },
    ]);
    await bevestig(status.jobId);
    expect(som("periode = '2026-10'")).toEqual({ n: rijen.length, s: somVan(rijen) });
  });

  it('a preview that has gone stale, or that belongs to someone else, writes nothing', async () => {
    const rijen = periodeRijen('2026-10');
    const eerste = await leesIn(csv(rijen.slice(1)));
    const tweede = await leesIn(csv(rijen.slice(2)));
    const beheerder = data.professionals.find((p) => p.rol === 'beheerder')!.id!;
    alsPersoon(store, beheerder);
    const vreemd = core.call('soj.bevestigen', { jobId: eerste.jobId });
    expect(vreemd.ok || vreemd.error.code).toBe('niet-gevonden');
    await bevestig(eerste.jobId);
    const na = staat();
    expect(som("periode = '2026-10'")).toEqual({ n: rijen.length - 1, s: somVan(rijen.slice(1)) });
    const mislukt = await bevestig(tweede.jobId);
    expect(mislukt.fase).toBe('mislukt');
    expect(mislukt.fouten[0]!.reden).toContain('gewijzigd');
    expect(staat()).toEqual(na);
    expect(som("periode = '2026-10'")).toEqual({ n: rijen.length - 1, s: somVan(rijen.slice(1)) });
  });
});
