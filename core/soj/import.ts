/**
 * The monthly SOJ import as a background job: read the file (CSV or XLSX), check every row,
 * then replace the period in one transaction. Nothing is written unless every row is valid;
 * importing a period again replaces it, so nothing is ever counted twice. Lines that match no
 * known client or toewijzing are kept (they are real spending) and reported.
 *
 * SOJ lines are the region's figures, replaced per period as a whole; they are not local
 * edits and do not go into the sync outbox.
 */
import { randomUUID } from 'node:crypto';
import type { SojFout, SojImportStatus } from '../../shared/api-budget';
import type { Perceel } from '../../shared/domain';
import { effectiveEnd } from '../../shared/cost';
import type { Deps } from '../context';
import { inTransaction } from '../writer';
import { COMMITTING_SQL } from '../budget/facts';
import { stmt } from '../prepared';
import { controleerSoj, MAX_FOUTEN, type Referentie, type SojRegel } from './controleren';
import { BestandFout, leesSojBestand } from './lezen';

interface Job extends SojImportStatus {
  eigenaar: string;
  gestartOp: number;
  klaar?: Promise<void>;
}

type Resultaat = NonNullable<SojImportStatus['resultaat']>;

function referentie(deps: Deps): Referentie {
  const rows = <T>(sql: string) => stmt(deps, sql).all() as T[];
  return {
    teams: new Map(
      rows<{ id: string; naam: string }>('SELECT id, naam FROM teams WHERE deleted = 0').map(
        (t) => [t.naam.toLowerCase(), t.id],
      ),
    ),
    producten: new Map(
      rows<{ productcode: string; perceel: Perceel }>(
        'SELECT productcode, perceel FROM producten WHERE deleted = 0',
      ).map((p) => [p.productcode.toUpperCase(), p.perceel]),
    ),
    aanbieders: new Set(
      rows<{ agb_code: string }>('SELECT agb_code FROM aanbieders WHERE deleted = 0').map(
        (a) => a.agb_code,
      ),
    ),
  };
}

interface Kandidaat {
  id: string;
  agb: string;
  productcode: string;
  start: string;
  eind: string;
}

/** Links each line to its client (by BSN) and toewijzing (same provider, product, period). */
function koppelaar(deps: Deps) {
  const gezinslidVan = new Map(
    (
      stmt(deps, 'SELECT id, bsn FROM gezinsleden WHERE deleted = 0 AND bsn IS NOT NULL').all() as {
        id: string;
        bsn: string;
      }[]
    ).map((r) => [r.bsn, r.id]),
  );
  const perJeugdige = new Map<string, Kandidaat[]>();
  const toewijzingen = stmt(
    deps,
    `SELECT t.id, t.gezinslid_id, a.agb_code, p.productcode, t.startdatum, t.einddatum, t.beeindigd_op
       FROM toewijzingen t JOIN aanbieders a ON a.id = t.aanbieder_id
       JOIN producten p ON p.id = t.product_id
      WHERE t.deleted = 0 AND t.status IN (${COMMITTING_SQL})`,
  ).all() as Record<string, string>[];
  for (const t of toewijzingen) {
    const k: Kandidaat = {
      id: t.id!,
      agb: t.agb_code!,
      productcode: t.productcode!.toUpperCase(),
      start: t.startdatum!,
      eind: effectiveEnd({
        startdatum: t.startdatum!,
        einddatum: t.einddatum!,
        beeindigdOp: t.beeindigd_op ?? null,
        volume: 0,
        frequentie: '1',
        tariefCents: 0,
      }),
    };
    const list = perJeugdige.get(t.gezinslid_id!);
    if (list) list.push(k);
    else perJeugdige.set(t.gezinslid_id!, [k]);
  }
  return (r: SojRegel) => {
    const gezinslidId = gezinslidVan.get(r.clientRef) ?? null;
    if (!gezinslidId)
      return { gezinslidId, toewijzingId: null, reden: 'Geen bekende cliënt met deze referentie' };
    const eind = r.einddatum ?? r.startdatum;
    const match = (perJeugdige.get(gezinslidId) ?? []).find(
      (k) =>
        k.agb === r.aanbiederAgb &&
        k.productcode === r.productcode &&
        k.start <= eind &&
        k.eind >= r.startdatum,
    );
    if (!match)
      return {
        gezinslidId,
        toewijzingId: null,
        reden: 'Geen toewijzing bij deze aanbieder voor dit product in deze periode',
      };
    return { gezinslidId, toewijzingId: match.id, reden: null };
  };
}

/** Replaces the period with these lines; runs inside one transaction. */
export function schrijfSojPeriode(
  deps: Deps,
  door: string,
  bestandsnaam: string,
  periode: string,
  regels: SojRegel[],
): Resultaat {
  const koppel = koppelaar(deps);
  const hlc = deps.clock.tick();
  const oud = stmt(deps, 'SELECT id FROM soj_imports WHERE periode = ?').get(periode) as
    { id: string } | undefined;
  let vervangen = 0;
  if (oud) {
    vervangen = stmt(deps, 'DELETE FROM soj_regels WHERE import_id = ?').run(oud.id).changes;
    stmt(deps, 'DELETE FROM soj_imports WHERE id = ?').run(oud.id);
  }
  const importId = randomUUID();
  stmt(
    deps,
    `INSERT INTO soj_imports (id, hlc, author_id, deleted, periode, bestandsnaam, ingelezen_op,
       ingelezen_door, aantal_regels) VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?)`,
  ).run(importId, hlc, door, periode, bestandsnaam, deps.now(), door, regels.length);
  const insert = stmt(
    deps,
    `INSERT INTO soj_regels (id, hlc, author_id, deleted, import_id, periode, team_id, client_ref,
       productcode, perceel, aanbieder_agb, verwijzer, startdatum, einddatum, volume, eenheid,
       tarief_cents, bedrag_cents, gezinslid_id, toewijzing_id)
     VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const onbekend: Resultaat['onbekend'] = [];
  let meerOnbekend = 0;
  let bedragCents = 0;
  for (const r of regels) {
    const k = koppel(r);
    if (k.reden) {
      if (onbekend.length < MAX_FOUTEN)
        onbekend.push({ regel: r.regel, clientRef: r.clientRef, reden: k.reden });
      else meerOnbekend++;
    }
    bedragCents += r.bedragCents;
    insert.run(
      randomUUID(),
      hlc,
      door,
      importId,
      r.periode,
      r.teamId,
      r.clientRef,
      r.productcode,
      r.perceel,
      r.aanbiederAgb,
      r.verwijzer,
      r.startdatum,
      r.einddatum,
      r.volume,
      r.eenheid,
      r.tariefCents,
      r.bedragCents,
      k.gezinslidId,
      k.toewijzingId,
    );
  }
  return { periode, regels: regels.length, vervangen, bedragCents, onbekend, meerOnbekend };
}

const BEWAAR_MS = 60 * 60 * 1000;

/** The running and finished imports of this session, polled by the screen for progress. */
export class SojImportJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly deps: Deps,
    private readonly log: (message: string) => void,
  ) {}

  start(bytes: Uint8Array, bestandsnaam: string, door: string): SojImportStatus {
    const now = Date.now();
    for (const [id, job] of this.jobs) if (now - job.gestartOp > BEWAAR_MS) this.jobs.delete(id);
    const job: Job = {
      jobId: randomUUID(),
      eigenaar: door,
      gestartOp: now,
      fase: 'lezen',
      voortgang: 0,
      regels: 0,
      fouten: [],
      meerFouten: 0,
      resultaat: null,
    };
    this.jobs.set(job.jobId, job);
    job.klaar = this.run(job, bytes, bestandsnaam);
    return this.status(job.jobId, door)!;
  }

  /** The status for its owner only; null when unknown. */
  status(jobId: string, door: string): SojImportStatus | null {
    const job = this.jobs.get(jobId);
    if (!job || job.eigenaar !== door) return null;
    const { eigenaar: _e, gestartOp: _g, klaar: _k, ...status } = job;
    return status;
  }

  /** Resolves when the job is done (tests and the CLI wait on it). */
  async wacht(jobId: string): Promise<void> {
    await this.jobs.get(jobId)?.klaar;
  }

  private async run(job: Job, bytes: Uint8Array, bestandsnaam: string): Promise<void> {
    const mislukt = (fouten: SojFout[], meer = 0) => {
      job.fase = 'mislukt';
      job.fouten = fouten;
      job.meerFouten = meer;
    };
    try {
      const gelezen = await leesSojBestand(bytes, bestandsnaam, (v) => (job.voortgang = v));
      job.regels = gelezen.rijen.length;
      job.fase = 'controleren';
      job.voortgang = 0;
      await new Promise((r) => setImmediate(r));
      const controle = controleerSoj(gelezen, referentie(this.deps), (v) => (job.voortgang = v));
      if (!controle.ok) return mislukt(controle.fouten, controle.meerFouten);
      job.fase = 'opslaan';
      job.voortgang = 0;
      await new Promise((r) => setImmediate(r));
      // A larger page cache while 100,000 lines and their index entries are written.
      const cache = this.deps.sqlite.pragma('cache_size', { simple: true }) as number;
      this.deps.sqlite.pragma('cache_size=-131072');
      try {
        job.resultaat = inTransaction(this.deps.sqlite, () =>
          schrijfSojPeriode(
            this.deps,
            job.eigenaar,
            bestandsnaam,
            controle.periode,
            controle.regels,
          ),
        );
      } finally {
        this.deps.sqlite.pragma(`cache_size=${cache}`);
      }
      job.fase = 'klaar';
      job.voortgang = 1;
    } catch (error) {
      if (error instanceof BestandFout) return mislukt([error.fout]);
      this.log(`Interne fout bij SOJ-import: ${(error as Error).stack ?? String(error)}`);
      mislukt([
        {
          regel: null,
          kolom: null,
          reden: 'Er ging iets mis bij het inlezen. Er is niets opgeslagen; probeer het opnieuw.',
        },
      ]);
    }
  }
}
