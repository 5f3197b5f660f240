import { Alert, Box, Button } from '@mui/material';
import { useState, type ReactNode } from 'react';

interface Props {
  submitLabel: string;
  /** Resolves to a Dutch error to show under the form, or null when the row was added. */
  onSubmit(): Promise<string | null>;
  children: ReactNode;
}

/** A one-line form that adds a row (a goal, an agreement, a network member) and shows its error. */
export function InlineForm({ submitLabel, onSubmit, children }: Props) {
  const [fout, setFout] = useState<string | null>(null);
  return (
    <>
      <Box
        component="form"
        sx={{ display: 'flex', gap: 1, mt: 1, flexWrap: 'wrap' }}
        onSubmit={async (e) => {
          e.preventDefault();
          setFout(await onSubmit());
        }}
      >
        {children}
        <Button type="submit" variant="outlined">
          {submitLabel}
        </Button>
      </Box>
      {fout && <Alert severity="error">{fout}</Alert>}
    </>
  );
}
