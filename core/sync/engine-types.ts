/** What the sync engine (./engine.ts) is given, and what it gives back. */
import type { Db, Sqlite } from '../../db/connection';
import type { SyncGebruiker } from '../../shared/api';
import type { HlcClock } from '../../shared/hlc';

export interface SyncVerslag {
  verstuurd: number;
  ontvangen: number;
  hersteld: string[];
}

export interface EngineOpties {
  pushGrootte?: number;
  paginaGrootte?: number;
  /** Share of the local caseload one pull may remove before it asks (default one half). */
  massaDrempel?: number;
  /** Address offered in the connect dialog. */
  standaardServer?: string;
  /** Tests: called after a page is committed and before its cursor is saved (a crash point). */
  naPagina?: (scope: string) => void;
}

export interface EngineDeps {
  db: Db;
  sqlite: Sqlite;
  clock: HlcClock;
  now(): Date;
}

export interface TokenAntwoord {
  toegangstoken: string;
  vernieuwtoken: string;
  apparaatId: string;
  gebruiker: SyncGebruiker;
  /** The device's access-log key (a service of an earlier version gives none). */
  logsleutel?: string;
  /** A new forward-secure log key, when the laptop could not prove it holds one. */
  logratel?: unknown;
}
