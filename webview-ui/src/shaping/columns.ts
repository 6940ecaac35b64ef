/**
 * Shaping a series' history for a chart, pure and DOM-free: one pass per series into x/y
 * columns (bucketed to display resolution or kept raw, gaps marked with null), and the merge of
 * several series on one x. `AlignedChartData` (alignedChartData.ts) builds on these and keeps
 * the result live. Times in, Unix ms; times out, Unix seconds (uPlot's unit).
 */

export type YColumn = (number | null | undefined)[];

/** `[x, ...ys]`, uPlot's `AlignedData`. */
export type ChartColumns = [number[], ...YColumn[]];

/** The columnar history of one series, as `SeriesInit` carries it (Unix ms, wire unit). */
export interface SeriesColumns {
  readonly key: string;
  readonly times: ArrayLike<number>;
  readonly values: ArrayLike<number>;
}

/** A raw sample in display units, time in Unix seconds. */
export interface RecentSample {
  readonly t: number;
  readonly v: number;
}

/** First index with `xs[i] >= value` (`xs.length` when none). */
export function lowerBound(xs: readonly number[], value: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((xs[mid] ?? Number.POSITIVE_INFINITY) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index with `xs[i] > value` (`xs.length` when none). */
export function upperBound(xs: readonly number[], value: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((xs[mid] ?? Number.POSITIVE_INFINITY) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The open (latest) bucket of one series. */
export interface Bucket {
  b: number;
  min: number;
  minT: number;
  max: number;
  maxT: number;
}

/** How to shape: display value = wire value × `scale`; `gapSeconds` (already ≥ 2 buckets); `bucketSeconds` 0 keeps every sample. */
export interface ShapeOptions {
  readonly scale: number;
  readonly gapSeconds: number;
  readonly bucketSeconds: number;
}

/** One series shaped: its own x and y columns, its open (last) bucket, its last sample time (s), samples refused. */
export interface ShapedColumn {
  readonly xs: number[];
  readonly ys: (number | null)[];
  readonly open: Bucket | undefined;
  readonly last: number;
  readonly dropped: number;
}

/** One series' history (sorted by time) as x and y columns: bucketed or raw, gaps marked. */
export function shapeColumn(times: ArrayLike<number>, values: ArrayLike<number>, options: ShapeOptions): ShapedColumn {
  return options.bucketSeconds > 0 ? shapeBucketed(times, values, options) : shapeRaw(times, values, options);
}

/**
 * Bucket by bucket: `scanBucket` (a small function, so it is optimised after a few calls
 * instead of waiting for on-stack replacement of one long loop) finds each bucket's extremes.
 * A day of 1 s samples per series arrives in one piece when the window is 24 h.
 */
function shapeBucketed(times: ArrayLike<number>, values: ArrayLike<number>, options: ShapeOptions): ShapedColumn {
  const xs: number[] = [];
  const ys: (number | null)[] = [];
  const s = options.bucketSeconds;
  const half = s / 2;
  const n = Math.min(times.length, values.length);
  let last = Number.NEGATIVE_INFINITY;
  let open: Bucket | undefined;
  let dropped = 0;
  let i = 0;
  while (i < n) {
    const tMs = times[i] ?? Number.NaN;
    const wire = values[i] ?? Number.NaN;
    if (!Number.isFinite(tMs) || !Number.isFinite(wire)) {
      dropped++;
      i++;
      continue;
    }
    const t = tMs / 1000;
    const b = Math.floor(t / s);
    if (open !== undefined) {
      pushPair(xs, ys, open, s);
      if (t - last > options.gapSeconds) {
        xs.push((open.b * s + half + b * s) / 2);
        ys.push(null);
      }
    }
    i = scanBucket(times, values, i + 1, n, b, s, options.scale, wire * options.scale, tMs);
    open = { b, min: SCAN[0] ?? 0, minT: (SCAN[1] ?? 0) / 1000, max: SCAN[2] ?? 0, maxT: (SCAN[3] ?? 0) / 1000 };
    last = (SCAN[4] ?? 0) / 1000;
    dropped += SCAN[5] ?? 0;
  }
  if (open !== undefined) pushPair(xs, ys, open, s);
  return { xs, ys, open, last, dropped };
}

/** Every sample at its own time; a repeated time keeps the later value. */
function shapeRaw(times: ArrayLike<number>, values: ArrayLike<number>, options: ShapeOptions): ShapedColumn {
  const xs: number[] = [];
  const ys: (number | null)[] = [];
  const n = Math.min(times.length, values.length);
  let last = Number.NEGATIVE_INFINITY;
  let dropped = 0;
  for (let i = 0; i < n; i++) {
    const tMs = times[i] ?? Number.NaN;
    const wire = values[i] ?? Number.NaN;
    if (!Number.isFinite(tMs) || !Number.isFinite(wire)) {
      dropped++;
      continue;
    }
    const t = tMs / 1000;
    const v = wire * options.scale;
    if (t === last) {
      ys[ys.length - 1] = v;
      continue;
    }
    if (last !== Number.NEGATIVE_INFINITY && t - last > options.gapSeconds) {
      xs.push((last + t) / 2);
      ys.push(null);
    }
    xs.push(t);
    ys.push(v);
    last = t;
  }
  return { xs, ys, open: undefined, last, dropped };
}

/** The latest `count` finite samples (display unit, time in s), oldest first; equal times keep the later one. */
export function recentSamples(times: ArrayLike<number>, values: ArrayLike<number>, count: number, scale: number): RecentSample[] {
  const found: RecentSample[] = [];
  for (let i = Math.min(times.length, values.length) - 1; i >= 0 && found.length < count; i--) {
    const tMs = times[i] ?? Number.NaN;
    const wire = values[i] ?? Number.NaN;
    if (!Number.isFinite(tMs) || !Number.isFinite(wire)) continue;
    const t = tMs / 1000;
    if (found[found.length - 1]?.t === t) continue;
    found.push({ t, v: wire * scale });
  }
  return found.reverse();
}

/** What `scanBucket` found: min, its time (ms), max, its time (ms), the last sample's time (ms), samples refused. */
const SCAN = new Float64Array(6);

/**
 * Scans the samples from `start` while they fall in bucket `b` (`floor(t / step)`, exactly as
 * `putBucketed` computes it, so a boundary sample never lands in two buckets), starting from a
 * first sample already taken (`firstV` in display units at `firstT` ms); writes the extremes to
 * `SCAN` and returns the index after the bucket. Non-finite samples are skipped and counted.
 */
function scanBucket(
  times: ArrayLike<number>,
  values: ArrayLike<number>,
  start: number,
  n: number,
  b: number,
  step: number,
  scale: number,
  firstV: number,
  firstT: number,
): number {
  let min = firstV;
  let minT = firstT;
  let max = firstV;
  let maxT = firstT;
  let last = firstT;
  let refused = 0;
  let i = start;
  for (; i < n; i++) {
    const tMs = times[i] ?? Number.NaN;
    if (Math.floor(tMs / 1000 / step) > b) break;
    const wire = values[i] ?? Number.NaN;
    if (!Number.isFinite(tMs) || !Number.isFinite(wire)) {
      refused++;
      continue;
    }
    const v = wire * scale;
    if (v < min) {
      min = v;
      minT = tMs;
    }
    if (v > max) {
      max = v;
      maxT = tMs;
    }
    last = tMs;
  }
  SCAN[0] = min;
  SCAN[1] = minT;
  SCAN[2] = max;
  SCAN[3] = maxT;
  SCAN[4] = last;
  SCAN[5] = refused;
  return i;
}

/** The bucket's two entries: its min and max in the order they occurred. */
function pushPair(xs: number[], ys: (number | null)[], bucket: Bucket, step: number): void {
  const x0 = bucket.b * step;
  xs.push(x0, x0 + step / 2);
  if (bucket.minT <= bucket.maxT) ys.push(bucket.min, bucket.max);
  else ys.push(bucket.max, bucket.min);
}

/** `times`/`values` sorted by time (stable), or the inputs themselves when they already are. */
export function sortedColumns(times: ArrayLike<number>, values: ArrayLike<number>): { times: ArrayLike<number>; values: ArrayLike<number> } {
  let sorted = true;
  for (let i = 1; i < times.length; i++) {
    if ((times[i] ?? 0) < (times[i - 1] ?? 0)) {
      sorted = false;
      break;
    }
  }
  if (sorted) return { times, values };
  const order = Array.from({ length: times.length }, (_v, i) => i).sort((a, b) => (times[a] ?? 0) - (times[b] ?? 0) || a - b);
  return { times: order.map((i) => times[i] ?? Number.NaN), values: order.map((i) => values[i] ?? Number.NaN) };
}

/** Appends `source` to `target` in place, in chunks. */
export function appendAll<T>(target: T[], source: readonly T[]): void {
  for (let i = 0; i < source.length; i += 8192) target.push(...source.slice(i, i + 8192));
}

/**
 * The union of the columns' x values (each increasing) with every column's y aligned to it:
 * `undefined` where a column has no entry. A null (gap) is widened over the `undefined` entries
 * next to it, so the break runs from the series' last value to its next one (uPlot's
 * `JoinNullMode.Expand`). One column is returned as it is.
 */
export function mergeColumns(columns: readonly Pick<ShapedColumn, 'xs' | 'ys'>[]): { x: number[]; ys: YColumn[] } {
  const only = columns.length === 1 ? columns[0] : undefined;
  if (only !== undefined) return { x: only.xs, ys: [only.ys] };
  const x: number[] = [];
  const ys: YColumn[] = columns.map(() => []);
  const at = columns.map(() => 0);
  for (;;) {
    let next = Number.POSITIVE_INFINITY;
    columns.forEach((c, k) => {
      const v = c.xs[at[k] ?? 0];
      if (v !== undefined && v < next) next = v;
    });
    if (next === Number.POSITIVE_INFINITY) break;
    x.push(next);
    columns.forEach((c, k) => {
      const i = at[k] ?? 0;
      const y = ys[k];
      if (y === undefined) return;
      if (c.xs[i] === next) {
        y.push(c.ys[i]);
        at[k] = i + 1;
      } else {
        y.push(undefined);
      }
    });
  }
  for (const y of ys) expandNulls(y);
  return { x, ys };
}

/** Turns the `undefined` entries on both sides of each null into nulls. */
function expandNulls(y: YColumn): void {
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== null) continue;
    for (let k = i - 1; k >= 0 && y[k] === undefined; k--) y[k] = null;
    let k = i + 1;
    while (k < y.length && y[k] === undefined) y[k++] = null;
    i = k - 1;
  }
}
