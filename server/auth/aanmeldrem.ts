/**
 * The brake on guessing passwords at sign-in. An attempt is counted before its password is
 * checked, in one synchronous step (`reserveer`), so concurrent attempts see each other: of 40
 * wrong passwords sent at once, 5 are checked. Three counters:
 *
 * - per account (the e-mail as typed, known or not, so the answer reveals nothing): 5 wrong
 *   tries free, then a growing delay between checks (1 s, 2 s, 4 s, … at most 5 minutes),
 *   never a lock-out. Forgotten 24 hours after the last wrong try or at a right one;
 * - per account and known device (the id its laptop got at its first sign-in, still active):
 *   the same, on its own. The owner's own laptop is not held up by anyone else's guesses;
 * - per source address (IPv6 by its /64): 30 wrong tries in 15 minutes, then 429 until the
 *   oldest is that old. A known device does not count here either, so an office behind one
 *   address is not locked out by one guesser. A right password gives back its own try only.
 *
 * Kept in memory: the service is one process, and a restart forgives at most one more round.
 */
import { isIPv4, isIPv6 } from 'node:net';

export const VRIJE_POGINGEN = 5;
export const MAX_WACHT_MS = 5 * 60_000;
const VERGEET_MS = 24 * 60 * 60_000;
export const ADRES_POGINGEN = 30;
export const ADRES_VENSTER_MS = 15 * 60_000;
/** Keys kept at most per counter; the oldest go first (memory stays bounded under a flood). */
const MAX_SLEUTELS = 100_000;

/** The delay before the next check after `fouten` wrong tries. */
export function wachtNa(fouten: number): number {
  if (fouten < VRIJE_POGINGEN) return 0;
  return Math.min(1000 * 2 ** (fouten - VRIJE_POGINGEN), MAX_WACHT_MS);
}

interface Groei {
  fouten: number;
  laatste: number;
}

/** Per key: free tries, then a delay that doubles with each wrong try. */
class GroeiendeRem {
  private readonly staat = new Map<string, Groei>();

  /** Milliseconds to wait before a try under `sleutel` is checked (0: now). */
  wacht(sleutel: string, nu: number): number {
    const s = this.staat.get(sleutel);
    if (!s) return 0;
    if (nu - s.laatste > VERGEET_MS) {
      this.staat.delete(sleutel);
      return 0;
    }
    return Math.max(0, s.laatste + wachtNa(s.fouten) - nu);
  }

  tel(sleutel: string, nu: number): void {
    const s = this.staat.get(sleutel) ?? { fouten: 0, laatste: nu };
    this.staat.delete(sleutel);
    this.staat.set(sleutel, { fouten: s.fouten + 1, laatste: nu });
    begrens(this.staat);
  }

  /** The password was right: this key starts afresh. */
  vergeet(sleutel: string): void {
    this.staat.delete(sleutel);
  }
}

/** Per key: at most `max` tries in a sliding window. */
class VensterRem {
  private readonly staat = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly venster: number,
  ) {}

  private recent(sleutel: string, nu: number): number[] {
    const lijst = (this.staat.get(sleutel) ?? []).filter((t) => t > nu - this.venster);
    if (lijst.length) this.staat.set(sleutel, lijst);
    else this.staat.delete(sleutel);
    return lijst;
  }

  wacht(sleutel: string, nu: number): number {
    const lijst = this.recent(sleutel, nu);
    return lijst.length < this.max ? 0 : lijst[lijst.length - this.max]! + this.venster - nu;
  }

  tel(sleutel: string, nu: number): void {
    const lijst = this.recent(sleutel, nu);
    this.staat.delete(sleutel);
    this.staat.set(sleutel, [...lijst, nu]);
    begrens(this.staat);
  }

  /** Gives one try back (the password was right). */
  teruggeven(sleutel: string, moment: number): void {
    const lijst = this.staat.get(sleutel);
    const i = lijst?.lastIndexOf(moment) ?? -1;
    if (i >= 0) lijst!.splice(i, 1);
  }
}

function begrens(staat: Map<string, unknown>): void {
  while (staat.size > MAX_SLEUTELS) staat.delete(staat.keys().next().value!);
}

/** The key of a source address: IPv4 as it is, IPv6 by its /64 (one client holds a whole one). */
export function adresSleutel(ip: string): string {
  const v4 = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  if (isIPv4(v4)) return v4;
  if (!isIPv6(ip)) return ip;
  const [kop = '', staart = ''] = ip.split('::');
  const links = kop ? kop.split(':') : [];
  const rechts = staart ? staart.split(':') : [];
  const groepen = ip.includes('::')
    ? [...links, ...Array<string>(8 - links.length - rechts.length).fill('0'), ...rechts]
    : links;
  return `${groepen
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

export interface Poging {
  /** The e-mail as typed (lower case). */
  email: string;
  /** The source address (after a trusted proxy). */
  adres: string;
  /** The account and its device, when the sign-in names a device of that account still active. */
  bekendApparaat?: { gebruikerId: string; apparaatId: string };
}

export type Reservering =
  | { toegestaan: false; wachtSeconden: number }
  | {
      toegestaan: true;
      /** The password was right: the account's (or device's) count starts afresh. */
      gelukt(): void;
    };

export class AanmeldRem {
  private readonly accounts = new GroeiendeRem();
  private readonly apparaten = new GroeiendeRem();
  private readonly adressen = new VensterRem(ADRES_POGINGEN, ADRES_VENSTER_MS);

  constructor(private readonly nu: () => number) {}

  /**
   * Counts the attempt as wrong before its password is checked, or refuses it unchecked with the
   * seconds to wait. Synchronous, so no other attempt comes between the look and the count.
   */
  reserveer(poging: Poging): Reservering {
    const nu = this.nu();
    const { bekendApparaat } = poging;
    if (bekendApparaat) {
      const sleutel = `${bekendApparaat.gebruikerId}|${bekendApparaat.apparaatId}`;
      const wacht = this.apparaten.wacht(sleutel, nu);
      if (wacht > 0) return { toegestaan: false, wachtSeconden: Math.ceil(wacht / 1000) };
      this.apparaten.tel(sleutel, nu);
      return { toegestaan: true, gelukt: () => this.apparaten.vergeet(sleutel) };
    }
    const account = poging.email;
    const adres = adresSleutel(poging.adres);
    const wacht = Math.max(this.accounts.wacht(account, nu), this.adressen.wacht(adres, nu));
    if (wacht > 0) return { toegestaan: false, wachtSeconden: Math.ceil(wacht / 1000) };
    this.accounts.tel(account, nu);
    this.adressen.tel(adres, nu);
    return {
      toegestaan: true,
      gelukt: () => {
        this.accounts.vergeet(account);
        this.adressen.teruggeven(adres, nu);
      },
    };
  }
}
