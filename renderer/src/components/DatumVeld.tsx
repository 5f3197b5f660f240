import { TextField, type TextFieldProps } from '@mui/material';

/** A date typed as dd-mm-jjjj; the form reads it with metDatum before it writes. */
export function DatumVeld(props: TextFieldProps) {
  return <TextField placeholder="dd-mm-jjjj" {...props} />;
}
