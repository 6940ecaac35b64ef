/**
 * The y range of a chart: the data and every threshold line must be visible (a line drawn
 * off-chart tells nobody how close the value is), with headroom above, and rounded to two
 * significant digits of the span so the axis does not jitter on every sample.
 */

export interface YRangeOptions {
  /** Start at 0 when the data is ≥ 0 (rates and latencies); memory uses the data's own floor. */
  readonly zeroBased: boolean;
  /** Fraction of the span added above the top (and below the bottom when not zero-based). Default 0.1. */
  readonly headroom?: number;
}

/** Rounds `value` up (`dir` 1) or down (−1) to a multiple of `step`. */
function roundTo(value: number, step: number, dir: 1 | -1): number {
  const r = (dir === 1 ? Math.ceil(value / step - 1e-9) : Math.floor(value / step + 1e-9)) * step;
  return Number(r.toPrecision(12));
}

/**
 * `[min, max]` for data spanning [dataMin, dataMax] (null or non-finite: no data) and the given
 * threshold values, all in display units.
 */
export function yRange(dataMin: number | null, dataMax: number | null, lines: readonly number[], options: YRangeOptions): [number, number] {
  const values = [dataMin, dataMax, ...lines].filter((v): v is number => v !== null && Number.isFinite(v));
  if (values.length === 0) return [0, 1];
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  const headroom = options.headroom ?? 0.1;
  if (options.zeroBased && lo >= 0) lo = 0;
  if (hi === lo) {
    const pad = Math.abs(hi) > 0 ? Math.abs(hi) * 0.5 : 1;
    hi += pad;
    if (!(options.zeroBased && lo === 0)) lo -= pad;
  }
  const span = hi - lo;
  hi += span * headroom;
  if (!(options.zeroBased && lo === 0)) lo = Math.max(lo >= 0 ? 0 : Number.NEGATIVE_INFINITY, lo - span * headroom);
  const step = 10 ** (Math.floor(Math.log10(hi - lo)) - 1);
  return [roundTo(lo, step, -1), roundTo(hi, step, 1)];
}
