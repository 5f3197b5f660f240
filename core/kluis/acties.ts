/**
 * The lock as the hosts offer it to the renderer (HTTP in the browser host, IPC in Electron):
 * the profiles on this laptop, making one, unlocking and locking, with Dutch errors.
 */
import type { ApiErrorBody } from '../../shared/api';
import type { KluisAntwoord as Antwoord } from '../../shared/kluis';
import type { Kluizen } from './kluizen';
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
  'ongeldige-naam': ['ongeldige-invoer', 400],
  'onbekend-profiel': ['ongeldige-invoer', 400],
};

/** The host answers with the HTTP status beside what the renderer reads. */
export type KluisAntwoord =
  Extract<Antwoord, { ok: true }> | (Extract<Antwoord, { ok: false }> & { status: number });

const geweigerd = (status: number, error: ApiErrorBody): KluisAntwoord => ({
  ok: false,
  error,
  wachtMs: 0,
  status,
});

const tekst = (v: unknown): v is string =>
  typeof v === 'string' && v.length > 0 && v.length <= 1_000;

const ACTIES = ['instellen', 'ontgrendelen', 'aanmelden', 'wijzigen'] as const;

const VELD_VAN: Partial<Record<KluisFoutCode, string>> = {
  'ongeldige-naam': 'naam',
  'onbekend-profiel': 'profiel',
};

/**
 * The lock's handlings as both hosts offer them: 'staat' and 'vergrendelen'; 'instellen' with
 * `{ naam, wachtwoord }` (a new profile on this laptop); 'ontgrendelen' with `{ profiel?,
 * wachtwoord }` (the passphrase); 'aanmelden' with `{ profiel?, email, wachtwoord }` (offline,
 * with the account the profile last signed in with online); 'wijzigen' with `{ wachtwoord,
 * nieuw }` (the open profile's passphrase). Without `profiel`, the only one is meant.
 */
export function kluisActie(kluizen: Kluizen, actie: unknown, invoer: unknown): KluisAntwoord {
  const staat = (): KluisAntwoord => ({
    ok: true,
    staat: kluizen.staat(),
    profielen: kluizen.lijst(),
    actief: kluizen.actiefProfiel(),
  });
  if (actie === 'staat') return staat();
  if (actie === 'vergrendelen') {
    kluizen.vergrendel();
    return staat();
  }
  if (!ACTIES.includes(actie as (typeof ACTIES)[number]))
    return geweigerd(404, { code: 'niet-gevonden', message: 'Onbekende handeling.' });
  const velden = (typeof invoer === 'object' && invoer !== null ? invoer : {}) as Record<
    string,
    unknown
  >;
  const { wachtwoord, email, naam, nieuw, profiel } = velden;
  const ongeldig = (field: string, message: string) =>
    geweigerd(400, { code: 'ongeldige-invoer', message, field });
  if (profiel !== undefined && !tekst(profiel)) return ongeldig('profiel', 'Kies uw profiel.');
  if (actie === 'instellen' && typeof naam !== 'string')
    return ongeldig('naam', 'Geef het profiel een naam.');
  if (actie === 'aanmelden' && !tekst(email)) return ongeldig('email', 'Vul uw e-mailadres in.');
  if (!tekst(wachtwoord))
    return ongeldig(
      'wachtwoord',
      actie === 'aanmelden' ? 'Vul uw wachtwoord in.' : 'Vul uw wachtwoordzin in.',
    );
  if (actie === 'wijzigen' && !tekst(nieuw))
    return ongeldig('nieuw', 'Vul de nieuwe wachtwoordzin in.');
  try {
    if (actie === 'instellen') kluizen.maak(naam as string, wachtwoord);
    else if (actie === 'aanmelden')
      kluizen.ontgrendelMetAccount(profiel as string | undefined, email as string, wachtwoord);
    else if (actie === 'wijzigen') kluizen.wijzigWachtwoordzin(wachtwoord, nieuw as string);
    else kluizen.ontgrendel(profiel as string | undefined, wachtwoord);
    return staat();
  } catch (error) {
    if (!(error instanceof KluisFout)) throw error;
    const [code, status] = FOUT_NAAR_HTTP[error.code];
    const field =
      VELD_VAN[error.code] ??
      (actie === 'wijzigen' && error.code === 'zwak-wachtwoord' ? 'nieuw' : 'wachtwoord');
    return {
      ok: false,
      error: { code, message: error.message, field },
      wachtMs: error.wachtMs,
      status,
    };
  }
}
