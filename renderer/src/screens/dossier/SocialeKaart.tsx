/**
 * The sociale kaart in the triage step "wat doen we samen": search the voorliggende
 * voorzieningen of the team's gemeente (offline: the catalogue is synced reference data) and
 * record the ones the family will use in the action plan.
 */
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Chip,
  FormControlLabel,
  List,
  ListItem,
  ListItemText,
  MenuItem,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { Actieplan } from '../../../../shared/api';
import { VOORZIENING_SOORTEN, type VoorzieningSoort } from '../../../../shared/domain';
import { useMutation, useQuery } from '../../api/hooks';
import { formatDate } from '../../format';

export function SocialeKaart({
  actieplan: a,
  dicht,
  reload,
}: {
  actieplan: Actieplan;
  dicht: boolean;
  reload(): void;
}) {
  const mutate = useMutation();
  const [zoek, setZoek] = useState('');
  const [soort, setSoort] = useState<VoorzieningSoort | ''>('');
  const [alleenGratis, setAlleenGratis] = useState(false);
  const [fout, setFout] = useState<string | null>(null);
  const vraag = {
    actieplanId: a.id,
    zoek,
    ...(soort ? { soort } : {}),
    ...(alleenGratis ? { alleenGratis } : {}),
  };
  const { data, error } = useQuery('socialeKaart.zoeken', vraag, a.id);
  const ingezet = new Set(a.voorzieningen.map((v) => v.voorzieningId));

  return (
    <Box component="section" aria-label="Sociale kaart" sx={{ mt: 2 }}>
      {a.voorzieningen.length > 0 && (
        <Box sx={{ mb: 2 }}>
          <Typography variant="subtitle2" component="h4">
            Ingezet in dit plan
          </Typography>
          <List dense aria-label="Ingezette voorzieningen">
            {a.voorzieningen.map((v) => (
              <ListItem
                key={v.id}
                secondaryAction={
                  !dicht && (
                    <Button
                      size="small"
                      onClick={async () => {
                        const { error: e } = await mutate('actieplan.voorzieningWeghalen', {
                          id: v.id,
                        });
                        setFout(e?.message ?? null);
                        if (!e) reload();
                      }}
                    >
                      Weghalen
                    </Button>
                  )
                }
              >
                <ListItemText
                  primary={v.naam}
                  secondary={`${v.contact} · ingezet op ${formatDate(v.op)}`}
                />
              </ListItem>
            ))}
          </List>
        </Box>
      )}
      <Typography variant="subtitle2" component="h4">
        Zoeken in de sociale kaart{data?.gemeente ? ` van ${data.gemeente.naam}` : ''}
      </Typography>
      {typeof data?.leeftijd === 'number' && (
        <Typography variant="body2" color="text.secondary">
          Afgestemd op de leeftijd van {a.jeugdigeNaam} ({data.leeftijd} jaar): wat voor een andere
          leeftijd is, staat er niet bij.
        </Typography>
      )}
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap', mt: 1 }}>
        <TextField
          size="small"
          label="Zoek op wat het gezin nodig heeft"
          placeholder="bijvoorbeeld sport, schulden, opvoeden"
          value={zoek}
          onChange={(e) => setZoek(e.target.value)}
          sx={{ minWidth: 320 }}
        />
        <TextField
          size="small"
          select
          label="Soort"
          value={soort}
          onChange={(e) => setSoort(e.target.value as VoorzieningSoort | '')}
          sx={{ minWidth: 220 }}
        >
          <MenuItem value="">Alle soorten</MenuItem>
          {VOORZIENING_SOORTEN.codes.map((c) => (
            <MenuItem key={c} value={c}>
              {VOORZIENING_SOORTEN.labels[c]}
            </MenuItem>
          ))}
        </TextField>
        <FormControlLabel
          control={
            <Checkbox checked={alleenGratis} onChange={(e) => setAlleenGratis(e.target.checked)} />
          }
          label="Alleen gratis"
        />
      </Box>
      {(error ?? fout) && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {error ?? fout}
        </Alert>
      )}
      {data && data.voorzieningen.length === 0 && (
        <Typography color="text.secondary" sx={{ mt: 1 }}>
          Niets gevonden. Probeer een ander woord of een andere soort.
        </Typography>
      )}
      <List aria-label="Gevonden voorzieningen" sx={{ maxHeight: 360, overflow: 'auto' }}>
        {data?.voorzieningen.map((v) => (
          <ListItem
            key={v.id}
            alignItems="flex-start"
            divider
            secondaryAction={
              !dicht && (
                <Button
                  size="small"
                  variant="outlined"
                  disabled={ingezet.has(v.id)}
                  aria-label={`${v.naam} inzetten`}
                  onClick={async () => {
                    const { error: e } = await mutate('actieplan.voorzieningInzetten', {
                      actieplanId: a.id,
                      voorzieningId: v.id,
                    });
                    setFout(e?.message ?? null);
                    if (!e) reload();
                  }}
                >
                  {ingezet.has(v.id) ? 'Ingezet' : 'Inzetten'}
                </Button>
              )
            }
            sx={{ pr: 14 }}
          >
            <ListItemText
              primary={
                <Box
                  component="span"
                  sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}
                >
                  <span>{v.naam}</span>
                  <Chip size="small" label={VOORZIENING_SOORTEN.labels[v.soort]} />
                  <Chip
                    size="small"
                    color={v.gratis ? 'success' : 'default'}
                    variant="outlined"
                    label={v.gratis ? 'Gratis' : 'Eigen bijdrage'}
                  />
                </Box>
              }
              secondary={
                <>
                  {v.aanbod}
                  <br />
                  {v.contact}
                </>
              }
            />
          </ListItem>
        ))}
      </List>
    </Box>
  );
}
