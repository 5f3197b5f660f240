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
  | { ok: true; staat: KluisStaat; metAccount: boolean }
  | { ok: false; error: ApiErrorBody; wachtMs: number; status: number };

const geweigerd = (status: number, error: ApiErrorBody): KluisAntwoord => ({
  ok: false,
  error,
  wachtMs: 0,
  status,
});

const tekst = (v: unknown): v is string =>
  typeof v === 'string' && v.length > 0 && v.length <= 1_000;

/**
 * The lock's handlings as both hosts offer them: 'staat', 'vergrendelen', 'instellen' and
 * 'ontgrendelen' with `{ wachtwoord }` (the passphrase), and 'aanmelden' with `{ email,
 * wachtwoord }` (offline, with the account this profile last signed in with online).
 */
export function kluisActie(kluis: Kluis, actie: unknown, invoer: unknown): KluisAntwoord {
  const staat = (): KluisAntwoord => ({
    ok: true,
    staat: kluis.staat(),
    metAccount: kluis.metAccount(),
  });
  if (actie === 'staat') return staat();
  if (actie === 'vergrendelen') {
    kluis.vergrendel();
    return staat();
  }
  if (actie !== 'instellen' && actie !== 'ontgrendelen' && actie !== 'aanmelden')
    return geweigerd(404, { code: 'niet-gevonden', message: 'Onbekende handeling.' });
  const { wachtwoord, email } = (typeof invoer === 'object' && invoer !== null ? invoer : {}) as {
    wachtwoord?: unknown;
    email?: unknown;
  };
  if (actie === 'aanmelden' && !tekst(email))
    return geweigerd(400, {
      code: 'ongeldige-invoer',
      message: 'Vul uw e-mailadres in.',
      field: 'email',
    });
  if (!tekst(wachtwoord))
    return geweigerd(400, {
      code: 'ongeldige-invoer',
      message: actie === 'aanmelden' ? 'Vul uw wachtwoord in.' : 'Vul uw wachtwoordzin in.',
      field: 'wachtwoord',
    });
  try {
    if (actie === 'instellen') kluis.instellen(wachtwoord);
    else if (actie === 'aanmelden') kluis.ontgrendelMetAccount(email as string, wachtwoord);
    else kluis.ontgrendel(wachtwoord);
    return staat();
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
