/**
 * Window statistics over one series, for alert evaluation. No sample in the window is
 * **no data** (undefined / 'no-data'), never zero: Prometheus' rule for empty results.
 */
import type { SeriesReader } from './model';

export interface WindowAggregate {
  /** Samples in the window (≥ 1). */
  readonly count: number;
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  /** Value of the oldest sample in the window. */
  readonly first: number;
  /** Value of the latest sample in the window. */
  readonly last: number;
  /** Time (Unix ms) of the oldest sample in the window. */
  readonly firstTime: number;
  /** Time (Unix ms) of the latest sample in the window. */
  readonly lastTime: number;
}

/** Statistics of the samples with `fromMs ≤ t ≤ toMs`; undefined when there is none (no data). O(log n + samples in window), no allocation per sample. */
export function aggregate(series: SeriesReader, fromMs: number, toMs: number): WindowAggregate | undefined {
  const start = series.lowerBound(fromMs);
  const end = series.upperBound(toMs);
  if (end <= start) return undefined;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let sum = 0;
  for (let i = start; i < end; i++) {
    const v = series.valueAt(i);
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  const count = end - start;
  return {
    count,
    min,
    max,
    mean: sum / count,
    first: series.valueAt(start),
    last: series.valueAt(end - 1),
    firstTime: series.timeAt(start),
    lastTime: series.timeAt(end - 1),
  };
}

/** 'held': `predicate` is true at every sample of the window; 'broken': false at one at least; 'no-data': no sample. */
export type HeldVerdict = 'held' | 'broken' | 'no-data';

/**
 * Whether `predicate` held at every sample with `fromMs ≤ t ≤ toMs`: the sample-level form
 * of a Prometheus `for:` clause (one miss breaks it). Stops at the first miss.
 */
export function heldAtEverySample(
  series: SeriesReader,
  fromMs: number,
  toMs: number,
  predicate: (v: number, t: number) => boolean,
): HeldVerdict {
  const start = series.lowerBound(fromMs);
  const end = series.upperBound(toMs);
  if (end <= start) return 'no-data';
  for (let i = start; i < end; i++) {
    if (!predicate(series.valueAt(i), series.timeAt(i))) return 'broken';
  }
  return 'held';
}
