/**
 * What a rule answers when a change may not be made: the rule's name (shared/sync/protocol.ts
 * `REGELS`), the HTTP status the service gives it and a Dutch sentence for the person. The core
 * turns it into an ApiError, the service into `regel-geschonden`.
 */
import type { Regel } from '../sync/protocol';

export interface Weigering {
  /** 400: a value the app would not store; 403: not for this caller; 409: already decided. */
  status: 400 | 403 | 409;
  regel: Regel;
  bericht: string;
}

/** Who makes the change: the signed-in person (the token's user at the service). */
export interface Aanroeper {
  id: string;
  rol: string;
  teamId: string | null;
}

/** A row's current field values (as the table holds them; `deleted` true for a tombstone). */
export type Waarden = Readonly<Record<string, unknown>>;

/**
 * Related rows, as the side that checks holds them: the laptop its store, the service its merged
 * registers (with the changes earlier in the same push applied).
 */
export interface Opzoeken {
  /** A row's current values, or null when there is no such row. */
  rij(tabel: string, id: string): Waarden | null;
  /** The rows of `tabel` whose `veld` holds `waarde` (deleted ones too), each with its id. */
  rijenMet(tabel: string, veld: string, waarde: string): (Waarden & { id: string })[];
}

export const weiger = (status: Weigering['status'], regel: Regel, bericht: string): Weigering => ({
  status,
  regel,
  bericht,
});
