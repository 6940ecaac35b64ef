/**
 * What the monitor reads from the outside world. The adapters (undici, dockerode) live in
 * src/infra; tests pass their own. Every read gets an AbortSignal: stopping the monitor aborts
 * whatever is in flight.
 */
import type { ProbeResult } from '../health';

/** One health check of the environment's URL, already judged (status, keyword, JSON). */
export interface HealthProbePort {
  probe(signal: AbortSignal): Promise<ProbeResult>;
}

/** What one scrape (or one round of PromQL queries) yields. Absent fields: not measured. */
export interface MetricsReading {
  /** Unix ms. */
  readonly at: number;
  /** Requests and errors counted since the previous reading (reset-adjusted increases). */
  readonly requests?: number;
  readonly errors?: number;
  /** Seconds the increases above span. */
  readonly spanSeconds?: number;
  readonly requestRate?: number;
  /** 0..1, over the span. */
  readonly errorRate?: number;
  readonly latencyP95Ms?: number;
  readonly latencyP99Ms?: number;
  readonly residentMemoryBytes?: number;
  /** The process restarted since the previous reading (a counter reset or a new start time). */
  readonly restarted: boolean;
  /** PromQL results by metric name (`env.promql`), in the metric's canonical unit. */
  readonly custom?: Readonly<Record<string, number | undefined>>;
}

export interface MetricsPort {
  /** The source's name in messages: "metrics" (a /metrics scrape) or "prometheus" (PromQL). */
  readonly name: 'metrics' | 'prometheus';
  read(signal: AbortSignal): Promise<MetricsReading>;
}

export interface ContainerReading {
  readonly id: string;
  readonly name: string;
  readonly memoryBytes: number;
  readonly memoryLimitBytes?: number;
  /** Percent of one CPU × online CPUs, as `docker stats` shows it. */
  readonly cpuPercent?: number;
  /** Changes since the baseline taken when monitoring started. */
  readonly restarts: number;
  readonly oomKills: number;
  /** Unix ms of restarts seen (for splitting the memory trend). */
  readonly restartTimes: readonly number[];
}

export interface ContainerPort {
  /** The deployment's containers, sampled once each. An empty list means none was found. */
  read(signal: AbortSignal): Promise<readonly ContainerReading[]>;
}
