import { Typography } from '@mui/material';
import { useSaveState } from '../store';

/** Visible save state: users must be able to see that what they typed is safe. */
export function SaveIndicator() {
  const { bezig, fout, laatst } = useSaveState();
  const text =
    bezig > 0
      ? 'Opslaan ...'
      : fout
        ? `Niet opgeslagen: ${fout}`
        : laatst
          ? `Alles opgeslagen (${laatst.toLocaleTimeString('nl-NL', { hour: '2-digit', minute: '2-digit' })})`
          : 'Alles opgeslagen';
  return (
    <Typography
      role="status"
      aria-live="polite"
      variant="body2"
      sx={{ color: fout ? '#ffd2cc' : 'inherit', minWidth: 180 }}
    >
      {text}
    </Typography>
  );
}
