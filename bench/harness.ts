/** Timing helpers: p50 and p95 of repeated runs after warm-up, and a printable table. */
export interface Measurement {
  name: string;
  p50Ms: number;
  p95Ms: number;
  targetMs: number | null;
  baseline: string | null;
  baselineP50Ms: number | null;
  ratio: number | null;
}

/** The sample at quantile q (0..1) of measurements taken elsewhere. */
export function percentiel(samples: readonly number[], q: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

/** p50 and p95 of measurements taken elsewhere (requests, keystrokes). */
export const spreiding = (samples: readonly number[]) => ({
  p50: percentiel(samples, 0.5),
  p95: percentiel(samples, 0.95),
});

export function time(
  run: (i: number) => unknown,
  iterations: number,
  warmup = Math.ceil(iterations / 10),
): { p50: number; p95: number } {
  for (let i = 0; i < warmup; i++) run(i);
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    run(i);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { p50: at(0.5), p95: at(0.95) };
}

export function compare(
  name: string,
  targetMs: number | null,
  subject: { p50: number; p95: number },
  baseline?: { name: string; timing: { p50: number; p95: number } },
): Measurement {
  return {
    name,
    p50Ms: round(subject.p50),
    p95Ms: round(subject.p95),
    targetMs,
    baseline: baseline?.name ?? null,
    baselineP50Ms: baseline ? round(baseline.timing.p50) : null,
    ratio: baseline ? round(subject.p50 / Math.max(baseline.timing.p50, 0.001)) : null,
  };
}

const round = (n: number) => Math.round(n * 100) / 100;

export function printTable(rows: Measurement[]): void {
  const header = [
    'benchmark',
    'p50 ms',
    'p95 ms',
    'target ms',
    'baseline',
    'baseline p50',
    'ratio',
  ];
  const lines = rows.map((r) =>
    [
      r.name,
      r.p50Ms,
      r.p95Ms,
      r.targetMs ?? '',
      r.baseline ?? '',
      r.baselineP50Ms ?? '',
      r.ratio ?? '',
    ].map(String),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(fmt(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(fmt(l));
}
