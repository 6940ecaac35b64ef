/** Exposition texts for the metrics tests. */

/** The example of Prometheus' "Exposition formats" documentation (text format 0.0.4). */
export const DOCS_EXAMPLE = `# HELP http_requests_total The total number of HTTP requests.
# TYPE http_requests_total counter
http_requests_total{method="post",code="200"} 1027 1395066363000
http_requests_total{method="post",code="400"}    3 1395066363000

# Escaping in label values:
msdos_file_access_time_seconds{path="C:\\\\DIR\\\\FILE.TXT",error="Cannot find file:\\n\\"FILE.TXT\\""} 1.458255915e9

# Minimalistic line:
metric_without_timestamp_and_labels 12.47

# A weird metric from before the epoch:
something_weird{problem="division by zero"} +Inf -3982045

# A histogram, which has a pretty complex representation in the text format:
# HELP http_request_duration_seconds A histogram of the request duration.
# TYPE http_request_duration_seconds histogram
http_request_duration_seconds_bucket{le="0.05"} 24054
http_request_duration_seconds_bucket{le="0.1"} 33444
http_request_duration_seconds_bucket{le="0.2"} 100392
http_request_duration_seconds_bucket{le="0.5"} 129389
http_request_duration_seconds_bucket{le="1"} 133988
http_request_duration_seconds_bucket{le="+Inf"} 144320
http_request_duration_seconds_sum 53423
http_request_duration_seconds_count 144320

# Finally a summary, which has a complex representation, too:
# HELP rpc_duration_seconds A summary of the RPC duration in seconds.
# TYPE rpc_duration_seconds summary
rpc_duration_seconds{quantile="0.01"} 3102
rpc_duration_seconds{quantile="0.05"} 3272
rpc_duration_seconds{quantile="0.5"} 4773
rpc_duration_seconds{quantile="0.9"} 9001
rpc_duration_seconds{quantile="0.99"} 76656
rpc_duration_seconds_sum 1.7560473e+07
rpc_duration_seconds_count 2693
`;

/** What a Node service with prom-client exposes, abridged: gauges, NaN, HELP escapes, odd spacing. */
export const SERVICE_EXAMPLE = `# HELP process_resident_memory_bytes Resident memory size in bytes.
# TYPE process_resident_memory_bytes gauge
process_resident_memory_bytes 52428800
# HELP process_start_time_seconds Start time of the process since unix epoch in seconds.
# TYPE process_start_time_seconds gauge
process_start_time_seconds 1700000000
# HELP nodejs_eventloop_lag_p99_seconds The 99th percentile of the event loop lag.\\nMeasured with perf_hooks; path C:\\\\tmp, odd \\t kept.
# TYPE nodejs_eventloop_lag_p99_seconds gauge
nodejs_eventloop_lag_p99_seconds NaN
# TYPE http_server_requests_total counter
http_server_requests_total{ method = "GET" , route="/api/items", status="200", } 1500
http_server_requests_total{method="GET",route="/api/items",status="503"} 12
\thttp_server_requests_total{method="POST",route="/api/items",status="201"}\t40\t1700000123456
# TYPE queue_depth gauge
queue_depth{queue="emails"} -Inf
queue_depth{queue="sms"} 0
queue_depth{} 1.5e-3
`;

export interface ScrapeShape {
  /** Request counter values by status code. */
  readonly requests?: Readonly<Record<string, number>>;
  /** Cumulative latency buckets (seconds) by `le`, `+Inf` last. */
  readonly buckets?: ReadonlyArray<readonly [string, number]>;
  readonly memory?: number;
  readonly startTime?: number;
  /** Request counter name. */
  readonly counter?: string;
  /** Latency histogram name. */
  readonly histogram?: string;
  /** Label holding the status. */
  readonly statusLabel?: string;
}

/** The exposition of a small HTTP service in the shape prom-client writes it. */
export function serviceScrape(shape: ScrapeShape): string {
  const counter = shape.counter ?? 'http_requests_total';
  const histogram = shape.histogram ?? 'http_request_duration_seconds';
  const status = shape.statusLabel ?? 'code';
  const lines: string[] = [];
  if (shape.memory !== undefined) lines.push('# TYPE process_resident_memory_bytes gauge', `process_resident_memory_bytes ${shape.memory}`);
  if (shape.startTime !== undefined) lines.push('# TYPE process_start_time_seconds gauge', `process_start_time_seconds ${shape.startTime}`);
  if (shape.requests !== undefined) {
    lines.push(`# HELP ${counter} Total HTTP requests.`, `# TYPE ${counter} counter`);
    for (const [code, value] of Object.entries(shape.requests)) lines.push(`${counter}{method="GET",${status}="${code}"} ${value}`);
  }
  if (shape.buckets !== undefined) {
    lines.push(`# TYPE ${histogram} histogram`);
    for (const [le, count] of shape.buckets) lines.push(`${histogram}_bucket{le="${le}"} ${count}`);
    const total = shape.buckets[shape.buckets.length - 1]?.[1] ?? 0;
    lines.push(`${histogram}_sum ${total * 0.1}`, `${histogram}_count ${total}`);
  }
  return `${lines.join('\n')}\n`;
}
