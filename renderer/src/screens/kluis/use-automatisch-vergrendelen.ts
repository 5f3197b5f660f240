import { useEffect } from 'react';
import { kluis } from '../../api/client';
import { useKluis } from '../../kluis-store';

const ACTIVITEIT = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/** A report per this many ms at most: the host's lock counts in minutes. */
const MELD_MS = 15_000;
/** How often an open page asks the host whether it is still open. */
const PEIL_MS = 5_000;

/**
 * The host keeps the idle lock (the team's time, 5 minutes unless the beheerder set another) and
 * locks also with no window open; the page only reports that the user is at the keyboard, and
 * shows the lock screen as soon as the host has locked.
 */
export function useAutomatischVergrendelen(actief: boolean) {
  const zet = useKluis((s) => s.zet);
  useEffect(() => {
    if (!actief) return;
    let laatst = 0;
    let later: ReturnType<typeof setTimeout> | undefined;
    const meld = () => {
      laatst = Date.now();
      later = undefined;
      void kluis('actief');
    };
    // At most one report per MELD_MS, and the last activity is always reported.
    const activiteit = () => {
      const wacht = laatst + MELD_MS - Date.now();
      if (wacht <= 0) meld();
      else later ??= setTimeout(meld, wacht);
    };
    const peil = setInterval(
      () =>
        void kluis('staat').then((a) => {
          if (a.ok && a.staat !== 'open') zet('vergrendeld');
        }),
      PEIL_MS,
    );
    for (const soort of ACTIVITEIT) window.addEventListener(soort, activiteit, { passive: true });
    return () => {
      clearTimeout(later);
      clearInterval(peil);
      for (const soort of ACTIVITEIT) window.removeEventListener(soort, activiteit);
    };
  }, [actief, zet]);
}
