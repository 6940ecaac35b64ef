/**
 * Keyed ring series ("staging/memory_usage/web-1") with a hard memory bound:
 * `maxSeries × capacity × 16 B` (64 × 86,400 × 16 B ≈ 88.5 MB at the defaults; six series
 * for one environment take 8.3 MB).
 *
 * - A series is created on the first accepted sample for its key, with the store's capacity,
 *   and keeps its memory until it is deleted or evicted.
 * - When a sample arrives for a new key and the store already holds `maxSeries` series, the
 *   least recently written series is evicted (dropped, then reported through `onEvict` and
 *   counted in `evictions`). Live data wins over stale data: a monitor whose targets changed
 *   keeps recording the new ones. "Written" means an accepted sample, counted by a sequence
 *   number, not by the clock, so eviction does not depend on sample times.
 * - A sample that would be dropped anyway (non-finite time or value) creates nothing.
 * - A reader obtained from `get` stays valid until its key is deleted or evicted; it is not
 *   reused for another key.
 */
import type { SeriesReader } from './model';
import { BYTES_PER_SAMPLE, DEFAULT_SERIES_CAPACITY, RingSeries } from './ringSeries';

export const DEFAULT_MAX_SERIES = 64;

export interface SeriesStoreOptions {
  /** Samples per series (default 86,400: 24 h at 1 s). */
  readonly capacity?: number;
  /** Series held at once (default 64); one more evicts the least recently written. */
  readonly maxSeries?: number;
  /** Told about each eviction, after the series is gone from the store. */
  readonly onEvict?: (key: string, series: SeriesReader) => void;
}

interface Entry {
  readonly series: RingSeries;
  lastWrite: number;
}

export class SeriesStore {
  readonly capacity: number;
  readonly maxSeries: number;
  private readonly _entries = new Map<string, Entry>();
  private readonly _onEvict: ((key: string, series: SeriesReader) => void) | undefined;
  private _writes = 0;
  private _evictions = 0;

  constructor(options: SeriesStoreOptions = {}) {
    this.capacity = options.capacity ?? DEFAULT_SERIES_CAPACITY;
    this.maxSeries = options.maxSeries ?? DEFAULT_MAX_SERIES;
    if (!Number.isInteger(this.capacity) || this.capacity < 1) {
      throw new RangeError(`SeriesStore capacity must be an integer ≥ 1, got ${this.capacity}`);
    }
    if (!Number.isInteger(this.maxSeries) || this.maxSeries < 1) {
      throw new RangeError(`SeriesStore maxSeries must be an integer ≥ 1, got ${this.maxSeries}`);
    }
    this._onEvict = options.onEvict;
  }

  /** Series held now. */
  get size(): number {
    return this._entries.size;
  }

  /** Series evicted so far to make room for new keys. */
  get evictions(): number {
    return this._evictions;
  }

  /**
   * Appends a sample to `key`'s series, creating it (and evicting the least recently written
   * series when full) on its first valid sample. Returns whether the sample was kept; see
   * `RingSeries.append` for what is dropped.
   */
  append(key: string, t: number, v: number): boolean {
    let entry = this._entries.get(key);
    if (entry === undefined) {
      if (!Number.isFinite(t) || !Number.isFinite(v)) return false;
      if (this._entries.size >= this.maxSeries) this.evictLeastRecentlyWritten();
      entry = { series: new RingSeries(this.capacity), lastWrite: 0 };
      this._entries.set(key, entry);
    }
    if (!entry.series.append(t, v)) return false;
    entry.lastWrite = ++this._writes;
    return true;
  }

  get(key: string): SeriesReader | undefined {
    return this._entries.get(key)?.series;
  }

  has(key: string): boolean {
    return this._entries.has(key);
  }

  /** Keys in creation order. */
  keys(): string[] {
    return [...this._entries.keys()];
  }

  /** Drops `key`'s series and its memory; false when there was none. */
  delete(key: string): boolean {
    return this._entries.delete(key);
  }

  /** Drops every series. */
  clear(): void {
    this._entries.clear();
  }

  /** Memory the series hold now (their typed arrays, which grow up to their capacity). */
  totalBytes(): number {
    let total = 0;
    for (const entry of this._entries.values()) total += entry.series.bytes;
    return total;
  }

  /** The most `totalBytes()` can ever be: maxSeries × capacity × 16 B. */
  maxBytes(): number {
    return this.maxSeries * this.capacity * BYTES_PER_SAMPLE;
  }

  private evictLeastRecentlyWritten(): void {
    let victim: string | undefined;
    let oldest = Number.POSITIVE_INFINITY;
    for (const [key, entry] of this._entries) {
      if (entry.lastWrite < oldest) {
        oldest = entry.lastWrite;
        victim = key;
      }
    }
    if (victim === undefined) return;
    const entry = this._entries.get(victim);
    this._entries.delete(victim);
    this._evictions++;
    if (entry !== undefined) this._onEvict?.(victim, entry.series);
  }
}
