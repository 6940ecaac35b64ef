/**
 * The runbook metrics `memory_growth` ("memory_growth > 5% in 1 hour", "> 50MB in 1h") and a
 * stability band ("Memory usage stable ±2%"), computed from samples.
 */
import type { Sample } from '../samples';
import type { MemoryTrend, MemoryTrendOptions } from './memoryTrend';
import { memoryTrend } from './memoryTrend';

export interface MemoryGrowth {
  /** Growth over the window, % of the fitted level at the analysed segment's start; absent: no data. */
  readonly value?: number;
  /** The same growth in value units (bytes); absent: no data. */
  readonly bytes?: number;
  /** True when the trend behind it passed the fit and size gates ('growing' or 'shrinking'). */
  readonly trusted: boolean;
  /** The trend it comes from, for display and diagnostics. */
  readonly trend: MemoryTrend;
}

/**
 * Memory growth over the `windowSeconds` ending at `now` (samples with
 * now − window ≤ t ≤ now), from the robust fit of `memoryTrend`: the fitted rate times the
 * window, so 20 min of data in a 1 h window gives the growth that rate makes in an hour (as
 * Coroot measures 20 min and flags > 5 %/h). Restarts split the window; only the latest
 * process life counts, relative to its starting level.
 *
 * How an evaluator reads it:
 * - `value` absent (too few samples or too short a span: 'insufficient') → **no data**: the
 *   rule neither holds nor fails.
 * - `trusted: false` with a value → the slope is noise (poor fit or below the absolute
 *   minimum): treat the growth as **0 %**, i.e. not a leak.
 * - `trusted: true` → compare `value` (percent; the alert model's canonical ratio is
 *   value / 100) or `bytes` for size thresholds.
 */
export function memoryGrowthPercent(points: readonly Sample[], windowSeconds: number, now: number, options: MemoryTrendOptions = {}): MemoryGrowth {
  const from = now - windowSeconds * 1000;
  const inWindow = points.filter((p) => p.t >= from && p.t <= now);
  const trend = memoryTrend(inWindow, { ...options, now });
  if (trend.verdict === 'insufficient') return { trusted: false, trend };
  const hours = windowSeconds / 3600;
  return {
    value: trend.percentPerHour * hours,
    bytes: trend.slopePerHour * hours,
    trusted: trend.verdict === 'growing' || trend.verdict === 'shrinking',
    trend,
  };
}

export interface StabilityBand {
  /** max |v − baseline| / |baseline| (0.02 = ±2 %); absent when the baseline is 0. */
  readonly ratio?: number;
  /** max |v − baseline|, value units. */
  readonly absolute: number;
  /** Unix ms of the sample furthest from the baseline (the first one on ties). */
  readonly worstTime: number;
  /** Finite samples considered. */
  readonly samples: number;
}

/**
 * How far `points` stray from `baseline`: "stable ±2 %" holds when `ratio ≤ 0.02` (the alert
 * model's `within` comparator; with a non-% threshold compare `absolute`). Undefined when
 * there is no finite sample (no data) or the baseline is not finite.
 */
export function stabilityBand(points: readonly Sample[], baseline: number): StabilityBand | undefined {
  if (!Number.isFinite(baseline)) return undefined;
  let absolute = -1;
  let worstTime = Number.NaN;
  let samples = 0;
  for (const p of points) {
    if (!Number.isFinite(p.v) || !Number.isFinite(p.t)) continue;
    samples++;
    const deviation = Math.abs(p.v - baseline);
    if (deviation > absolute) {
      absolute = deviation;
      worstTime = p.t;
    }
  }
  if (samples === 0) return undefined;
  return { ...(baseline === 0 ? {} : { ratio: absolute / Math.abs(baseline) }), absolute, worstTime, samples };
}
