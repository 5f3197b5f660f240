/** Money is integer euro cents everywhere; these helpers are the only way in and out. */
export type Cents = number;

const euroFormat = new Intl.NumberFormat('nl-NL', {
  style: 'currency',
  currency: 'EUR',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

export function assertCents(value: number): Cents {
  if (!Number.isSafeInteger(value)) throw new RangeError(`Geen geldig bedrag in centen: ${value}`);
  return value;
}

/** € 1.234,56 — Intl uses a non-breaking space after the sign; we normalise to a plain one. */
export function formatEuro(cents: Cents): string {
  assertCents(cents);
  return euroFormat.format(cents / 100).replace(/\u00a0/g, ' ');
}

/**
 * Parses an amount as a Dutch user or a CSV export writes it: "1.234,56", "€ 1234,5", "-12",
 * and also "1234.56" (a dot with one or two decimals and no comma is taken as decimal point).
 * Returns null for anything that is not an amount.
 */
export function parseEuroToCents(input: string): Cents | null {
  let s = input.trim().replace(/^€\s*/, '').replace(/\s/g, '');
  if (s === '') return null;
  const negative = s.startsWith('-');
  if (negative) s = s.slice(1);
  let whole: string;
  let fraction = '';
  if (s.includes(',')) {
    const [w, f, ...rest] = s.split(',');
    if (rest.length > 0 || w === undefined) return null;
    if (!/^\d{1,3}(\.\d{3})*$|^\d+$/.test(w)) return null;
    whole = w.replace(/\./g, '');
    fraction = f ?? '';
  } else if (/^\d+\.\d{1,2}$/.test(s)) {
    [whole, fraction] = s.split('.') as [string, string];
  } else if (/^\d{1,3}(\.\d{3})+$|^\d+$/.test(s)) {
    whole = s.replace(/\./g, '');
  } else {
    return null;
  }
  if (!/^\d+$/.test(whole) || !/^\d{0,2}$/.test(fraction)) return null;
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) return null;
  return negative ? -cents : cents;
}
