/**
 * Counter arithmetic as Prometheus does it: a counter only goes up, so any drop means the
 * process restarted and the counter began again from 0 (PromQL's counter reset handling in
 * `rate()` and `increase()`).
 */

/** A counter sample: `t` in Unix milliseconds, `v` the counter's value. */
export interface CounterPoint {
  readonly t: number;
  readonly v: number;
}

/**
 * How much the counter grew from the first point to the last, with Prometheus' reset
 * handling: when a value is below the one before, the counter restarted from 0, so that
 * point's whole value counts as increase (`10, 15, 3` → 5 + 3 = 8).
 *
 * Points are taken in time order (sorted by `t` when they are not). Points whose `t` or `v`
 * is not finite are skipped: NaN is what a failed or stale scrape leaves behind. Fewer than
 * two usable points → undefined (no data).
 */
export function counterIncrease(points: readonly CounterPoint[]): number | undefined {
  const usable = usablePoints(points);
  const first = usable[0];
  const last = usable[usable.length - 1];
  if (usable.length < 2 || first === undefined || last === undefined) return undefined;
  let increase = last.v - first.v;
  let previous = first.v;
  for (let i = 1; i < usable.length; i++) {
    const value = usable[i]?.v ?? previous;
    if (value < previous) increase += previous;
    previous = value;
  }
  return increase;
}

/**
 * The per-second rate over the last `windowSeconds`: the window ends at the newest point and
 * holds the points after `newest.t − windowSeconds` (left-open, as Prometheus 3 range
 * selectors). The result is counterIncrease of those points divided by the time between the
 * first and the last of them.
 *
 * Unlike PromQL's `rate()`, this does not extrapolate to the window's edges: it is the exact
 * average rate between two real samples, which is what a per-scrape monitor needs and what
 * the samples can prove. Fewer than two points in the window, or no time between them, →
 * undefined (no data).
 */
export function counterRate(points: readonly CounterPoint[], windowSeconds: number): number | undefined {
  if (!(windowSeconds > 0)) return undefined;
  const usable = usablePoints(points);
  const newest = usable[usable.length - 1];
  if (newest === undefined) return undefined;
  const from = newest.t - windowSeconds * 1000;
  const inWindow = usable.filter((point) => point.t > from);
  const oldest = inWindow[0];
  const increase = counterIncrease(inWindow);
  if (increase === undefined || oldest === undefined || newest.t <= oldest.t) return undefined;
  return increase / ((newest.t - oldest.t) / 1000);
}

/** The points with finite `t` and `v`, in time order (stable for equal times). */
function usablePoints(points: readonly CounterPoint[]): readonly CounterPoint[] {
  const usable = points.filter((point) => Number.isFinite(point.t) && Number.isFinite(point.v));
  for (let i = 1; i < usable.length; i++) {
    if ((usable[i]?.t ?? 0) < (usable[i - 1]?.t ?? 0)) return usable.sort((a, b) => a.t - b.t);
  }
  return usable;
}
