/**
 * A synced row as the registers of its fields, the way client and server both hold it: the
 * merge of two states, the values to show, the conflicts, and a hash for the per-scope checksum
 * that both sides compute identically (canonical JSON, fields and versions in fixed order).
 */
import { hex, sha256 } from '../crypto/hash';
import { conflicten, LEEG, voegSamen, winnaar, type Register, type Versie } from './register';

/** Field name -> register. */
export type RijRegisters = Record<string, Register>;

export function voegRijenSamen(a: RijRegisters, b: RijRegisters): RijRegisters {
  const uit: RijRegisters = { ...a };
  for (const [veld, register] of Object.entries(b))
    uit[veld] = voegSamen(uit[veld] ?? LEEG, register);
  return uit;
}

/** A row that never went through the sync engine (seed data): one version per field. */
export function impliciet(
  waarden: Record<string, unknown>,
  hlc: string,
  auteur: string | null,
): RijRegisters {
  const uit: RijRegisters = {};
  for (const [veld, waarde] of Object.entries(waarden))
    uit[veld] = { koppen: [{ hlc, basis: [], waarde, auteur: auteur ?? '' }], vervangen: [] };
  return uit;
}

/** Columns every synced row has beside its fields. */
export const SYNC_KOLOMMEN: ReadonlySet<string> = new Set(['id', 'hlc', 'authorId']);

/** A row as drizzle returns it (either side's schema) -> registers of its fields. */
export function registersUitRij(rij: Record<string, unknown>): RijRegisters {
  const waarden = Object.fromEntries(
    Object.entries(rij).filter(
      ([veld, waarde]) => !SYNC_KOLOMMEN.has(veld) && waarde !== undefined,
    ),
  );
  return impliciet(waarden, rij.hlc as string, (rij.authorId as string | null) ?? null);
}

export interface RijWaarden {
  waarden: Record<string, unknown>;
  /** The highest HLC among the winning versions, and its author: the row's sync columns. */
  hlc: string;
  auteur: string;
}

export function waardenVan(registers: RijRegisters): RijWaarden {
  const waarden: Record<string, unknown> = {};
  let laatste: Versie | undefined;
  for (const [veld, register] of Object.entries(registers)) {
    const w = winnaar(register);
    if (!w) continue;
    waarden[veld] = w.waarde;
    if (!laatste || w.hlc > laatste.hlc) laatste = w;
  }
  return { waarden, hlc: laatste?.hlc ?? '', auteur: laatste?.auteur ?? '' };
}

export interface VeldConflict {
  veld: string;
  huidig: Versie;
  anders: Versie[];
}

export function conflictenVan(
  registers: RijRegisters,
  vrijeTekst: readonly string[],
): VeldConflict[] {
  const uit: VeldConflict[] = [];
  for (const veld of vrijeTekst) {
    const register = registers[veld];
    if (!register) continue;
    const anders = conflicten(register, true);
    if (anders.length > 0) uit.push({ veld, huidig: winnaar(register)!, anders });
  }
  return uit;
}

const gesorteerd = (lijst: readonly string[]) => (lijst.length < 2 ? lijst : [...lijst].sort());

const canoniekeVersie = (v: Versie) => ({
  hlc: v.hlc,
  basis: gesorteerd(v.basis),
  waarde: v.waarde ?? null,
  auteur: v.auteur,
});

/** Canonical JSON: fields sorted, versions in HLC order, lists sorted. */
export function canoniek(registers: RijRegisters): string {
  return JSON.stringify(
    Object.keys(registers)
      .sort()
      .map((veld) => [
        veld,
        registers[veld]!.koppen.map(canoniekeVersie),
        gesorteerd(registers[veld]!.vervangen),
      ]),
  );
}

/**
 * A row written once and not changed since (most rows of a caseload): every field holds one
 * first version of the same write. Kept and sent as that write, `[hlc, author, values]`, about a
 * sixth of the full registers; `impliciet` restores them exactly.
 */
export type EersteVersie = [hlc: string, auteur: string, waarden: Record<string, unknown>];

/** The registers as one first write, or null when they hold more than that. */
export function alsEersteVersie(registers: RijRegisters): EersteVersie | null {
  let hlc: string | undefined;
  let auteur = '';
  const waarden: Record<string, unknown> = {};
  for (const [veld, r] of Object.entries(registers)) {
    const v = r.koppen[0];
    if (r.koppen.length !== 1 || r.vervangen.length > 0 || !v || v.basis.length > 0) return null;
    if (v.waarde === undefined) return null;
    if (hlc === undefined) [hlc, auteur] = [v.hlc, v.auteur];
    else if (v.hlc !== hlc || v.auteur !== auteur) return null;
    waarden[veld] = v.waarde;
  }
  return hlc === undefined ? null : [hlc, auteur, waarden];
}

export const uitEersteVersie = ([hlc, auteur, waarden]: EersteVersie): RijRegisters =>
  impliciet(waarden, hlc, auteur);

/** Registers as stored and sent: a first write in its short form, anything else in full. */
export function naarOpslag(registers: RijRegisters): string {
  const eerste = alsEersteVersie(registers);
  return JSON.stringify(eerste ? { $: eerste } : registers);
}

export function uitOpslag(tekst: string): RijRegisters {
  const opgeslagen = JSON.parse(tekst) as RijRegisters | { $: EersteVersie };
  if (!('$' in opgeslagen) || !Array.isArray(opgeslagen.$)) return opgeslagen as RijRegisters;
  return uitEersteVersie(opgeslagen.$);
}

/**
 * `canoniek(uitEersteVersie(eerste))` without building the registers: a first sync hashes tens
 * of thousands of such rows.
 */
export function canoniekEersteVersie([hlc, auteur, waarden]: EersteVersie): string {
  const kop = `,[{"hlc":${JSON.stringify(hlc)},"basis":[],"waarde":`;
  const staart = `,"auteur":${JSON.stringify(auteur)}}],[]]`;
  const velden = Object.keys(waarden).sort();
  let uit = '[';
  for (let i = 0; i < velden.length; i++) {
    const veld = velden[i]!;
    if (i > 0) uit += ',';
    uit += `[${JSON.stringify(veld)}${kop}${JSON.stringify(waarden[veld] ?? null)}${staart}`;
  }
  return `${uit}]`;
}

/** 64 bits of SHA-256 over table, row id and canonical registers, as 16 hex digits. */
const hashVan = (tabel: string, rijId: string, canoniekeTekst: string) =>
  hex(sha256(`${tabel}\u0000${rijId}\u0000${canoniekeTekst}`)).slice(0, 16);

export const rijHash = (tabel: string, rijId: string, registers: RijRegisters) =>
  hashVan(tabel, rijId, canoniek(registers));

/** `rijHash` of a row's first write, equal to that of its registers. */
export const rijHashEersteVersie = (tabel: string, rijId: string, eerste: EersteVersie) =>
  hashVan(tabel, rijId, canoniekEersteVersie(eerste));

export const NUL_HASH = '0000000000000000';

const hex8 = (n: number) => (n >>> 0).toString(16).padStart(8, '0');

/** XOR of row hashes: order-free, and a row's old hash XORed in again takes it out. */
export function xorHash(a: string, b: string): string {
  return xorAlle([a, b]);
}

/** XOR of many 64-bit hashes, in two 32-bit halves (BigInt is ten times slower). */
export function xorAlle(hashes: Iterable<string>): string {
  let hoog = 0;
  let laag = 0;
  for (const h of hashes) {
    hoog ^= parseInt(h.slice(0, 8), 16);
    laag ^= parseInt(h.slice(8, 16), 16);
  }
  return hex8(hoog) + hex8(laag);
}

export interface Checksum {
  hash: string;
  aantal: number;
}
