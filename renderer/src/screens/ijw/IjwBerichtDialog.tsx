import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Typography,
} from '@mui/material';
import { useState, type ReactNode } from 'react';

/**
 * The frame of a dialog that reads an iJw message from the XML file a provider sent: the
 * explanation, the file choice with the chosen file's name, the error, then what the message
 * says. Closing is always possible; `acties` adds the step that records something.
 */
export function IjwBerichtDialog({
  id,
  titel,
  uitleg,
  bestandLabel,
  fout,
  onBestand,
  onClose,
  acties,
  children,
}: {
  /** The title's id, which names the dialog. */
  id: string;
  titel: string;
  uitleg: string;
  /** The accessible name of the file input. */
  bestandLabel: string;
  fout: string | null;
  onBestand(bestand: File): void;
  onClose(): void;
  acties?: ReactNode;
  children: ReactNode;
}) {
  const [bestand, setBestand] = useState('');
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby={id}>
      <DialogTitle id={id}>{titel}</DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Typography>{uitleg}</Typography>
        <Box>
          <Button variant="outlined" component="label">
            Bestand kiezen
            <input
              hidden
              type="file"
              autoComplete="off"
              accept=".xml,application/xml,text/xml"
              aria-label={bestandLabel}
              onChange={(e) => {
                const f = e.target.files?.[0];
                e.target.value = '';
                if (!f) return;
                setBestand(f.name);
                onBestand(f);
              }}
            />
          </Button>
          {bestand && (
            <Typography component="span" sx={{ ml: 2 }}>
              {bestand}
            </Typography>
          )}
        </Box>
        {fout && (
          <Alert severity="error" role="alert">
            {fout}
          </Alert>
        )}
        {children}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Sluiten</Button>
        {acties}
      </DialogActions>
    </Dialog>
  );
}
