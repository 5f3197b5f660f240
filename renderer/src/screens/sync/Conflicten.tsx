import {
  Alert,
  Box,
  Button,
  Card,
  CardActions,
  CardContent,
  CircularProgress,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { Conflict } from '../../../../shared/api-sync';
import { useMutation, useQuery } from '../../api/hooks';
import { momentTekst } from '../../format';
import { useSession } from '../../store';
import { useSync } from './sync-store';

/** One field two people changed at the same time: both versions, keep one or combine them. */
function ConflictKaart({ conflict, onOpgelost }: { conflict: Conflict; onOpgelost(): void }) {
  const mutate = useMutation();
  const go = useSession((s) => s.go);
  const [samen, setSamen] = useState(conflict.versies.map((v) => v.waarde ?? '').join('\n\n'));
  const [fout, setFout] = useState<string | null>(null);
  const kies = async (waarde: string) => {
    const { error } = await mutate('sync.oplossen', {
      tabel: conflict.tabel,
      rijId: conflict.rijId,
      veld: conflict.veld,
      waarde,
    });
    if (error) setFout(error.message);
    else onOpgelost();
  };
  const titel = `${conflict.gezinNaam ? `${conflict.gezinNaam} · ` : ''}${conflict.onderdeel}: ${conflict.veldLabel}`;
  return (
    <Card component="section" aria-label={titel}>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {titel}
        </Typography>
        <Typography variant="body2" sx={{ mb: 2 }}>
          Dit veld is op twee plaatsen tegelijk gewijzigd. Beide versies zijn bewaard; kies er een
          of voeg ze samen.
        </Typography>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          {conflict.versies.map((v) => (
            <Paper key={v.hlc} variant="outlined" sx={{ p: 2, flex: 1 }}>
              <Typography variant="caption" component="p" sx={{ mb: 1 }}>
                {v.auteur} · {momentTekst(v.op)}
                {v.huidig ? ' · nu zichtbaar' : ''}
              </Typography>
              <Typography sx={{ whiteSpace: 'pre-wrap', mb: 1 }}>{v.waarde || '(leeg)'}</Typography>
              <Button
                size="small"
                variant="outlined"
                onClick={() => void kies(v.waarde ?? '')}
                aria-label={`Versie van ${v.auteur} houden`}
              >
                Deze versie houden
              </Button>
            </Paper>
          ))}
        </Stack>
        <TextField
          label="Samengevoegde tekst"
          multiline
          minRows={3}
          fullWidth
          value={samen}
          onChange={(e) => setSamen(e.target.value)}
          sx={{ mt: 2 }}
        />
        {fout && (
          <Alert severity="error" sx={{ mt: 1 }}>
            {fout}
          </Alert>
        )}
      </CardContent>
      <CardActions>
        <Button variant="contained" onClick={() => void kies(samen)}>
          Samengevoegde tekst opslaan
        </Button>
        {conflict.gezinId && (
          <Button
            onClick={() => go({ naam: 'dossier', gezinId: conflict.gezinId!, tab: 'overzicht' })}
          >
            Dossier openen
          </Button>
        )}
      </CardActions>
    </Card>
  );
}

/** Conflicts to resolve and changes the central service refused: nothing typed is dropped. */
export function Conflicten() {
  const versie = useSync((s) => s.versie);
  const { data, error, reload } = useQuery('sync.overzicht', {}, String(versie));
  const laad = useSync((s) => s.laad);
  if (error) return <Alert severity="error">{error}</Alert>;
  if (!data) return <CircularProgress aria-label="Conflicten laden" />;
  return (
    <Box sx={{ maxWidth: 1100 }}>
      <Typography variant="h4" component="h1" gutterBottom>
        Conflicten
      </Typography>
      {data.conflicten.length === 0 && data.geweigerd.length === 0 && (
        <Alert severity="success">Er zijn geen conflicten. Alles is in orde.</Alert>
      )}
      <Stack spacing={2}>
        {data.conflicten.map((c) => (
          <ConflictKaart
            key={`${c.tabel}|${c.rijId}|${c.veld}`}
            conflict={c}
            onOpgelost={() => {
              reload();
              void laad();
            }}
          />
        ))}
      </Stack>
      {data.geweigerd.length > 0 && (
        <Box component="section" sx={{ mt: 4 }} aria-label="Geweigerde wijzigingen">
          <Typography variant="h5" component="h2" gutterBottom>
            Geweigerde wijzigingen
          </Typography>
          <Typography variant="body2" sx={{ mb: 1 }}>
            De centrale dienst heeft deze wijzigingen niet aangenomen. Ze blijven hier bewaard; neem
            contact op met uw teamcoach of de beheerder.
          </Typography>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>Onderdeel</TableCell>
                <TableCell>Velden</TableCell>
                <TableCell>Reden</TableCell>
                <TableCell>Vastgelegd</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.geweigerd.map((g) => (
                <TableRow key={g.wijzigingId}>
                  <TableCell>{g.onderdeel}</TableCell>
                  <TableCell>{g.velden.join(', ')}</TableCell>
                  <TableCell>{g.reden}</TableCell>
                  <TableCell>{momentTekst(g.op)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </Box>
  );
}
