import { Alert, Box, Button, Card, CardContent, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useMutation } from '../../api/hooks';
import { useSession } from '../../store';

/**
 * A teamcoach reads a dossier only with a stated reason, which goes into the access log
 * (NEN 7513). Nothing of the family is shown before it.
 */
export function InzageReden({ gezinId, onGegeven }: { gezinId: string; onGegeven(): void }) {
  const mutate = useMutation();
  const go = useSession((s) => s.go);
  const [reden, setReden] = useState('');
  const [fout, setFout] = useState<string | null>(null);
  async function bevestig(e: React.FormEvent) {
    e.preventDefault();
    const { error } = await mutate('inzage.reden', { gezinId, reden });
    if (error) setFout(error.message);
    else onGegeven();
  }
  return (
    <Card component="section" aria-labelledby="inzage-kop" sx={{ maxWidth: 640 }}>
      <CardContent>
        <Typography id="inzage-kop" variant="h5" component="h1" gutterBottom>
          Reden van inzage
        </Typography>
        <Typography sx={{ mb: 2 }}>
          Als teamcoach ziet u een dossier alleen in met een reden. Uw reden, de tijd en wat u
          bekijkt worden vastgelegd in het logboek; het gezin kan dat later opvragen. De reden geldt
          een half uur voor dit gezin.
        </Typography>
        <Box component="form" onSubmit={(e) => void bevestig(e)} noValidate>
          <TextField
            label="Waarom bekijkt u dit dossier?"
            value={reden}
            onChange={(e) => setReden(e.target.value)}
            multiline
            minRows={2}
            fullWidth
            autoFocus
            required
            error={Boolean(fout)}
            helperText={fout ?? 'Bijvoorbeeld: casusoverleg, vier-ogenvraag, klacht van het gezin.'}
          />
          {fout && (
            <Alert severity="error" sx={{ mt: 1 }}>
              {fout}
            </Alert>
          )}
          <Box sx={{ display: 'flex', gap: 1, mt: 2 }}>
            <Button type="submit" variant="contained">
              Dossier inzien
            </Button>
            <Button onClick={() => go({ naam: 'gezinnen' })}>Terug</Button>
          </Box>
        </Box>
      </CardContent>
    </Card>
  );
}
