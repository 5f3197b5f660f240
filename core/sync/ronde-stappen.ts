/** Smaller steps of a sync round: the laptop's ToewijzingNummer blocks and its quarantine report. */
import { MAX_QUARANTAINE_MELDINGEN } from '../../shared/sync/protocol';
import { bewaarNummerblok, blokkenMetRuimte } from '../toewijzing/toewijzingnummers';
import { K } from './instellingen';
import { inQuarantaine } from './quarantaine';
import type { LogDeps } from './toegangslog-versturen';

/**
 * Keeps two blocks of ToewijzingNummers with room (ADR 0005), so toewijzingen made offline
 * have numbers that no other laptop gives. A beheerder's laptop makes none.
 */
export async function vulNummerblokken(deps: LogDeps, rol: string | undefined): Promise<void> {
  if (rol === 'beheerder') return;
  while (blokkenMetRuimte(deps.sqlite) < 2) {
    const antwoord = (await deps.vraag({ methode: 'POST', pad: '/sync/nummerblok' })) as {
      blok?: unknown;
    };
    if (!Number.isInteger(antwoord.blok)) return;
    bewaarNummerblok(deps.sqlite, antwoord.blok as number);
  }
}

/** Tells the service what this laptop could not store, when that changed (ADR 0003). */
export async function meldQuarantaine(deps: LogDeps): Promise<void> {
  const regels = inQuarantaine(deps.sqlite)
    .slice(0, MAX_QUARANTAINE_MELDINGEN)
    .map(({ tabel, rijId, reden }) => ({ tabel, rijId, reden: reden.slice(0, 1_000) }));
  const vingerafdruk = JSON.stringify(regels);
  if (vingerafdruk === (deps.lees(K.quarantaineGemeld) ?? '[]')) return;
  await deps.vraag({ methode: 'POST', pad: '/sync/quarantaine', body: { regels } });
  deps.zet(K.quarantaineGemeld, vingerafdruk);
}
