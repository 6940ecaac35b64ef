/**
 * When to probe next, and how long to wait for an answer. Times in milliseconds (the config
 * holds seconds).
 */
import type { HealthCheckConfig } from '../config';
import { maxHealthTimeoutSeconds } from '../config';
import type { HealthState } from './healthState';

/** The longest back-off while DOWN, unless the interval itself is longer. */
export const MAX_BACKOFF_MS = 5 * 60_000;

/**
 * The delay before the next probe: the interval while UNKNOWN, UP or PENDING (retries run at
 * the interval, as Uptime Kuma's do without a retry interval). While DOWN it backs off
 * exponentially, doubling per consecutive DOWN probe: interval × 2^(n−1) after the nth DOWN
 * probe, capped at max(5 min, interval) and never below the interval. With a 60 s interval:
 * 60, 120, 240, 300, 300 … s. (Uptime Kuma keeps probing a DOWN target at the interval; the
 * back-off is ours: a target that is down for hours should not be hammered, and recovery is
 * still seen within 5 min.)
 */
export function nextProbeDelay(state: HealthState, config: Pick<HealthCheckConfig, 'intervalSeconds' | 'retries'>): number {
  const intervalMs = Math.max(0, config.intervalSeconds * 1000);
  if (state.status !== 'DOWN') return intervalMs;
  const downProbes = Math.max(1, state.consecutiveFailures - Math.max(0, config.retries));
  const capMs = Math.max(MAX_BACKOFF_MS, intervalMs);
  // 2^(n−1) overflows to Infinity for large n; the cap handles it.
  return Math.max(intervalMs, Math.min(capMs, intervalMs * 2 ** (downProbes - 1)));
}

/**
 * The probe timeout in ms: the configured one, but at most 80 % of the interval (Uptime Kuma's
 * cap, rounded down to 0.1 s as it does), so a probe always ends before the next is due and
 * two probes of one target are never in flight at once. A missing, zero or negative timeout
 * means the cap.
 */
export function effectiveTimeout(config: Pick<HealthCheckConfig, 'intervalSeconds' | 'timeoutSeconds'>): number {
  const capSeconds = maxHealthTimeoutSeconds(config.intervalSeconds);
  const seconds = Number.isFinite(config.timeoutSeconds) && config.timeoutSeconds > 0 ? Math.min(config.timeoutSeconds, capSeconds) : capSeconds;
  return Math.round(seconds * 1000);
}
