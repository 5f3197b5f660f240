/**
 * The monthly SOJ import as a background job: read the file (CSV or XLSX), check every row,
 * show a preview per team and period (lines and amount before → after) and, once the user
 * confirms it, write in one transaction. Nothing is written unless every row is valid and the
 * preview is confirmed and still true. Importing a period again replaces, per team in the file,
 * the lines of that period's import (late claims included), so nothing is counted twice and the
 * teams not in the file keep theirs. Lines that match no known client or toewijzing are kept
 * (they are real spending) and reported.
 *
 * SOJ lines are the region's figures; they are not local edits and do not go into the sync
 * outbox.
 */
import { randomUUID } from 'node:crypto';
import type {
  SojFout,
  SojImportStatus,
  SojVoorbeeld,
  SojVoorbeeldRegel,
} from '../../shared/api-budget';
import type { Perceel } from '../../shared/domain';
import { effectiveEnd } from '../../shared/cost';
import type { Deps } from '../context';
import { inTransaction } from '../writer';
import { COMMITTING_SQL } from '../budget/facts';
import { stmt } from '../prepared';
import {
  controleerSoj,
  MAX_FOUTEN,
  type Controle,
  type Referentie,
  type SojRegel,
} from './controleren';
import { BestandFout, leesSojBestand } from './lezen';

type Gecontroleerd = Extract<Controle, { ok: true }>;

interface Job extends SojImportStatus {
  eigenaar: string;
  gestartOp: number;
  bestandsnaam: string;
  /** The checked lines, kept from the preview until confirmed. */
  controle?: Gecontroleerd;
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

const sleutel = (teamId: string, periode: string) => `${teamId}\u0000${periode}`;

/**
 * What writing these lines would do, per team and period of care: the stored lines before, and
 * after the lines of this file's period for the file's teams are replaced. Read only.
 */
export function sojVoorbeeld(deps: Deps, controle: Gecontroleerd): SojVoorbeeld {
  const teams = [...new Set(controle.regels.map((r) => r.teamId))];
  const teamJson = JSON.stringify(teams);
  const groepen = new Map<string, SojVoorbeeldRegel>();
  const groep = (teamId: string, periode: string) => {
    const k = sleutel(teamId, periode);
    let g = groepen.get(k);
    if (!g) {
      g = {
        teamId,
        teamNaam: '',
        periode,
        regelsVoor: 0,
        regelsNa: 0,
        bedragVoorCents: 0,
        bedragNaCents: 0,
      };
      groepen.set(k, g);
    }
    return g;
  };
  // The lines this file replaces: its period's import, for the teams in the file.
  const vervangen = stmt(
    deps,
    `SELECT r.team_id AS teamId, r.periode, count(*) AS n, coalesce(sum(r.bedrag_cents), 0) AS s
       FROM soj_regels r JOIN soj_imports i ON i.id = r.import_id
      WHERE i.periode = ? AND r.deleted = 0
        AND r.team_id IN (SELECT value FROM json_each(?))
      GROUP BY r.team_id, r.periode`,
  ).all(controle.periode, teamJson) as { teamId: string; periode: string; n: number; s: number }[];
  for (const v of vervangen) {
    const g = groep(v.teamId, v.periode);
    g.regelsNa -= v.n;
    g.bedragNaCents -= v.s;
  }
  let bedragCents = 0;
  let creditRegels = 0;
  let lateRegels = 0;
  for (const r of controle.regels) {
    const g = groep(r.teamId, r.periode);
    g.regelsNa++;
    g.bedragNaCents += r.bedragCents;
    bedragCents += r.bedragCents;
    if (r.credit) creditRegels++;
    if (r.periode < controle.periode) lateRegels++;
  }
  const nu = stmt(
    deps,
    `SELECT count(*) AS n, coalesce(sum(bedrag_cents), 0) AS s FROM soj_regels
      WHERE deleted = 0 AND team_id = ? AND periode = ?`,
  );
  const naam = stmt(deps, 'SELECT naam FROM teams WHERE id = ?');
  for (const g of groepen.values()) {
    const voor = nu.get(g.teamId, g.periode) as { n: number; s: number };
    g.teamNaam = (naam.get(g.teamId) as { naam: string } | undefined)?.naam ?? g.teamId;
    g.regelsVoor = voor.n;
    g.bedragVoorCents = voor.s;
    g.regelsNa += voor.n;
    g.bedragNaCents += voor.s;
  }
  return {
    periode: controle.periode,
    regels: controle.regels.length,
    bedragCents,
    creditRegels,
    lateRegels,
    decimalen: controle.decimalen,
    teams: [...groepen.values()].sort(
      (a, b) =>
        a.teamNaam.localeCompare(b.teamNaam, 'nl') ||
        a.teamId.localeCompare(b.teamId) ||
        a.periode.localeCompare(b.periode),
    ),
    waarschuwingen: controle.waarschuwingen,
    meerWaarschuwingen: controle.meerWaarschuwingen,
  };
}

/** The preview was made on other figures than there are now (another import in between). */
class Verouderd extends Error {}

/**
 * Replaces, for each team in the file, the lines of the file's period (late claims included)
 * with these lines; runs inside one transaction. Refuses when the preview no longer holds.
 */
export function schrijfSoj(
  deps: Deps,
  door: string,
  bestandsnaam: string,
  controle: Gecontroleerd,
  voorbeeld: SojVoorbeeld,
): Resultaat {
  if (JSON.stringify(sojVoorbeeld(deps, controle).teams) !== JSON.stringify(voorbeeld.teams))
    throw new Verouderd();
  const { periode, regels } = controle;
  const koppel = koppelaar(deps);
  const hlc = deps.clock.tick();
  const teams = JSON.stringify([...new Set(regels.map((r) => r.teamId))]);
  const oud = stmt(deps, 'SELECT id FROM soj_imports WHERE periode = ?').get(periode) as
    { id: string } | undefined;
  let vervangen = 0;
  const importId = oud?.id ?? randomUUID();
  if (oud) {
    vervangen = stmt(
      deps,
      `DELETE FROM soj_regels WHERE import_id = ? AND team_id IN (SELECT value FROM json_each(?))`,
    ).run(oud.id, teams).changes;
    stmt(
      deps,
      `UPDATE soj_imports SET hlc = ?, author_id = ?, deleted = 0, bestandsnaam = ?,
         ingelezen_op = ?, ingelezen_door = ? WHERE id = ?`,
    ).run(hlc, door, bestandsnaam, deps.now(), door, oud.id);
  } else
    stmt(
      deps,
      `INSERT INTO soj_imports (id, hlc, author_id, deleted, periode, bestandsnaam, ingelezen_op,
         ingelezen_door, aantal_regels) VALUES (?, ?, ?, 0, ?, ?, ?, ?, 0)`,
    ).run(importId, hlc, door, periode, bestandsnaam, deps.now(), door);
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
  // The teams the period's import now holds: the file's teams and those of earlier files of the
  // period it left alone. Only for them the period counts as a month with SOJ data.
  stmt(
    deps,
    `UPDATE soj_imports SET aantal_regels = (SELECT count(*) FROM soj_regels WHERE import_id = @id),
       team_ids = (SELECT json_group_array(team_id) FROM (
         SELECT DISTINCT team_id FROM soj_regels
          WHERE import_id = @id AND deleted = 0 AND team_id IS NOT NULL ORDER BY team_id))
     WHERE id = @id`,
  ).run({ id: importId });
  return { periode, regels: regels.length, vervangen, bedragCents, onbekend, meerOnbekend };
}

const BEWAAR_MS = 60 * 60 * 1000;

const volgendeBeurt = () => new Promise((r) => setImmediate(r));

const INTERNE_FOUT: SojFout = {
  regel: null,
  kolom: null,
  reden: 'Er ging iets mis bij het inlezen. Er is niets opgeslagen; probeer het opnieuw.',
};

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
      bestandsnaam,
      fase: 'lezen',
      voortgang: 0,
      regels: 0,
      fouten: [],
      meerFouten: 0,
      resultaat: null,
      voorbeeld: null,
    };
    this.jobs.set(job.jobId, job);
    job.klaar = this.lees(job, bytes);
    return this.status(job.jobId, door)!;
  }

  /** The status for its owner only; null when unknown. */
  status(jobId: string, door: string): SojImportStatus | null {
    const job = this.jobs.get(jobId);
    if (!job || job.eigenaar !== door) return null;
    const {
      eigenaar: _e,
      gestartOp: _g,
      klaar: _k,
      controle: _c,
      bestandsnaam: _b,
      ...status
    } = job;
    return status;
  }

  /**
   * The owner confirms the preview: the lines are written in the background. Null when the job
   * is unknown to this person; an error text when it does not wait for confirmation.
   */
  bevestig(jobId: string, door: string): SojImportStatus | null | string {
    const job = this.jobs.get(jobId);
    if (!job || job.eigenaar !== door) return null;
    if (job.fase !== 'voorbeeld' || !job.controle || !job.voorbeeld)
      return job.fase === 'klaar' || job.fase === 'opslaan'
        ? 'Deze import is al bevestigd.'
        : 'Deze import wacht niet op een bevestiging.';
    job.fase = 'opslaan';
    job.voortgang = 0;
    job.klaar = this.schrijf(job, job.controle, job.voorbeeld);
    return this.status(jobId, door);
  }

  /** Resolves when the job's current step is done (tests and the CLI wait on it). */
  async wacht(jobId: string): Promise<void> {
    await this.jobs.get(jobId)?.klaar;
  }

  private mislukt(job: Job, fouten: SojFout[], meer = 0) {
    job.fase = 'mislukt';
    job.fouten = fouten;
    job.meerFouten = meer;
    job.controle = undefined;
  }

  /** Reads and checks the file, then shows the preview; nothing is written. */
  private async lees(job: Job, bytes: Uint8Array): Promise<void> {
    try {
      const gelezen = await leesSojBestand(bytes, job.bestandsnaam, (v) => (job.voortgang = v));
      job.regels = gelezen.rijen.length;
      job.fase = 'controleren';
      job.voortgang = 0;
      await volgendeBeurt();
      const controle = controleerSoj(gelezen, referentie(this.deps), (v) => (job.voortgang = v));
      if (!controle.ok) return this.mislukt(job, controle.fouten, controle.meerFouten);
      job.voorbeeld = sojVoorbeeld(this.deps, controle);
      job.controle = controle;
      job.fase = 'voorbeeld';
      job.voortgang = 1;
    } catch (error) {
      if (error instanceof BestandFout) return this.mislukt(job, [error.fout]);
      this.log(`Interne fout bij SOJ-import: ${(error as Error).stack ?? String(error)}`);
      this.mislukt(job, [INTERNE_FOUT]);
    }
  }

  /** Writes the confirmed lines in one transaction, if the preview still holds. */
  private async schrijf(job: Job, controle: Gecontroleerd, voorbeeld: SojVoorbeeld) {
    await volgendeBeurt();
    // A larger page cache while 100,000 lines and their index entries are written.
    const cache = this.deps.sqlite.pragma('cache_size', { simple: true }) as number;
    this.deps.sqlite.pragma('cache_size=-131072');
    try {
      job.resultaat = inTransaction(this.deps.sqlite, () =>
        schrijfSoj(this.deps, job.eigenaar, job.bestandsnaam, controle, voorbeeld),
      );
      job.controle = undefined;
      job.fase = 'klaar';
      job.voortgang = 1;
    } catch (error) {
      if (error instanceof Verouderd)
        return this.mislukt(job, [
          {
            regel: null,
            kolom: null,
            reden:
              'De SOJ-cijfers zijn sinds het voorbeeld gewijzigd (een andere import). Er is niets opgeslagen; lees het bestand opnieuw in.',
          },
        ]);
      this.log(`Interne fout bij SOJ-import: ${(error as Error).stack ?? String(error)}`);
      this.mislukt(job, [INTERNE_FOUT]);
    } finally {
      this.deps.sqlite.pragma(`cache_size=${cache}`);
    }
  }
}
