/** Durations for people: `850 ms`, `4.2 s`, `42 s`, `6 min 12 s`, `1 h 5 min`. */
export function formatDurationMs(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 10) return `${Math.round(seconds * 10) / 10} s`;
  const total = Math.round(seconds);
  if (total < 60) return `${total} s`;
  if (total < 3600) {
    const s = total % 60;
    return s === 0 ? `${Math.floor(total / 60)} min` : `${Math.floor(total / 60)} min ${s} s`;
  }
  const minutes = Math.round(total / 60);
  const m = minutes % 60;
  return m === 0 ? `${Math.floor(minutes / 60)} h` : `${Math.floor(minutes / 60)} h ${m} min`;
}

/** A difference: `+1 min 12 s`, `-30 s`, `±0 s`. */
export function formatDeltaMs(ms: number): string {
  if (Math.abs(ms) < 500) return '±0 s';
  return `${ms > 0 ? '+' : '-'}${formatDurationMs(Math.abs(ms))}`;
}

/** Milliseconds from one ISO time to another; undefined when either is missing or invalid. */
export function msBetween(from: string | undefined, to: string | undefined): number | undefined {
  if (from === undefined || to === undefined) return undefined;
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isFinite(ms) ? ms : undefined;
}

/** `2025-10-20 14:03:07 UTC`. */
export function formatTime(iso: string): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
