/**
 * Group commit for pushes. A push costs the service a handful of statements whatever its size
 * (read the receipts and rows, write the rows, lines, receipts and counters, commit), and on
 * PGlite every statement has a fixed cost of about a millisecond (measured: 0.8–1.3 ms through
 * drizzle for the push's reads, 4.4 ms for its combined write). When laptops come
 * online together (a team meeting), their pushes queue up; writing the ones that are waiting in
 * one transaction costs little more than writing one of them.
 *
 * A push waits at most one turn of the event loop (the requests that arrived with it are read
 * in that turn). A group is applied as if its pushes came one after the other; when one of them
 * is refused, the group is rolled back and its pushes are applied one by one, so each gets its
 * own answer and a refused push never holds up another's.
 */
import type { PushAntwoord } from '../../shared/sync/protocol';
import type { ServerDb } from '../db/connection';
import { verwerkPushes, type PushOpdracht } from './push';

/** Changes in one group at most: one transaction stays short, whatever arrives at once. */
export const MAX_WIJZIGINGEN_PER_GROEP = 2_000;

interface Wachtend extends PushOpdracht {
  klaar(antwoord: PushAntwoord): void;
  mislukt(fout: unknown): void;
}

export class PushWachtrij {
  private wachtend: Wachtend[] = [];
  private bezig = false;
  /** Settles when the push queued last is written or refused. */
  private laatste: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: ServerDb,
    private readonly nu: () => Date,
  ) {}

  push(opdracht: PushOpdracht): Promise<PushAntwoord> {
    const antwoord = new Promise<PushAntwoord>((klaar, mislukt) =>
      this.wachtend.push({ ...opdracht, klaar, mislukt }),
    );
    this.laatste = antwoord.catch(() => undefined);
    if (!this.bezig) {
      this.bezig = true;
      setImmediate(() => void this.verwerk());
    }
    return antwoord;
  }

  /**
   * Resolves once every push queued before the call is written or refused: a read that arrives
   * after a push sees it (scope state and pages), as it would without the queue.
   */
  async naWachtende(): Promise<void> {
    await this.laatste;
  }

  private async verwerk() {
    try {
      while (this.wachtend.length > 0) await this.verwerkGroep(this.neemGroep());
    } finally {
      this.bezig = false;
    }
  }

  private neemGroep(): Wachtend[] {
    let wijzigingen = this.wachtend[0]!.wijzigingen.length;
    let n = 1;
    while (
      n < this.wachtend.length &&
      wijzigingen + this.wachtend[n]!.wijzigingen.length <= MAX_WIJZIGINGEN_PER_GROEP
    )
      wijzigingen += this.wachtend[n++]!.wijzigingen.length;
    return this.wachtend.splice(0, n);
  }

  private async verwerkGroep(groep: Wachtend[]) {
    try {
      const antwoorden = await verwerkPushes(this.db, groep, this.nu());
      groep.forEach((w, i) => w.klaar(antwoorden[i]!));
      return;
    } catch (fout) {
      if (groep.length === 1) return groep[0]!.mislukt(fout);
    }
    for (const w of groep)
      try {
        w.klaar((await verwerkPushes(this.db, [w], this.nu()))[0]!);
      } catch (fout) {
        w.mislukt(fout);
      }
  }
}
