import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { AgendaItem } from '../../../../shared/api';
import { useMutation } from '../../api/hooks';
import { formatDate } from '../../format';

/** A planned visit: cancel it, or open the family's dossier. */
export function BezoekDetail({
  bezoek,
  onDossier,
  onClose,
}: {
  bezoek: AgendaItem;
  onDossier(): void;
  onClose(geschrapt: boolean): void;
}) {
  const mutate = useMutation();
  const [fout, setFout] = useState<string | null>(null);
  return (
    <Dialog
      open
      onClose={() => onClose(false)}
      aria-labelledby="bezoek-titel"
      fullWidth
      maxWidth="sm"
    >
      <DialogTitle id="bezoek-titel">{bezoek.titel}</DialogTitle>
      <DialogContent>
        <Typography>
          {bezoek.gezinNaam} · {formatDate(bezoek.datum)} om {bezoek.tijd}
          {bezoek.duurMinuten ? ` · ${bezoek.duurMinuten} minuten` : ''}
        </Typography>
        {fout && (
          <Alert severity="error" role="alert" sx={{ mt: 2 }}>
            {fout}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button
          color="error"
          onClick={async () => {
            const { error } = await mutate('bezoek.verwijderen', { id: bezoek.id });
            if (error) return setFout(error.message);
            onClose(true);
          }}
        >
          Bezoek schrappen
        </Button>
        <Button onClick={onDossier}>Dossier openen</Button>
        <Button variant="contained" onClick={() => onClose(false)}>
          Sluiten
        </Button>
      </DialogActions>
    </Dialog>
  );
}
