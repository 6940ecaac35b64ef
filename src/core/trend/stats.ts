/** Small numeric helpers for the trend estimators: in-place selection and a seeded PRNG. */

/**
 * The median of `a[0..n)` in O(n) expected time (quickselect, Hoare partition with a
 * median-of-three pivot). Reorders `a`. NaN when n is 0. Even n: the mean of the two middle
 * values.
 */
export function medianInPlace(a: Float64Array, n: number = a.length): number {
  if (n <= 0) return Number.NaN;
  const k = (n - 1) >>> 1;
  const lower = selectInPlace(a, n, k);
  if (n % 2 === 1) return lower;
  // After selecting k, every element after index k is ≥ a[k]: the upper middle is their minimum.
  let upper = Number.POSITIVE_INFINITY;
  for (let i = k + 1; i < n; i++) {
    const v = a[i] ?? Number.POSITIVE_INFINITY;
    if (v < upper) upper = v;
  }
  return (lower + upper) / 2;
}

/** The k-th smallest (0-based) of `a[0..n)`; afterwards a[0..k) ≤ a[k] ≤ a(k..n). */
export function selectInPlace(a: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (hi > lo) {
    const x = a[lo] ?? 0;
    const y = a[(lo + hi) >>> 1] ?? 0;
    const z = a[hi] ?? 0;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] ?? 0) < pivot) i++;
      while ((a[j] ?? 0) > pivot) j--;
      if (i <= j) {
        const swap = a[i] ?? 0;
        a[i] = a[j] ?? 0;
        a[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k] ?? Number.NaN;
}

/** mulberry32: a tiny seeded PRNG in [0, 1). Deterministic, so estimates repeat exactly. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
