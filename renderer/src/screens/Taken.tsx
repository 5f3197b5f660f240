import {
  Alert,
  Box,
  Button,
  Chip,
  List,
  ListItem,
  ListItemButton,
  ListItemText,
  Typography,
} from '@mui/material';
import type { SignaalSoort } from '../../../shared/api';
import { useQuery } from '../api/hooks';
import { formatDate } from '../format';
import { useSession } from '../store';
import { StartStopInlezen } from './ijw/StartStopInlezen';
import { VerzoekInlezen } from './ijw/VerzoekInlezen';
import { useState } from 'react';

export const SIGNAAL_LABELS: Record<SignaalSoort, string> = {
  evaluatie_te_laat: 'Evaluatie te laat',
  toewijzing_eindigt: 'Toewijzing eindigt binnen 6 weken',
  geen_toestemming: 'Plan zonder toestemming',
  wordt_18: 'Wordt binnen 18 maanden 18',
  akkoord_gevraagd: 'Vier-ogenakkoord',
  tekst_doorgestuurd: 'Tekst na verhuizing',
};

export function Taken() {
  const go = useSession((s) => s.go);
  const { data, error } = useQuery('taken.lijst', {}, 'taken');
  const [inlezen, setInlezen] = useState(false);
  const [startStop, setStartStop] = useState(false);
  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1 }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          Taken en signalen
        </Typography>
        <Button variant="outlined" onClick={() => setInlezen(true)}>
          Verzoek om toewijzing inlezen (JW315)
        </Button>
        <Button variant="outlined" onClick={() => setStartStop(true)}>
          Start of stop inlezen (JW305/JW307)
        </Button>
      </Box>
      {inlezen && <VerzoekInlezen onClose={() => setInlezen(false)} />}
      {startStop && <StartStopInlezen onClose={() => setStartStop(false)} />}
      {error && <Alert severity="error">{error}</Alert>}
      {data && (
        <Box sx={{ display: 'flex', gap: 1, mb: 2, flexWrap: 'wrap' }}>
          {(Object.keys(SIGNAAL_LABELS) as SignaalSoort[]).map((s) => (
            <Chip
              key={s}
              label={`${SIGNAAL_LABELS[s]}: ${data.perSoort[s]}`}
              variant={data.perSoort[s] ? 'filled' : 'outlined'}
            />
          ))}
        </Box>
      )}
      {data?.signalen.length === 0 && <Typography>Er is niets dat op u wacht.</Typography>}
      <List aria-label="Signalen">
        {data?.signalen.map((s, i) => (
          <ListItem key={i} disablePadding>
            <ListItemButton
              onClick={() =>
                go({
                  naam: 'dossier',
                  gezinId: s.gezinId,
                  tab:
                    s.soort === 'geen_toestemming'
                      ? 'gezinsplan'
                      : s.soort === 'wordt_18'
                        ? 'overzicht'
                        : 'actieplannen',
                })
              }
            >
              <ListItemText
                primary={`${s.gezinNaam}: ${s.tekst}`}
                secondary={`${SIGNAAL_LABELS[s.soort]} · ${formatDate(s.datum)}`}
              />
            </ListItemButton>
          </ListItem>
        ))}
      </List>
    </Box>
  );
}
