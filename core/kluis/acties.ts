/**
 * The lock's methods of the contract (`kluis.*`): the profiles on this laptop, making one,
 * unlocking and locking, with Dutch errors. The host door answers them itself, since there is
 * no core while the profile is locked.
 */
import type { ApiErrorBody, ApiErrorCode, ApiResult } from '../../shared/api';
import { KluisInvoer, type KluisActie } from '../../shared/kluis';
import type { Kluizen } from './kluizen';
import { KeyFileError, type KluisFoutCode } from './passphrase-key-file';

export type KluisMethode = `kluis.${KluisActie}`;

export const isKluisMethode = (method: string): method is KluisMethode =>
  method.startsWith('kluis.') && Object.hasOwn(KluisInvoer, method.slice('kluis.'.length));

export const VERGRENDELD: ApiErrorBody = {
  code: 'vergrendeld',
  message: 'Eenplan is vergrendeld. Ontgrendel met uw wachtwoordzin.',
};

const FOUT_NAAR_CODE: Record<KluisFoutCode, ApiErrorCode> = {
  'zwak-wachtwoord': 'ongeldige-invoer',
  'verkeerd-wachtwoord': 'niet-aangemeld',
  'even-wachten': 'even-wachten',
  'al-ingesteld': 'conflict',
  'ongeldige-naam': 'ongeldige-invoer',
  'onbekend-profiel': 'ongeldige-invoer',
};

const VELD_VAN: Partial<Record<KluisFoutCode, string>> = {
  'ongeldige-naam': 'naam',
  'onbekend-profiel': 'profiel',
};

export function kluisActie(
  kluizen: Kluizen,
  method: KluisMethode,
  invoer: unknown,
): ApiResult<KluisMethode> {
  const actie = method.slice('kluis.'.length) as KluisActie;
  const staat = (): ApiResult<KluisMethode> => ({
    ok: true,
    data: { staat: kluizen.staat(), profielen: kluizen.lijst(), actief: kluizen.actiefProfiel() },
  });
  const parsed = KluisInvoer[actie].safeParse(invoer ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return {
      ok: false,
      error: {
        code: 'ongeldige-invoer',
        message: issue.code === 'unrecognized_keys' ? 'Onbekend veld.' : issue.message,
        field: String(issue.path[0] ?? (issue.code === 'unrecognized_keys' ? issue.keys[0] : '')),
      },
    };
  }
  const v = parsed.data as Record<string, string | undefined>;
  try {
    if (actie === 'vergrendelen') kluizen.vergrendel();
    else if (actie === 'actief') kluizen.activiteit();
    else if (actie === 'instellen') kluizen.maak(v.naam!, v.wachtwoord!);
    else if (actie === 'aanmelden')
      kluizen.ontgrendelMetAccount(v.profiel, v.email!, v.wachtwoord!);
    else if (actie === 'wijzigen') kluizen.wijzigWachtwoordzin(v.wachtwoord!, v.nieuw!);
    else if (actie === 'ontgrendelen') kluizen.ontgrendel(v.profiel, v.wachtwoord!);
    return staat();
  } catch (error) {
    if (!(error instanceof KeyFileError)) throw error;
    const field =
      VELD_VAN[error.code] ??
      (actie === 'wijzigen' && error.code === 'zwak-wachtwoord' ? 'nieuw' : 'wachtwoord');
    return {
      ok: false,
      error: {
        code: FOUT_NAAR_CODE[error.code],
        message: error.message,
        field,
        ...(error.wachtMs ? { wachtMs: error.wachtMs } : {}),
      },
    };
  }
}
