/**
 * The key is not wrapped by the OS keychain (Electron safeStorage): nothing unlocked with that
 * wrap, and on Linux without a secret store it was only obfuscated. New key files have none, and
 * one an earlier version wrote loses it at the next unlock.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  readPassphraseKeyFile,
  createPassphraseKeyFile,
  ontgrendelSleutel,
  type PassphraseKeyFile,
} from './passphrase-key-file';

const ZIN = 'Zeven blauwe fietsen op de dijk';
const nu = new Date('2026-03-02T09:00:00Z');

function sleutelBestand() {
  return join(mkdtempSync(join(tmpdir(), 'eenplan-os-')), 'eenplan.sleutel.json');
}

describe('no copy of the key under the OS keychain', () => {
  it('writes a key file with the passphrase wrap only', () => {
    const pad = sleutelBestand();
    createPassphraseKeyFile(pad, ZIN);
    expect(Object.keys(readPassphraseKeyFile(pad)!).sort()).toEqual([
      'kdf',
      'pogingen',
      'versie',
      'wachtwoord',
    ]);
  });

  it('drops the OS wrap of an earlier version at the next unlock, not at a wrong try', () => {
    const pad = sleutelBestand();
    const sleutel = createPassphraseKeyFile(pad, ZIN);
    const oud: PassphraseKeyFile = { ...readPassphraseKeyFile(pad)!, os: 'b3MtdmVycGFrdA==' };
    writeFileSync(pad, JSON.stringify(oud));

    expect(() => ontgrendelSleutel(pad, 'Zeven blauwe fietsen op de dam', nu)).toThrow(
      'Onjuiste wachtwoordzin.',
    );
    expect(readPassphraseKeyFile(pad)!.os).toBe(oud.os);

    expect(ontgrendelSleutel(pad, ZIN, nu).equals(sleutel)).toBe(true);
    const na = readPassphraseKeyFile(pad)!;
    expect(na).not.toHaveProperty('os');
    expect(readFileSync(pad, 'utf8')).not.toContain(oud.os);
    expect(na.wachtwoord).toEqual(oud.wachtwoord);
    expect(na.pogingen).toEqual({ mislukt: 0, laatste: null });
    // The key still opens from the file as it is now.
    expect(ontgrendelSleutel(pad, ZIN, nu).equals(sleutel)).toBe(true);
  });
});
