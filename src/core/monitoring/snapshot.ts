/** What the monitor tells the UI about one environment: the status bar, the tooltip, the dashboard. */

import type { HealthStatus, OverallHealth } from '../health';

export type { OverallHealth };
/** The health probe's state (Uptime Kuma's model, core/health). */
export type ProbeState = HealthStatus;

/** One health check as it ended. */
export interface CheckSummary {
  /** Unix ms. */
  readonly at: number;
  readonly ok: boolean;
  readonly latencyMs?: number;
  /** "200 in 12 ms", "timeout after 4000 ms", "DNS lookup failed for …". */
  readonly detail: string;
}

export interface AlertSummary {
  readonly id: string;
  readonly name: string;
  /** The rule as written: "error_rate > 1%". */
  readonly text: string;
  readonly state: 'pending' | 'firing';
  readonly severity: 'warning' | 'critical';
  /** Unix ms: when it became pending (pending) or firing (firing). */
  readonly since: number;
  /** The last value, formatted in the rule's unit: "2.3%". */
  readonly value?: string;
}

/** A source that feeds the monitor: health probe, metrics scrape, PromQL, Docker. */
export interface SourceSummary {
  readonly name: 'health' | 'metrics' | 'prometheus' | 'docker';
  readonly ok: boolean;
  /** Unix ms of its last result. */
  readonly at?: number;
  readonly message?: string;
}

export interface EnvironmentSnapshot {
  readonly environment: string;
  readonly overall: OverallHealth;
  readonly probe: ProbeState;
  readonly latencyMs?: number;
  /** Most recent first, at most a handful. */
  readonly lastChecks: readonly CheckSummary[];
  readonly alerts: readonly AlertSummary[];
  readonly sources: readonly SourceSummary[];
  /** Unix ms. */
  readonly startedAt: number;
}
