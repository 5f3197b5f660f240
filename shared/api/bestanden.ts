/** Files: exports of a table, a plan, the inzage or a JW301, and the SOJ upload. */
import { z } from 'zod';
import { DashboardFilter, Doorklik } from './budget';
import { iedereen, lezen } from './method';
import { id } from './velden';

/** A dashboard table, or the rows behind a figure (`doorklik`). */
export const TabelExport = z
  .object({
    filter: DashboardFilter,
    tabel: z.string().min(1).max(40),
    doorklik: Doorklik.optional(),
    formaat: z.enum(['csv', 'xlsx']),
  })
  .strict();

export const BestandExport = z.union([
  z.object({ soort: z.literal('inzage'), gezinId: id, formaat: z.literal('pdf') }).strict(),
  z.object({ soort: z.literal('gezinsplan'), gezinId: id }).strict(),
  z.object({ soort: z.literal('actieplan'), gezinId: id, actieplanId: id }).strict(),
  z.object({ soort: z.literal('jw301'), toewijzingId: id }).strict(),
  /** The keuzehulp's comparison for the family, with the search as shown on screen. */
  z
    .object({
      soort: z.literal('keuzehulp'),
      actieplanId: id,
      zoek: z.string().max(200).optional(),
    })
    .strict(),
  TabelExport,
]);
export type BestandExport = z.output<typeof BestandExport>;

const base64 = z
  .string()
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'Het bestand is niet goed ontvangen' });

export const Bestand = z.object({
  naam: z.string(),
  mime: z.string(),
  /** The file's bytes, base64. */
  inhoud: base64,
});
export type Bestand = z.infer<typeof Bestand>;

/** A year of SOJ lines for the whole region stays well under this. */
export const SOJ_BESTAND_MAX_BYTES = 64 * 1024 * 1024;

export const SojUpload = z
  .object({
    naam: z.string().max(1_000),
    inhoud: base64.max(Math.ceil(SOJ_BESTAND_MAX_BYTES / 3) * 4, {
      message: 'Het bestand is te groot (maximaal 64 MB)',
    }),
  })
  .strict();

export const bestandenMethods = {
  /** Asynchronous (PDF and XLSX are built off the transaction). */
  'bestand.exporteren': lezen({
    input: BestandExport,
    output: Bestand,
    roles: iedereen,
    wacht: true,
  }),
} as const;
