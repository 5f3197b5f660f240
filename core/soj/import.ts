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
import type { SojFout, SojImportStatus, SojVoorbeeld } from '../../shared/api';
import type { Deps, SojJobs } from '../context';
import { inTransaction } from '../../db/transaction';
import { controleerSoj } from './controleren';
import { SojFileError, leesSojBestand } from './lezen';
import { referentie } from './referentie';
import { schrijfSoj, Verouderd } from './schrijven';
import { sojVoorbeeld, type Gecontroleerd } from './voorbeeld';

interface Job extends SojImportStatus {
  eigenaar: string;
  gestartOp: number;
  bestandsnaam: string;
  /** The checked lines, kept from the preview until confirmed. */
  controle?: Gecontroleerd;
  klaar?: Promise<void>;
}

const BEWAAR_MS = 60 * 60 * 1000;

const volgendeBeurt = () => new Promise((r) => setImmediate(r));

const INTERNE_FOUT: SojFout = {
  regel: null,
  kolom: null,
  reden: 'Er ging iets mis bij het inlezen. Er is niets opgeslagen; probeer het opnieuw.',
};

/** The running and finished imports of this session, polled by the screen for progress. */
export class SojImportJobs implements SojJobs {
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
      if (error instanceof SojFileError) return this.mislukt(job, [error.fout]);
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
