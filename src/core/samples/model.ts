/** Shared shapes of the bounded time-series store (see ringSeries.ts for the semantics). */

/** One sample: `t` in Unix milliseconds, `v` a finite number. */
export interface Sample {
  readonly t: number;
  readonly v: number;
}

/** A copy of the samples in a time range, oldest first: `times[i]` goes with `values[i]`. */
export interface SeriesSlice {
  readonly times: Float64Array;
  readonly values: Float64Array;
}

/**
 * The read side of one series (what `SeriesStore.get` hands out). Logical index 0 is the
 * oldest sample held, `size - 1` the latest. Times never decrease along the indices, so time
 * lookups are binary searches.
 */
export interface SeriesReader {
  /** Samples held now (≤ `capacity`). */
  readonly size: number;
  /** Samples it can hold; the oldest is overwritten beyond that. */
  readonly capacity: number;
  /** Its memory now: two Float64Arrays, 16 B per allocated sample; grows by doubling up to 16 B × capacity. */
  readonly bytes: number;
  /** Samples refused because their time was before the latest sample's. */
  readonly droppedOutOfOrder: number;
  /** Samples refused because the time or the value was NaN or ±Infinity. */
  readonly droppedNonFinite: number;
  /** Time (Unix ms) of the sample at logical index `i` (0 = oldest); throws RangeError outside [0, size). */
  timeAt(i: number): number;
  /** Value of the sample at logical index `i` (0 = oldest); throws RangeError outside [0, size). */
  valueAt(i: number): number;
  /** The sample at `i` (negative counts from the end, as `Array.prototype.at`), or undefined. */
  at(i: number): Sample | undefined;
  /** The latest sample, or undefined when empty. */
  latest(): Sample | undefined;
  /** First logical index whose time is ≥ `ms` (`size` when none). */
  lowerBound(ms: number): number;
  /** First logical index whose time is > `ms` (`size` when none). */
  upperBound(ms: number): number;
  /** Copies of the samples with `fromMs ≤ t ≤ toMs` (two allocations, none per sample). */
  range(fromMs: number, toMs: number): SeriesSlice;
  /** A copy of the values with `t ≥ ms`, oldest first. */
  valuesSince(ms: number): Float64Array;
  /** Calls `fn` for each sample with `fromMs ≤ t ≤ toMs`, oldest first, without allocating. */
  forEachInRange(fromMs: number, toMs: number, fn: (t: number, v: number) => void): void;
  /** The samples with `fromMs ≤ t ≤ toMs` as objects (one allocation per sample: for analysis windows, not charts). */
  points(fromMs: number, toMs: number): Sample[];
}
