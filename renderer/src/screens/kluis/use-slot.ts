import { useState, type FormEvent } from 'react';
import type { KluisAntwoord, LaptopProfiel } from '../../../../shared/kluis';
import { kluis } from '../../api/client';

/** Which profile the lock screen offers first: the one opened last on this laptop. */
const LAATST_GEKOZEN = 'eenplan.laatste-profiel';
function laatstGekozen(profielen: LaptopProfiel[]): string {
  const laatste = localStorage.getItem(LAATST_GEKOZEN);
  return profielen.find((p) => p.id === laatste)?.id ?? profielen[0]?.id ?? '';
}

/**
 * The lock screen's form: a new profile (name and passphrase twice), or unlocking a profile
 * with its passphrase or, once it signed in with the central service, with that account.
 */
export function useSlot(profielen: LaptopProfiel[], onOpen: (antwoord: KluisAntwoord) => void) {
  const [nieuw, setNieuw] = useState(profielen.length === 0);
  const [gekozen, setGekozen] = useState(() => laatstGekozen(profielen));
  const [naam, setNaam] = useState('');
  const [zin, setZin] = useState('');
  const [herhaling, setHerhaling] = useState('');
  const [email, setEmail] = useState('');
  const [fout, setFout] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  // Once a profile signed in with the central service, that account opens it too (offline).
  const metAccount = profielen.find((p) => p.id === gekozen)?.metAccount ?? false;
  const [viaAccount, setViaAccount] = useState(false);
  const kiesProfiel = (id: string) => {
    setGekozen(id);
    setViaAccount(false);
    setZin('');
    setFout(null);
  };
  async function verstuur(e: FormEvent) {
    e.preventDefault();
    if (nieuw && zin !== herhaling) {
      setFout('De twee wachtwoordzinnen zijn niet gelijk.');
      return;
    }
    // The old error goes at once: it is about the previous try, not this one.
    setFout(null);
    setBezig(true);
    const antwoord = nieuw
      ? await kluis('instellen', { naam, wachtwoord: zin })
      : viaAccount
        ? await kluis('aanmelden', { profiel: gekozen, email, wachtwoord: zin })
        : await kluis('ontgrendelen', { profiel: gekozen, wachtwoord: zin });
    setBezig(false);
    if (antwoord.ok) {
      if (antwoord.actief) localStorage.setItem(LAATST_GEKOZEN, antwoord.actief);
      setZin('');
      setHerhaling('');
      onOpen(antwoord);
    } else setFout(antwoord.error.message);
  }
  const wissel = () => {
    setViaAccount(!viaAccount);
    setZin('');
    setFout(null);
  };
  const naarNieuw = (aan: boolean) => {
    setNieuw(aan);
    setZin('');
    setHerhaling('');
    setFout(null);
  };
  return {
    nieuw,
    gekozen,
    naam,
    setNaam,
    zin,
    setZin,
    herhaling,
    setHerhaling,
    email,
    setEmail,
    fout,
    bezig,
    metAccount,
    viaAccount,
    kiesProfiel,
    verstuur,
    wissel,
    naarNieuw,
  };
}
