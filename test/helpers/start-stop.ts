/**
 * Test scaffolding for a provider's JW305 and JW307 (core/ijw/*.test.ts): a demo store and core,
 * two toewijzingen of one team allocated and not yet started (`zetKlaar` before each test), the
 * people who may or may not record them, and reading, recording or being refused a message.
 */
import { expect } from 'vitest';
import { createCore } from '../../core/core';
import { clientFor } from './core-client';
import { DEMO_TODAY, demoStore } from './demo-store';
import { jw305Start, type ProductRegelInvoer } from './jw305';
import { jw307Stop, type StopRegelInvoer } from './jw307';

export interface Rij {
  id: string;
  gezinId: string;
  gezinslidId: string;
  bsn: string;
  agb: string;
  productcode: string;
  categorie: string;
}

/** Everything a JW305/JW307 test works with; call once at the top of the test file. */
export function startStopOpzet() {
  const { store, data } = demoStore();
  const core = createCore(store, { now: () => new Date(`${DEMO_TODAY}T10:00:00Z`) });
  const db = store.sqlite;

  const team = data.teams.find((t) => t.naam === 'Jeugdteam Dordrecht Noord')!;

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
  const pro = data.professionals.find(
    (p) => p.teamId === team.id && p.rol === 'jeugdprofessional',
  )!;
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
      .prepare(
        'SELECT user_id AS wie, actie, gezin_id AS gezinId FROM audit_log WHERE onderdeel = ?',
      )
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
  return {
    store,
    data,
    core,
    db,
    team,
    rijen,
    A,
    B,
    pro,
    collega,
    coach,
    outsider,
    a,
    andereAgb,
    andereCode,
    zetKlaar,
    rij,
    logregels,
    uitbak,
    start,
    stop,
    lezen,
    verwerken,
    geweigerd,
  };
}
