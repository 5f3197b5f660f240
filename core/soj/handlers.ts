/** The monthly SOJ import: started in the background, its status polled, its preview confirmed. */
import type { sojMethods } from '../../shared/api/soj';
import type { Handlers } from '../handler';
import { sojBevestigen, sojImportLijst, sojImportStatus } from './lijst';

export const sojHandlers = {
  // The import runs in the background, in transactions of its own.
  'soj.importeren': async (ctx, input) =>
    ctx.sojJobs.start(
      new Uint8Array(Buffer.from(input.inhoud, 'base64')),
      input.naam.trim().slice(0, 200) || 'soj-bestand',
      ctx.session.professionalId,
    ),
  'soj.imports': sojImportLijst,
  'soj.importStatus': sojImportStatus,
  'soj.bevestigen': sojBevestigen,
} satisfies Handlers<typeof sojMethods>;
