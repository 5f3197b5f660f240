/**
 * Whether the profile is locked, as the renderer knows it. The hosts are the authority (the
 * database is closed while locked); any call answered with "vergrendeld" locks the screens too.
 */
import { create } from 'zustand';
import type { KluisStaat as HostStaat } from '../../shared/kluis';

export type KluisStaat = 'laden' | HostStaat;

export const useKluis = create<{ staat: KluisStaat; zet(staat: KluisStaat): void }>((set) => ({
  staat: 'laden',
  zet: (staat) => set({ staat }),
}));

/** Only an open profile can become locked (a first start stays on making a profile). */
export const vergrendeldGemeld = () => {
  if (useKluis.getState().staat === 'open') useKluis.getState().zet('vergrendeld');
};

const GETOOND = 'eenplan.getoond-profiel';

/**
 * Called when a profile opens. The screens and session kept while locked belong to the profile that
 * was open (drafts are in the profile's own store): another professional's profile starts afresh (a reload empties every
 * store), the same one returns where it was.
 */
export function profielGeopend(id: string): 'verder' | 'opnieuw' {
  const vorige = sessionStorage.getItem(GETOOND);
  sessionStorage.setItem(GETOOND, id);
  if (vorige === null || vorige === id) return 'verder';
  for (const sleutel of Object.keys(sessionStorage))
    if (sleutel !== GETOOND) sessionStorage.removeItem(sleutel);
  return 'opnieuw';
}
