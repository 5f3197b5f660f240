/**
 * The profile's database key, never stored in the clear (ARCHITECTURE.md "Data and sync"): a
 * random 256-bit key, wrapped with AES-256-GCM under a key derived from the user's passphrase
 * (scrypt), and under the central service's account once it signed in. Changing the passphrase
 * re-wraps the same key, so the database is not re-encrypted. Wrong tries are counted in the
 * file; from the fifth on, each next try must wait twice as long.
 */
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

/** scrypt cost: about 0.1 s and 32 MB per try on a municipal laptop. */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1 };
const MAX_POGINGEN_VRIJ = 5;
const EERSTE_WACHTTIJD_MS = 30_000;
const MAX_WACHTTIJD_MS = 60 * 60_000;

interface Verpakt {
  iv: string;
  tag: string;
  data: string;
}

export interface PassphraseKeyFile {
  versie: 1;
  kdf: { naam: 'scrypt'; N: number; r: number; p: number; zout: string };
  wachtwoord: Verpakt;
  /**
   * The same key wrapped by the OS keychain (Electron safeStorage), written by earlier versions
   * and never used to unlock: dropped from the file at the next unlock.
   */
  os?: string;
  /**
   * The same key wrapped under the account of the central service this profile last signed in
   * with (scrypt of e-mail and password): the laptop then also opens offline with that account.
   * Nothing here names the account: the wrap is found by trying the e-mail and password typed.
   * (`email`, in the clear, was written by earlier versions: dropped at the next unlock.)
   */
  account?: { zout: string; verpakt: Verpakt; email?: string };
  pogingen: { mislukt: number; laatste: string | null };
}

export type KluisFoutCode =
  | 'verkeerd-wachtwoord'
  | 'even-wachten'
  | 'zwak-wachtwoord'
  | 'al-ingesteld'
  | 'ongeldige-naam'
  | 'onbekend-profiel';

export class KeyFileError extends Error {
  constructor(
    readonly code: KluisFoutCode,
    message: string,
    /** How long before the next try is accepted. */
    readonly wachtMs = 0,
  ) {
    super(message);
    this.name = 'KeyFileError';
  }
}

/** Null when the passphrase is strong enough, else why not (Dutch). */
export function wachtwoordZwakte(wachtwoord: string): string | null {
  if (wachtwoord.length < 12) return 'Kies een wachtwoordzin van minstens 12 tekens.';
  const soorten = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) =>
    r.test(wachtwoord),
  ).length;
  // A long sentence of plain words is strong; a short one needs more kinds of characters.
  if (wachtwoord.length < 20 && soorten < 3)
    return 'Gebruik hoofdletters, kleine letters, cijfers of leestekens door elkaar, of maak de zin langer (20 tekens of meer).';
  if (new Set(wachtwoord.toLowerCase()).size < 6)
    return 'Deze wachtwoordzin herhaalt te veel dezelfde tekens.';
  return null;
}

/** The wait before the next try after `mislukt` wrong ones. */
export function wachttijdMs(mislukt: number): number {
  if (mislukt < MAX_POGINGEN_VRIJ) return 0;
  return Math.min(MAX_WACHTTIJD_MS, EERSTE_WACHTTIJD_MS * 2 ** (mislukt - MAX_POGINGEN_VRIJ));
}

function afgeleid(wachtwoord: string, kdf: PassphraseKeyFile['kdf']): Buffer {
  return scryptSync(wachtwoord.normalize('NFC'), Buffer.from(kdf.zout, 'base64'), 32, {
    N: kdf.N,
    r: kdf.r,
    p: kdf.p,
    maxmem: 128 * kdf.N * kdf.r * 2,
  });
}

function verpak(sleutel: Buffer, kek: Buffer): Verpakt {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  const data = Buffer.concat([cipher.update(sleutel), cipher.final()]);
  return {
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

function pakUit(verpakt: Verpakt, kek: Buffer): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(verpakt.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(verpakt.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(verpakt.data, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

export function readPassphraseKeyFile(pad: string): PassphraseKeyFile | null {
  if (!existsSync(pad)) return null;
  return JSON.parse(readFileSync(pad, 'utf8')) as PassphraseKeyFile;
}

/**
 * Written to a temporary file and renamed, so a crash never leaves half a key file; mode 0600
 * (also when a temporary file of a crash was left with another).
 */
function schrijf(pad: string, bestand: PassphraseKeyFile): void {
  writeFileSync(`${pad}.nieuw`, JSON.stringify(bestand, null, 2), { mode: 0o600 });
  chmodSync(`${pad}.nieuw`, 0o600);
  renameSync(`${pad}.nieuw`, pad);
}

/**
 * A new key file for a passphrase: wraps `sleutel` (an existing database's key) or a new random
 * key, and returns the key.
 */
export function createPassphraseKeyFile(
  pad: string,
  wachtwoord: string,
  opties: { sleutel?: Buffer } = {},
): Buffer {
  const zwakte = wachtwoordZwakte(wachtwoord);
  if (zwakte) throw new KeyFileError('zwak-wachtwoord', zwakte);
  const sleutel = opties.sleutel ?? randomBytes(32);
  const kdf = { naam: 'scrypt' as const, ...SCRYPT, zout: randomBytes(16).toString('base64') };
  schrijf(pad, {
    versie: 1,
    kdf,
    wachtwoord: verpak(sleutel, afgeleid(wachtwoord, kdf)),
    pogingen: { mislukt: 0, laatste: null },
  });
  return sleutel;
}

/**
 * One try at the key: refused when it comes too soon after wrong ones; a wrong one is counted
 * (passphrase and account share the count, so neither is a way around the wait).
 */
function probeer(
  pad: string,
  nu: Date,
  onjuist: string,
  pak: (bestand: PassphraseKeyFile) => Buffer | null,
): Buffer {
  const bestand = readPassphraseKeyFile(pad);
  if (!bestand) throw new Error(`Geen sleutelbestand: ${pad}`);
  const { mislukt, laatste } = bestand.pogingen;
  const wacht = laatste ? Date.parse(laatste) + wachttijdMs(mislukt) - nu.getTime() : 0;
  if (wacht > 0)
    throw new KeyFileError(
      'even-wachten',
      `Te veel verkeerde pogingen. Probeer het over ${Math.ceil(wacht / 1000)} seconden opnieuw.`,
      wacht,
    );
  const sleutel = pak(bestand);
  if (!sleutel) {
    const pogingen = { mislukt: mislukt + 1, laatste: nu.toISOString() };
    schrijf(pad, { ...bestand, pogingen });
    const volgende = wachttijdMs(pogingen.mislukt);
    throw new KeyFileError(
      'verkeerd-wachtwoord',
      volgende > 0
        ? `${onjuist} Na ${pogingen.mislukt} pogingen moet u ${Math.ceil(volgende / 1000)} seconden wachten.`
        : onjuist,
      volgende,
    );
  }
  if (mislukt > 0 || bestand.os !== undefined || bestand.account?.email !== undefined) {
    const { os: _os, account, ...rest } = bestand;
    schrijf(pad, {
      ...rest,
      ...(account ? { account: { zout: account.zout, verpakt: account.verpakt } } : {}),
      pogingen: { mislukt: 0, laatste: null },
    });
  }
  return sleutel;
}

/** The key for a passphrase; counts a wrong try and refuses tries that come too soon. */
export function ontgrendelSleutel(pad: string, wachtwoord: string, nu: Date): Buffer {
  return probeer(pad, nu, 'Onjuiste wachtwoordzin.', (bestand) =>
    pakUit(bestand.wachtwoord, afgeleid(wachtwoord, bestand.kdf)),
  );
}

const accountGeheim = (email: string, wachtwoord: string) =>
  `${email.trim().toLowerCase()}\u0000${wachtwoord}`;

/** Wraps the key (of the open profile) under the account it just signed in with, online. */
export function koppelAccount(pad: string, sleutel: Buffer, email: string, wachtwoord: string) {
  const bestand = readPassphraseKeyFile(pad);
  if (!bestand) throw new Error(`Geen sleutelbestand: ${pad}`);
  const zout = randomBytes(16).toString('base64');
  const kek = afgeleid(accountGeheim(email, wachtwoord), { ...bestand.kdf, zout });
  schrijf(pad, {
    ...bestand,
    account: { zout, verpakt: verpak(sleutel, kek) },
  });
}

/** The key through the last synced account, offline; the same count of wrong tries. */
export function ontgrendelMetAccount(pad: string, email: string, wachtwoord: string, nu: Date) {
  return probeer(pad, nu, 'E-mailadres of wachtwoord klopt niet.', (bestand) => {
    const account = bestand.account;
    if (!account) return null;
    const kek = afgeleid(accountGeheim(email, wachtwoord), { ...bestand.kdf, zout: account.zout });
    return pakUit(account.verpakt, kek);
  });
}

/** Re-wraps the same key under a new passphrase; the database stays as it is. */
export function wijzigWachtwoordzin(pad: string, oud: string, nieuw: string, nu: Date): void {
  const sleutel = ontgrendelSleutel(pad, oud, nu);
  const bestand = readPassphraseKeyFile(pad)!;
  const zwakte = wachtwoordZwakte(nieuw);
  if (zwakte) throw new KeyFileError('zwak-wachtwoord', zwakte);
  const kdf = { ...bestand.kdf, zout: randomBytes(16).toString('base64') };
  schrijf(pad, { ...bestand, kdf, wachtwoord: verpak(sleutel, afgeleid(nieuw, kdf)) });
}
