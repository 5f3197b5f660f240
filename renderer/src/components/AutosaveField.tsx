import { TextField, type TextFieldProps } from '@mui/material';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { bewaarConcept, leesConcept, verwijderConcept } from '../api/concepten';
import { tekenTeller } from './formulier-controle';

interface Props extends Omit<TextFieldProps, 'value' | 'onChange' | 'onBlur'> {
  /** Identifies the field for the crash-safe draft, e.g. "plan:<id>:eigenWoorden" (ids only). */
  draftKey: string;
  value: string;
  /** Saves the value; resolves to a Dutch error message, or null when saved. */
  save(value: string): Promise<string | null>;
  /** The contract's limit: the field takes no more and shows how many characters are used. */
  maxTekens?: number;
}

const DEBOUNCE_MS = 800;

/** Shown under a field whose text came back from a draft. */
const HERSTELD = 'Teruggezet: tekst die nog niet was opgeslagen.';

/**
 * A draft left by a crash, a closed window or the lock is shown and saved as soon as the field
 * is back (unless the user already typed in it): read once, when the field appears.
 */
function useConceptTerug(
  draftKey: string,
  disabled: boolean | undefined,
  getypt: RefObject<boolean>,
  saved: RefObject<string>,
  herstel: (draft: string) => void,
) {
  useEffect(() => {
    if (disabled) return;
    let weg = false;
    leesConcept(draftKey).then(
      (draft) => {
        if (weg || draft === null || getypt.current) return;
        if (draft === saved.current) {
          void verwijderConcept(draftKey);
          return;
        }
        herstel(draft);
      },
      () => undefined,
    );
    return () => {
      weg = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}

/**
 * The autosave itself: the text shown, saves in order, the draft kept until a save succeeds and
 * restored when the field is shown again. `typ` is a keystroke, `flush` saves at once.
 */
function useAutosave(
  draftKey: string,
  value: string,
  save: Props['save'],
  disabled: boolean | undefined,
) {
  const [text, setText] = useState(value);
  const [fout, setFout] = useState<string | null>(null);
  const [hersteld, setHersteld] = useState(false);
  /** The text differs from what the core has: a newer value from the core does not replace it. */
  const [onopgeslagen, setOnopgeslagen] = useState(false);
  const saved = useRef(value);
  const laatste = useRef(value);
  const getypt = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const [shownValue, setShownValue] = useState(value);
  if (value !== shownValue) {
    setShownValue(value);
    if (!onopgeslagen) setText(value);
  }
  useEffect(() => {
    saved.current = value;
  }, [value]);
  useEffect(() => {
    laatste.current = text;
  }, [text]);

  /** Saves run one after the other: an older text never lands after a newer one. */
  const keten = useRef<Promise<void>>(Promise.resolve());
  const bewaar = async (next: string) => {
    // Typed on meanwhile: the newer text has a save of its own coming.
    if (next !== laatste.current) return;
    if (next === saved.current) {
      setOnopgeslagen(false);
      void verwijderConcept(draftKey);
      return;
    }
    const error = await save(next);
    if (next !== laatste.current && error) return;
    setFout(error);
    if (error) return;
    saved.current = next;
    if (laatste.current === next) {
      setOnopgeslagen(false);
      void verwijderConcept(draftKey);
    }
  };
  const flush = (next: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    keten.current = keten.current.then(() => bewaar(next)).catch(() => undefined);
    return keten.current;
  };

  useConceptTerug(draftKey, disabled, getypt, saved, (draft) => {
    laatste.current = draft;
    setText(draft);
    setOnopgeslagen(true);
    setHersteld(true);
    void flush(draft);
  });

  const typ = (next: string) => {
    getypt.current = true;
    laatste.current = next;
    setText(next);
    setHersteld(false);
    setOnopgeslagen(true);
    bewaarConcept(draftKey, next === saved.current ? '' : next);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(next), DEBOUNCE_MS);
  };
  return { text, fout, hersteld, typ, flush };
}

/**
 * A text field that saves itself while the user types (debounced, and at once on blur). Until a
 * save succeeds the text is a draft: kept in memory and, a moment after typing, in the
 * profile's encrypted store (never in the browser's storage), so closing the window, a crash or
 * the lock loses nothing: the draft comes back, and is saved, the next time the field is shown.
 * A read-only field keeps no drafts.
 */
export function AutosaveField({
  draftKey,
  value,
  save,
  helperText,
  disabled,
  maxTekens,
  slotProps,
  ...props
}: Props) {
  const { text, fout, hersteld, typ, flush } = useAutosave(draftKey, value, save, disabled);
  const teller =
    maxTekens && !disabled ? tekenTeller(text.length, maxTekens, Boolean(props.multiline)) : null;
  const uitleg =
    helperText && teller ? `${String(helperText)} · ${teller}` : (helperText ?? teller);
  return (
    <TextField
      {...props}
      disabled={disabled}
      value={text}
      error={Boolean(fout)}
      helperText={
        fout && hersteld ? `${fout} ${HERSTELD}` : (fout ?? (hersteld ? HERSTELD : uitleg))
      }
      slotProps={
        maxTekens
          ? {
              ...slotProps,
              htmlInput: {
                ...(slotProps?.htmlInput as object | undefined),
                maxLength: maxTekens,
              },
            }
          : slotProps
      }
      // Not for the browser to remember (its form history and restored form state).
      autoComplete="off"
      onChange={(e) => typ(e.target.value)}
      onBlur={() => void flush(text)}
    />
  );
}
