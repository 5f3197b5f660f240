import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  List,
  ListItem,
  ListItemButton,
  ListItemText,
  ListSubheader,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { ROLLEN } from '../../../shared/domain';
import type { Profiel } from '../../../shared/api';
import { callApi } from '../api/client';
import { useSession } from '../store';
import { useSync } from './sync/sync-store';
import { VerbindDialog } from './sync/VerbindDialog';

/**
 * Whose profile this is. The host decides: a connected laptop belongs to the account it
 * connected with, and a demo profile to the professional chosen here once, right after the
 * profile was made. Until then the laptop offers to connect, or (demo data) the choice.
 */
export function ProfielKeuze() {
  const signIn = useSession((s) => s.signIn);
  const { status, zet } = useSync();
  const [profielen, setProfielen] = useState<Profiel[] | null>(null);
  const [fout, setFout] = useState<string | null>(null);
  const [verbinden, setVerbinden] = useState(false);
  const [bevestig, setBevestig] = useState<Profiel | null>(null);

  const laad = useCallback(() => {
    callApi('sessie.wie', {})
      .then(async (wie) => {
        if (wie) return signIn(wie);
        setProfielen(await callApi('profielen.lijst', {}));
      })
      .catch((e: Error) => setFout(e.message));
  }, [signIn]);
  useEffect(laad, [laad, status?.laatsteSync]);

  const kies = (p: Profiel) => {
    setBevestig(null);
    callApi('sessie.kiezen', { professionalId: p.id }).then(signIn, (e: Error) =>
      setFout(e.message),
    );
  };

  return (
    <Box component="main" sx={{ maxWidth: 560, mx: 'auto', my: 4, px: 2 }}>
      <Typography variant="h4" component="h1" gutterBottom>
        Eenplan
      </Typography>
      <Typography sx={{ mb: 2 }}>
        Eén gezin, één plan, één regisseur. Dit profiel is nog van niemand:{' '}
        {status?.standaardServer
          ? 'verbind het met uw account bij de centrale dienst.'
          : 'kies één keer wie u bent (demogegevens).'}
      </Typography>
      {fout && <Alert severity="error">{fout}</Alert>}
      {status && !status.verbonden && (
        <NietVerbonden
          standaardServer={status.standaardServer}
          demo={Boolean(profielen?.length)}
          onVerbinden={() => setVerbinden(true)}
        />
      )}
      {status?.verbonden && status.fout && <Alert severity="warning">{status.fout.bericht}</Alert>}
      {verbinden && status && (
        <VerbindDialog
          standaardServer={status.standaardServer}
          onAnnuleren={() => setVerbinden(false)}
          onKlaar={(s) => {
            zet(s);
            setVerbinden(false);
            laad();
          }}
        />
      )}
      {!profielen && !fout && <CircularProgress aria-label="Medewerkers laden" />}
      {profielen && profielen.length > 0 && (
        <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
          Wie bent u?
        </Typography>
      )}
      {profielen && profielen.length > 0 && (
        <Medewerkers profielen={profielen} onKies={setBevestig} />
      )}
      {bevestig && (
        <BevestigDialog
          p={bevestig}
          onTerug={() => setBevestig(null)}
          onKies={() => kies(bevestig)}
        />
      )}
    </Box>
  );
}

/** The region's professionals per team, to choose who this profile belongs to. */
function Medewerkers({ profielen, onKies }: { profielen: Profiel[]; onKies(p: Profiel): void }) {
  const perTeam = new Map<string, Profiel[]>();
  for (const p of profielen) {
    const team = p.teamNaam ?? 'Regio (beheer)';
    perTeam.set(team, [...(perTeam.get(team) ?? []), p]);
  }
  return (
    <Card>
      <CardContent sx={{ maxHeight: '70vh', overflow: 'auto', p: 0 }}>
        <List aria-label="Medewerkers">
          {[...perTeam.entries()].map(([team, leden]) => (
            <li key={team}>
              <ul style={{ padding: 0 }} aria-label={team}>
                <ListSubheader component="li">{team}</ListSubheader>
                {leden.map((p) => (
                  <ListItem key={p.id} disablePadding>
                    <ListItemButton onClick={() => onKies(p)}>
                      <ListItemText primary={p.naam} secondary={ROLLEN.labels[p.rol]} />
                    </ListItemButton>
                  </ListItem>
                ))}
              </ul>
            </li>
          ))}
        </List>
      </CardContent>
    </Card>
  );
}

/** The choice is made once: asked again before it is. */
function BevestigDialog({ p, onTerug, onKies }: { p: Profiel; onTerug(): void; onKies(): void }) {
  return (
    <Dialog open onClose={onTerug} aria-labelledby="kies-titel">
      <DialogTitle id="kies-titel">Dit profiel is van {p.naam}</DialogTitle>
      <DialogContent>
        <DialogContentText>
          U kiest één keer wie u bent: daarna werkt dit profiel altijd als {p.naam} (
          {ROLLEN.labels[p.rol].toLowerCase()}). Een collega maakt op het vergrendelscherm een eigen
          profiel aan.
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onTerug}>Terug</Button>
        <Button variant="contained" onClick={onKies} autoFocus>
          Ik ben {p.naam}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** The laptop works without the central service; connect it when it was set up for one. */
function NietVerbonden({
  standaardServer,
  demo,
  onVerbinden,
}: {
  standaardServer: string | null | undefined;
  demo: boolean;
  onVerbinden(): void;
}) {
  return (
    <Alert
      severity="info"
      sx={{ mb: 2 }}
      action={
        // Only with the service this laptop was set up for (EENPLAN_SERVER_URL).
        standaardServer && (
          <Button color="inherit" onClick={onVerbinden}>
            Verbinden
          </Button>
        )
      }
    >
      {demo
        ? 'Deze laptop werkt los van de centrale dienst (demogegevens).'
        : 'Verbind deze laptop met de centrale dienst om uw gezinnen op te halen.'}
    </Alert>
  );
}
