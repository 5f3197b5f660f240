/**
 * Aanval (issue 24): "replacement per team and period with other teams untouched". A file that
 * holds only team A's lines for a month nobody imported yet changes team B's forecast and
 * "Resterend": every team's committed cents of that month are replaced by SOJ figures the file
 * never gave for them (zero), and the preview shows nothing for team B.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { alsPersoon, clientFor } from '../helpers/core-client';
import { DEMO_TODAY, demoStore } from '../helpers/demo-store';
import { SOJ_KOLOMMEN } from '../../shared/budget';
import { createCore } from '../../core/core';

const { store, data } = demoStore();
const core = createCore(store, {
  now: () => new Date(`${DEMO_TODAY}T10:00:00Z`),
  log: () => {},
});
afterAll(() => core.close());

const teamA = data.teams.find((t) => t.naam === 'Jeugdteam Alblasserdam')!;
const teamB = data.teams.find((t) => t.naam === 'Jeugdteam Dordrecht Noord')!;
const coachA = data.professionals.find((p) => p.teamId === teamA.id && p.rol === 'teamcoach')!;
const coachB = data.professionals.find((p) => p.teamId === teamB.id && p.rol === 'teamcoach')!;

const euro = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');

function csvVan(rijen: Record<string, string>[]): string {
  const kop = SOJ_KOLOMMEN.map((k) => k.naam);
  return `${[kop.join(';'), ...rijen.map((r) => kop.map((k) => r[k] ?? '').join(';'))].join('\r\n')}\r\n`;
}

describe("another team's SOJ file", () => {
  it("leaves team B's forecast and Resterend as they were", async () => {
    // One of team A's October lines, moved to November (no November import exists yet).
    const bron = data.sojRegels.find((r) => r.teamId === teamA.id && r.periode === '2026-10')!;
    const regel = {
      periode: '2026-11',
      team: teamA.naam,
      client_ref: bron.clientRef,
      productcode: bron.productcode,
      perceel: bron.perceel,
      aanbieder_agb: bron.aanbiederAgb,
      verwijzer: bron.verwijzer,
      startdatum: '2026-11-01',
      einddatum: '2026-11-10',
      volume: String(bron.volume),
      eenheid: bron.eenheid,
      tarief: euro(bron.tariefCents),
      bedrag: euro(bron.bedragCents),
    };
    const cB = clientFor(core, store, coachB.id!);
    const voor = cB.ok('budget.dashboard', { teamId: teamB.id!, jaar: 2026 });
    expect(voor.kop.prognoseCents).toBeGreaterThan(0);

    alsPersoon(store, coachA.id!);
    const start = await core.callAsync('soj.importeren', {
      naam: 'SOJ_2026-11_alblasserdam.csv',
      inhoud: Buffer.from(csvVan([regel])).toString('base64'),
    });
    if (!start.ok) expect.fail(start.error.message);
    await core.sojWacht(start.data.jobId);
    const c = clientFor(core, store, coachA.id!);
    const status = c.ok('soj.importStatus', { jobId: start.data.jobId });
    expect(status.fase).toBe('voorbeeld');
    // The preview names only team A: nothing tells the coach team B's figures will move.
    expect(status.voorbeeld!.teams.map((t) => t.teamId)).toEqual([teamA.id]);
    c.ok('soj.bevestigen', { jobId: start.data.jobId });
    await core.sojWacht(start.data.jobId);
    expect(c.ok('soj.importStatus', { jobId: start.data.jobId }).fase).toBe('klaar');

    const na = cB.ok('budget.dashboard', { teamId: teamB.id!, jaar: 2026 });
    // Expected: team B is not in the file, so its figures are untouched (its November still
    // counts as committed: the SOJ sent no data for team B). Actual: November now counts as
    // "SOJ data" for every team, team B's November commitments drop out of its forecast and
    // its Resterend grows.
    expect(na.kop.prognoseCents).toBe(voor.kop.prognoseCents);
    expect(na.kop.resterendCents).toBe(voor.kop.resterendCents);
  });
});
