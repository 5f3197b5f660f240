/**
 * Hybrid logical clock (Kulkarni et al.): wall time in ms, a counter for events in the same
 * millisecond, and the node id. Encoded so that string order equals clock order.
 */
export interface Hlc {
  wallMs: number;
  counter: number;
  node: string;
}

export function encodeHlc({ wallMs, counter, node }: Hlc): string {
  return `${wallMs.toString().padStart(15, '0')}-${counter.toString(36).padStart(5, '0')}-${node}`;
}

export function decodeHlc(value: string): Hlc {
  const m = /^(\d{15})-([0-9a-z]{5})-(.+)$/.exec(value);
  if (!m) throw new RangeError(`Ongeldige HLC: ${value}`);
  return { wallMs: Number(m[1]), counter: parseInt(m[2]!, 36), node: m[3]! };
}

/** A clock for one node; `now` is injectable so tests can skew it. */
export class HlcClock {
  private last: Hlc;
  /** The central service's time as sync estimates it, when this computer's clock is off. */
  private dienst: (() => number) | null = null;

  constructor(
    readonly node: string,
    private readonly klok: () => number = Date.now,
  ) {
    this.last = { wallMs: 0, counter: 0, node };
  }

  /** The physical part: this computer's time, or the service's when sync says it is off. */
  private now(): number {
    return this.dienst ? this.dienst() : this.klok();
  }

  /**
   * Follows the central service's clock from now on (a computer clock that runs ahead or behind
   * must not stamp changes the service refuses, nor order concurrent edits by a wrong time);
   * null: this computer's clock again.
   */
  volgDienst(dienst: (() => number) | null): void {
    this.dienst = dienst;
  }

  /**
   * Back to the corrected time after a clock ran ahead: the stamps made meanwhile lie in the
   * future and are made anew (core/sync/herstempel.ts), so later ones must not follow them.
   */
  terugNaarNu(): void {
    const wall = this.now();
    if (this.last.wallMs > wall) this.last = { wallMs: wall, counter: 0, node: this.node };
  }

  /** Timestamp for a local event. */
  tick(): string {
    const wall = this.now();
    this.last =
      wall > this.last.wallMs
        ? { wallMs: wall, counter: 0, node: this.node }
        : { wallMs: this.last.wallMs, counter: this.last.counter + 1, node: this.node };
    return encodeHlc(this.last);
  }

  /** Merges a timestamp received from another node, so later local events sort after it. */
  receive(remote: string): void {
    const r = decodeHlc(remote);
    const wall = this.now();
    const maxWall = Math.max(wall, this.last.wallMs, r.wallMs);
    let counter = 0;
    if (maxWall === this.last.wallMs && maxWall === r.wallMs)
      counter = Math.max(this.last.counter, r.counter) + 1;
    else if (maxWall === this.last.wallMs) counter = this.last.counter + 1;
    else if (maxWall === r.wallMs) counter = r.counter + 1;
    this.last = { wallMs: maxWall, counter, node: this.node };
  }
}
