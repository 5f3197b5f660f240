import { describe, expect, it } from 'vitest';
import { decodeHlc, encodeHlc, HlcClock } from './hlc';

describe('hybrid logical clock', () => {
  it('orders as strings the way it orders as clocks', () => {
    const a = encodeHlc({ wallMs: 1_700_000_000_000, counter: 35, node: 'a' });
    const b = encodeHlc({ wallMs: 1_700_000_000_000, counter: 36, node: 'a' });
    const c = encodeHlc({ wallMs: 1_700_000_000_001, counter: 0, node: 'a' });
    expect([c, b, a].sort()).toEqual([a, b, c]);
    expect(decodeHlc(b)).toEqual({ wallMs: 1_700_000_000_000, counter: 36, node: 'a' });
  });

  it('keeps advancing when the wall clock stands still or goes back', () => {
    let now = 1000;
    const clock = new HlcClock('n1', () => now);
    const first = clock.tick();
    now = 500;
    const second = clock.tick();
    expect(second > first).toBe(true);
  });

  it('sorts local events after a received remote timestamp from a fast clock', () => {
    const clock = new HlcClock('slow', () => 1000);
    const remote = encodeHlc({ wallMs: 9000, counter: 4, node: 'fast' });
    clock.receive(remote);
    expect(clock.tick() > remote).toBe(true);
  });
});
