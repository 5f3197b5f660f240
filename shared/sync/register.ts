/**
 * One field of a synced row as a multi-value register (ARCHITECTURE.md "Merge"). Every write
 * names the versions its author saw (`basis`); a version is replaced only by a write that saw
 * it. What remains are the heads: the one with the highest HLC is the value, any other head of
 * a free-text field is a conflict the user resolves. Nothing typed is dropped, and the result
 * does not depend on the order, repetition or grouping in which writes arrive (merge is a
 * union followed by a filter: commutative, associative, idempotent). Pure: no database here.
 */

export interface Versie {
  /** HLC of the write; unique per write. */
  hlc: string;
  /** HLCs of the heads the author saw when writing (empty for a first value). */
  basis: readonly string[];
  waarde: unknown;
  auteur: string;
}

export interface Register {
  /** Versions nobody has replaced yet, in HLC order. */
  koppen: readonly Versie[];
  /** HLCs of every version some write has replaced, sorted. */
  vervangen: readonly string[];
}

export const LEEG: Register = { koppen: [], vervangen: [] };

const opHlc = (a: Versie, b: Versie) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0);

/** The union of two registers: what either side knows. */
export function voegSamen(a: Register, b: Register): Register {
  const vervangen = [...new Set([...a.vervangen, ...b.vervangen])].sort();
  const weg = new Set(vervangen);
  const koppen = new Map<string, Versie>();
  for (const v of [...a.koppen, ...b.koppen]) if (!weg.has(v.hlc)) koppen.set(v.hlc, v);
  return { koppen: [...koppen.values()].sort(opHlc), vervangen };
}

/** Applies one write (from this device or another); repeating it changes nothing. */
export function pasToe(register: Register, versie: Versie): Register {
  return voegSamen(register, { koppen: [versie], vervangen: [...versie.basis].sort() });
}

/** A local edit: it has seen every current head, so it replaces them all (also a resolution). */
export function bewerking(
  register: Register,
  hlc: string,
  waarde: unknown,
  auteur: string,
): Versie {
  return { hlc, basis: register.koppen.map((v) => v.hlc), waarde, auteur };
}

/** The value shown: the head with the highest HLC. */
export function winnaar(register: Register): Versie | undefined {
  return register.koppen.at(-1);
}

/**
 * The heads that lost but hold other text: shown to the user as a conflict. For fields that are
 * not free text the highest HLC simply wins.
 */
export function conflicten(register: Register, vrijeTekst: boolean): Versie[] {
  const w = winnaar(register);
  if (!vrijeTekst || !w) return [];
  return register.koppen.filter(
    (v) => v !== w && JSON.stringify(v.waarde) !== JSON.stringify(w.waarde),
  );
}
