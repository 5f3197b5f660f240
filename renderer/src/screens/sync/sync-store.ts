import { useEffect } from 'react';
import { create } from 'zustand';
import type { SyncStatus } from '../../../../shared/api';
import { callApi } from '../../api/client';

const PEIL_MS = 5_000;

interface SyncState {
  status: SyncStatus | null;
  /** Bumped when a sync brought or sent data, so open screens reload. */
  versie: number;
  zet(status: SyncStatus): void;
  laad(): Promise<void>;
  /** Syncs now; `bevestigMassa` after the user confirmed a large removal. */
  nu(bevestigMassa?: boolean): Promise<SyncStatus>;
}

export const useSync = create<SyncState>((set, get) => ({
  status: null,
  versie: 0,
  zet: (status) =>
    set((s) => ({
      status,
      versie:
        status.laatsteSync !== s.status?.laatsteSync || status.conflicten !== s.status?.conflicten
          ? s.versie + 1
          : s.versie,
    })),
  laad: async () => {
    try {
      get().zet(await callApi('sync.status', {}));
    } catch {
      // The host is unreachable; the next poll tries again.
    }
  },
  nu: async (bevestigMassa) => {
    const huidig = get().status;
    if (huidig) set({ status: { ...huidig, bezig: true } });
    const status = await callApi('sync.nu', bevestigMassa ? { bevestigMassa } : {});
    get().zet(status);
    return status;
  },
}));

/** Mount once: keeps the sync status fresh. */
export function useSyncPeiler() {
  const laad = useSync((s) => s.laad);
  useEffect(() => {
    void laad();
    const timer = setInterval(() => void laad(), PEIL_MS);
    return () => clearInterval(timer);
  }, [laad]);
}
