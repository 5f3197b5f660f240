import {
  Alert,
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
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { ApiRequest } from '../../../shared/api';
import { ageOn, toIsoDate } from '../../../shared/dates';
import {
  GEZIN_STATUSSEN,
  ZORGPROFIEL_CATEGORIEEN,
  type GezinStatus,
  type ZorgprofielCategorie,
} from '../../../shared/domain';
import { useQuery } from '../api/hooks';
import { formatDate } from '../format';
import { useSession } from '../store';
import { NieuwGezinDialog } from './NieuwGezinDialog';
import { CodeSelect } from '../components/CodeSelect';

export function MijnGezinnen() {
  const go = useSession((s) => s.go);
  const [zoek, setZoek] = useState('');
  const [status, setStatus] = useState<GezinStatus | ''>('');
  const [profiel, setProfiel] = useState<ZorgprofielCategorie | ''>('');
  const [evaluatieNodig, setEvaluatieNodig] = useState(false);
  // A teamcoach is nobody's regisseur: the whole team is what there is to see.
  const rol = useSession((s) => s.profiel?.rol);
  const [alleenEigen, setAlleenEigen] = useState(rol === 'jeugdprofessional');
  const [nieuw, setNieuw] = useState(false);
  const input: ApiRequest<'gezinnen.lijst'> = {
    ...(zoek.trim() ? { zoek: zoek.trim() } : {}),
    ...(status ? { status } : {}),
    ...(profiel ? { zorgprofiel: profiel } : {}),
    ...(evaluatieNodig ? { evaluatieNodig } : {}),
    alleenEigen,
  };
  const { data: lijst, error } = useQuery('gezinnen.lijst', input, JSON.stringify(input));
  const today = toIsoDate(new Date());
  const open = (gezinId: string) => go({ naam: 'dossier', gezinId, tab: 'overzicht' });

  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', mb: 2, gap: 2 }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          Mijn gezinnen
        </Typography>
        <Button variant="contained" onClick={() => setNieuw(true)}>
          Nieuw gezin aanmelden
        </Button>
      </Box>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', mb: 2, flexWrap: 'wrap' }}>
        <TextField
          label="Zoeken op naam, geboortedatum (dd-mm-jjjj) of BSN"
          value={zoek}
          onChange={(e) => setZoek(e.target.value)}
          sx={{ minWidth: 380 }}
          autoFocus
          size="small"
        />
        <CodeSelect
          size="small"
          sx={{ minWidth: 140 }}
          label="Status"
          leeg="Alle"
          list={GEZIN_STATUSSEN}
          value={status}
          onChange={setStatus}
        />
        <CodeSelect
          size="small"
          sx={{ minWidth: 160 }}
          label="Zorgprofiel"
          leeg="Alle"
          list={ZORGPROFIEL_CATEGORIEEN}
          value={profiel}
          onChange={setProfiel}
        />
        <FormControlLabel
          control={
            <Switch
              checked={evaluatieNodig}
              onChange={(e) => setEvaluatieNodig(e.target.checked)}
            />
          }
          label="Evaluatie nodig"
        />
        <FormControlLabel
          control={
            <Switch checked={alleenEigen} onChange={(e) => setAlleenEigen(e.target.checked)} />
          }
          label="Alleen waar ik regisseur ben"
        />
      </Box>
      {lijst && (
        <Box sx={{ display: 'flex', gap: 1, mb: 2 }} aria-label="Aantallen">
          <Chip
            label={`${lijst.totaal} ${lijst.totaal === 1 ? 'gezin' : 'gezinnen'}`}
            color="primary"
            data-testid="aantal-gezinnen"
          />
          {GEZIN_STATUSSEN.codes.map((s) => (
            <Chip
              key={s}
              variant="outlined"
              label={`${GEZIN_STATUSSEN.labels[s]}: ${lijst.perStatus[s]}`}
            />
          ))}
        </Box>
      )}
      {error && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {error}
        </Alert>
      )}
      <TableContainer sx={{ maxHeight: 'calc(100vh - 290px)' }}>
        <Table stickyHeader size="small" aria-label="Mijn gezinnen">
          <TableHead>
            <TableRow>
              <TableCell>Gezin</TableCell>
              <TableCell>Jeugdigen</TableCell>
              <TableCell>Woonplaats</TableCell>
              <TableCell>Zorgprofiel</TableCell>
              <TableCell>Regisseur</TableCell>
              <TableCell>Aangemeld</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>Signalen</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {lijst?.gezinnen.map((g) => (
              <TableRow
                key={g.id}
                hover
                tabIndex={0}
                sx={{ cursor: 'pointer' }}
                onClick={() => open(g.id)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') open(g.id);
                }}
              >
                <TableCell>{g.naam}</TableCell>
                <TableCell>
                  {g.jeugdigen
                    .map((j) => `${j.voornaam} (${ageOn(j.geboortedatum, today)})`)
                    .join(', ')}
                </TableCell>
                <TableCell>{g.woonplaats}</TableCell>
                <TableCell>
                  {g.zorgprofielen
                    .map((z) => ZORGPROFIEL_CATEGORIEEN.labels[z].split(' ')[0])
                    .join(', ') || '—'}
                </TableCell>
                <TableCell>{g.regisseurNaam}</TableCell>
                <TableCell>{formatDate(g.aangemeldOp)}</TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    label={GEZIN_STATUSSEN.labels[g.status]}
                    color={g.status === 'afgesloten' ? 'default' : 'primary'}
                    variant={g.status === 'aangemeld' ? 'outlined' : 'filled'}
                  />
                </TableCell>
                <TableCell>
                  {g.signalen > 0 ? (
                    <Chip
                      size="small"
                      color="warning"
                      label={`${g.signalen} ${g.signalen === 1 ? 'signaal' : 'signalen'}`}
                    />
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {nieuw && (
        <NieuwGezinDialog
          onClose={(id) => {
            setNieuw(false);
            if (id) open(id);
          }}
        />
      )}
    </Box>
  );
}
