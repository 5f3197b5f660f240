import {
  Alert,
  Box,
  Button,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { Actieplan, Toewijzing } from '../../../../shared/api';
import { useExport } from '../../api/use-export';
import { ToewijzingWizard } from './ToewijzingWizard';
import { EvaluatieDialog } from './toewijzing/EvaluatieDialog';
import { StartDialog } from './toewijzing/StartDialog';
import { StoppenDialog } from './toewijzing/StoppenDialog';
import { ToewijzingRij, type ActieSoort } from './toewijzing/ToewijzingRij';

type Actie = { soort: ActieSoort; toewijzing: Toewijzing };

export function Toewijzingen({
  actieplan,
  dicht,
  reload,
}: {
  actieplan: Actieplan;
  dicht: boolean;
  reload(): void;
}) {
  const [wizard, setWizard] = useState(false);
  const [actie, setActie] = useState<Actie | null>(null);
  const jw301 = useExport();
  const klaar = (done: boolean) => {
    setActie(null);
    setWizard(false);
    if (done) reload();
  };
  return (
    <Box component="section" aria-label="Hulp en regie">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
        <Typography variant="subtitle1" component="h3" sx={{ flexGrow: 1 }}>
          Hulp en regie na beschikking
        </Typography>
        {!dicht && actieplan.triageUitkomst === 'laten_doen' && (
          <Button variant="contained" color="secondary" onClick={() => setWizard(true)}>
            Hulp inzetten
          </Button>
        )}
      </Box>
      {jw301.fout && <Alert severity="error">{jw301.fout}</Alert>}
      {actieplan.toewijzingen.length > 0 && (
        <Table size="small" aria-label="Toewijzingen">
          <TableHead>
            <TableRow>
              <TableCell>Hulp</TableCell>
              <TableCell>Periode</TableCell>
              <TableCell>Start zorg</TableCell>
              <TableCell>Kosten</TableCell>
              <TableCell>Evaluaties</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>Acties</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {actieplan.toewijzingen.map((t) => (
              <ToewijzingRij
                key={t.id}
                t={t}
                dicht={dicht}
                onJw301={() => void jw301.exporteer({ soort: 'jw301', toewijzingId: t.id })}
                onActie={(soort) => setActie({ soort, toewijzing: t })}
              />
            ))}
          </TableBody>
        </Table>
      )}
      {wizard && <ToewijzingWizard actieplan={actieplan} onClose={klaar} />}
      {actie?.soort === 'start' && <StartDialog toewijzing={actie.toewijzing} onClose={klaar} />}
      {actie?.soort === 'evaluatie' && (
        <EvaluatieDialog toewijzing={actie.toewijzing} doelen={actieplan.doelen} onClose={klaar} />
      )}
      {actie?.soort === 'stoppen' && (
        <StoppenDialog toewijzing={actie.toewijzing} onClose={klaar} />
      )}
    </Box>
  );
}
