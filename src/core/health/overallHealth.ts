/**
 * The status bar's roll-up of a probe's status and the alerts of an environment.
 *
 * One environment, first rule that applies:
 * - `down`: the probe is DOWN, or a critical alert is firing;
 * - `degraded`: the probe is PENDING (failing, retries left), or a warning alert is firing, or a
 *   critical alert is pending;
 * - `unknown`: no probe result yet (UNKNOWN, or no probe configured) and nothing above;
 * - `healthy`: the probe is UP and no alert is firing (pending warnings do not count).
 *
 * Several environments: the worst of them, in the order down > degraded > healthy > unknown:
 * an environment without a result yet (or without a probe) does not hide what the others
 * say. Nothing at all is `unknown`.
 */
import type { AlertSeverity } from '../config';
import type { HealthStatus } from './healthState';

export type OverallHealth = 'healthy' | 'degraded' | 'down' | 'unknown';

export interface EnvironmentHealthInput {
  /** The probe's status; undefined when the environment has no health probe. */
  readonly health?: HealthStatus;
  readonly alerts: readonly { readonly severity: AlertSeverity; readonly state: 'inactive' | 'pending' | 'firing' }[];
}

/** One environment's roll-up (see the module comment). */
export function environmentHealth(env: EnvironmentHealthInput): OverallHealth {
  const firing = (severity: AlertSeverity): boolean => env.alerts.some((a) => a.severity === severity && a.state === 'firing');
  const criticalPending = env.alerts.some((a) => a.severity === 'critical' && a.state === 'pending');
  if (env.health === 'DOWN' || firing('critical')) return 'down';
  if (env.health === 'PENDING' || firing('warning') || criticalPending) return 'degraded';
  if (env.health === 'UP') return 'healthy';
  return 'unknown';
}

const RANK: Readonly<Record<OverallHealth, number>> = { unknown: 0, healthy: 1, degraded: 2, down: 3 };

/** The roll-up of several environments: the worst one (see the module comment). */
export function overallHealth(envs: readonly EnvironmentHealthInput[]): OverallHealth {
  let worst: OverallHealth = 'unknown';
  for (const env of envs) {
    const level = environmentHealth(env);
    if (RANK[level] > RANK[worst]) worst = level;
  }
  return worst;
}
