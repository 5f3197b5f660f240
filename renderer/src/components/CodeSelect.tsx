import { MenuItem, TextField, type TextFieldProps } from '@mui/material';

interface CodeList<C extends string> {
  codes: readonly C[];
  labels: Record<C, string>;
}

type Props<C extends string> = Omit<
  TextFieldProps,
  'select' | 'value' | 'onChange' | 'children'
> & {
  list: CodeList<C>;
  value: C | '';
  onChange(value: C | ''): void;
  /** Label of an extra "no choice" option (e.g. "Alle" in a filter). */
  leeg?: string;
};

/** A select over one of the domain's code lists, showing its Dutch labels. */
export function CodeSelect<C extends string>({ list, value, onChange, leeg, ...props }: Props<C>) {
  return (
    <TextField
      {...props}
      select
      value={value}
      onChange={(e) => onChange(e.target.value as C | '')}
      // Show the "no choice" label instead of an empty box.
      slotProps={
        leeg !== undefined
          ? { select: { displayEmpty: true }, inputLabel: { shrink: true } }
          : props.slotProps
      }
    >
      {leeg !== undefined && <MenuItem value="">{leeg}</MenuItem>}
      {list.codes.map((code) => (
        <MenuItem key={code} value={code}>
          {list.labels[code]}
        </MenuItem>
      ))}
    </TextField>
  );
}
