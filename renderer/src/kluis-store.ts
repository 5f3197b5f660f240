/**
 * Whether the profile is locked, as the renderer knows it. The hosts are the authority (the
 * database is closed while locked); any call answered with "vergrendeld" locks the screens too.
 */
import { create } from 'zustand';

export type KluisStaat = 'laden' | 'nieuw' | 'vergrendeld' | 'open';

export const useKluis = create<{ staat: KluisStaat; zet(staat: KluisStaat): void }>((set) => ({
  staat: 'laden',
  zet: (staat) => set({ staat }),
}));

/** Only an open profile can become locked (a first start stays on setting the passphrase). */
export const vergrendeldGemeld = () => {
  if (useKluis.getState().staat === 'open') useKluis.getState().zet('vergrendeld');
};
