/**
 * Sending the outbox (ARCHITECTURE.md "Data and sync"): in batches, oldest first; a change the
 * service refuses is kept aside, and changes stamped by a clock that ran ahead are stamped anew
 * by the service's time and sent again.
 */
import type { Sqlite } from '../../db/connection';
import { inTransaction } from '../../db/transaction';
import type { HlcClock } from '../../shared/hlc';
import { MAX_KLOK_VOORSPRONG_MS, ScopesAntwoord, type Wijziging } from '../../shared/sync/protocol';
import { SyncError } from './errors';
import { herstempel } from './herstempel';
import type { Verzoek } from './transport';

export interface PushDeps {
  sqlite: Sqlite;
  clock: HlcClock;
  vraag(verzoek: Verzoek): Promise<unknown>;
  /** The service's time as far as the laptop knows it (ms). */
  dienstNu(): number;
  pushGrootte?: number;
}

interface OutboxRij {
  changeId: string;
  tableName: string;
  rowId: string;
  fields: string;
  hlc: string;
  authorId: string | null;
}

/** The first `limiet` changes in the outbox that the service has not refused. */
function leesOutbox(sqlite: Sqlite, limiet: number): OutboxRij[] {
  return sqlite
    .prepare<[number], OutboxRij>(
      `SELECT change_id AS changeId, table_name AS tableName, row_id AS rowId, fields, hlc,
            author_id AS authorId
     FROM outbox WHERE geweigerd IS NULL ORDER BY outbox.rowid LIMIT ?`,
    )
    .all(limiet);
}

/** Sends the outbox in batches; returns how many went and the scope states after the last. */
export async function pushOutbox(
  deps: PushDeps,
): Promise<{ verstuurd: number; stand?: ScopesAntwoord }> {
  const grootte = deps.pushGrootte ?? 200;
  const { sqlite } = deps;
  let verstuurd = 0;
  let stand: ScopesAntwoord | undefined;
  let herstempeld = false;
  // After a refused stamp: first the changes before it, alone (see below).
  let voorDeWeigering: number | undefined;
  for (;;) {
    const rijen = leesOutbox(sqlite, voorDeWeigering ?? grootte);
    voorDeWeigering = undefined;
    if (rijen.length === 0) return { verstuurd, stand };
    const wijzigingen: Wijziging[] = rijen.map((r) => ({
      wijzigingId: r.changeId,
      tabel: r.tableName,
      rijId: r.rowId,
      hlc: r.hlc,
      auteur: r.authorId ?? '',
      velden: JSON.parse(r.fields) as Wijziging['velden'],
    }));
    try {
      const antwoord = await deps.vraag({
        methode: 'POST',
        pad: '/sync/push',
        body: { wijzigingen },
      });
      // A service from before this field answers without it: then the round asks.
      const gelezen = ScopesAntwoord.safeParse((antwoord as { stand?: unknown } | null)?.stand);
      stand = gelezen.success ? gelezen.data : undefined;
    } catch (error) {
      // The changes before the refused one passed the service's checks: they go first, as
      // they are. They may already be stored (a push whose answer was lost), and one sent
      // again under a new stamp would be a different change under a used id.
      if (error instanceof SyncError && error.soort === 'clock-drift' && error.index) {
        voorDeWeigering = error.index;
        continue;
      }
      // Stamped by a clock that ran ahead: stamped anew by the service's time, sent again.
      // Everything still in the outbox now is unsent: a lost batch is its head, and sent above.
      if (error instanceof SyncError && error.soort === 'clock-drift' && !herstempeld) {
        herstempeld = true;
        const { sqlite: db, clock } = deps;
        const grens = deps.dienstNu() + MAX_KLOK_VOORSPRONG_MS / 2;
        if (inTransaction(db, () => herstempel(db, clock, grens)) > 0) continue;
      }
      const geweigerd =
        error instanceof SyncError && error.index !== undefined && error.soort !== 'clock-drift';
      if (!geweigerd) throw error;
      sqlite
        .prepare('UPDATE outbox SET geweigerd = ? WHERE change_id = ?')
        .run(error.message, rijen[error.index!]!.changeId);
      continue;
    }
    const weg = sqlite.prepare('DELETE FROM outbox WHERE change_id = ?');
    inTransaction(sqlite, () => {
      for (const r of rijen) weg.run(r.changeId);
    });
    verstuurd += rijen.length;
  }
}
