/**
 * Gespreksverslagen: a quick note at the kitchen table (offline), with who was there and the
 * goals and agreements it was about, and a search over all notes of the family. The text being
 * typed is kept as a draft, so closing the laptop mid-sentence loses nothing.
 */
import { Alert, Box, Card, CardContent, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import type { Dossier, Gespreksverslag } from '../../../../shared/api';
import { useQuery } from '../../api/hooks';
import { CorrigeerDialog } from './gesprekken/CorrigeerDialog';
import { NieuwVerslag } from './gesprekken/NieuwVerslag';
import { Verslag } from './gesprekken/Verslag';

export function Gesprekken({ dossier, dicht }: { dossier: Dossier; dicht: boolean }) {
  const gezinId = dossier.gezin.id;
  const [zoek, setZoek] = useState('');
  const [corrigeer, setCorrigeer] = useState<Gespreksverslag | null>(null);
  const { data, error, reload } = useQuery(
    'gesprek.lijst',
    { gezinId, ...(zoek ? { zoek } : {}) },
    gezinId,
  );
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      {!dicht && data && (
        <NieuwVerslag dossier={dossier} koppelbaar={data.koppelbaar} onOpgeslagen={reload} />
      )}
      <Card component="section" aria-labelledby="verslagen-kop">
        <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography id="verslagen-kop" variant="h6" component="h2" sx={{ flexGrow: 1 }}>
              Gespreksverslagen
              {data ? ` (${data.verslagen.length}${zoek ? ` van ${data.totaal}` : ''})` : ''}
            </Typography>
            <TextField
              size="small"
              type="search"
              label="Zoeken in de verslagen"
              value={zoek}
              onChange={(e) => setZoek(e.target.value)}
              sx={{ minWidth: 300 }}
            />
          </Box>
          {error && <Alert severity="error">{error}</Alert>}
          {data?.verslagen.length === 0 && (
            <Typography color="text.secondary">
              {zoek ? 'Geen verslag gevonden met deze woorden.' : 'Nog geen gespreksverslagen.'}
            </Typography>
          )}
          {data?.verslagen.map((v) => (
            <Verslag key={v.id} v={v} dicht={dicht} onCorrigeer={() => setCorrigeer(v)} />
          ))}
          {corrigeer && (
            <CorrigeerDialog
              gezinId={gezinId}
              verslag={corrigeer}
              onClose={(done) => {
                setCorrigeer(null);
                if (done) reload();
              }}
            />
          )}
        </CardContent>
      </Card>
    </Box>
  );
}
