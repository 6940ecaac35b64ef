import type { AlertSeverity, StatusRange } from './types';

/** Defaults applied by `normalizeConfig`; health ones are Uptime Kuma's. */
export const CONFIG_DEFAULTS = {
  healthIntervalSeconds: 60,
  healthRetries: 0,
  acceptedStatus: [{ min: 200, max: 299 }] as readonly StatusRange[],
  autoRollbackEnabled: false,
  autoRollbackCountdownSeconds: 60,
  alertForSeconds: 0,
  alertSeverity: 'warning' as AlertSeverity,
  tagPattern: 'v*',
  rollbackConsecutiveHealthy: 3,
  rollbackVerifyTimeoutSeconds: 300,
  runsFolder: '.deploy-pilot/runs',
} as const;

/**
 * The longest health-check timeout for an interval: 80 % of it, rounded down to 0.1 s, as
 * Uptime Kuma computes it (`~~(interval * 8) / 10`). Also the default timeout.
 */
export function maxHealthTimeoutSeconds(intervalSeconds: number): number {
  return Math.floor(intervalSeconds * 8) / 10;
}
