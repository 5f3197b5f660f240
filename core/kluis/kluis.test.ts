/**
 * A stolen laptop leaks nothing: the profile's key exists only wrapped by the passphrase, a wrong
 * passphrase opens nothing, guessing slows down, and changing the passphrase keeps the data.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOrCreateKeyFile } from '../../db/raw-key-file';
import { openDatabase } from '../../db/connection';
import { createCore } from '../core';
import { Kluis } from './kluis';
import { KeyFileError, wachttijdMs, wachtwoordZwakte } from './passphrase-key-file';
import { seedDemo } from '../../demo/seed';

const ZIN = 'Zeven blauwe fietsen op de dijk';
let nu = new Date('2026-11-24T09:00:00Z');
const mappen: string[] = [];
const nieuweKluis = (dataDir = mkdtempSync(join(tmpdir(), 'eenplan-kluis-'))) => {
  mappen.push(dataDir);
  return new Kluis({
    dataDir,
    seed: seedDemo,
    maakCore: (store) => createCore(store),
    now: () => nu,
  });
};
afterEach(() => {
  for (const m of mappen.splice(0)) rmSync(m, { recursive: true, force: true });
});

const fout = (werk: () => unknown) => {
  try {
    werk();
  } catch (error) {
    if (error instanceof KeyFileError) return error;
    throw error;
  }
  throw new Error('geen fout');
};

describe('the locked profile', () => {
  it('keeps no usable key on disk: a wrong passphrase opens nothing', () => {
    const kluis = nieuweKluis();
    const store = kluis.instellen(ZIN);
    const naam = (
      store.sqlite.prepare('SELECT naam FROM gezinnen LIMIT 1').get() as { naam: string }
    ).naam;
    kluis.vergrendel();
    expect(kluis.staat()).toBe('vergrendeld');
    expect(kluis.core()).toBeNull();

    // No file in the profile holds the family's name or a raw key.
    const map = store.path.replace(/eenplan\.db$/, '');
    for (const bestand of readdirSync(map)) {
      const inhoud = readFileSync(join(map, bestand));
      expect(inhoud.includes(Buffer.from(naam)), bestand).toBe(false);
    }
    expect(existsSync(join(map, 'eenplan.key'))).toBe(false);

    expect(fout(() => kluis.ontgrendel('Zeven blauwe fietsen op de dam')).code).toBe(
      'verkeerd-wachtwoord',
    );
    expect(kluis.staat()).toBe('vergrendeld');
    expect(kluis.core()).toBeNull();
    // Without the key the database file is unreadable, whatever key is tried.
    expect(() => openDatabase({ path: store.path, key: Buffer.alloc(32, 1) })).toThrow(
      /kan met deze sleutel niet worden geopend/,
    );
    kluis.ontgrendel(ZIN);
    expect(kluis.core()!.call('profielen.lijst', {}).ok).toBe(true);
    kluis.vergrendel();
  });

  it('makes each try after the fifth wrong one wait twice as long', () => {
    expect([0, 4, 5, 6, 7, 20].map(wachttijdMs)).toEqual([
      0, 0, 30_000, 60_000, 120_000, 3_600_000,
    ]);
    const kluis = nieuweKluis();
    kluis.instellen(ZIN);
    kluis.vergrendel();
    for (let i = 1; i <= 4; i++) expect(fout(() => kluis.ontgrendel(`fout ${i}`)).wachtMs).toBe(0);
    expect(fout(() => kluis.ontgrendel('fout 5')).wachtMs).toBe(30_000);
    // Too soon: refused without even trying, also for the right passphrase.
    nu = new Date(nu.getTime() + 10_000);
    expect(fout(() => kluis.ontgrendel(ZIN)).code).toBe('even-wachten');
    nu = new Date(nu.getTime() + 25_000);
    expect(fout(() => kluis.ontgrendel('fout 6')).wachtMs).toBe(60_000);
    nu = new Date(nu.getTime() + 61_000);
    kluis.ontgrendel(ZIN);
    expect(kluis.staat()).toBe('open');
    kluis.vergrendel();
    // A success resets the count.
    expect(fout(() => kluis.ontgrendel('fout')).wachtMs).toBe(0);
  });

  it('changes the passphrase without re-encrypting, and keeps every record', () => {
    const kluis = nieuweKluis();
    const store = kluis.instellen(ZIN);
    const aantal = () =>
      (kluis.core()!.call('profielen.lijst', {}) as { data: unknown[] }).data.length;
    const voor = aantal();
    kluis.vergrendel();
    const bestand = readFileSync(store.path);
    kluis.wijzigWachtwoordzin(ZIN, 'Een nieuwe zin van de teamcoach 2027');
    // Only the wrapped key changed: the database file is byte for byte the same.
    expect(readFileSync(store.path).equals(bestand)).toBe(true);
    expect(fout(() => kluis.ontgrendel(ZIN)).code).toBe('verkeerd-wachtwoord');
    kluis.ontgrendel('Een nieuwe zin van de teamcoach 2027');
    expect(aantal()).toBe(voor);
    kluis.vergrendel();
  });

  it('refuses a weak passphrase and creates nothing', () => {
    for (const zwak of ['kort', 'aaaaaaaaaaaaaaaa', 'welkomwelkom', 'jeugdteam123'])
      expect(wachtwoordZwakte(zwak), zwak).not.toBeNull();
    for (const sterk of [ZIN, 'Lente-2026!Dordt', 'de hond van de buren blaft altijd'])
      expect(wachtwoordZwakte(sterk), sterk).toBeNull();
    const kluis = nieuweKluis();
    expect(fout(() => kluis.instellen('welkom123')).code).toBe('zwak-wachtwoord');
    expect(kluis.staat()).toBe('nieuw');
  });

  it('adopts the plain key file of an earlier version and removes it', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'eenplan-kluis-'));
    const oud = loadOrCreateKeyFile(join(dataDir, 'eenplan.key'));
    const db = openDatabase({ path: join(dataDir, 'eenplan.db'), key: oud });
    db.sqlite.exec("INSERT INTO instellingen (sleutel, waarde) VALUES ('merk', 'bewaard')");
    db.close();
    const kluis = nieuweKluis(dataDir);
    expect(kluis.staat()).toBe('nieuw');
    const store = kluis.instellen(ZIN);
    expect(
      store.sqlite.prepare("SELECT waarde FROM instellingen WHERE sleutel = 'merk'").get(),
    ).toEqual({
      waarde: 'bewaard',
    });
    expect(existsSync(join(dataDir, 'eenplan.key'))).toBe(false);
    kluis.vergrendel();
  });
});
