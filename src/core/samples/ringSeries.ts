/**
 * A fixed-capacity ring buffer of (time, value) samples for a monitor that runs for days
 * inside the extension host, whose memory must stay flat.
 *
 * - Memory: two Float64Arrays (Unix ms times, values), 16 B per sample. They start small
 *   (at most 1,024 samples) and double as samples arrive, up to the capacity, so a series that
 *   is written rarely costs little; once at capacity they never grow again and `append`
 *   overwrites the oldest sample without allocating. `maxBytes` is the bound.
 * - The default capacity, 86,400, holds 24 h at one sample per second (1.38 MB per series).
 * - Order: times must not decrease (equal times are kept). A sample older than the latest
 *   one is dropped and counted in `droppedOutOfOrder`, as Prometheus' TSDB rejects
 *   out-of-order samples.
 * - Values are finite numbers. "No data" is no sample, never a NaN: a sample whose time or
 *   value is NaN or ±Infinity is dropped and counted in `droppedNonFinite`.
 * - Ranges are inclusive at both ends, as in a Prometheus range query.
 */
import type { Sample, SeriesReader, SeriesSlice } from './model';

/** 24 h at one sample per second. */
export const DEFAULT_SERIES_CAPACITY = 86_400;

/** Samples allocated when a series is created (it doubles from there up to its capacity). */
const INITIAL_ALLOCATION = 1024;

/** Bytes one sample of capacity costs: a Float64 time plus a Float64 value. */
export const BYTES_PER_SAMPLE = 16;

export class RingSeries implements SeriesReader {
  private _times: Float64Array;
  private _values: Float64Array;
  private readonly _capacity: number;
  /** Physical index of the oldest sample. */
  private _head = 0;
  private _count = 0;
  private _lastTime = Number.NEGATIVE_INFINITY;
  private _droppedOutOfOrder = 0;
  private _droppedNonFinite = 0;

  /** @param capacity samples it holds, an integer ≥ 1 (default 86,400: 24 h at 1 s). */
  constructor(capacity: number = DEFAULT_SERIES_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`RingSeries capacity must be an integer ≥ 1, got ${capacity}`);
    }
    this._capacity = capacity;
    const initial = Math.min(capacity, INITIAL_ALLOCATION);
    this._times = new Float64Array(initial);
    this._values = new Float64Array(initial);
  }

  get size(): number {
    return this._count;
  }

  get capacity(): number {
    return this._capacity;
  }

  /** Bytes allocated now (grows by doubling up to `maxBytes`). */
  get bytes(): number {
    return this._times.byteLength + this._values.byteLength;
  }

  /** Bytes at capacity: the series never holds more. */
  get maxBytes(): number {
    return this._capacity * BYTES_PER_SAMPLE;
  }

  get droppedOutOfOrder(): number {
    return this._droppedOutOfOrder;
  }

  get droppedNonFinite(): number {
    return this._droppedNonFinite;
  }

  /**
   * Adds a sample in O(1) without allocating; when full, the oldest sample is overwritten.
   * Returns false (and counts it) when the sample is dropped: a non-finite time or value, or
   * a time before the latest sample's.
   */
  append(t: number, v: number): boolean {
    if (!Number.isFinite(t) || !Number.isFinite(v)) {
      this._droppedNonFinite++;
      return false;
    }
    if (t < this._lastTime) {
      this._droppedOutOfOrder++;
      return false;
    }
    if (this._count === this._times.length && this._count < this._capacity) this.grow();
    const capacity = this._times.length;
    let slot = this._head + this._count;
    if (slot >= capacity) slot -= capacity;
    this._times[slot] = t;
    this._values[slot] = v;
    if (this._count < capacity) {
      this._count++;
    } else {
      // Full: `slot` was the oldest sample's; the next one is now the oldest.
      this._head = this._head + 1 === capacity ? 0 : this._head + 1;
    }
    this._lastTime = t;
    return true;
  }

  timeAt(i: number): number {
    return this._times[this.physical(i)] ?? Number.NaN;
  }

  valueAt(i: number): number {
    return this._values[this.physical(i)] ?? Number.NaN;
  }

  at(i: number): Sample | undefined {
    const index = i < 0 ? this._count + i : i;
    if (!Number.isInteger(index) || index < 0 || index >= this._count) return undefined;
    return { t: this.timeAt(index), v: this.valueAt(index) };
  }

  latest(): Sample | undefined {
    return this.at(-1);
  }

  lowerBound(ms: number): number {
    let lo = 0;
    let hi = this._count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.timeAt(mid) < ms) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  upperBound(ms: number): number {
    let lo = 0;
    let hi = this._count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.timeAt(mid) <= ms) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  range(fromMs: number, toMs: number): SeriesSlice {
    const start = this.lowerBound(fromMs);
    const end = Math.max(start, this.upperBound(toMs));
    return { times: this.copy(this._times, start, end), values: this.copy(this._values, start, end) };
  }

  valuesSince(ms: number): Float64Array {
    return this.copy(this._values, this.lowerBound(ms), this._count);
  }

  forEachInRange(fromMs: number, toMs: number, fn: (t: number, v: number) => void): void {
    const end = this.upperBound(toMs);
    for (let i = this.lowerBound(fromMs); i < end; i++) fn(this.timeAt(i), this.valueAt(i));
  }

  points(fromMs: number, toMs: number): Sample[] {
    const out: Sample[] = [];
    this.forEachInRange(fromMs, toMs, (t, v) => out.push({ t, v }));
    return out;
  }

  /** Forgets every sample (and the order check); the memory stays allocated. Counters are kept. */
  clear(): void {
    this._head = 0;
    this._count = 0;
    this._lastTime = Number.NEGATIVE_INFINITY;
  }

  /** Doubles the arrays (up to the capacity). Only called before the first wrap, so the head is 0. */
  private grow(): void {
    const size = Math.min(this._capacity, this._times.length * 2);
    const times = new Float64Array(size);
    const values = new Float64Array(size);
    times.set(this._times);
    values.set(this._values);
    this._times = times;
    this._values = values;
  }

  private physical(i: number): number {
    // `i >= 0 && i < count` is false for NaN; `Math.floor(i) !== i` catches fractions.
    if (!(i >= 0 && i < this._count) || Math.floor(i) !== i) {
      throw new RangeError(`index ${i} outside [0, ${this._count})`);
    }
    const p = this._head + i;
    return p >= this._times.length ? p - this._times.length : p;
  }

  /** Logical [start, end) of `source` into a new array: at most two block copies. */
  private copy(source: Float64Array, start: number, end: number): Float64Array {
    const out = new Float64Array(Math.max(0, end - start));
    if (out.length === 0) return out;
    const capacity = source.length;
    const first = this._head + start >= capacity ? this._head + start - capacity : this._head + start;
    const firstRun = Math.min(out.length, capacity - first);
    out.set(source.subarray(first, first + firstRun), 0);
    if (firstRun < out.length) out.set(source.subarray(0, out.length - firstRun), firstRun);
    return out;
  }
}
