import { create } from 'zustand';
import type { Profiel } from '../../shared/api';
import type { DashboardFilter } from '../../shared/api';

export type View =
  | { naam: 'gezinnen' }
  | { naam: 'taken' }
  | { naam: 'agenda' }
  | { naam: 'akkoorden' }
  | { naam: 'budget'; filter: DashboardFilter; tab: string }
  | { naam: 'budgetbeheer' }
  | { naam: 'kosten' }
  | { naam: 'conflicten' }
  | { naam: 'logboek' }
  | {
      naam: 'dossier';
      gezinId: string;
      tab: 'overzicht' | 'gezinsplan' | 'actieplannen' | 'gesprekken';
    };

interface SessionState {
  profiel: Profiel | null;
  view: View;
  /** The profile's person, as the host says (`sessie.wie`); the renderer never chooses it. */
  signIn(profiel: Profiel | null): void;
  go(view: View): void;
}

const SESSION_KEY = 'eenplan.sessie';

/** The profile and the screen survive a reload, so the user returns where they were. */
function restore(): Pick<SessionState, 'profiel' | 'view'> {
  try {
    const saved = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null') as Pick<
      SessionState,
      'profiel' | 'view'
    > | null;
    if (saved?.profiel && saved.view) return saved;
  } catch {
    // A damaged entry starts a fresh session.
  }
  return { profiel: null, view: { naam: 'gezinnen' } };
}

/** A beheerder reads no dossiers: their work starts at the budget figures. */
export function startView(profiel: Profiel): View {
  if (profiel.rol !== 'beheerder') return { naam: 'gezinnen' };
  return { naam: 'budget', filter: budgetFilter(profiel), tab: 'perceel' };
}

export function budgetFilter(profiel: Profiel): DashboardFilter {
  return { teamId: profiel.teamId, jaar: new Date().getFullYear(), perceel: null };
}

export const useSession = create<SessionState>((set) => ({
  ...restore(),
  signIn: (profiel) =>
    set((s) =>
      !profiel
        ? { profiel: null, view: { naam: 'gezinnen' } }
        : s.profiel?.id === profiel.id
          ? { profiel }
          : { profiel, view: startView(profiel) },
    ),
  go: (view) => set({ view }),
}));

useSession.subscribe((s) =>
  sessionStorage.setItem(SESSION_KEY, JSON.stringify({ profiel: s.profiel, view: s.view })),
);

/** Autosave state across the app: how many saves are running and the last failure. */
interface SaveState {
  bezig: number;
  fout: string | null;
  laatst: Date | null;
  start(): void;
  klaar(fout?: string): void;
}

export const useSaveState = create<SaveState>((set) => ({
  bezig: 0,
  fout: null,
  laatst: null,
  start: () => set((s) => ({ bezig: s.bezig + 1 })),
  klaar: (fout) =>
    set((s) => ({
      bezig: Math.max(0, s.bezig - 1),
      fout: fout ?? null,
      laatst: fout ? s.laatst : new Date(),
    })),
}));
