import { Alert } from '@mui/material';

/** Under a form on a page: the core's refusal, or what was done. */
export function Uitkomst({ fout, gedaan }: { fout: string | null; gedaan: string | null }) {
  return (
    <>
      {fout && (
        <Alert severity="error" role="alert">
          {fout}
        </Alert>
      )}
      {gedaan && <Alert severity="success">{gedaan}</Alert>}
    </>
  );
}
