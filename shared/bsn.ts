/**
 * BSN (burgerservicenummer): nine digits that pass the "11-proef":
 * 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 must be a multiple of 11 (and not 0).
 */
export function isValidBsn(input: string): boolean {
  if (!/^\d{9}$/.test(input)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(input[i]);
  sum -= Number(input[8]);
  return sum !== 0 && sum % 11 === 0;
}

/** Dutch message for a BSN that does not pass, or null when it is valid. */
export function bsnError(input: string): string | null {
  if (!/^\d+$/.test(input)) return 'Een BSN bestaat alleen uit cijfers.';
  if (input.length !== 9) return 'Een BSN heeft 9 cijfers.';
  if (!isValidBsn(input)) return 'Dit BSN klopt niet (de elfproef faalt).';
  return null;
}

/** Shows only the last three digits: the rest is not needed to recognise a person on screen. */
export function maskBsn(bsn: string): string {
  return `******${bsn.slice(-3)}`;
}

/**
 * Completes eight random digits to a valid BSN, or returns null when no check digit fits
 * (the check digit would have to be 10). Used by the demo generator only.
 */
export function completeBsn(firstEight: string): string | null {
  if (!/^\d{8}$/.test(firstEight)) throw new Error('completeBsn expects eight digits');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(firstEight[i]);
  const check = sum % 11;
  if (check === 10) return null;
  const bsn = firstEight + String(check);
  return isValidBsn(bsn) ? bsn : null;
}
