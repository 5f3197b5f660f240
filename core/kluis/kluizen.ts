/**
 * Several professionals on one laptop: each has a vault of their own (own database, own key,
 * own passphrase) in a folder of its own. Only one is open at a time; opening another closes
 * the first. The list of vaults holds only the names their owners chose for the lock screen.
 */
import { randomUUID } from 'node:crypto';
import {
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Core } from '../core';
import { priveMap } from '../../db/prive-bestanden';
import { VERGRENDELEN } from '../../shared/domain';
import type { KluisStaat, LaptopProfiel } from '../../shared/kluis';
import { Kluis, type KluisOpties } from './kluis';
import { KeyFileError } from './passphrase-key-file';

export const PROFIELNAAM_MAX = 60;

const Index = z.array(
  z.object({ id: z.string().regex(/^[\w-]{1,64}$/), naam: z.string().min(1) }).strict(),
);
type Index = z.infer<typeof Index>;

const INDEX = 'profielen.json';
/** The files of one profile's vault; an earlier version kept them straight in the data folder. */
const PROFIEL_BESTAND = /^eenplan\.(db|db-wal|db-shm|key|sleutel\.json)$/;
const STANDAARD = 'standaard';

export type KluizenOpties = Omit<KluisOpties, 'dataDir'> & {
  dataDir: string;
  /** A steady clock in ms for the idle lock (setting the computer's date changes nothing). */
  stilKlok?: () => number;
  /** The wall clock in ms (tests); it counts the time asleep, which the steady clock skips. */
  wandKlok?: () => number;
};

export class Kluizen {
  private readonly kluizen = new Map<string, Kluis>();
  private actief: string | null = null;
  /** When the user was last at the keyboard (`activiteit`), on the steady clock. */
  private laatsteActiviteit = 0;
  /**
   * The same moment on the wall clock: the steady clock stands still while the computer sleeps,
   * so a night asleep counts through this one (setting the clock back changes nothing).
   */
  private laatsteActiviteitWand = 0;

  constructor(private readonly opties: KluizenOpties) {
    priveMap(opties.dataDir);
    this.neemOudeIndelingOver();
  }

  /** 'nieuw' while no profile exists on this laptop, 'open' while one is unlocked. */
  staat(): KluisStaat {
    if (this.actief) return 'open';
    return this.lijst().length === 0 ? 'nieuw' : 'vergrendeld';
  }

  lijst(): LaptopProfiel[] {
    return this.leesIndex().map(({ id, naam }) => ({
      id,
      naam,
      metAccount: this.kluis(id).metAccount(),
    }));
  }

  actiefProfiel(): string | null {
    return this.actief;
  }

  core(): Core | null {
    return this.actief ? this.kluis(this.actief).core() : null;
  }

  /** A new profile for the professional at the keyboard, opened at once. */
  maak(naam: string, wachtwoord: string): string {
    // No control or invisible characters: two names on the lock screen must look different.
    const schoon = naam
      .normalize('NFC')
      .replace(/[\p{C}]/gu, '')
      .trim()
      .replace(/\s+/g, ' ');
    if (schoon.length === 0 || schoon.length > PROFIELNAAM_MAX)
      throw new KeyFileError(
        'ongeldige-naam',
        `Geef het profiel een naam van 1 tot ${PROFIELNAAM_MAX} tekens.`,
      );
    const index = this.leesIndex();
    if (index.some((p) => p.naam.toLocaleLowerCase('nl') === schoon.toLocaleLowerCase('nl')))
      throw new KeyFileError(
        'ongeldige-naam',
        'Er is al een profiel met deze naam op deze laptop.',
      );
    // The first profile takes over a vault an earlier version left without a passphrase.
    const id =
      index.length === 0 && this.heeft(STANDAARD, 'eenplan.key') ? STANDAARD : randomUUID();
    const map = join(this.opties.dataDir, id);
    try {
      // Kluis.instellen checks the passphrase before it writes anything; the profile is listed
      // only once its vault exists.
      this.wissel(id, (kluis) => kluis.instellen(wachtwoord));
    } catch (error) {
      this.kluizen.delete(id);
      if (readdirSync(map).length === 0) rmdirSync(map);
      throw error;
    }
    this.schrijfIndex([...index, { id, naam: schoon }]);
    return id;
  }

  ontgrendel(id: string | undefined, wachtwoord: string): void {
    this.open(id, (kluis) => kluis.ontgrendel(wachtwoord));
  }

  ontgrendelMetAccount(id: string | undefined, email: string, wachtwoord: string): void {
    this.open(id, (kluis) => kluis.ontgrendelMetAccount(email, wachtwoord));
  }

  vergrendel(): void {
    if (this.actief) this.kluis(this.actief).vergrendel();
    this.actief = null;
  }

  /** The renderer reports that the user is at the keyboard (not its own polling). */
  activiteit(): void {
    if (this.actief) this.markeerActiviteit();
  }

  private markeerActiviteit(): void {
    this.laatsteActiviteit = this.stilNu();
    this.laatsteActiviteitWand = this.wandNu();
  }

  /**
   * Locks the open profile once it has been idle for its team's time (5 minutes unless the
   * beheerder set another), whether or not a window is open: the hosts call this every few
   * seconds, so nothing of the profile is served by a host nobody is using.
   */
  vergrendelBijStilte(): boolean {
    const core = this.core();
    if (!core) return false;
    const wie = core.call('sessie.wie', {});
    const minuten = (wie.ok && wie.data?.vergrendelMinuten) || VERGRENDELEN.standaard;
    const grens = minuten * 60_000;
    const stil = this.stilNu() - this.laatsteActiviteit;
    const wand = this.wandNu() - this.laatsteActiviteitWand;
    if (stil < grens && wand < grens) return false;
    this.vergrendel();
    return true;
  }

  private stilNu(): number {
    return this.opties.stilKlok?.() ?? performance.now();
  }

  private wandNu(): number {
    return this.opties.wandKlok?.() ?? Date.now();
  }

  wijzigWachtwoordzin(oud: string, nieuw: string): void {
    if (!this.actief)
      throw new KeyFileError('verkeerd-wachtwoord', 'Ontgrendel eerst het profiel.');
    this.kluis(this.actief).wijzigWachtwoordzin(oud, nieuw);
  }

  /** Without a choice, the only profile on the laptop is meant. */
  private open(id: string | undefined, werk: (kluis: Kluis) => unknown): void {
    const index = this.leesIndex();
    const gekozen = id ?? (index.length === 1 ? index[0]!.id : undefined);
    if (!gekozen || !index.some((p) => p.id === gekozen))
      throw new KeyFileError('onbekend-profiel', 'Kies uw profiel op deze laptop.');
    if (this.actief !== gekozen) this.wissel(gekozen, werk);
    else {
      // The open profile: its passphrase is still checked before "open" is answered.
      werk(this.kluis(gekozen));
      this.markeerActiviteit();
    }
  }

  /**
   * Opens `id`, then closes the profile that was open: a wrong passphrase for another profile
   * must not lock out the professional who is working.
   */
  private wissel(id: string, werk: (kluis: Kluis) => unknown) {
    werk(this.kluis(id));
    if (this.actief && this.actief !== id) this.kluis(this.actief).vergrendel();
    this.actief = id;
    this.markeerActiviteit();
  }

  private heeft(id: string, bestand: string) {
    return existsSync(join(this.opties.dataDir, id, bestand));
  }

  private kluis(id: string): Kluis {
    let kluis = this.kluizen.get(id);
    if (!kluis) {
      const { stilKlok: _stilKlok, wandKlok: _wandKlok, ...opties } = this.opties;
      kluis = new Kluis({ ...opties, dataDir: join(this.opties.dataDir, id) });
      this.kluizen.set(id, kluis);
    }
    return kluis;
  }

  private leesIndex(): Index {
    const pad = join(this.opties.dataDir, INDEX);
    if (!existsSync(pad)) return [];
    return Index.parse(JSON.parse(readFileSync(pad, 'utf8')));
  }

  /** Written beside and renamed over the old list, so a crash leaves one or the other whole. */
  private schrijfIndex(index: Index) {
    const pad = join(this.opties.dataDir, INDEX);
    writeFileSync(`${pad}.tmp`, JSON.stringify(index, null, 2), { mode: 0o600 });
    renameSync(`${pad}.tmp`, pad);
  }

  /**
   * Earlier versions kept one vault, either straight in the data folder or in `standaard/`
   * without a list: it becomes the first listed profile, its data untouched.
   */
  private neemOudeIndelingOver() {
    const map = this.opties.dataDir;
    const oud = readdirSync(map).filter((b) => PROFIEL_BESTAND.test(b));
    if (oud.length > 0) {
      priveMap(join(map, STANDAARD));
      for (const bestand of oud) renameSync(join(map, bestand), join(map, STANDAARD, bestand));
    }
    if (!existsSync(join(map, INDEX)) && this.heeft(STANDAARD, 'eenplan.sleutel.json'))
      this.schrijfIndex([{ id: STANDAARD, naam: 'Profiel' }]);
  }
}
