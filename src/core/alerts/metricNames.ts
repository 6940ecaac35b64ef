/**
 * Metric names as people write them ("Memory growth", "p95 latency", "OOM kills") mapped to
 * the model's names, and what each known metric is measured in.
 */
import type { KnownMetricName, MetricName, QuantityUnit } from './model';
import type { Dimension } from './units';

// Keys are lower-case words joined by `_`, with any percentile word (p95) taken out.
const SYNONYMS: ReadonlyArray<readonly [KnownMetricName | 'response_time', readonly string[]]> = [
  ['memory_growth', ['memory_growth', 'mem_growth', 'memory_growth_rate', 'memory_increase']],
  ['memory_usage', ['memory_usage', 'memory', 'mem', 'mem_usage', 'memory_use', 'memory_used', 'memory_utilization']],
  ['error_rate', ['error_rate', 'errors', 'err_rate', 'error_ratio', 'error_percentage']],
  [
    'response_time',
    ['response_time', 'response_times', 'latency', 'latencies', 'response_latency', 'request_latency', 'request_duration', 'request_time'],
  ],
  ['process_restarts', ['process_restarts', 'process_restart', 'restarts', 'restart', 'restart_count', 'container_restarts']],
  [
    'oom_conditions',
    ['oom_conditions', 'oom_condition', 'oom', 'ooms', 'oom_kills', 'oom_kill', 'oom_killed', 'oomkilled', 'oom_events', 'out_of_memory'],
  ],
  ['health_status', ['health_status', 'health', 'health_check', 'healthcheck', 'health_checks', 'health_check_status']],
  ['cpu_usage', ['cpu_usage', 'cpu', 'cpu_utilization', 'cpu_util', 'cpu_percent']],
  ['request_rate', ['request_rate', 'requests_rate', 'req_rate', 'rps', 'qps', 'requests_per_second', 'throughput']],
];

const BY_KEY = new Map<string, KnownMetricName>();
for (const [metric, keys] of SYNONYMS) for (const key of keys) BY_KEY.set(key, metric);

const PERCENTILE = /^p(\d{2,3})$/;

/** The most words a known metric's name takes ("health check status", "out of memory"). */
export const MAX_METRIC_WORDS = 4;

/**
 * The metric that words name, or undefined when they name none we know. Case, spaces, dashes
 * and underscores do not matter; a percentile word anywhere names a response-time percentile
 * ("latency p95", "p95 response time" → `response_time_p95`).
 */
export function recognizeMetric(words: readonly string[]): MetricName | undefined {
  const parts: string[] = [];
  let percentile: string | undefined;
  for (const word of words) {
    for (const part of word.toLowerCase().split(/[-_]+/)) {
      if (part.length === 0) continue;
      const p = PERCENTILE.exec(part);
      if (p) {
        if (percentile !== undefined) return undefined;
        percentile = p[1];
      } else {
        parts.push(part);
      }
    }
  }
  const base = BY_KEY.get(parts.join('_'));
  if (percentile === undefined) return base;
  return base === 'response_time' ? `response_time_p${percentile}` : undefined;
}

/** A custom metric's name: one identifier as written; several words snake_cased. */
export function customMetricName(words: readonly string[]): MetricName {
  if (words.length === 1) return words[0] ?? '';
  return words.map((w) => w.toLowerCase()).join('_');
}

const DIMENSIONS: Readonly<Record<KnownMetricName, readonly Dimension[]>> = {
  memory_growth: ['percent', 'size'],
  memory_usage: ['percent', 'size'],
  error_rate: ['percent'],
  response_time_p95: ['duration'],
  response_time_p99: ['duration'],
  response_time: ['duration'],
  process_restarts: ['count'],
  oom_conditions: ['count'],
  health_status: ['status'],
  cpu_usage: ['percent'],
  request_rate: ['rate'],
};

const ANY: readonly Dimension[] = ['percent', 'duration', 'size', 'count', 'status', 'rate'];

/** What a metric may be measured in; custom metrics take any unit. */
export function metricDimensions(metric: MetricName): readonly Dimension[] {
  if (Object.hasOwn(DIMENSIONS, metric)) return DIMENSIONS[metric as KnownMetricName];
  return /^response_time_p\d+$/.test(metric) ? ['duration'] : ANY;
}

/** The unit of a number written without one, or undefined when the metric needs a unit. */
export function impliedUnit(metric: MetricName): QuantityUnit | undefined {
  const dimensions = metricDimensions(metric);
  if (dimensions.includes('count')) return 'count';
  if (dimensions.includes('status')) return 'status';
  if (dimensions.includes('rate')) return '/s';
  return undefined;
}

const DIMENSION_NAMES: Readonly<Record<Dimension, string>> = {
  percent: 'a percentage (%)',
  duration: 'a duration (ms, s, min, h)',
  size: 'a size (B, KB, MB, GB, KiB, MiB, GiB)',
  count: 'a count (a plain number)',
  status: 'an HTTP status code',
  rate: 'a rate per second (a plain number, /s or rps)',
};

/** "a percentage (%) or a size (B, KB, ...)": for error messages. */
export function describeDimensions(dimensions: readonly Dimension[]): string {
  return dimensions.map((d) => DIMENSION_NAMES[d]).join(' or ');
}
