import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useState, type ReactNode } from 'react';

interface Props {
  title: string;
  submitLabel: string;
  onCancel(): void;
  /** Resolves to a Dutch error to show, or null when done. */
  onSubmit(): Promise<string | null>;
  children: ReactNode;
  maxWidth?: 'sm' | 'md' | 'lg';
}

/** A dialog whose form submits with Enter and shows the core's Dutch error in place. */
export function FormDialog({
  title,
  submitLabel,
  onCancel,
  onSubmit,
  children,
  maxWidth = 'sm',
}: Props) {
  const [fout, setFout] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  return (
    <Dialog open onClose={onCancel} fullWidth maxWidth={maxWidth} aria-labelledby="dialog-title">
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setBezig(true);
          setFout(await onSubmit());
          setBezig(false);
        }}
      >
        <DialogTitle id="dialog-title">{title}</DialogTitle>
        <DialogContent
          sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: '8px !important' }}
        >
          {children}
          {fout && (
            <Alert severity="error" role="alert">
              {fout}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={onCancel}>Annuleren</Button>
          <Button type="submit" variant="contained" disabled={bezig}>
            {submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
