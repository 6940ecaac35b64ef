/**
 * The test service's own metrics, rendered in the Prometheus text exposition format 0.0.4
 * (the format and the metric names follow Prometheus's client libraries: `http_requests_total`,
 * `http_request_duration_seconds` with the default buckets, `process_*`). Node built-ins only.
 */

/** Prometheus client libraries' default histogram buckets, in seconds (`+Inf` is added when rendering). */
export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

export const EXPOSITION_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

interface HistogramSeries {
  method: string;
  route: string;
  /** Non-cumulative counts per bucket of DURATION_BUCKETS, then one for +Inf. */
  buckets: number[];
  sum: number;
  count: number;
}

/** Escapes a label value as the exposition format requires: `\\`, `\"` and `\n`. */
export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function labels(pairs: ReadonlyArray<readonly [string, string]>): string {
  return `{${pairs.map(([name, value]) => `${name}="${escapeLabelValue(value)}"`).join(',')}}`;
}

/** A sample value as the exposition format writes it (JavaScript's shortest round-trip form is valid there). */
function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

export class ServiceMetrics {
  private requests = new Map<string, { method: string; route: string; status: string; count: number }>();
  private durations = new Map<string, HistogramSeries>();
  /** Unix seconds at which the (simulated) process started. */
  startTimeSeconds = Date.now() / 1000;

  constructor(private readonly version: string) {}

  /** Records one finished request (what a request-logging middleware does). */
  record(method: string, route: string, status: number, durationSeconds: number): void {
    const key = `${method}\0${route}\0${status}`;
    const counter = this.requests.get(key) ?? { method, route, status: String(status), count: 0 };
    counter.count += 1;
    this.requests.set(key, counter);

    const hkey = `${method}\0${route}`;
    const series = this.durations.get(hkey) ?? { method, route, buckets: new Array<number>(DURATION_BUCKETS.length + 1).fill(0), sum: 0, count: 0 };
    const index = DURATION_BUCKETS.findIndex((bound) => durationSeconds <= bound);
    const slot = index === -1 ? DURATION_BUCKETS.length : index;
    series.buckets[slot] = (series.buckets[slot] ?? 0) + 1;
    series.sum += durationSeconds;
    series.count += 1;
    this.durations.set(hkey, series);
  }

  /** What a process restart does to in-memory metrics: every counter back to zero, a new start time. */
  reset(): void {
    this.requests.clear();
    this.durations.clear();
    this.startTimeSeconds = Date.now() / 1000;
  }

  /** The number of recorded requests, optionally only those with a given status class (e.g. 5 for 5xx). */
  total(statusClass?: number): number {
    let sum = 0;
    for (const c of this.requests.values()) {
      if (statusClass === undefined || c.status.startsWith(String(statusClass))) sum += c.count;
    }
    return sum;
  }

  /** The whole exposition, one `# HELP` and `# TYPE` per family. */
  render(residentMemoryBytes: number): string {
    const out: string[] = [];
    out.push('# HELP http_requests_total Total HTTP requests handled, by method, route and status code.');
    out.push('# TYPE http_requests_total counter');
    for (const c of this.requests.values()) {
      out.push(`http_requests_total${labels([['method', c.method], ['route', c.route], ['status', c.status]])} ${c.count}`);
    }
    out.push('# HELP http_request_duration_seconds HTTP request duration in seconds.');
    out.push('# TYPE http_request_duration_seconds histogram');
    for (const h of this.durations.values()) {
      let cumulative = 0;
      const base: Array<[string, string]> = [['method', h.method], ['route', h.route]];
      DURATION_BUCKETS.forEach((bound, i) => {
        cumulative += h.buckets[i] ?? 0;
        out.push(`http_request_duration_seconds_bucket${labels([...base, ['le', String(bound)]])} ${cumulative}`);
      });
      cumulative += h.buckets[DURATION_BUCKETS.length] ?? 0;
      out.push(`http_request_duration_seconds_bucket${labels([...base, ['le', '+Inf']])} ${cumulative}`);
      out.push(`http_request_duration_seconds_sum${labels(base)} ${formatValue(h.sum)}`);
      out.push(`http_request_duration_seconds_count${labels(base)} ${h.count}`);
    }
    out.push('# HELP process_resident_memory_bytes Resident memory size in bytes.');
    out.push('# TYPE process_resident_memory_bytes gauge');
    out.push(`process_resident_memory_bytes ${residentMemoryBytes}`);
    out.push('# HELP process_start_time_seconds Start time of the process since unix epoch in seconds.');
    out.push('# TYPE process_start_time_seconds gauge');
    out.push(`process_start_time_seconds ${formatValue(this.startTimeSeconds)}`);
    out.push('# HELP app_info Application build information.');
    out.push('# TYPE app_info gauge');
    out.push(`app_info${labels([['version', this.version]])} 1`);
    return `${out.join('\n')}\n`;
  }
}

/** Exposition lines that no Prometheus parser accepts, for the `malformedMetrics` fault. */
export const MALFORMED_LINES = [
  'http_requests_total{method="GET",route="/api/work",status="200" 5',
  '# TYPE broken_metric counter',
  'broken_metric{le=} not_a_number',
  '9starts_with_a_digit 1',
  'unterminated_label{version="1.0',
] as const;
