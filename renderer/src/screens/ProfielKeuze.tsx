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

  const perTeam = new Map<string, Profiel[]>();
  for (const p of profielen ?? []) {
    const team = p.teamNaam ?? 'Regio (beheer)';
    perTeam.set(team, [...(perTeam.get(team) ?? []), p]);
  }

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
        <Alert
          severity="info"
          sx={{ mb: 2 }}
          action={
            // Only with the service this laptop was set up for (EENPLAN_SERVER_URL).
            status.standaardServer && (
              <Button color="inherit" onClick={() => setVerbinden(true)}>
                Verbinden
              </Button>
            )
          }
        >
          {profielen?.length
            ? 'Deze laptop werkt los van de centrale dienst (demogegevens).'
            : 'Verbind deze laptop met de centrale dienst om uw gezinnen op te halen.'}
        </Alert>
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
        <Card>
          <CardContent sx={{ maxHeight: '70vh', overflow: 'auto', p: 0 }}>
            <List aria-label="Medewerkers">
              {[...perTeam.entries()].map(([team, leden]) => (
                <li key={team}>
                  <ul style={{ padding: 0 }} aria-label={team}>
                    <ListSubheader component="li">{team}</ListSubheader>
                    {leden.map((p) => (
                      <ListItem key={p.id} disablePadding>
                        <ListItemButton onClick={() => setBevestig(p)}>
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
      )}
      {bevestig && (
        <Dialog open onClose={() => setBevestig(null)} aria-labelledby="kies-titel">
          <DialogTitle id="kies-titel">Dit profiel is van {bevestig.naam}</DialogTitle>
          <DialogContent>
            <DialogContentText>
              U kiest één keer wie u bent: daarna werkt dit profiel altijd als {bevestig.naam} (
              {ROLLEN.labels[bevestig.rol].toLowerCase()}). Een collega maakt op het
              vergrendelscherm een eigen profiel aan.
            </DialogContentText>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setBevestig(null)}>Terug</Button>
            <Button variant="contained" onClick={() => kies(bevestig)} autoFocus>
              Ik ben {bevestig.naam}
            </Button>
          </DialogActions>
        </Dialog>
      )}
    </Box>
  );
}
