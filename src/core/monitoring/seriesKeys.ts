/**
 * Names of the series the monitor writes, per environment. The dashboard reads the same names.
 * Units: ms for latencies, bytes for memory, ratio (0..1) for error rate, percent for CPU,
 * per second for request rate, counts for requests and errors (increase per scrape).
 */
export const SeriesNames = {
  healthLatency: 'health_latency_ms',
  healthUp: 'health_up',
  requests: 'requests',
  errors: 'errors',
  requestRate: 'request_rate',
  errorRate: 'error_rate',
  latencyP95: 'response_time_p95_ms',
  latencyP99: 'response_time_p99_ms',
  memory: 'memory_bytes',
  cpu: 'cpu_percent',
} as const;

export type SeriesName = (typeof SeriesNames)[keyof typeof SeriesNames];

/** "staging/memory_bytes", or per container "staging/memory_bytes/web-1". */
export function seriesKey(environment: string, name: string, instance?: string): string {
  return instance === undefined ? `${environment}/${name}` : `${environment}/${name}/${instance}`;
}

/** A PromQL-backed metric's series: "staging/promql/error_rate". */
export function promqlSeriesKey(environment: string, metric: string): string {
  return `${environment}/promql/${metric}`;
}
