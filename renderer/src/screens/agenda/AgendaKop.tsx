import { Box, Button, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { lokaleDatum } from '../../format';
import type { Weergave } from './AgendaRaster';
import type { useAgendaPeriode } from './use-agenda-periode';

/** The agenda's title and its steps: previous, today, next, week or month, plan a visit. */
export function AgendaKop({
  p,
  kanPlannen,
  onPlannen,
}: {
  p: ReturnType<typeof useAgendaPeriode>;
  kanPlannen: boolean;
  onPlannen(): void;
}) {
  return (
    <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
      <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
        Agenda · {p.titel}
      </Typography>
      <Button
        onClick={() => p.stap(-1)}
        aria-label={p.weergave === 'week' ? 'Vorige week' : 'Vorige maand'}
      >
        ‹ Vorige
      </Button>
      <Button onClick={() => p.setAnker(lokaleDatum())}>Vandaag</Button>
      <Button
        onClick={() => p.stap(1)}
        aria-label={p.weergave === 'week' ? 'Volgende week' : 'Volgende maand'}
      >
        Volgende ›
      </Button>
      <ToggleButtonGroup
        size="small"
        exclusive
        value={p.weergave}
        onChange={(_, w: Weergave | null) => w && p.setWeergave(w)}
        aria-label="Weergave"
      >
        <ToggleButton value="week">Week</ToggleButton>
        <ToggleButton value="maand">Maand</ToggleButton>
      </ToggleButtonGroup>
      {kanPlannen && (
        <Button variant="contained" onClick={onPlannen}>
          Bezoek plannen
        </Button>
      )}
    </Box>
  );
}
