import { create } from 'zustand';
import type { Profiel } from '../../shared/api';

interface SessionState {
  profiel: Profiel | null;
  signIn(profiel: Profiel): void;
  signOut(): void;
}

export const useSession = create<SessionState>((set) => ({
  profiel: null,
  signIn: (profiel) => set({ profiel }),
  signOut: () => set({ profiel: null }),
}));
