/**
 * No field is for the browser to remember. Chromium keeps the text of form fields in the page
 * state it saves for session restore (on disk, in the browser profile) and the values of
 * submitted fields in its form history, unless a field says autocomplete="off". The theme
 * gives every MUI input that default; this catches what libraries render beside it (the hidden
 * textarea MUI measures a growing field with, a select's hidden input) and anything added later.
 * Fields that say what they are (a passphrase, an e-mail address) keep their own value.
 */
const VELDEN = 'input:not([autocomplete]), textarea:not([autocomplete])';

function zetUit(wortel: ParentNode): void {
  for (const veld of wortel.querySelectorAll(VELDEN)) veld.setAttribute('autocomplete', 'off');
}

export function geenFormuliergeheugen(wortel: Element = document.body): void {
  zetUit(wortel);
  new MutationObserver((mutaties) => {
    for (const m of mutaties)
      for (const knoop of m.addedNodes) {
        if (!(knoop instanceof Element)) continue;
        if (knoop.matches(VELDEN)) knoop.setAttribute('autocomplete', 'off');
        zetUit(knoop);
      }
  }).observe(wortel, { childList: true, subtree: true });
}
