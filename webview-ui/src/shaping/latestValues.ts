/** The text alternative of a chart: a table of its latest values, newest first. */
import type { AlignedChartData } from './alignedChartData';
import type { DisplayUnit } from './units';
import { formatValue } from './units';

export interface LatestRow {
  /** Unix seconds. */
  readonly t: number;
  /** One cell per series (column order of the chart), formatted: "412 MiB", or "—" when that series has no sample at `t`. */
  readonly cells: readonly string[];
}

/**
 * The latest `count` sample times across the chart's series with each series' raw value there
 * (not the chart's min/max buckets), newest first.
 */
export function latestRows(data: AlignedChartData, count: number, unit: DisplayUnit): LatestRow[] {
  const series = data.keys.map((_key, j) => data.recent(j));
  const times = [...new Set(series.flatMap((r) => r.map((s) => s.t)))].sort((a, b) => b - a).slice(0, count);
  return times.map((t) => ({ t, cells: series.map((r) => formatValue(r.find((s) => s.t === t)?.v, unit)) }));
}

/** Min and max (display unit) of series `j` over the data held; undefined without a value. */
export function seriesExtent(data: AlignedChartData, j: number): { readonly min: number; readonly max: number } | undefined {
  const y = data.ys[j];
  if (y === undefined) return undefined;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of y) {
    if (typeof v !== 'number') continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min <= max ? { min, max } : undefined;
}
