/**
 * The locked laptop: the profile's database stays closed (its key nowhere in memory) until the
 * passphrase unlocks it, and closes again when the user locks or goes idle. Hosts ask the vault
 * for the core; while locked there is none, so nothing of a family can be read.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadOrCreateKeyFile } from '../../db/raw-key-file';
import { priveMap } from '../../db/prive-bestanden';
import type { KluisStaat } from '../../shared/kluis';
import type { Core } from '../core';
import { openProfileStore, type ProfileStore, type ProfileStoreOptions } from './profile-store';
import {
  KeyFileError,
  koppelAccount,
  readPassphraseKeyFile,
  createPassphraseKeyFile,
  ontgrendelMetAccount,
  ontgrendelSleutel,
  wijzigWachtwoordzin,
} from './passphrase-key-file';

/** Called by the core after an online sign-in to the central service. */
export type NaAanmelding = (email: string, wachtwoord: string) => void;

export interface KluisOpties extends Omit<ProfileStoreOptions, 'key'> {
  /** `naAanmelding` goes to the core: the account then also opens this profile offline. */
  maakCore(store: ProfileStore, naAanmelding: NaAanmelding): Core;
  now?: () => Date;
}

export class Kluis {
  private open: Core | null = null;
  /**
   * The open profile's key, to wrap it under a newly signed-in account; only while open (the
   * database holds it in memory then too), zeroed on lock.
   */
  private sleutel: Buffer | null = null;
  readonly sleutelPad: string;
  /** A key file of an earlier version (plain key beside the database): adopted, then removed. */
  private readonly oudSleutelPad: string;

  constructor(private readonly opties: KluisOpties) {
    priveMap(opties.dataDir);
    this.sleutelPad = join(opties.dataDir, 'eenplan.sleutel.json');
    this.oudSleutelPad = join(opties.dataDir, 'eenplan.key');
  }

  staat(): KluisStaat {
    if (this.open) return 'open';
    return readPassphraseKeyFile(this.sleutelPad) ? 'vergrendeld' : 'nieuw';
  }

  core(): Core | null {
    return this.open;
  }

  /** First start: the passphrase that will protect this profile. */
  instellen(wachtwoord: string): ProfileStore {
    if (this.staat() !== 'nieuw')
      throw new KeyFileError('al-ingesteld', 'Dit profiel heeft al een wachtwoordzin.');
    const bestaand = existsSync(this.oudSleutelPad)
      ? loadOrCreateKeyFile(this.oudSleutelPad)
      : undefined;
    const sleutel = createPassphraseKeyFile(
      this.sleutelPad,
      wachtwoord,
      bestaand ? { sleutel: bestaand } : {},
    );
    if (bestaand) rmSync(this.oudSleutelPad);
    return this.openMet(sleutel);
  }

  /** Also when already open the passphrase is checked: a wrong one is never answered "open". */
  ontgrendel(wachtwoord: string): ProfileStore | null {
    const sleutel = ontgrendelSleutel(this.sleutelPad, wachtwoord, this.nu());
    if (!this.open) return this.openMet(sleutel);
    sleutel.fill(0);
    return null;
  }

  /** Offline sign-in: the account this profile last signed in with online. */
  ontgrendelMetAccount(email: string, wachtwoord: string): ProfileStore | null {
    const sleutel = ontgrendelMetAccount(this.sleutelPad, email, wachtwoord, this.nu());
    if (!this.open) return this.openMet(sleutel);
    sleutel.fill(0);
    return null;
  }

  /** Whether the lock screen can offer signing in with the central service's account. */
  metAccount(): boolean {
    return Boolean(readPassphraseKeyFile(this.sleutelPad)?.account);
  }

  /** Closes the database: the key leaves memory with it. */
  vergrendel(): void {
    this.open?.close();
    this.open = null;
    this.sleutel?.fill(0);
    this.sleutel = null;
  }

  wijzigWachtwoordzin(oud: string, nieuw: string): void {
    wijzigWachtwoordzin(this.sleutelPad, oud, nieuw, this.nu());
  }

  private nu(): Date {
    return this.opties.now?.() ?? new Date();
  }

  private openMet(sleutel: Buffer): ProfileStore {
    const { maakCore, now: _now, ...storeOpties } = this.opties;
    const store = openProfileStore({ ...storeOpties, key: sleutel });
    this.sleutel = Buffer.from(sleutel);
    sleutel.fill(0);
    this.open = maakCore(store, (email, wachtwoord) => {
      if (this.sleutel) koppelAccount(this.sleutelPad, this.sleutel, email, wachtwoord);
    });
    return store;
  }
}
