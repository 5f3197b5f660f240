import { Alert, Link } from '@mui/material';
import type { VeldFout } from './formulier-controle';

/** What a form found wrong: the core's message, or every invalid field (each a link to it). */
export type Fouten = { kern: string } | { velden: VeldFout[] } | null;

export function FoutMeldingen({ fouten }: { fouten: Fouten }) {
  if (!fouten) return null;
  if ('kern' in fouten)
    return (
      <Alert severity="error" role="alert">
        {fouten.kern}
      </Alert>
    );
  return (
    <Alert severity="error" role="alert">
      {fouten.velden.length === 1
        ? 'Controleer dit veld:'
        : `Controleer deze ${fouten.velden.length} velden:`}
      <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
        {fouten.velden.map((f, i) => (
          <li key={i}>
            <Link
              component="button"
              type="button"
              color="inherit"
              sx={{ textAlign: 'left', verticalAlign: 'baseline' }}
              onClick={() => f.element.focus()}
            >
              {f.melding}
            </Link>
          </li>
        ))}
      </ul>
    </Alert>
  );
}
