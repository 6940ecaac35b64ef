/**
 * Memory-leak trend of one series, the way Coroot and LF Edge EVE judge it: a robust
 * (Theil–Sen) slope over the latest process life, trusted only when the fit is good and the
 * growth is large in absolute terms. A trend test alone (Mann–Kendall) flags too much.
 *
 * Steps:
 * 1. Drop non-finite points, sort by time, split at restarts and sharp drops
 *    (`splitAtRestarts`) and keep the latest segment only.
 * 2. 'insufficient' when that segment has fewer than `minSamples` samples or spans less than
 *    `minSpanSeconds` (the figures are still reported when a fit exists).
 * 3. Fit Theil–Sen; `slopePerHour` is in value units (bytes) per hour, `percentPerHour`
 *    relative to the fitted level at the segment's first sample.
 * 4. 'growing' / 'shrinking' only when the fit is good — R² ≥ `minR2` (0.4) or Spearman ρ
 *    ≥ `minSpearman` (0.5) in the slope's direction — and |slopePerHour| ≥
 *    `minSlopePerHour` (1 MiB/h); otherwise 'flat'.
 * 5. With `memoryLimitBytes` and a 'growing' verdict: seconds from `now` (default: the last
 *    sample) until the fitted line reaches the limit (0 when it is already there).
 */
import type { Sample } from '../samples';
import { rSquared, spearman } from './correlation';
import { DEFAULT_DROP_FRACTION, splitAtRestarts } from './segments';
import type { LineFit } from './theilSen';
import { predict, theilSen } from './theilSen';

export const MS_PER_HOUR = 3_600_000;
export const MIB = 2 ** 20;

/** Defaults, from Coroot's leak check and the monitoring notes. */
export const MEMORY_TREND_DEFAULTS = {
  minSpanSeconds: 600,
  minSamples: 10,
  minSlopePerHour: MIB,
  minR2: 0.4,
  minSpearman: 0.5,
  dropFraction: DEFAULT_DROP_FRACTION,
} as const;

export interface MemoryTrendOptions {
  /** Unix ms of known process starts (container starts, RestartCount changes). */
  readonly restartTimes?: readonly number[];
  /** Sharp-drop split rule (see splitAtRestarts; default 0.5, 1 disables). */
  readonly dropFraction?: number;
  /** Shortest segment worth a verdict, seconds (default 600 = 10 min). */
  readonly minSpanSeconds?: number;
  /** Fewest samples worth a verdict (default 10). */
  readonly minSamples?: number;
  /** Smallest |slope| that counts, value units per hour (default 1 MiB/h). */
  readonly minSlopePerHour?: number;
  /** R² at or above which the fit is good (default 0.4). */
  readonly minR2?: number;
  /** |Spearman ρ| (in the slope's direction) at or above which the fit is good (default 0.5). */
  readonly minSpearman?: number;
  /** Memory limit in bytes, for `projectedLimitInSeconds`. */
  readonly memoryLimitBytes?: number;
  /** Unix ms the projection counts from (default: the last sample's time). */
  readonly now?: number;
  /** Theil–Sen pair budget (see theilSen). */
  readonly maxPairs?: number;
}

export type TrendVerdict = 'growing' | 'flat' | 'shrinking' | 'insufficient';

export interface MemoryTrend {
  readonly verdict: TrendVerdict;
  /** Fitted slope, value units (bytes) per hour; 0 without a fit. */
  readonly slopePerHour: number;
  /** Slope relative to the fitted level at the segment's start, % per hour; 0 without a fit or when that level is ≤ 0. */
  readonly percentPerHour: number;
  /** R² of the robust fit (can be < 0); 0 when undefined (constant values, no fit). */
  readonly r2: number;
  /** Spearman ρ of time against value; 0 when undefined (constant values, < 2 samples). */
  readonly spearman: number;
  /** Samples in the analysed (latest) segment. */
  readonly samples: number;
  /** Time from the segment's first to its last sample, seconds. */
  readonly spanSeconds: number;
  /** Seconds until the fitted line reaches `memoryLimitBytes` ('growing' with a limit only). */
  readonly projectedLimitInSeconds?: number;
  /** The fit (slope per ms), for drawing it; absent when fewer than two distinct times. */
  readonly fit?: LineFit;
  /** Unix ms of the analysed segment's first sample. */
  readonly segmentStart?: number;
  /** Segments found (1 when no restart or sharp drop). */
  readonly segments: number;
}

/** The trend of `points` (memory in bytes over Unix ms); see the module comment. */
export function memoryTrend(points: readonly Sample[], options: MemoryTrendOptions = {}): MemoryTrend {
  const d = MEMORY_TREND_DEFAULTS;
  const dropFraction = options.dropFraction ?? d.dropFraction;
  const segments = splitAtRestarts(finiteSorted(points), options.restartTimes ?? [], { dropFraction });
  const segment = segments[segments.length - 1] ?? [];
  const first = segment[0];
  const last = segment[segment.length - 1];
  const samples = segment.length;
  const spanSeconds = first !== undefined && last !== undefined ? (last.t - first.t) / 1000 : 0;
  const base = { samples, spanSeconds, segments: segments.length, ...(first ? { segmentStart: first.t } : {}) };
  const fit = samples >= 2 ? theilSen(segment, options.maxPairs === undefined ? {} : { maxPairs: options.maxPairs }) : undefined;
  if (fit === undefined || first === undefined || last === undefined) {
    return { verdict: 'insufficient', slopePerHour: 0, percentPerHour: 0, r2: 0, spearman: 0, ...base };
  }
  const slopePerHour = fit.slope * MS_PER_HOUR;
  const startLevel = predict(fit, first.t);
  const percentPerHour = startLevel > 0 ? (slopePerHour / startLevel) * 100 : 0;
  const r2 = rSquared(segment, fit) ?? 0;
  const rho = spearman(segment) ?? 0;
  const figures = { slopePerHour, percentPerHour, r2, spearman: rho, fit, ...base };

  if (samples < (options.minSamples ?? d.minSamples) || spanSeconds < (options.minSpanSeconds ?? d.minSpanSeconds)) {
    return { verdict: 'insufficient', ...figures };
  }
  const direction = Math.sign(slopePerHour);
  const goodFit = r2 >= (options.minR2 ?? d.minR2) || rho * direction >= (options.minSpearman ?? d.minSpearman);
  const large = direction !== 0 && Math.abs(slopePerHour) >= (options.minSlopePerHour ?? d.minSlopePerHour);
  if (!goodFit || !large) return { verdict: 'flat', ...figures };
  if (direction < 0) return { verdict: 'shrinking', ...figures };

  const limit = options.memoryLimitBytes;
  if (limit === undefined || !Number.isFinite(limit)) return { verdict: 'growing', ...figures };
  const level = predict(fit, options.now ?? last.t);
  const projectedLimitInSeconds = level >= limit ? 0 : (limit - level) / fit.slope / 1000;
  return { verdict: 'growing', ...figures, projectedLimitInSeconds };
}

/** Finite points sorted by time (the input itself when it already is). */
function finiteSorted(points: readonly Sample[]): readonly Sample[] {
  let ok = true;
  let previous = Number.NEGATIVE_INFINITY;
  for (const p of points) {
    if (!Number.isFinite(p.t) || !Number.isFinite(p.v) || p.t < previous) {
      ok = false;
      break;
    }
    previous = p.t;
  }
  if (ok) return points;
  return points.filter((p) => Number.isFinite(p.t) && Number.isFinite(p.v)).sort((a, b) => a.t - b.t);
}

