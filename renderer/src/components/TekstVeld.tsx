import { TextField, type TextFieldProps } from '@mui/material';
import { tekenTeller } from './formulier-controle';

type Props = TextFieldProps & {
  /** The contract's limit: the field takes no more and shows how many characters are used. */
  maxTekens?: number;
  /** The name in an error message when the label alone is ambiguous ("Voornaam van gezinslid 2"). */
  veldNaam?: string;
  /** The format the field expects, for the error message ("dd-mm-jjjj"). */
  formaat?: string;
};

/** A text field with a character counter where there is a limit, checked by the form. */
export function TekstVeld({
  maxTekens,
  veldNaam,
  formaat,
  slotProps,
  helperText,
  ...props
}: Props) {
  const lengte = typeof props.value === 'string' ? props.value.length : 0;
  const teller = maxTekens ? tekenTeller(lengte, maxTekens, Boolean(props.multiline)) : null;
  return (
    <TextField
      {...props}
      helperText={
        helperText && teller ? `${String(helperText)} · ${teller}` : (helperText ?? teller)
      }
      slotProps={{
        ...slotProps,
        htmlInput: {
          ...(slotProps?.htmlInput as object | undefined),
          ...(maxTekens ? { maxLength: maxTekens } : {}),
          ...(veldNaam ? { 'data-veld': veldNaam } : {}),
          ...(formaat ? { 'data-formaat': formaat } : {}),
        },
      }}
    />
  );
}
