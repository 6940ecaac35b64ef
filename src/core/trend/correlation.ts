/** Goodness-of-fit measures that gate a trend: Spearman's rank correlation and R². */
import type { Sample } from '../samples';
import type { LineFit } from './theilSen';
import { predict } from './theilSen';

/** 1-based ranks of `values`; tied values share the mean of their ranks ("fractional ranking"). O(n log n). */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => (values[a] ?? 0) - (values[b] ?? 0));
  const ranks = new Float64Array(n);
  let start = 0;
  while (start < n) {
    const value = values[order[start] ?? 0];
    let end = start + 1;
    while (end < n && values[order[end] ?? 0] === value) end++;
    const rank = (start + end + 1) / 2; // mean of the 1-based ranks start+1 … end
    for (let k = start; k < end; k++) ranks[order[k] ?? 0] = rank;
    start = end;
  }
  return ranks;
}

/** Pearson correlation of two equal-length arrays; undefined when n < 2 or either is constant. */
export function pearson(xs: ArrayLike<number>, ys: ArrayLike<number>): number | undefined {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return undefined;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i] ?? 0;
    my += ys[i] ?? 0;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] ?? 0) - mx;
    const dy = (ys[i] ?? 0) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return undefined;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/**
 * Spearman's ρ between time and value: the Pearson correlation of their average ranks
 * (ties handled exactly). +1: value rises with time monotonically. Undefined when n < 2 or
 * time or value is constant.
 */
export function spearman(points: readonly Sample[]): number | undefined {
  const n = points.length;
  const ts = new Float64Array(n);
  const vs = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = points[i];
    ts[i] = p?.t ?? 0;
    vs[i] = p?.v ?? 0;
  }
  return pearson(averageRanks(ts), averageRanks(vs));
}

/**
 * R² = 1 − SS_res / SS_tot of `fit` on `points`. For a robust fit it can be below 0 (worse
 * than the mean). Undefined when n < 2 or the values are constant (SS_tot = 0).
 */
export function rSquared(points: readonly Sample[], fit: LineFit): number | undefined {
  const n = points.length;
  if (n < 2) return undefined;
  let mean = 0;
  for (const p of points) mean += p.v;
  mean /= n;
  let ssRes = 0;
  let ssTot = 0;
  for (const p of points) {
    const r = p.v - predict(fit, p.t);
    ssRes += r * r;
    ssTot += (p.v - mean) * (p.v - mean);
  }
  if (ssTot === 0) return undefined;
  return 1 - ssRes / ssTot;
}
