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


/** The most words a known metric's name takes ("health check status", "out of memory"). */
export const MAX_METRIC_WORDS = 4;

/**
 * The metric that words name, or undefined when they name none we know. Case, spaces, dashes
 * and underscores do not matter; a percentile word anywhere names a response-time percentile
 * ("latency p95", "p95 response time" → `response_time_p95`).
 */
export function recognizeMetric(words: readonly string[]): MetricName | undefined {
  const whole = metricRuns(words).at(-1);
  return whole ? metricOf(whole.key, whole.percentile, whole.percentiles) : metricOf('', undefined, 0);
}

interface MetricRun {
  readonly key: string;
  readonly percentile: string | undefined;
  readonly percentiles: number;
}

/** For each leading run of `words` (1 word, 2 words, …): its key and percentiles; each word taken apart once. */
function metricRuns(words: readonly string[]): MetricRun[] {
  const runs: MetricRun[] = [];
  let key = '';
  let percentile: string | undefined;
  let percentiles = 0;
  for (const word of words) {
    const w = wordParts(word);
    if (w.key.length > 0) key = key.length > 0 ? `${key}_${w.key}` : w.key;
    percentiles += w.percentiles;
    percentile = w.percentile ?? percentile;
    runs.push({ key, percentile, percentiles });
  }
  return runs;
}

/**
 * A word of a metric name taken apart: its parts (lower-cased, split at dashes and
 * underscores) other than percentiles, joined by `_`, and its percentile parts (`p95`).
 */
interface WordParts {
  readonly key: string;
  readonly percentiles: number;
  /** The number of the last percentile part (`95` of `p95`). */
  readonly percentile: string | undefined;
}

/** `p` and 2 or 3 digits: the number, as PERCENTILE reads it. */
function percentileOf(part: string): string | undefined {
  if (part.length < 3 || part.length > 4 || part.charCodeAt(0) !== 0x70) return undefined;
  for (let i = 1; i < part.length; i++) {
    const c = part.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return undefined;
  }
  return part.slice(1);
}

function wordParts(word: string): WordParts {
  const lower = word.toLowerCase();
  if (!lower.includes('-') && !lower.includes('_')) {
    const p = percentileOf(lower);
    return p !== undefined ? { key: '', percentiles: 1, percentile: p } : { key: lower, percentiles: 0, percentile: undefined };
  }
  let key = '';
  let percentiles = 0;
  let percentile: string | undefined;
  for (const part of lower.split(/[-_]+/)) {
    if (part.length === 0) continue;
    const p = percentileOf(part);
    if (p !== undefined) {
      percentiles++;
      percentile = p;
    } else {
      key = key.length > 0 ? `${key}_${part}` : part;
    }
  }
  return { key, percentiles, percentile };
}

/** The metric of a key of parts and its percentiles: recognizeMetric gives up on a second percentile. */
function metricOf(key: string, percentile: string | undefined, percentiles: number): MetricName | undefined {
  if (percentiles > 1) return undefined;
  const base = BY_KEY.get(key);
  if (percentile === undefined) return base;
  return base === 'response_time' ? `response_time_p${percentile}` : undefined;
}

/**
 * The longest leading run of `words` that names a known metric, as recognizeMetric would
 * tell for each run from all of `words` down to the first word alone; each word is taken
 * apart once.
 */
export function longestMetricPrefix(words: readonly string[]): { readonly metric: MetricName; readonly count: number } | undefined {
  const runs = metricRuns(words);
  for (let count = runs.length; count > 0; count--) {
    const run = runs[count - 1];
    const metric = run ? metricOf(run.key, run.percentile, run.percentiles) : undefined;
    if (metric !== undefined) return { metric, count };
  }
  return undefined;
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
