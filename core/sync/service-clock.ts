/**
 * The service's time as this laptop reckons it, learned from its answers: the laptop's stamps
 * follow it when the computer's own clock is off (ARCHITECTURE.md "Data and sync").
 */
import type { HlcClock } from '../../shared/hlc';
import { MAX_KLOK_VOORSPRONG_MS } from '../../shared/sync/protocol';

/**
 * A computer clock within this of the service's is left alone (network time keeps it there);
 * beyond it, changes are stamped by the service's time.
 */
const KLOK_MARGE_MS = 30_000;

export class ServiceClock {
  private dienstTijd: (() => number) | undefined;

  constructor(
    private readonly clock: HlcClock,
    private readonly now: () => Date,
  ) {}

  /**
   * An answer that carries the service's time: from then on the service's time is that moment
   * plus the time elapsed since on this computer's steady clock (which no one sets), so putting
   * the computer's date right, or wrong, later changes nothing. Stamps follow it when the
   * computer's clock is more than KLOK_MARGE_MS off.
   */
  leer(nu: unknown): void {
    const dienst = typeof nu === 'string' ? Date.parse(nu) : NaN;
    if (!Number.isFinite(dienst)) return;
    const gemeten = performance.now();
    // Whole milliseconds: an HLC's physical part is an integer.
    this.dienstTijd = () => Math.floor(dienst + (performance.now() - gemeten));
    const verschil = dienst - this.now().getTime();
    this.clock.volgDienst(Math.abs(verschil) > KLOK_MARGE_MS ? this.dienstTijd : null);
  }

  /** The service's time as this laptop reckons it. */
  nu(): number {
    return this.dienstTijd?.() ?? this.now().getTime();
  }

  /** Said only while this computer's clock is off; sync goes on by the service's time. */
  waarschuwing(): string | null {
    const verschil = this.nu() - this.now().getTime();
    if (Math.abs(verschil) <= MAX_KLOK_VOORSPRONG_MS) return null;
    const minuten = Math.round(Math.abs(verschil) / 60_000);
    const duur = minuten >= 120 ? `${Math.round(minuten / 60)} uur` : `${minuten} minuten`;
    return (
      `De klok van deze computer loopt ongeveer ${duur} ${verschil < 0 ? 'voor' : 'achter'}. ` +
      'Eenplan rekent met de tijd van de centrale dienst; zet de datum en tijd van de computer goed.'
    );
  }
}
