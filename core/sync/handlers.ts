/** Sync with the central service: its status, connecting, syncing now and resolving conflicts. */
import { hostname } from 'node:os';
import type { syncMethods } from '../../shared/api/sync';
import { ApiError } from '../api-error';
import type { ReadCtx } from '../context';
import type { Handlers } from '../handler';
import { gekozenPersoon } from '../sessie/session';
import { conflictOplossen, syncOverzicht } from './conflicten';
import { SyncError } from './errors';

/** Trailing slashes do not make another address. */
const adres = (url: string) => url.trim().replace(/\/+$/, '').toLowerCase();

/**
 * Only with the central service this laptop was set up for (EENPLAN_SERVER_URL), never with an
 * address the page names: whatever answers there would decide who the profile's person is, what
 * role they have, could plant an account that opens the profile, or order it wiped. A demo
 * profile (its person chosen on the laptop) never connects: its data is fictional.
 */
function verbindenToegestaan(ctx: ReadCtx, server: string) {
  if (!ctx.standaardServer)
    throw new ApiError(
      'geen-toegang',
      'Op deze laptop is geen centrale dienst ingesteld. Vraag uw beheerder om Eenplan met het adres van de dienst te installeren.',
      'server',
    );
  if (adres(server) !== adres(ctx.standaardServer))
    throw new ApiError(
      'geen-toegang',
      `Deze laptop verbindt alleen met de centrale dienst ${ctx.standaardServer}.`,
      'server',
    );
  if (!ctx.sync.gebruiker() && gekozenPersoon(ctx.sqlite))
    throw new ApiError(
      'conflict',
      'Dit is een demoprofiel. Maak voor uw account een nieuw profiel aan op het vergrendelscherm.',
    );
}

export const syncHandlers = {
  'sync.status': (ctx) => ctx.sync.status(),
  // Waits for the network.
  'sync.verbinden': async (ctx, input) => {
    verbindenToegestaan(ctx, input.server);
    try {
      await ctx.sync.verbind(
        input.server,
        input.email,
        input.wachtwoord,
        `Eenplan op ${hostname()}`,
      );
    } catch (error) {
      if (!(error instanceof SyncError)) throw error;
      throw new ApiError(
        error.soort === 'unauthorised'
          ? 'niet-aangemeld'
          : error.soort === 'invalid-change'
            ? 'ongeldige-invoer'
            : 'interne-fout',
        error.message,
      );
    }
    ctx.naAanmelding?.(input.email, input.wachtwoord);
    await ctx.sync.synchroniseer().catch(() => undefined);
    return ctx.sync.status();
  },
  // Waits for the network; sync errors come back in the status, not as an error.
  'sync.nu': async (ctx, input) => {
    await ctx.sync.synchroniseer({ bevestigMassa: input.bevestigMassa }).catch(() => undefined);
    return ctx.sync.status();
  },
  'sync.overzicht': syncOverzicht,
  'sync.oplossen': conflictOplossen,
} satisfies Handlers<typeof syncMethods>;
