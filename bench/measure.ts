import { performance } from 'node:perf_hooks';

export interface Timing {
  readonly runs: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly minMs: number;
}

/** Runs `fn` a few times to warm up, then `runs` times; reports median, p95 and min. */
export function measure(fn: () => unknown, runs: number, warmup = Math.min(5, runs)): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number): number => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  return { runs, medianMs: round(at(0.5)), p95Ms: round(at(0.95)), minMs: round(samples[0] ?? 0) };
}

export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
