/**
 * The monitoring runtime: what builds an environment's monitor from its configuration, with
 * the real adapters (undici for health and metrics, the Prometheus HTTP API, dockerode). It is
 * bundled on its own (dist/monitoring.js) and loaded only when monitoring starts, so none of
 * those libraries is parsed on the activation path.
 */
import type { EnvironmentConfig } from '../../core/config';
import type { EnvironmentMonitor, Clock, Timers } from '../../core/monitoring';
import type { Runbook } from '../../core/runbook/model';
import type { SeriesStore } from '../../core/samples';

export interface MonitorRequest {
  readonly runbook: Runbook;
  readonly environment: EnvironmentConfig;
  readonly store: SeriesStore;
  readonly scrapeIntervalSeconds: number;
  readonly evaluationIntervalSeconds: number;
  /** The window of rate rules written without one; default 60 s. */
  readonly rateWindowSeconds?: number;
  /** Resolves `${secret:NAME}` references in health-check headers. */
  readonly resolveSecret: (name: string) => Promise<string | undefined>;
  readonly formatTime?: (ms: number) => string;
  readonly clock?: Clock;
  readonly timers?: Timers;
}

export interface MonitorHandle {
  readonly monitor: EnvironmentMonitor;
  /** What the monitor watches, for the log: "health http://127.0.0.1:8080/health every 5 s", … */
  readonly description: readonly string[];
  /** Stops the monitor and closes its connections (HTTP pools, Docker sockets). */
  close(): Promise<void>;
}

export interface MonitoringRuntime {
  /** True when the environment has something to watch (health URL, metrics, PromQL or containers). */
  isMonitorable(environment: EnvironmentConfig): boolean;
  /** True when the environment names containers (names, compose project or services). */
  hasContainers(environment: EnvironmentConfig): boolean;
  /** The environment's running containers and the image each runs, from the Docker engine. */
  runningContainers(environment: EnvironmentConfig): Promise<{ readonly name: string; readonly image: string }[]>;
  createMonitor(request: MonitorRequest): MonitorHandle;
}
