/**
 * Min/max/avg downsampling for charts of long windows: 24 h at 1 s (86,400 samples) becomes
 * at most `maxPoints` buckets, and each bucket keeps its min and max so a one-second spike
 * still shows (the envelope a min/max band chart draws; the idea of Grafana's and
 * Prometheus' `min_over_time`/`max_over_time` per step).
 *
 * Buckets are fixed time steps aligned to `fromMs`: bucket k covers
 * [fromMs + k·stepMs, fromMs + (k+1)·stepMs), with `stepMs = ceil((toMs − fromMs + 1) / maxPoints)`
 * (whole milliseconds, at least 1). Several series downsampled with the same `fromMs`,
 * `toMs` and `maxPoints` therefore share bucket times, which is what uPlot's shared x axis
 * needs. A bucket with no sample is left out (no data is not zero); a chart that needs a
 * dense grid places the buckets by `times[i]`.
 */
import type { SeriesReader } from './model';

export interface DownsampledSeries {
  /** Bucket width in ms. */
  readonly stepMs: number;
  /** Non-empty buckets, ≤ maxPoints; the arrays below have this length. */
  readonly length: number;
  /** Bucket start times (Unix ms), increasing. */
  readonly times: Float64Array;
  /** Samples in each bucket (≥ 1). */
  readonly counts: Uint32Array;
  readonly min: Float64Array;
  readonly max: Float64Array;
  /** Arithmetic mean of the bucket's samples. */
  readonly avg: Float64Array;
  /** The bucket's oldest sample's value. */
  readonly first: Float64Array;
  /** The bucket's latest sample's value. */
  readonly last: Float64Array;
}

/**
 * Downsamples the samples with `fromMs ≤ t ≤ toMs` into at most `maxPoints` time buckets (see
 * the module comment). O(log n) to find the range plus O(samples in range); allocates seven
 * arrays of min(maxPoints, samples in range) entries, nothing per sample.
 */
export function downsample(series: SeriesReader, fromMs: number, toMs: number, maxPoints: number): DownsampledSeries {
  if (!Number.isInteger(maxPoints) || maxPoints < 1) {
    throw new RangeError(`maxPoints must be an integer ≥ 1, got ${maxPoints}`);
  }
  const start = series.lowerBound(fromMs);
  const end = toMs >= fromMs ? Math.max(start, series.upperBound(toMs)) : start;
  const stepMs = toMs >= fromMs ? Math.max(1, Math.ceil((toMs - fromMs + 1) / maxPoints)) : 1;
  const slots = Math.min(maxPoints, end - start);
  const times = new Float64Array(slots);
  const counts = new Uint32Array(slots);
  const min = new Float64Array(slots);
  const max = new Float64Array(slots);
  const avg = new Float64Array(slots);
  const first = new Float64Array(slots);
  const last = new Float64Array(slots);

  let n = 0;
  let bucket = -1;
  let count = 0;
  let lo = 0;
  let hi = 0;
  let sum = 0;
  let head = 0;
  let tail = 0;
  const flush = (): void => {
    times[n] = fromMs + bucket * stepMs;
    counts[n] = count;
    min[n] = lo;
    max[n] = hi;
    avg[n] = sum / count;
    first[n] = head;
    last[n] = tail;
    n++;
  };
  for (let i = start; i < end; i++) {
    const v = series.valueAt(i);
    const k = Math.min(maxPoints - 1, Math.floor((series.timeAt(i) - fromMs) / stepMs));
    if (k !== bucket) {
      if (count > 0) flush();
      bucket = k;
      count = 0;
      sum = 0;
      lo = v;
      hi = v;
      head = v;
    }
    count++;
    sum += v;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
    tail = v;
  }
  if (count > 0) flush();

  return {
    stepMs,
    length: n,
    times: times.subarray(0, n),
    counts: counts.subarray(0, n),
    min: min.subarray(0, n),
    max: max.subarray(0, n),
    avg: avg.subarray(0, n),
    first: first.subarray(0, n),
    last: last.subarray(0, n),
  };
}
