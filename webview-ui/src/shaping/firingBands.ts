/** Shaded firing periods: the alert's firing periods clipped to the visible window and merged. */
import type { FiringPeriod } from '../../../src/shared/dashboardProtocol';

/** `[from, to]` in Unix seconds (uPlot's x unit), from < to. */
export type Band = readonly [from: number, to: number];

/**
 * The bands to shade for `periods` (Unix ms) inside the window [fromMs, toMs]: an open period
 * (still firing) runs to `nowMs`; periods are clipped to the window, empty ones dropped, and
 * overlapping or touching ones (two alerts on one chart) merged. Sorted by start.
 */
export function firingBands(periods: readonly FiringPeriod[], fromMs: number, toMs: number, nowMs: number): Band[] {
  const clipped: [number, number][] = [];
  for (const p of periods) {
    const start = Math.max(p.from, fromMs);
    const end = Math.min(p.to ?? Math.max(nowMs, p.from), toMs);
    if (Number.isFinite(start) && Number.isFinite(end) && end > start) clipped.push([start, end]);
  }
  clipped.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const band of clipped) {
    const last = merged[merged.length - 1];
    if (last !== undefined && band[0] <= last[1]) last[1] = Math.max(last[1], band[1]);
    else merged.push([band[0], band[1]]);
  }
  return merged.map(([a, b]) => [a / 1000, b / 1000] as const);
}

/** Whether any period is open (still firing) or covers `nowMs`. */
export function firingAt(periods: readonly FiringPeriod[], nowMs: number): boolean {
  return periods.some((p) => p.from <= nowMs && (p.to === undefined || p.to >= nowMs));
}
