import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useState, type ReactNode } from 'react';
import { callApi, kluis } from '../api/client';
import { VERGRENDELEN } from '../../../shared/domain';
import { useKluis } from '../kluis-store';
import { useSession } from '../store';

const ACTIVITEIT = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Locks after the team's idle time without keyboard, mouse or touch (the default until a
 * profile is chosen); the host closes the database.
 */
function useAutomatischVergrendelen(actief: boolean) {
  const zet = useKluis((s) => s.zet);
  const profiel = useSession((s) => s.profiel);
  const [minuten, setMinuten] = useState(profiel?.vergrendelMinuten ?? VERGRENDELEN.standaard);
  const profielId = profiel?.id ?? null;
  // The beheerder may change the team's time while the user works; it arrives with the sync.
  useEffect(() => {
    if (!actief || !profielId) return;
    let actueel = true;
    const lees = () =>
      void callApi('profielen.lijst', {}, profielId)
        .then((lijst) => {
          const nu = lijst.find((p) => p.id === profielId)?.vergrendelMinuten;
          if (actueel && nu) setMinuten(nu);
        })
        .catch(() => undefined);
    lees();
    const interval = setInterval(lees, 60_000);
    return () => {
      actueel = false;
      clearInterval(interval);
    };
  }, [actief, profielId]);
  useEffect(() => {
    if (!actief) return;
    let timer: ReturnType<typeof setTimeout>;
    const opnieuw = () => {
      clearTimeout(timer);
      timer = setTimeout(
        () => {
          void kluis('vergrendelen').then(() => zet('vergrendeld'));
        },
        minuten * 60 * 1000,
      );
    };
    opnieuw();
    for (const soort of ACTIVITEIT) window.addEventListener(soort, opnieuw, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const soort of ACTIVITEIT) window.removeEventListener(soort, opnieuw);
    };
  }, [actief, minuten, zet]);
}

/**
 * Nothing of the app is shown until the profile is unlocked: the first start sets a passphrase,
 * every later start (and every lock) asks for it. The lock screen shows no personal data; after
 * unlocking the user is back where they were (the screen and unsaved drafts survive).
 */
export function KluisPoort({ children }: { children: ReactNode }) {
  const { staat, zet } = useKluis();
  useEffect(() => {
    void kluis('staat').then((a) => zet(a.ok ? a.staat : 'vergrendeld'));
  }, [zet]);
  useAutomatischVergrendelen(staat === 'open');
  if (staat === 'laden') return <CircularProgress aria-label="Eenplan starten" sx={{ m: 4 }} />;
  if (staat === 'open') return <>{children}</>;
  return <Slot nieuw={staat === 'nieuw'} onOpen={() => zet('open')} />;
}

function Slot({ nieuw, onOpen }: { nieuw: boolean; onOpen(): void }) {
  const [zin, setZin] = useState('');
  const [herhaling, setHerhaling] = useState('');
  const [email, setEmail] = useState('');
  const [fout, setFout] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  // Once this profile signed in with the central service, that account opens it too (offline).
  const [metAccount, setMetAccount] = useState(false);
  const [viaAccount, setViaAccount] = useState(false);
  useEffect(() => {
    if (!nieuw) void kluis('staat').then((a) => setMetAccount(a.ok && a.metAccount));
  }, [nieuw]);
  async function verstuur(e: React.FormEvent) {
    e.preventDefault();
    if (nieuw && zin !== herhaling) {
      setFout('De twee wachtwoordzinnen zijn niet gelijk.');
      return;
    }
    setBezig(true);
    const antwoord = viaAccount
      ? await kluis('aanmelden', { email, wachtwoord: zin })
      : await kluis(nieuw ? 'instellen' : 'ontgrendelen', { wachtwoord: zin });
    setBezig(false);
    if (antwoord.ok) {
      setZin('');
      setHerhaling('');
      onOpen();
    } else setFout(antwoord.error.message);
  }
  const wissel = () => {
    setViaAccount(!viaAccount);
    setZin('');
    setFout(null);
  };
  return (
    <Box component="main" sx={{ display: 'grid', placeItems: 'center', minHeight: '100vh', p: 2 }}>
      <Card sx={{ maxWidth: 520, width: '100%' }}>
        <CardContent component="form" onSubmit={(e) => void verstuur(e)} noValidate>
          <Typography variant="h5" component="h1" gutterBottom>
            {nieuw ? 'Wachtwoordzin instellen' : 'Eenplan is vergrendeld'}
          </Typography>
          <Typography sx={{ mb: 2 }}>
            {nieuw
              ? 'De gegevens op deze laptop worden versleuteld met een sleutel die alleen met uw wachtwoordzin te openen is. Kies een zin van minstens 12 tekens die u onthoudt; zonder de zin zijn de gegevens niet terug te halen.'
              : viaAccount
                ? 'Meld u aan met het e-mailadres en wachtwoord van uw account bij de centrale dienst, zoals bij de laatste aanmelding. Dat kan ook zonder verbinding.'
                : 'Vul uw wachtwoordzin in om verder te gaan waar u was.'}
          </Typography>
          {viaAccount && (
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
          <TextField
            key={viaAccount ? 'account' : 'zin'}
            label={viaAccount ? 'Wachtwoord' : 'Wachtwoordzin'}
            type="password"
            autoComplete={nieuw ? 'new-password' : 'current-password'}
            value={zin}
            onChange={(e) => setZin(e.target.value)}
            fullWidth
            autoFocus={!viaAccount}
            required
            error={Boolean(fout)}
            sx={{ mb: 2 }}
          />
          {nieuw && (
            <TextField
              label="Herhaal de wachtwoordzin"
              type="password"
              autoComplete="new-password"
              value={herhaling}
              onChange={(e) => setHerhaling(e.target.value)}
              fullWidth
              required
              sx={{ mb: 2 }}
            />
          )}
          {fout && (
            <Alert severity="error" sx={{ mb: 2 }} role="alert">
              {fout}
            </Alert>
          )}
          <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
            <Button
              type="submit"
              variant="contained"
              disabled={bezig || !zin || (viaAccount && !email)}
            >
              {nieuw ? 'Profiel beveiligen' : viaAccount ? 'Aanmelden' : 'Ontgrendelen'}
            </Button>
            {metAccount && (
              <Button variant="text" onClick={wissel}>
                {viaAccount ? 'Met mijn wachtwoordzin' : 'Met mijn account van de centrale dienst'}
              </Button>
            )}
          </Box>
        </CardContent>
      </Card>
    </Box>
  );
}
