import { Box, Button, Typography } from '@mui/material';
import { useState } from 'react';
import type { Dossier } from '../../../../shared/api';
import { ActieplanKaart } from './actieplan/ActieplanKaart';
import { NieuwActieplanDialog } from './actieplan/NieuwActieplanDialog';
import { alleenLezen } from './alleen-lezen';

export function Actieplannen({ dossier, reload }: { dossier: Dossier; reload(): void }) {
  const [nieuw, setNieuw] = useState(false);
  const dicht = alleenLezen(dossier);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      {!dicht && (
        <Button variant="contained" sx={{ alignSelf: 'flex-start' }} onClick={() => setNieuw(true)}>
          Nieuw actieplan
        </Button>
      )}
      {dossier.actieplannen.length === 0 && (
        <Typography color="text.secondary">Nog geen actieplannen.</Typography>
      )}
      {dossier.actieplannen.map((a) => (
        <ActieplanKaart key={a.id} actieplan={a} dossier={dossier} reload={reload} />
      ))}
      {nieuw && (
        <NieuwActieplanDialog
          dossier={dossier}
          onClose={(done) => {
            setNieuw(false);
            if (done) reload();
          }}
        />
      )}
    </Box>
  );
}
