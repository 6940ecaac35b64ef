/**
 * PromQL's `histogram_quantile(q, buckets)` for classic histograms, ported from Prometheus'
 * BucketQuantile (promql/quantile.go):
 * - buckets are sorted by upper bound; buckets with the same bound are merged (counts added);
 * - the highest bucket must be `+Inf`, else there is no result;
 * - counts that differ from the previous bucket's by a relative 1e-12 or less are set to it
 *   (floating-point noise), then any decrease is removed by carrying the previous count
 *   forward (the "monotonic envelope");
 * - the rank is q × the `+Inf` count; the first bucket whose count reaches it holds the result,
 *   interpolated linearly inside the bucket;
 * - the lowest bucket interpolates from 0 when its upper bound is positive, and returns its
 *   upper bound when that is ≤ 0; a rank in the `+Inf` bucket returns the second-highest
 *   upper bound.
 * Where Prometheus returns NaN (no `+Inf` bucket, fewer than two buckets, no observations,
 * q NaN, or an interpolation of 0/0 such as q = 0 in an empty lowest bucket) this returns
 * undefined: no data. Empty `buckets` give undefined too. q < 0 gives -Infinity and q > 1 +Infinity, as there.
 */

/** A cumulative bucket: how many observations were ≤ `le`. */
export interface QuantileBucket {
  readonly le: number;
  readonly count: number;
}

/** Prometheus' smallDeltaTolerance. */
const SMALL_DELTA_TOLERANCE = 1e-12;
/** Go's smallest normal float64, as util/almost uses it. */
const MIN_NORMAL = 2.2250738585072014e-308;

/** The q-quantile of the observations the buckets count, or undefined when there is none. */
export function histogramQuantile(q: number, buckets: readonly QuantileBucket[]): number | undefined {
  if (Number.isNaN(q)) return undefined;
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  const sorted = buckets.filter((bucket) => !Number.isNaN(bucket.le)).map((bucket) => ({ le: bucket.le, count: bucket.count }));
  sorted.sort((a, b) => (a.le < b.le ? -1 : a.le > b.le ? 1 : 0));
  if (sorted.at(-1)?.le !== Infinity) return undefined;

  const merged = coalesce(sorted);
  ensureMonotonicIgnoringSmallDeltas(merged);
  if (merged.length < 2) return undefined;
  const observations = merged[merged.length - 1]?.count ?? 0;
  if (observations === 0) return undefined;

  let rank = q * observations;
  const b = firstReaching(merged, rank);
  if (b === merged.length - 1) return merged[merged.length - 2]?.le;
  const bucket = merged[b];
  if (bucket === undefined) return undefined;
  if (b === 0 && bucket.le <= 0) return bucket.le;
  let start = 0;
  let count = bucket.count;
  const below = merged[b - 1];
  if (below !== undefined) {
    start = below.le;
    count -= below.count;
    rank -= below.count;
  }
  const result = start + (bucket.le - start) * (rank / count);
  return Number.isNaN(result) ? undefined : result;
}

/** Merges buckets with the same upper bound (input sorted), adding their counts. */
function coalesce(sorted: Array<{ le: number; count: number }>): Array<{ le: number; count: number }> {
  const merged: Array<{ le: number; count: number }> = [];
  for (const bucket of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && last.le === bucket.le) last.count += bucket.count;
    else merged.push({ ...bucket });
  }
  return merged;
}

/** Prometheus' ensureMonotonicAndIgnoreSmallDeltas, in place. */
function ensureMonotonicIgnoringSmallDeltas(buckets: Array<{ le: number; count: number }>): void {
  let previous = buckets[0]?.count ?? 0;
  for (let i = 1; i < buckets.length; i++) {
    const bucket = buckets[i];
    if (bucket === undefined) continue;
    const current = bucket.count;
    if (current === previous) continue;
    if (almostEqual(previous, current, SMALL_DELTA_TOLERANCE) || current < previous) {
      bucket.count = previous;
      continue;
    }
    previous = current;
  }
}

/** Prometheus' util/almost.Equal: relative comparison, NaN equal to NaN. */
function almostEqual(a: number, b: number, epsilon: number): boolean {
  if (Number.isNaN(a) && Number.isNaN(b)) return true;
  if (a === b) return true;
  const absSum = Math.abs(a) + Math.abs(b);
  const diff = Math.abs(a - b);
  if (a === 0 || b === 0 || absSum < MIN_NORMAL) return diff < epsilon * MIN_NORMAL;
  return diff / Math.min(absSum, Number.MAX_VALUE) < epsilon;
}

/**
 * The first index among all but the last bucket whose count is ≥ rank, or the last index
 * when none is (Go's sort.Search over len-1 elements: a binary search, counts now monotonic).
 */
function firstReaching(buckets: ReadonlyArray<{ count: number }>, rank: number): number {
  let low = 0;
  let high = buckets.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((buckets[middle]?.count ?? 0) >= rank) high = middle;
    else low = middle + 1;
  }
  return low;
}
