import {
  Box,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
} from '@mui/material';
import { useState, type ReactNode } from 'react';
import { useSaveState } from '../store';
import { FoutMeldingen, type Fouten } from './FoutMeldingen';
import { controleerFormulier, GECONTROLEERD_STIJL } from './formulier-controle';

interface Props {
  title: string;
  submitLabel: string;
  onCancel(): void;
  /** Resolves to a Dutch error to show, or null when done. */
  onSubmit(): Promise<string | null>;
  children: ReactNode;
  maxWidth?: 'sm' | 'md' | 'lg';
}

/**
 * A dialog whose form submits with Enter. Before anything is sent, every invalid field is
 * listed at once in Dutch by its label (not the browser's bubble); the core's error shows in
 * the same place.
 */
export function FormDialog({
  title,
  submitLabel,
  onCancel,
  onSubmit,
  children,
  maxWidth = 'sm',
}: Props) {
  const [fouten, setFouten] = useState<Fouten>(null);
  const [bezig, setBezig] = useState(false);
  const [gecontroleerd, setGecontroleerd] = useState(false);
  /**
   * Cancelled after a refused submit: the refusal was about this dialog's input, which is gone,
   * so the header no longer says "Niet opgeslagen" about it.
   */
  const annuleer = () => {
    if (fouten && 'kern' in fouten && useSaveState.getState().fout === fouten.kern)
      useSaveState.setState({ fout: null });
    onCancel();
  };
  return (
    <Dialog open onClose={annuleer} fullWidth maxWidth={maxWidth} aria-labelledby="dialog-title">
      <Box
        component="form"
        noValidate
        data-gecontroleerd={gecontroleerd || undefined}
        sx={GECONTROLEERD_STIJL}
        onSubmit={async (e) => {
          e.preventDefault();
          setGecontroleerd(true);
          const velden = controleerFormulier(e.currentTarget);
          if (velden.length > 0) {
            setFouten({ velden });
            velden[0]!.element.focus();
            return;
          }
          setFouten(null);
          setBezig(true);
          const kern = await onSubmit();
          setFouten(kern ? { kern } : null);
          setBezig(false);
        }}
      >
        <DialogTitle id="dialog-title">{title}</DialogTitle>
        <DialogContent
          sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: '8px !important' }}
        >
          {children}
          <FoutMeldingen fouten={fouten} />
        </DialogContent>
        <DialogActions>
          <Button onClick={annuleer}>Annuleren</Button>
          <Button
            type="submit"
            variant="contained"
            disabled={bezig}
            startIcon={bezig ? <CircularProgress size={16} color="inherit" /> : undefined}
          >
            {submitLabel}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
