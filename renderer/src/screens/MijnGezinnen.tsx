import {
  Alert,
  AppBar,
  Box,
  Button,
  Chip,
  FormControlLabel,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Toolbar,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import type { ApiOutput } from '../../../shared/api';
import { ageOn, formatDate, toIsoDate } from '../../../shared/dates';
import { GEZIN_STATUSSEN } from '../../../shared/domain';
import { callApi } from '../api/client';
import { useSession } from '../store';

type Lijst = ApiOutput<'gezinnen.lijst'>;

export function MijnGezinnen() {
  const { profiel, signOut } = useSession();
  const [zoek, setZoek] = useState('');
  const [alleenEigen, setAlleenEigen] = useState(true);
  const [lijst, setLijst] = useState<Lijst | null>(null);
  const [fout, setFout] = useState<string | null>(null);
  const today = toIsoDate(new Date());

  useEffect(() => {
    if (!profiel) return;
    let current = true;
    const timer = setTimeout(() => {
      callApi('gezinnen.lijst', { zoek: zoek.trim() || undefined, alleenEigen }, profiel.id).then(
        (data) => {
          if (!current) return;
          setLijst(data);
          setFout(null);
        },
        (e: Error) => current && setFout(e.message),
      );
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [zoek, alleenEigen, profiel]);

  if (!profiel) return null;
  return (
    <Box>
      <AppBar position="static" color="primary">
        <Toolbar sx={{ gap: 2 }}>
          <Typography variant="h6" component="h1" sx={{ flexGrow: 1 }}>
            Eenplan · {profiel.teamNaam}
          </Typography>
          <Typography>{profiel.naam}</Typography>
          <Button color="inherit" onClick={signOut}>
            Afmelden
          </Button>
        </Toolbar>
      </AppBar>
      <Box component="main" sx={{ p: 3 }}>
        <Typography variant="h5" component="h2" gutterBottom>
          Mijn gezinnen
        </Typography>
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', mb: 2, flexWrap: 'wrap' }}>
          <TextField
            label="Zoeken op naam, geboortedatum (dd-mm-jjjj) of BSN"
            value={zoek}
            onChange={(e) => setZoek(e.target.value)}
            sx={{ minWidth: 420 }}
            autoFocus
          />
          <FormControlLabel
            control={
              <Switch checked={alleenEigen} onChange={(e) => setAlleenEigen(e.target.checked)} />
            }
            label="Alleen gezinnen waarvan ik regisseur ben"
          />
          {lijst && (
            <Typography role="status">
              {lijst.totaal} {lijst.totaal === 1 ? 'gezin' : 'gezinnen'}
            </Typography>
          )}
        </Box>
        {fout && (
          <Alert severity="warning" sx={{ mb: 2 }}>
            {fout}
          </Alert>
        )}
        <TableContainer sx={{ maxHeight: 'calc(100vh - 230px)' }}>
          <Table stickyHeader size="small" aria-label="Mijn gezinnen">
            <TableHead>
              <TableRow>
                <TableCell>Gezin</TableCell>
                <TableCell>Jeugdigen</TableCell>
                <TableCell>Woonplaats</TableCell>
                <TableCell>Regisseur</TableCell>
                <TableCell>Aangemeld</TableCell>
                <TableCell>Status</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {lijst?.gezinnen.map((g) => (
                <TableRow key={g.id} hover>
                  <TableCell>{g.naam}</TableCell>
                  <TableCell>
                    {g.jeugdigen
                      .map((j) => `${j.voornaam} (${ageOn(j.geboortedatum, today)})`)
                      .join(', ')}
                  </TableCell>
                  <TableCell>{g.woonplaats}</TableCell>
                  <TableCell>{g.regisseurNaam}</TableCell>
                  <TableCell>{formatDate(g.aangemeldOp)}</TableCell>
                  <TableCell>
                    <Chip
                      size="small"
                      label={GEZIN_STATUSSEN.labels[g.status]}
                      color={g.status === 'actief' ? 'primary' : 'default'}
                    />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      </Box>
    </Box>
  );
}
