/**
 * The form check of every form in the app, instead of the browser's own bubble (which speaks the
 * browser's language and shows one field at a time): every field that the browser finds invalid
 * (required, maxLength, min/max, pattern, type) is reported at once, in Dutch, by the label the
 * user sees. A field can give a fuller name with `data-veld` ("Voornaam van gezinslid 2") and the
 * format it expects with `data-formaat` ("dd-mm-jjjj").
 */

export interface VeldFout {
  element: HTMLElement;
  melding: string;
}

type Veld = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

function isVeld(el: Element): el is Veld {
  return (
    el instanceof HTMLInputElement ||
    el instanceof HTMLTextAreaElement ||
    el instanceof HTMLSelectElement
  );
}

/** The label the user sees, without the asterisk of a required field. */
export function labelVan(el: Veld): string {
  const eigen = el.dataset.veld;
  if (eigen) return eigen;
  const label =
    el.labels?.[0] ??
    el.closest('.MuiFormControl-root')?.querySelector('label') ??
    (el.getAttribute('aria-labelledby')
      ? document.getElementById(el.getAttribute('aria-labelledby')!)
      : null);
  const tekst = (label?.textContent ?? el.getAttribute('aria-label') ?? el.name ?? '')
    .replace(/\s*\*\s*$/, '')
    .trim();
  return tekst || 'Een veld';
}

/** The element the user can put the cursor in: a MUI select's hidden input points to its box. */
function focusDoel(el: Veld): HTMLElement {
  if (el.getAttribute('aria-hidden') === 'true') {
    const box = el.closest('.MuiInputBase-root')?.querySelector<HTMLElement>('[role="combobox"]');
    if (box) return box;
  }
  return el;
}

function probleem(el: Veld): string {
  const v = el.validity;
  if (v.valueMissing) return el.type === 'checkbox' ? 'vink dit aan' : 'vul dit veld in';
  if (v.tooLong && 'maxLength' in el) return `maximaal ${el.maxLength} tekens`;
  if (v.tooShort && 'minLength' in el) return `minimaal ${el.minLength} tekens`;
  if (v.rangeUnderflow && 'min' in el) return `minimaal ${el.min}`;
  if (v.rangeOverflow && 'max' in el) return `hoogstens ${el.max}`;
  if (v.typeMismatch && el.type === 'email') return 'dit is geen e-mailadres';
  if (v.patternMismatch || v.typeMismatch || v.badInput) {
    const formaat = el.dataset.formaat;
    return formaat ? `vul in als ${formaat}` : 'dit klopt niet';
  }
  return el.validationMessage || 'dit klopt niet';
}

/** Every invalid field of `form`, in the order of the form. */
export function controleerFormulier(form: HTMLFormElement): VeldFout[] {
  const fouten: VeldFout[] = [];
  for (const el of Array.from(form.elements)) {
    if (!isVeld(el) || el.disabled || el.willValidate === false) continue;
    el.setAttribute('aria-invalid', String(!el.validity.valid));
    if (el.validity.valid) continue;
    fouten.push({ element: focusDoel(el), melding: `${labelVan(el)}: ${probleem(el)}.` });
  }
  return fouten;
}

/**
 * Once a form was checked, fields the browser finds invalid look invalid (red, like the MUI
 * error state) until they are corrected; before that nothing is red.
 */
export const GECONTROLEERD_STIJL = {
  '&[data-gecontroleerd] .MuiFormControl-root:has(:invalid) .MuiOutlinedInput-notchedOutline': {
    borderColor: 'error.main',
  },
  '&[data-gecontroleerd] .MuiFormControl-root:has(:invalid) .MuiFormLabel-root': {
    color: 'error.main',
  },
} as const;

/**
 * The counter under a field with a limit: always for a text area, for a line once the text is
 * near its limit (a counter under every short field is noise).
 */
export function tekenTeller(lengte: number, max: number, multiline = false): string | null {
  if (!multiline && lengte < max * 0.8) return null;
  return `${lengte} / ${max} tekens`;
}
