import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
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
 * Simple local profile choice; real sign-in with a passphrase comes with the security work. A
 * laptop that is not yet connected offers to connect with the central service, which brings
 * the user's profile and team data.
 */
export function ProfielKeuze() {
  const signIn = useSession((s) => s.signIn);
  const { status, zet } = useSync();
  const [profielen, setProfielen] = useState<Profiel[] | null>(null);
  const [fout, setFout] = useState<string | null>(null);
  const [verbinden, setVerbinden] = useState(false);

  const laad = useCallback(() => {
    callApi('profielen.lijst', {}, null).then(setProfielen, (e: Error) => setFout(e.message));
  }, []);
  useEffect(laad, [laad, status?.laatsteSync]);

  const perTeam = new Map<string, Profiel[]>();
  for (const p of profielen ?? []) {
    const team = p.teamNaam ?? 'Regio (beheer)';
    perTeam.set(team, [...(perTeam.get(team) ?? []), p]);
  }

  return (
    <Box sx={{ maxWidth: 560, mx: 'auto', my: 4, px: 2 }}>
      <Typography variant="h4" component="h1" gutterBottom>
        Eenplan
      </Typography>
      <Typography sx={{ mb: 2 }}>
        Eén gezin, één plan, één regisseur. Kies uw profiel om te beginnen.
      </Typography>
      {fout && <Alert severity="error">{fout}</Alert>}
      {status && !status.verbonden && (
        <Alert
          severity="info"
          sx={{ mb: 2 }}
          action={
            <Button color="inherit" onClick={() => setVerbinden(true)}>
              Verbinden
            </Button>
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
      {!profielen && !fout && <CircularProgress aria-label="Profielen laden" />}
      {profielen && (
        <Card>
          <CardContent sx={{ maxHeight: '70vh', overflow: 'auto', p: 0 }}>
            <List aria-label="Profielen">
              {[...perTeam.entries()].map(([team, leden]) => (
                <li key={team}>
                  <ul style={{ padding: 0 }} aria-label={team}>
                    <ListSubheader component="li">{team}</ListSubheader>
                    {leden.map((p) => (
                      <ListItem key={p.id} disablePadding>
                        <ListItemButton onClick={() => signIn(p)}>
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
    </Box>
  );
}
