/**
 * One chart's data in the shape uPlot's `setData` takes: a shared x array (Unix **seconds**,
 * increasing, unique) and one y array per series aligned with it.
 *
 * - Several series on one chart (memory per container) are aligned on the merged x: a series
 *   with no sample at some x holds `undefined` there, which uPlot skips and draws across.
 * - A real gap (two samples of one series further apart than `gapSeconds`, e.g. while a source
 *   was down) holds `null` between them, which uPlot draws as a break. Every x entry between
 *   the two is nulled (uPlot clips a gap from the x before the null run to the x after it), and
 *   an x entry is inserted at the midpoint when there is none.
 * - Display resolution (`bucketSeconds` > 0, what the dashboard uses): samples are bucketed on a
 *   fixed grid (bucket b covers [b·s, (b+1)·s)), and each bucket is two x entries, b·s and
 *   b·s + s/2, holding the bucket's min and max in the order they occurred: the envelope a
 *   chart shows, so a one-second spike survives, with at most two points per bucket whatever
 *   the sample rate. With the window split into ~1,000 buckets, a day of 1 s samples is 2,000
 *   points per series, and a live update costs a bucket update instead of an 86,400-point
 *   redraw (the idea of Grafana's maxDataPoints and of the host's `downsample`). All series of
 *   a chart share the grid, so they align without holes. `bucketSeconds` 0 keeps every sample
 *   at its own time.
 * - Values are stored in display units (`scale` converts from the wire unit).
 * - Bounded: `trimBefore` slides the window (keeping one entry before its start so lines enter
 *   from the edge), and `maxPoints` caps the x entries whatever the clock does.
 * - The arrays are live: `data()` hands them to uPlot without copying, so call `setData` after
 *   every change. A series without gaps or alignment holes stays a packed array of doubles.
 */
import type { Point } from '../../../src/shared/dashboardProtocol';
import type { Bucket, ChartColumns, RecentSample, SeriesColumns, YColumn } from './columns';
import { appendAll, lowerBound, mergeColumns, recentSamples, shapeColumn, sortedColumns, upperBound } from './columns';

export interface AlignedChartOptions {
  /** Display value = wire value × scale (see units.ts). Default 1. */
  readonly scale?: number;
  /** Samples of one series further apart than this (seconds) are drawn with a break. Default: never. */
  readonly gapSeconds?: number;
  /** Bucket width in seconds (see the module comment); 0 (default) keeps every sample. */
  readonly bucketSeconds?: number;
  /** Most x entries kept; the oldest go beyond that. Default 200,000. */
  readonly maxPoints?: number;
  /** Latest raw samples kept per series for the values table. Default 10. */
  readonly recent?: number;
}

export const DEFAULT_MAX_POINTS = 200_000;

export class AlignedChartData {
  readonly x: number[] = [];
  private readonly _ys: YColumn[] = [];
  private readonly _keys: string[] = [];
  private readonly _index = new Map<string, number>();
  /** Per series: time (s) of its latest sample, −∞ before the first. */
  private readonly _lastT: number[] = [];
  private readonly _buckets: (Bucket | undefined)[] = [];
  private readonly _recent: RecentSample[][] = [];
  private readonly _scale: number;
  private readonly _gap: number;
  private readonly _step: number;
  private readonly _maxPoints: number;
  private readonly _recentCount: number;
  private _dropped = 0;

  constructor(options: AlignedChartOptions = {}) {
    this._scale = options.scale ?? 1;
    this._step = options.bucketSeconds !== undefined && options.bucketSeconds > 0 ? options.bucketSeconds : 0;
    const gap = options.gapSeconds !== undefined && options.gapSeconds > 0 ? options.gapSeconds : Number.POSITIVE_INFINITY;
    // A break narrower than two buckets cannot be drawn on the bucket grid.
    this._gap = Math.max(gap, 2 * this._step);
    this._maxPoints = Math.max(2, Math.floor(options.maxPoints ?? DEFAULT_MAX_POINTS));
    this._recentCount = Math.max(1, Math.floor(options.recent ?? 10));
  }

  /** Series keys in column order (column j + 1 of `data()`). */
  get keys(): readonly string[] {
    return this._keys;
  }

  get ys(): readonly YColumn[] {
    return this._ys;
  }

  get length(): number {
    return this.x.length;
  }

  get bucketSeconds(): number {
    return this._step;
  }

  /** Samples refused so far: non-finite time or value. */
  get dropped(): number {
    return this._dropped;
  }

  /** `[x, ...ys]` for uPlot: the live arrays, not copies. */
  data(): ChartColumns {
    return [this.x, ...this._ys];
  }

  indexOf(key: string): number | undefined {
    return this._index.get(key);
  }

  /** The latest raw samples of series `j` (display unit), oldest first. */
  recent(j: number): readonly RecentSample[] {
    return this._recent[j] ?? [];
  }

  /** The latest raw sample of series `j` (display unit, time in s), or undefined. */
  latest(j: number): RecentSample | undefined {
    const r = this._recent[j];
    return r === undefined ? undefined : r[r.length - 1];
  }

  /** Adds an empty series column (all `undefined`) unless `key` has one; returns its index. */
  addSeries(key: string): number {
    const known = this._index.get(key);
    if (known !== undefined) return known;
    const j = this._keys.length;
    this._keys.push(key);
    this._index.set(key, j);
    this._ys.push(new Array<number | null | undefined>(this.x.length).fill(undefined));
    this._lastT.push(Number.NEGATIVE_INFINITY);
    this._buckets.push(undefined);
    this._recent.push([]);
    return j;
  }

  /**
   * Replaces everything with these histories (Unix ms, wire unit). Each series is shaped in one
   * pass (`shapeColumn`: bucketed, gaps marked), then the series are merged on their x values.
   */
  load(series: readonly SeriesColumns[]): void {
    this.x.length = 0;
    this._ys.length = 0;
    this._keys.length = 0;
    this._index.clear();
    this._lastT.length = 0;
    this._buckets.length = 0;
    this._recent.length = 0;
    const options = { scale: this._scale, gapSeconds: this._gap, bucketSeconds: this._step };
    const shaped = series.map((s) => {
      const j = this.addSeries(s.key);
      const { times, values } = sortedColumns(s.times, s.values);
      this._recent[j] = recentSamples(times, values, this._recentCount, this._scale);
      const column = shapeColumn(times, values, options);
      this._buckets[j] = column.open;
      this._lastT[j] = column.last;
      this._dropped += column.dropped;
      return column;
    });
    const merged = mergeColumns(shaped);
    this.x.length = 0;
    if (merged.x.length > 0) {
      // Large arrays: copy in chunks (spread of 100k+ arguments overflows the stack).
      appendAll(this.x, merged.x);
      merged.ys.forEach((y, j) => {
        this._ys[j] = y;
      });
    }
    this.cap();
  }

  /** Merges new samples (Unix ms, wire unit) per series key; unknown keys get a column. Returns samples accepted. */
  append(points: Readonly<Record<string, readonly Point[]>>): number {
    const entries = Object.entries(points);
    let accepted = 0;
    if (entries.length === 1) {
      const [key, list] = entries[0] ?? ['', []];
      const j = this.addSeries(key);
      for (const [t, v] of list) accepted += this.put(j, t, v) ? 1 : 0;
    } else {
      const all: { j: number; t: number; v: number }[] = [];
      for (const [key, list] of entries) {
        const j = this.addSeries(key);
        for (const [t, v] of list) all.push({ j, t, v });
      }
      all.sort((a, b) => a.t - b.t);
      for (const p of all) accepted += this.put(p.j, p.t, p.v) ? 1 : 0;
    }
    this.cap();
    return accepted;
  }

  /**
   * Slides the window: drops the x entries before `fromSeconds` except the last of them (so
   * lines enter from the left edge). Returns the entries dropped.
   */
  trimBefore(fromSeconds: number): number {
    const k = lowerBound(this.x, fromSeconds) - 1;
    if (k <= 0) return 0;
    this.dropFront(k);
    return k;
  }

  /** Adds one sample (t in ms, v in wire unit); false when refused (non-finite). */
  private put(j: number, tMs: number, wire: number): boolean {
    if (!Number.isFinite(tMs) || !Number.isFinite(wire)) {
      this._dropped++;
      return false;
    }
    const t = tMs / 1000;
    const v = wire * this._scale;
    this.remember(j, t, v);
    if (this._step > 0) this.putBucketed(j, t, v);
    else this.putRaw(j, t, v);
    if (t > (this._lastT[j] ?? Number.NEGATIVE_INFINITY)) this._lastT[j] = t;
    return true;
  }

  private putRaw(j: number, t: number, v: number): void {
    const last = this._lastT[j] ?? Number.NEGATIVE_INFINITY;
    if (last !== Number.NEGATIVE_INFINITY && t - last > this._gap) this.markGap(j, last, t);
    const i = this.slot(t, j, v);
    const y = this._ys[j];
    if (y !== undefined) y[i] = v;
  }

  private putBucketed(j: number, t: number, v: number): void {
    const s = this._step;
    const b = Math.floor(t / s);
    const open = this._buckets[j];
    if (open !== undefined && b === open.b) {
      if (v < open.min) {
        open.min = v;
        open.minT = t;
      }
      if (v > open.max) {
        open.max = v;
        open.maxT = t;
      }
      this.writeBucket(j, open);
      return;
    }
    if (open !== undefined && b < open.b) {
      // Older than the open bucket (rare: a late sample): widen that bucket's pair if it is still held.
      const i = lowerBound(this.x, b * s);
      const y = this._ys[j];
      if (y === undefined || this.x[i] !== b * s) return;
      const a = y[i];
      const c = y[i + 1];
      if (typeof a === 'number' && typeof c === 'number') {
        if (v < Math.min(a, c)) y[a <= c ? i : i + 1] = v;
        else if (v > Math.max(a, c)) y[a > c ? i : i + 1] = v;
      }
      return;
    }
    const last = this._lastT[j] ?? Number.NEGATIVE_INFINITY;
    if (open !== undefined && last !== Number.NEGATIVE_INFINITY && t - last > this._gap) this.markGap(j, open.b * s + s / 2, b * s);
    const bucket: Bucket = { b, min: v, minT: t, max: v, maxT: t };
    this._buckets[j] = bucket;
    this.slot(b * s, j, v);
    this.slot(b * s + s / 2, j, v);
  }

  /** Writes the open bucket's min and max, in the order they occurred, into its two x entries. */
  private writeBucket(j: number, bucket: Bucket): void {
    const x0 = bucket.b * this._step;
    const n = this.x.length;
    const i = this.x[n - 2] === x0 ? n - 2 : lowerBound(this.x, x0);
    const y = this._ys[j];
    if (y === undefined || this.x[i] !== x0) return;
    const minFirst = bucket.minT <= bucket.maxT;
    y[i] = minFirst ? bucket.min : bucket.max;
    y[i + 1] = minFirst ? bucket.max : bucket.min;
  }

  /**
   * The index of x entry `t`, created when missing: pushed at the end (series `j` gets `v`,
   * the others `undefined`, so a lone series stays a packed double array) or spliced in.
   */
  private slot(t: number, j: number, v: number): number {
    const n = this.x.length;
    const xLast = this.x[n - 1];
    if (xLast === undefined || t > xLast) {
      this.x.push(t);
      for (let k = 0; k < this._ys.length; k++) this._ys[k]?.push(k === j ? v : undefined);
      return n;
    }
    const i = xLast === t ? n - 1 : lowerBound(this.x, t);
    if (this.x[i] !== t) {
      this.x.splice(i, 0, t);
      for (const y of this._ys) y.splice(i, 0, undefined);
    }
    const y = this._ys[j];
    if (y !== undefined) y[i] = v;
    return i;
  }

  /** Nulls series `j` strictly between `from` and `to` (seconds), inserting a midpoint x when nothing is there. */
  private markGap(j: number, from: number, to: number): void {
    const start = upperBound(this.x, from);
    const end = lowerBound(this.x, to);
    const y = this._ys[j];
    if (y === undefined || to <= from) return;
    if (start >= end) {
      const i = this.slot((from + to) / 2, j, 0);
      y[i] = null;
      return;
    }
    for (let i = start; i < end; i++) if (y[i] === undefined) y[i] = null;
  }

  private remember(j: number, t: number, v: number): void {
    const r = this._recent[j];
    if (r === undefined) return;
    const last = r[r.length - 1];
    if (last !== undefined && t < last.t) return;
    if (last !== undefined && t === last.t) r[r.length - 1] = { t, v };
    else r.push({ t, v });
    if (r.length > this._recentCount) r.shift();
  }

  private cap(): void {
    const excess = this.x.length - this._maxPoints;
    if (excess > 0) this.dropFront(excess);
  }

  private dropFront(count: number): void {
    this.x.splice(0, count);
    for (const y of this._ys) y.splice(0, count);
  }
}
