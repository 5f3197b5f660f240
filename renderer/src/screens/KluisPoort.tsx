import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  LinearProgress,
  MenuItem,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useState, type ReactNode } from 'react';
import { kluis } from '../api/client';
import type { KluisAntwoord, LaptopProfiel } from '../../../shared/kluis';
import { WachtwoordVeld } from '../components/WachtwoordVeld';
import { profielGeopend, useKluis } from '../kluis-store';

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
function useAutomatischVergrendelen(actief: boolean) {
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

function Slot({
  profielen,
  onOpen,
}: {
  profielen: LaptopProfiel[];
  onOpen(antwoord: KluisAntwoord): void;
}) {
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
  async function verstuur(e: React.FormEvent) {
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
  return (
    <Box component="main" sx={{ display: 'grid', placeItems: 'center', minHeight: '100vh', p: 2 }}>
      <Card sx={{ maxWidth: 520, width: '100%' }}>
        <CardContent component="form" onSubmit={(e) => void verstuur(e)} noValidate>
          <Typography variant="h5" component="h1" gutterBottom>
            {nieuw ? 'Profiel aanmaken' : 'Eenplan is vergrendeld'}
          </Typography>
          <Typography sx={{ mb: 2 }}>
            {nieuw
              ? 'Uw gegevens op deze laptop worden versleuteld met een sleutel die alleen met uw wachtwoordzin te openen is. Collega’s op dezelfde laptop hebben elk een eigen profiel. Kies een zin van minstens 12 tekens die u onthoudt; zonder de zin zijn de gegevens niet terug te halen.'
              : viaAccount
                ? 'Meld u aan met het e-mailadres en wachtwoord van uw account bij de centrale dienst, zoals bij de laatste aanmelding. Dat kan ook zonder verbinding.'
                : profielen.length > 1
                  ? 'Kies uw profiel op deze laptop en vul uw wachtwoordzin in om verder te gaan waar u was.'
                  : 'Vul uw wachtwoordzin in om verder te gaan waar u was.'}
          </Typography>
          {nieuw ? (
            <TextField
              label="Naam van het profiel"
              helperText="Zo herkent u uw profiel op deze laptop, bijvoorbeeld uw voornaam."
              value={naam}
              onChange={(e) => setNaam(e.target.value)}
              slotProps={{ htmlInput: { maxLength: 60 } }}
              fullWidth
              autoFocus
              required
              sx={{ mb: 2 }}
            />
          ) : (
            profielen.length > 1 && (
              <TextField
                select
                label="Profiel"
                value={gekozen}
                onChange={(e) => kiesProfiel(e.target.value)}
                fullWidth
                sx={{ mb: 2 }}
              >
                {profielen.map((p) => (
                  <MenuItem key={p.id} value={p.id}>
                    {p.naam}
                  </MenuItem>
                ))}
              </TextField>
            )
          )}
          {viaAccount && !nieuw && (
            <TextField
              label="E-mailadres"
              type="email"
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              fullWidth
              autoFocus
              required
              sx={{ mb: 2 }}
            />
          )}
          <WachtwoordVeld
            key={`${nieuw}-${viaAccount}-${gekozen}`}
            label={viaAccount && !nieuw ? 'Wachtwoord' : 'Wachtwoordzin'}
            nieuw={nieuw}
            value={zin}
            onChange={setZin}
            fullWidth
            autoFocus={!nieuw && !viaAccount}
            error={Boolean(fout)}
            sx={{ mb: 2 }}
          />
          {nieuw && (
            <WachtwoordVeld
              label="Herhaal de wachtwoordzin"
              nieuw
              value={herhaling}
              onChange={setHerhaling}
              fullWidth
              sx={{ mb: 2 }}
            />
          )}
          {fout && !bezig && (
            <Alert severity="error" sx={{ mb: 2 }} role="alert">
              {fout}
            </Alert>
          )}
          {/* Making a profile takes a while (the key, and the demo region the first time). */}
          <Box role="status" sx={{ mb: bezig ? 2 : 0 }}>
            {bezig && (
              <>
                <Typography variant="body2" sx={{ mb: 1 }}>
                  {nieuw
                    ? 'Uw profiel wordt aangemaakt en versleuteld; de eerste keer komen ook de gegevens van de regio erin. Dat duurt ongeveer tien seconden.'
                    : viaAccount
                      ? 'Bezig met aanmelden…'
                      : 'Bezig met ontgrendelen…'}
                </Typography>
                <LinearProgress aria-label={nieuw ? 'Profiel aanmaken' : 'Ontgrendelen'} />
              </>
            )}
          </Box>
          <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
            <Button
              type="submit"
              variant="contained"
              disabled={bezig || !zin || (nieuw && !naam.trim()) || (viaAccount && !email)}
              startIcon={bezig ? <CircularProgress size={16} color="inherit" /> : undefined}
            >
              {nieuw ? 'Profiel aanmaken' : viaAccount ? 'Aanmelden' : 'Ontgrendelen'}
            </Button>
            {metAccount && !nieuw && (
              <Button variant="text" onClick={wissel}>
                {viaAccount ? 'Met mijn wachtwoordzin' : 'Met mijn account van de centrale dienst'}
              </Button>
            )}
            {profielen.length > 0 && (
              <Button variant="text" onClick={() => naarNieuw(!nieuw)}>
                {nieuw ? 'Terug naar ontgrendelen' : 'Nieuw profiel op deze laptop'}
              </Button>
            )}
          </Box>
        </CardContent>
      </Card>
    </Box>
  );
}

/** Which profile the lock screen offers first: the one opened last on this laptop. */
const LAATST_GEKOZEN = 'eenplan.laatste-profiel';
function laatstGekozen(profielen: LaptopProfiel[]): string {
  const laatste = localStorage.getItem(LAATST_GEKOZEN);
  return profielen.find((p) => p.id === laatste)?.id ?? profielen[0]?.id ?? '';
}
