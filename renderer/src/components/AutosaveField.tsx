import { TextField, type TextFieldProps } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { conceptVoorvoegsel } from '../kluis-store';

interface Props extends Omit<TextFieldProps, 'value' | 'onChange' | 'onBlur'> {
  /** Identifies the field for the crash-safe draft, e.g. "plan:<id>:eigenWoorden". */
  draftKey: string;
  value: string;
  /** Saves the value; resolves to a Dutch error message, or null when saved. */
  save(value: string): Promise<string | null>;
}

const DEBOUNCE_MS = 800;

/**
 * A text field that saves itself while the user types (debounced, and at once on blur). Until a
 * save succeeds the text is kept as a draft in localStorage, so closing the window or a crash
 * loses nothing: the draft is offered back the next time the field is shown, in the same
 * laptop profile only (a colleague's profile may hold the same records).
 */
export function AutosaveField({ draftKey, value, save, helperText, ...props }: Props) {
  const storageKey = conceptVoorvoegsel() + draftKey;
  const [text, setText] = useState(() => localStorage.getItem(storageKey) ?? value);
  const [fout, setFout] = useState<string | null>(null);
  const saved = useRef(value);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // A newer value from the core replaces the text, unless the user has an unsaved draft.
  const [shownValue, setShownValue] = useState(value);
  if (value !== shownValue) {
    setShownValue(value);
    if (localStorage.getItem(storageKey) === null) setText(value);
  }
  useEffect(() => {
    saved.current = value;
  }, [value]);

  const flush = async (next: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (next === saved.current) {
      localStorage.removeItem(storageKey);
      return;
    }
    const error = await save(next);
    setFout(error);
    if (!error) {
      saved.current = next;
      localStorage.removeItem(storageKey);
    }
  };

  // A draft left by a crash or a closed window is saved as soon as the field is back.
  useEffect(() => {
    const draft = localStorage.getItem(storageKey);
    if (draft !== null && draft !== value) void flush(draft);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <TextField
      {...props}
      value={text}
      error={Boolean(fout)}
      helperText={fout ?? helperText}
      onChange={(e) => {
        const next = e.target.value;
        setText(next);
        localStorage.setItem(storageKey, next);
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(() => void flush(next), DEBOUNCE_MS);
      }}
      onBlur={() => void flush(text)}
    />
  );
}
