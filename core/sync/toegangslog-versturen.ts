/**
 * Handing the access log in (NEN 7513): the lines the service does not have yet, oldest first,
 * with the log's proved position; the service keeps them, also from a revoked laptop.
 */
import type { Sqlite } from '../../db/connection';
import {
  MAX_LOGREGELS,
  ToegangslogAntwoord,
  type IntrekkingWire,
  type LogregelWire,
} from '../../shared/sync/protocol';
import { ANKER_SLEUTEL, logStand } from '../audit/toegangslog';
import { SyncError } from './errors';
import { K } from './instellingen';
import type { Verzoek } from './transport';

export interface LogDeps {
  sqlite: Sqlite;
  vraag(verzoek: Verzoek): Promise<unknown>;
  lees(sleutel: string): string | undefined;
  zet(sleutel: string, waarde: string): void;
}

/**
 * Sends the access-log lines the service does not have yet, oldest first. The service takes
 * them from a revoked laptop too, and then says how it was revoked.
 */
export async function stuurToegangslog(deps: LogDeps): Promise<IntrekkingWire | undefined> {
  const lees = deps.sqlite.prepare<
    [number, number],
    Omit<LogregelWire, 'mac' | 'ratelMac'> & { mac: string | null; ratelMac: string | null }
  >(
    `SELECT id, seq, at, user_id AS userId, namens_id AS namensId, actie, gezin_id AS gezinId,
            onderdeel, reden, apparaat, prev_hash AS prevHash, hash, mac, ratel_mac AS ratelMac
       FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?`,
  );
  let intrekking: IntrekkingWire | undefined;
  for (;;) {
    // A line's MACs go with it, for the service to check; a line without one is sent as such.
    let regels: LogregelWire[] = lees
      .all(Number(deps.lees(K.logVerzonden) ?? 0), MAX_LOGREGELS)
      .map(({ mac, ratelMac, ...r }) => ({
        ...r,
        ...(mac ? { mac } : {}),
        ...(ratelMac ? { ratelMac } : {}),
      }));
    // How far the log has come goes with every batch, and alone when it moved without lines
    // to send (lines cut off the end would otherwise never show).
    const stand = logStand(deps.sqlite);
    if (regels.length === 0 && String(stand.positie) === deps.lees(K.logStand)) return intrekking;
    let geweigerd: SyncError | undefined;
    const stuur = () =>
      deps.vraag({ methode: 'POST', pad: '/sync/toegangslog', body: { regels, stand } });
    const antwoord = await stuur().catch((error: unknown) => {
      // One damaged line refuses its batch: the intact lines before it still go (NEN 7513),
      // then the refusal stands (it is shown; a revoked laptop is wiped all the same).
      const index = error instanceof SyncError ? error.index : undefined;
      if (index === undefined || index < 1 || index >= regels.length) throw error;
      geweigerd = error as SyncError;
      regels = regels.slice(0, index);
      return stuur();
    });
    if (regels.length > 0) deps.zet(K.logVerzonden, String(regels.at(-1)!.seq));
    deps.zet(K.logStand, String(stand.positie));
    const gelezen = ToegangslogAntwoord.safeParse(antwoord).data;
    // The service's anchor for this device's chain, to check the local log against.
    if (gelezen?.anker) deps.zet(ANKER_SLEUTEL, JSON.stringify(gelezen.anker));
    if (geweigerd) throw geweigerd;
    intrekking = gelezen?.intrekking ?? intrekking;
    if (regels.length === 0) return intrekking;
  }
}

export function laatsteLogregel(sqlite: Sqlite): number {
  return (
    sqlite.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM audit_log').get()
      ?.seq ?? 0
  );
}
