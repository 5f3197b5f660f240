/**
 * The monthly SOJ import: a good file replaces its period: imported twice it never counts twice,
 * Excel and CSV alike, unknown lines kept and reported, 100,000 lines with progress.
 */
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../db/connection';
import type { DemoDataset } from '../../demo/generate';
import { alsPersoon } from '../../test/helpers/core-client';
import {
  bevestig,
  centsVan,
  csv,
  importeer,
  KOLOMMEN,
  periodeRijen,
  som,
  sojStart,
  sojOpzetten,
  type Rij,
} from '../../test/helpers/soj-import';
import type { Core } from '../core';

let store: OpenDatabase;
let data: DemoDataset;
let core: Core;
let coach: string;

beforeEach(() => {
  ({ store, data, core, coach } = sojOpzetten());
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
