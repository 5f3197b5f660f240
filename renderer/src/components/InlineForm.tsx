import { Alert, Button } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { Formulier } from './Formulier';

interface Props {
  submitLabel: string;
  /** Resolves to a Dutch error to show under the form, or null when the row was added. */
  onSubmit(): Promise<string | null>;
  children: ReactNode;
}

/**
 * A one-line form that adds a row (a goal, an agreement, a network member). Every invalid field
 * is listed at once in Dutch by its label before anything is sent; the core's error shows
 * under it too.
 */
export function InlineForm({ submitLabel, onSubmit, children }: Props) {
  const [fout, setFout] = useState<string | null>(null);
  return (
    <>
      <Formulier
        onSubmit={() => void onSubmit().then(setFout)}
        sx={{ display: 'flex', gap: 1, mt: 1, flexWrap: 'wrap' }}
      >
        {children}
        <Button type="submit" variant="outlined">
          {submitLabel}
        </Button>
      </Formulier>
      {fout && (
        <Alert severity="error" role="alert">
          {fout}
        </Alert>
      )}
    </>
  );
}
