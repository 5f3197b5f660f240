import { CircularProgress } from '@mui/material';
import { useEffect, useState, type ReactNode } from 'react';
import { kluis } from '../api/client';
import type { KluisAntwoord } from '../../../shared/kluis';
import { profielGeopend, useKluis } from '../kluis-store';
import { Slot } from './kluis/Slot';
import { useAutomatischVergrendelen } from './kluis/use-automatisch-vergrendelen';

/**
 * Nothing of the app is shown until a profile is unlocked: the first start makes one (a name
 * and a passphrase), every later start (and every lock) asks whose profile and its passphrase.
 * Several professionals may share the laptop, each with a profile of their own. The lock screen
 * shows no personal data of families; after unlocking the same profile the user is back where
 * they were (the screen and unsaved drafts survive), another profile starts afresh.
 */
export function KluisPoort({ children }: { children: ReactNode }) {
  const { staat, zet } = useKluis();
  const [antwoord, setAntwoord] = useState<Extract<KluisAntwoord, { ok: true }> | null>(null);
  useEffect(() => {
    if (staat === 'open') return;
    void kluis('staat').then((a) => {
      if (!a.ok) return zet('vergrendeld');
      if (a.staat === 'open' && a.actief && profielGeopend(a.actief) === 'opnieuw')
        return window.location.reload();
      // The lock screen is built from the answer it opens with, so it must be this one.
      setAntwoord(a.staat === 'open' ? null : a);
      zet(a.staat);
    });
  }, [staat, zet]);
  useAutomatischVergrendelen(staat === 'open');
  if (staat === 'laden' || (staat !== 'open' && !antwoord))
    return <CircularProgress aria-label="Eenplan starten" sx={{ m: 4 }} />;
  if (staat === 'open') return <>{children}</>;
  const geopend = (a: KluisAntwoord) => {
    if (!a.ok || !a.actief) return;
    if (profielGeopend(a.actief) === 'opnieuw') return window.location.reload();
    setAntwoord(null);
    zet('open');
  };
  return <Slot profielen={antwoord!.profielen} onOpen={geopend} />;
}
