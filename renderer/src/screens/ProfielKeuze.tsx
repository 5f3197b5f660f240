import {
  Alert,
  Box,
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
import { useEffect, useState } from 'react';
import { ROLLEN } from '../../../shared/domain';
import type { Profiel } from '../../../shared/api';
import { callApi } from '../api/client';
import { useSession } from '../store';

/** Simple local profile choice; real sign-in with a passphrase comes with the security work. */
export function ProfielKeuze() {
  const signIn = useSession((s) => s.signIn);
  const [profielen, setProfielen] = useState<Profiel[] | null>(null);
  const [fout, setFout] = useState<string | null>(null);

  useEffect(() => {
    callApi('profielen.lijst', {}, null).then(setProfielen, (e: Error) => setFout(e.message));
  }, []);

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
