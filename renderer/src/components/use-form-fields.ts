import { useState, type ChangeEvent } from 'react';

type Tekstvelden = Record<string, string>;

/**
 * The text fields of one form as one object: `veld('wat')` binds a field's value and change
 * handler, `leegmaken` empties the form after a row was added.
 */
export function useFormFields<T extends Tekstvelden>(begin: T) {
  const [waarden, setWaarden] = useState<T>(begin);
  const veld = (naam: keyof T) => ({
    value: waarden[naam],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      setWaarden((w) => ({ ...w, [naam]: e.target.value })),
  });
  return { waarden, veld, setWaarden, leegmaken: () => setWaarden(begin) };
}
