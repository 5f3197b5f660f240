/** The lock as the renderer sees it through either host: the profiles on this laptop. */
import type { ApiErrorBody } from './api';

export type KluisStaat = 'nieuw' | 'vergrendeld' | 'open';

export interface LaptopProfiel {
  id: string;
  /** The name its owner chose for the lock screen. */
  naam: string;
  /** The central service's account opens it too (offline sign-in). */
  metAccount: boolean;
}

export type KluisActie =
  'staat' | 'instellen' | 'ontgrendelen' | 'aanmelden' | 'wijzigen' | 'vergrendelen';

export interface KluisInvoer {
  profiel?: string;
  naam?: string;
  email?: string;
  wachtwoord?: string;
  nieuw?: string;
}

export type KluisAntwoord =
  | {
      ok: true;
      staat: KluisStaat;
      profielen: LaptopProfiel[];
      /** The open profile, or null while locked. */
      actief: string | null;
    }
  | { ok: false; error: ApiErrorBody; wachtMs: number };
