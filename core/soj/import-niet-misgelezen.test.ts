/**
 * The monthly SOJ import: issue 24, an import that cannot misread: one decimal convention per
 * file, one team per period replaced, credit lines, late claims, files saved by Excel, warnings
 * and a stale preview.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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
  leesIn,
  periodeRijen,
  som,
  somVan,
  staat,
  weigert,
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
