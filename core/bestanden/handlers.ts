/** Files: exports of a table, a plan, the inzage or a JW301. */
import type { bestandenMethods } from '../../shared/api/bestanden';
import type { Handlers } from '../handler';
import { bestandExporteren } from './bestanden';

export const bestandenHandlers = {
  // Waits: PDF and XLSX are built off the transaction.
  'bestand.exporteren': bestandExporteren,
} satisfies Handlers<typeof bestandenMethods>;
