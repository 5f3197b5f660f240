import { TextField, type TextFieldProps } from '@mui/material';

type Props = Omit<TextFieldProps, 'type' | 'value' | 'onChange'> & {
  value: string;
  onChange(value: string): void;
  /** A passphrase being chosen (the browser may suggest one), or one being typed to unlock. */
  nieuw?: boolean;
};

/** A required password or passphrase field, so every such field behaves alike. */
export function WachtwoordVeld({ value, onChange, nieuw = false, ...props }: Props) {
  return (
    <TextField
      {...props}
      type="password"
      autoComplete={nieuw ? 'new-password' : 'current-password'}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      required
    />
  );
}
