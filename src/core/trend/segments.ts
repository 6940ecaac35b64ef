/**
 * Splitting a memory series where the process started afresh, so a trend is measured on one
 * process life only (Coroot splits at restarts; a restart's drop would otherwise hide a leak
 * or fake a shrink).
 *
 * Rule: with `points` sorted by time, a new segment starts at point i (i > 0) when
 * - a restart time r falls in (t[i−1], t[i]]: the sample at r is the new process's, or
 * - the value drops sharply: v[i] < v[i−1] × (1 − dropFraction), default 0.5 (it falls below
 *   half of the previous sample). A GC sawtooth drops far less; a restart, an OOM kill or a
 *   container replaced without a recorded restart drops more. `dropFraction: 1` (or more)
 *   splits at restarts only.
 * Restart times outside the points' span are ignored; they need not be sorted.
 */
import type { Sample } from '../samples';

export const DEFAULT_DROP_FRACTION = 0.5;

export interface SplitOptions {
  /** Relative drop from one sample to the next that starts a new segment (default 0.5). */
  readonly dropFraction?: number;
}

/** The segments of time-sorted `points`, oldest first, none empty (no segment for no points). */
export function splitAtRestarts(points: readonly Sample[], restartTimes: readonly number[] = [], options: SplitOptions = {}): Sample[][] {
  const dropFraction = options.dropFraction ?? DEFAULT_DROP_FRACTION;
  const restarts = restartTimes.filter((r) => Number.isFinite(r)).sort((a, b) => a - b);
  const segments: Sample[][] = [];
  let current: Sample[] = [];
  let r = 0;
  let previous: Sample | undefined;
  for (const p of points) {
    if (previous !== undefined) {
      let restarted = false;
      // Skip restarts at or before the previous sample; any left up to p.t fall between the two.
      while (r < restarts.length && (restarts[r] ?? Number.POSITIVE_INFINITY) <= previous.t) r++;
      while (r < restarts.length && (restarts[r] ?? Number.POSITIVE_INFINITY) <= p.t) {
        restarted = true;
        r++;
      }
      const dropped = dropFraction < 1 && previous.v > 0 && p.v < previous.v * (1 - dropFraction);
      if (restarted || dropped) {
        segments.push(current);
        current = [];
      }
    }
    current.push(p);
    previous = p;
  }
  if (current.length > 0) segments.push(current);
  return segments;
}
