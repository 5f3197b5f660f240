/**
 * The lock as the hosts offer it to the renderer (HTTP in the browser host, IPC in Electron):
 * its state, setting the passphrase on first start, unlocking and locking, with Dutch errors.
 */
import type { ApiErrorBody } from '../../shared/api';
import type { Kluis, KluisStaat } from './kluis';
import { KluisFout, type KluisFoutCode } from './sleutelbestand';

export const VERGRENDELD: ApiErrorBody = {
  code: 'vergrendeld',
  message: 'Eenplan is vergrendeld. Ontgrendel met uw wachtwoordzin.',
};

const FOUT_NAAR_HTTP: Record<KluisFoutCode, [ApiErrorBody['code'], number]> = {
  'zwak-wachtwoord': ['ongeldige-invoer', 400],
  'verkeerd-wachtwoord': ['niet-aangemeld', 401],
  'even-wachten': ['niet-aangemeld', 429],
  'al-ingesteld': ['conflict', 409],
};

export type KluisAntwoord =
  | { ok: true; staat: KluisStaat }
  | { ok: false; error: ApiErrorBody; wachtMs: number; status: number };

export function kluisActie(kluis: Kluis, actie: unknown, wachtwoord: unknown): KluisAntwoord {
  if (actie === 'staat') return { ok: true, staat: kluis.staat() };
  if (actie === 'vergrendelen') {
    kluis.vergrendel();
    return { ok: true, staat: kluis.staat() };
  }
  if (actie !== 'instellen' && actie !== 'ontgrendelen')
    return {
      ok: false,
      error: { code: 'niet-gevonden', message: 'Onbekende handeling.' },
      wachtMs: 0,
      status: 404,
    };
  if (typeof wachtwoord !== 'string' || wachtwoord.length === 0 || wachtwoord.length > 1_000)
    return {
      ok: false,
      error: { code: 'ongeldige-invoer', message: 'Vul uw wachtwoordzin in.', field: 'wachtwoord' },
      wachtMs: 0,
      status: 400,
    };
  try {
    if (actie === 'instellen') kluis.instellen(wachtwoord);
    else kluis.ontgrendel(wachtwoord);
    return { ok: true, staat: kluis.staat() };
  } catch (error) {
    if (!(error instanceof KluisFout)) throw error;
    const [code, status] = FOUT_NAAR_HTTP[error.code];
    return {
      ok: false,
      error: { code, message: error.message, field: 'wachtwoord' },
      wachtMs: error.wachtMs,
      status,
    };
  }
}
