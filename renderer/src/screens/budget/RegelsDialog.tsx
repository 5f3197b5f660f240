import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
} from '@mui/material';
import type { DashboardFilter, Doorklik } from '../../../../shared/api';
import { useQuery } from '../../api/hooks';
import { TabelWeergave } from './TabelWeergave';

interface Props {
  filter: DashboardFilter;
  doorklik: Doorklik;
  onClose(): void;
  onGezin?(gezinId: string): void;
}

const aantalRegels = (n: number) => `${n.toLocaleString('nl-NL')} ${n === 1 ? 'regel' : 'regels'}`;

/** The rows behind a figure, with their own export. */
export function RegelsDialog({ filter, doorklik, onClose, onGezin }: Props) {
  const regels = useQuery('budget.regels', { filter, doorklik }, '');
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="lg" aria-labelledby="regels-titel">
      <DialogTitle id="regels-titel">
        {regels.data?.titel ?? 'Regels achter het cijfer'}
      </DialogTitle>
      <DialogContent>
        {regels.error && <Alert severity="error">{regels.error}</Alert>}
        {!regels.data && !regels.error && <LinearProgress aria-label="Regels laden" />}
        {regels.data && (
          <TabelWeergave
            tabel={{
              ...regels.data,
              titel: aantalRegels(regels.data.totaal ?? regels.data.rijen.length),
            }}
            filter={filter}
            doorklik={doorklik}
            onGezin={onGezin}
            maxHoogte={480}
          />
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Sluiten</Button>
      </DialogActions>
    </Dialog>
  );
}
