/** The monthly SOJ import: its phases, preview, status and confirmation. */
import { z } from 'zod';
import { SOJ_BESTAND_MAX_BYTES, SojUpload } from './bestanden';
import { budget, lezen, schrijven } from './method';
import { aantal, cents, id } from './velden';

export const SojImport = z.object({
  id,
  periode: z.string(),
  bestandsnaam: z.string(),
  ingelezenOp: z.string(),
  ingelezenDoor: z.string().nullable(),
  aantalRegels: aantal,
  onbekendeRegels: aantal,
  bedragCents: cents,
});

export const SojFout = z.object({
  regel: z.number().int().nullable(),
  kolom: z.string().nullable(),
  reden: z.string(),
});
export type SojFout = z.infer<typeof SojFout>;

/**
 * The phases of an SOJ import. `voorbeeld`: read and checked, nothing written; waiting for the
 * user to confirm the preview (`soj.bevestigen`).
 */
export const SOJ_FASEN = [
  'lezen',
  'controleren',
  'voorbeeld',
  'opslaan',
  'klaar',
  'mislukt',
] as const;

/** The one decimal convention of a file, detected from its amounts written as text. */
export const SOJ_DECIMAALTEKENS = ['komma', 'punt', 'onbepaald'] as const;
export const SojDecimalen = z.object({
  teken: z.enum(SOJ_DECIMAALTEKENS),
  /** In Dutch, for the screen: what was detected and from how many amounts. */
  uitleg: z.string(),
});
export type SojDecimalen = z.infer<typeof SojDecimalen>;

/** What confirming would do to one team's realised figure in one period (the month of care). */
export const SojVoorbeeldRegel = z.object({
  teamId: id,
  teamNaam: z.string(),
  periode: z.string(),
  regelsVoor: aantal,
  regelsNa: aantal,
  bedragVoorCents: cents,
  bedragNaCents: cents,
});
export type SojVoorbeeldRegel = z.infer<typeof SojVoorbeeldRegel>;

export const SojVoorbeeld = z.object({
  /** The period of the file (the `periode` column). */
  periode: z.string(),
  regels: aantal,
  bedragCents: cents,
  /** Credit lines: a negative amount or the COD043 indicator C. */
  creditRegels: aantal,
  /** Late claims: lines whose care ended in a period before the file's. */
  lateRegels: aantal,
  decimalen: SojDecimalen,
  /** Per team and period, sorted by team and period; teams not in the file are untouched. */
  teams: z.array(SojVoorbeeldRegel),
  /** Lines that may be misread (for instance an amount far from volume × tarief). */
  waarschuwingen: z.array(SojFout),
  meerWaarschuwingen: aantal,
});
export type SojVoorbeeld = z.infer<typeof SojVoorbeeld>;

export const SojBevestigen = z.object({ jobId: id }).strict();

export const SojImportStatus = z.object({
  jobId: id,
  fase: z.enum(SOJ_FASEN),
  /** 0..1 of the current phase. */
  voortgang: z.number().min(0).max(1),
  regels: aantal,
  fouten: z.array(SojFout),
  meerFouten: aantal,
  resultaat: z
    .object({
      periode: z.string(),
      regels: aantal,
      vervangen: aantal,
      bedragCents: cents,
      onbekend: z.array(
        z.object({ regel: z.number().int(), clientRef: z.string(), reden: z.string() }),
      ),
      meerOnbekend: aantal,
    })
    .nullable(),
  /** From the phase `voorbeeld` on: what confirming writes. */
  voorbeeld: SojVoorbeeld.nullable(),
});
export type SojImportStatus = z.infer<typeof SojImportStatus>;

export const sojMethods = {
  /** Starts a monthly SOJ import in the background; poll `soj.importStatus` for progress. */
  'soj.importeren': schrijven({
    input: SojUpload,
    output: SojImportStatus,
    roles: budget,
    maxBytes: Math.ceil(SOJ_BESTAND_MAX_BYTES / 3) * 4 + 64 * 1024,
    wacht: true,
  }),
  'soj.imports': lezen({
    input: z.object({}).strict(),
    output: z.array(SojImport),
    roles: budget,
  }),
  'soj.importStatus': lezen({
    input: z.object({ jobId: id }).strict(),
    output: SojImportStatus,
    roles: budget,
  }),
  /**
   * Confirms the preview of an import (phase `voorbeeld`) and writes it in the background: per
   * team and period, teams not in the file untouched. Refused when the figures changed since.
   */
  'soj.bevestigen': schrijven({
    input: SojBevestigen,
    output: SojImportStatus,
    roles: budget,
  }),
} as const;
