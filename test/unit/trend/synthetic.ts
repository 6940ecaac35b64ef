/** Deterministic synthetic memory series for the trend tests. */
import type { Sample } from '../../../src/core/samples';
import { mulberry32 } from '../../../src/core/trend/stats';

export const MIB = 2 ** 20;
export const T0 = Date.UTC(2025, 0, 1);

/** Standard normal draws (Box–Muller over a seeded PRNG). */
export function gaussian(seed: number): () => number {
  const random = mulberry32(seed);
  return () => {
    const u = 1 - random();
    const v = random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
}

export interface SeriesSpec {
  /** Samples taken every `stepSeconds` for `seconds`, starting at `start` (Unix ms). */
  readonly seconds: number;
  readonly stepSeconds?: number;
  readonly start?: number;
  /** The noiseless value at `s` seconds from the start. */
  readonly shape: (s: number) => number;
  /** Standard deviation of the added Gaussian noise. */
  readonly noise?: number;
  readonly seed?: number;
}

export function synthesize(spec: SeriesSpec): Sample[] {
  const step = spec.stepSeconds ?? 1;
  const start = spec.start ?? T0;
  const normal = gaussian(spec.seed ?? 1);
  const out: Sample[] = [];
  for (let s = 0; s < spec.seconds; s += step) {
    out.push({ t: start + s * 1000, v: spec.shape(s) + (spec.noise ?? 0) * normal() });
  }
  return out;
}
