/** Setting the team budget, exporting dashboard tables and the professional's own cost view. */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../db/connection';
import type { DemoDataset } from '../../demo/generate';
import { clientFor } from '../../test/helpers/core-client';
import { DEMO_TODAY, demoStore } from '../../test/helpers/demo-store';
import { createCore, type Core } from '../core';

let store: OpenDatabase;
let data: DemoDataset;
let core: Core;
const byRole = (rol: string, teamId?: string) =>
  data.professionals.find((p) => p.rol === rol && (!teamId || p.teamId === teamId))!;

beforeEach(() => {
  ({ store, data } = demoStore());
  core = createCore(store, { now: () => new Date(`${DEMO_TODAY}T10:00:00Z`), log: () => {} });
});

describe('team budget', () => {
  it('is set by the teamcoach for the own team, with every change logged', () => {
    const coach = byRole('teamcoach');
    const c = clientFor(core, store, coach.id!);
    const voor = c.ok('budget.overzicht', { jaar: 2026 });
    const oud = voor.budgetten.find((b) => b.perceel === null)!.bedragCents;
    c.ok('budget.vaststellen', {
      teamId: coach.teamId!,
      jaar: 2026,
      perceel: null,
      bedragCents: 123_456_700,
      toelichting: 'Na de bestuursrapportage',
    });
    c.ok('budget.vaststellen', {
      teamId: coach.teamId!,
      jaar: 2026,
      perceel: 'ggz_licht',
      bedragCents: 10_000_000,
      toelichting: 'Verdeling over percelen',
    });
    const na = c.ok('budget.overzicht', { jaar: 2026 });
    expect(na.budgetten.map((b) => [b.perceel, b.bedragCents])).toEqual([
      [null, 123_456_700],
      ['ggz_licht', 10_000_000],
    ]);
    expect(na.wijzigingen.map((w) => [w.perceel, w.oudCents, w.nieuwCents, w.door])).toEqual(
      expect.arrayContaining([
        [null, oud, 123_456_700, coach.naam],
        ['ggz_licht', null, 10_000_000, coach.naam],
      ]),
    );
    const d = c.ok('budget.dashboard', { teamId: coach.teamId!, jaar: 2026, perceel: 'ggz_licht' });
    expect(d.kop.budgetCents).toBe(10_000_000);
    expect(d.kop.resterendCents).toBe(10_000_000 - d.kop.prognoseCents);
    // The same amount again changes nothing and says so.
    expect(
      c.fails('budget.vaststellen', {
        teamId: coach.teamId!,
        jaar: 2026,
        perceel: null,
        bedragCents: 123_456_700,
        toelichting: 'Nog eens',
      }).code,
    ).toBe('conflict');
  });

  /** Issue 24: a month without an SOJ import before the last one dropped out of the forecast. */
  it('counts a month without SOJ data as committed in the forecast', () => {
    const coach = byRole('teamcoach');
    const c = clientFor(core, store, coach.id!);
    const filter = { teamId: coach.teamId!, jaar: 2026 };
    const voor = c.ok('budget.dashboard', filter);
    const maart = voor.maanden.find((m) => m.periode === '2026-03')!;
    expect(voor.kop.maandenZonderSoj).not.toContain('2026-03');
    store.sqlite.prepare(`UPDATE soj_imports SET deleted = 1 WHERE periode = '2026-03'`).run();
    store.sqlite.prepare(`UPDATE soj_regels SET deleted = 1 WHERE periode = '2026-03'`).run();
    const na = c.ok('budget.dashboard', filter);
    expect(na.kop.laatstePeriode).toBe(voor.kop.laatstePeriode);
    expect(na.kop.maandenZonderSoj).toContain('2026-03');
    expect(maart.gecommitteerdCents).toBeGreaterThan(0);
    expect(na.kop.prognoseCents).toBe(
      voor.kop.prognoseCents - maart.gerealiseerdCents + maart.gecommitteerdCents,
    );
  });

  it('refuses another team, a negative amount, no reason, and the jeugdprofessional', () => {
    const coach = byRole('teamcoach');
    const ander = data.teams.find((t) => t.id !== coach.teamId)!;
    const c = clientFor(core, store, coach.id!);
    const geldig = {
      teamId: coach.teamId!,
      jaar: 2026,
      perceel: null,
      bedragCents: 1,
      toelichting: 'x',
    };
    expect(c.fails('budget.vaststellen', { ...geldig, teamId: ander.id }).code).toBe(
      'geen-toegang',
    );
    const negatief = c.fails('budget.vaststellen', { ...geldig, bedragCents: -5 });
    expect(negatief).toMatchObject({ code: 'ongeldige-invoer', field: 'bedragCents' });
    expect(c.fails('budget.vaststellen', { ...geldig, toelichting: '  ' }).field).toBe(
      'toelichting',
    );
    const prof = clientFor(core, store, byRole('jeugdprofessional').id!);
    expect(prof.fails('budget.vaststellen', geldig).code).toBe('geen-toegang');
    expect(prof.fails('budget.dashboard', { teamId: coach.teamId, jaar: 2026 }).code).toBe(
      'geen-toegang',
    );
    // A beheerder may set any team's budget.
    clientFor(core, store, byRole('beheerder').id!).ok('budget.vaststellen', {
      ...geldig,
      teamId: ander.id!,
    });
  });
});

describe('export of dashboard tables', () => {
  it('writes the table the screen shows as CSV for Dutch Excel and as .xlsx', async () => {
    const coach = byRole('teamcoach');
    const filter = { teamId: coach.teamId!, jaar: 2026, perceel: null };
    const c = clientFor(core, store, coach.id!);
    const d = c.ok('budget.dashboard', filter);
    const csv = await c.async('bestand.exporteren', { filter, tabel: 'perceel', formaat: 'csv' });
    if (!csv.ok) throw new Error(csv.error.message);
    expect(csv.data.naam).toBe('eenplan-per-perceel-2026.csv');
    const tekst = new TextDecoder('utf-8', { ignoreBOM: true }).decode(
      Buffer.from(csv.data.inhoud, 'base64'),
    );
    expect(
      tekst.startsWith('\ufeffPerceel;Jeugdigen;Toewijzingen;Gecommitteerd;Gerealiseerd'),
    ).toBe(true);
    const rijen = parse(tekst, { delimiter: ';', bom: true, from_line: 2 }) as string[][];
    expect(rijen).toHaveLength(d.uitsplitsing.perceel.length);
    const eerste = d.uitsplitsing.perceel[0]!;
    expect(rijen[0]).toEqual([
      eerste.label,
      String(eerste.jeugdigen),
      String(eerste.toewijzingen),
      (eerste.gecommitteerdCents / 100).toFixed(2).replace('.', ','),
      (eerste.gerealiseerdCents / 100).toFixed(2).replace('.', ','),
    ]);

    const xlsx = await c.async('bestand.exporteren', { filter, tabel: 'maanden', formaat: 'xlsx' });
    if (!xlsx.ok) throw new Error(xlsx.error.message);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.data.inhoud, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Maand');
    expect(sheet.rowCount).toBe(13);
    expect(sheet.getRow(2).getCell(2).value).toBe(d.maanden[0]!.gerealiseerdCents / 100);
    expect(sheet.getColumn(2).numFmt).toBe('€ #,##0.00');
  });

  it('exports the rows behind a figure, and refuses what does not exist or is not yours', async () => {
    const coach = byRole('teamcoach');
    const filter = { teamId: coach.teamId!, jaar: 2026, perceel: null };
    const regels = await clientFor(core, store, coach.id!).async('bestand.exporteren', {
      filter,
      tabel: 'regels',
      doorklik: { bron: 'soj', periode: '2026-03' },
      formaat: 'csv',
    });
    expect(regels.ok).toBe(true);
    const fout = (input: unknown, wie = coach.id!) =>
      clientFor(core, store, wie)
        .async('bestand.exporteren', input)
        .then((r) => (r.ok ? 'ok' : r.error.code));
    expect(await fout({ filter, tabel: 'bestaat-niet', formaat: 'csv' })).toBe('niet-gevonden');
    expect(await fout({ filter, tabel: 'perceel', formaat: 'pdf' })).toBe('ongeldige-invoer');
    expect(await fout({ filter, tabel: 'regels', formaat: 'csv' })).toBe('ongeldige-invoer');
    expect(
      await fout({ filter, tabel: 'perceel', formaat: 'csv' }, byRole('jeugdprofessional').id!),
    ).toBe('geen-toegang');
  });
});

describe('what my caseload costs', () => {
  it('adds up my own families and sets them beside the team', () => {
    const prof = byRole('jeugdprofessional');
    const k = clientFor(core, store, prof.id!).ok('kosten.mijn', {});
    expect(k.jaar).toBe(2026);
    const metHulp = k.gezinnen.filter((g) => g.toewijzingen > 0);
    expect(k.eigen.gezinnenMetHulp).toBe(metHulp.length);
    expect(k.eigen.gecommitteerdCents).toBe(metHulp.reduce((s, g) => s + g.gecommitteerdCents, 0));
    expect(k.team.gezinnenMetHulp).toBeGreaterThanOrEqual(k.eigen.gezinnenMetHulp);
    // Every open family of mine is listed, and closed ones only while their help cost this year.
    const eigen = data.gezinnen.filter((g) => g.regisseurId === prof.id);
    const gelijst = new Set(k.gezinnen.map((g) => g.gezinId));
    for (const g of eigen) if (g.status !== 'afgesloten') expect(gelijst.has(g.id!)).toBe(true);
    for (const g of k.gezinnen)
      if (g.status === 'afgesloten') expect(g.gecommitteerdCents).toBeGreaterThan(0);
    expect([...gelijst].every((id) => eigen.some((g) => g.id === id))).toBe(true);
    for (const g of k.gezinnen)
      expect(g.evaluatieTeLaat).toBe(
        g.volgendeEvaluatie !== null && g.volgendeEvaluatie < DEMO_TODAY,
      );
  });
});
