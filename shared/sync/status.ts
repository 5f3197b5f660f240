/** What the sync engine tells the screens (ARCHITECTURE.md: typed errors, shown as a status). */

export const SYNC_FOUT_SOORTEN = [
  'offline',
  'unauthorised',
  'invalid-change',
  'clock-drift',
  'out-of-sync',
  'server-error',
  'mass-change',
] as const;
export type SyncFoutSoort = (typeof SYNC_FOUT_SOORTEN)[number];

export interface SyncGebruiker {
  id: string;
  naam: string;
  rol: string;
  teamId: string | null;
}

export interface SyncStatus {
  verbonden: boolean;
  server: string | null;
  gebruiker: SyncGebruiker | null;
  bezig: boolean;
  /** Whether the last attempt reached the central service (null: not tried yet). */
  online: boolean | null;
  /** Local changes not yet accepted by the central service. */
  wachtend: number;
  /** Changes the central service refused for good; kept and shown, never dropped. */
  geweigerd: number;
  conflicten: number;
  laatsteSync: string | null;
  fout: { soort: SyncFoutSoort; bericht: string } | null;
  volgendePoging: string | null;
}
