/**
 * The alert-rule model: a measurable statement about one deployment metric, parsed from a
 * runbook's alert conditions ("error_rate > 1%") or from its success-criteria checklists
 * ("Error rate < 0.5%").
 *
 * How an evaluator reads a rule (Prometheus alerting-rule semantics):
 * - The rule HOLDS when `observed <comparator> threshold.canonical.value`, with the observed
 *   value expressed in `threshold.canonical.unit`.
 * - For a `condition` (an alert), holding means "alert"; for a `criterion` (a checklist
 *   success condition), holding means "success".
 * - `for`: the rule must hold at every evaluation for that long before it fires (pending →
 *   firing); one evaluation where it does not hold resets the timer. Absent: fires at once.
 * - `window`: the range the metric is computed over (the `[5m]` of `rate(x[5m])`, or the span
 *   of a growth). Absent: the evaluator's default window.
 * - No data is not zero: with no sample (or 0/0) a rule neither holds nor fails.
 * - `process_restarts` and `oom_conditions` count changes from a baseline taken at deploy
 *   time (Docker resets its counters on every start).
 * - `within` is a stability band: |observed change from the baseline| <= threshold. With a
 *   `%` threshold the change is relative to the baseline; with any other unit it is absolute.
 */

/** The metrics Deploy Pilot knows how to measure. */
export const KNOWN_METRICS = [
  'memory_growth',
  'memory_usage',
  'error_rate',
  'response_time_p95',
  'response_time_p99',
  'response_time',
  'process_restarts',
  'oom_conditions',
  'health_status',
  'cpu_usage',
  'request_rate',
] as const;

export type KnownMetricName = (typeof KNOWN_METRICS)[number];

/**
 * A known metric, or a custom one. Custom names are kept as written when they are one
 * identifier (`http_requests_total`), and snake_cased when written as words ("queue depth" →
 * `queue_depth`). Other response-time percentiles are named the same way as the known ones
 * (`response_time_p50`).
 */
export type MetricName = KnownMetricName | (string & Record<never, never>);

export function isKnownMetric(name: string): name is KnownMetricName {
  return (KNOWN_METRICS as readonly string[]).includes(name);
}

/** `within` is a ±x stability band (see the module comment). */
export type Comparator = '>' | '>=' | '<' | '<=' | '==' | '!=' | 'within';

/**
 * A threshold's unit, as written (spelling normalised: "seconds" → `s`, "mb" → `MB`,
 * "percent" → `%`). A number written without a unit gets the unit its metric implies:
 * `status` for `health_status`, `/s` for `request_rate`, `count` otherwise.
 * Sizes follow SI and IEC strictly: KB = 1000 B, KiB = 1024 B.
 */
export type QuantityUnit =
  | '%'
  | 'ms'
  | 's'
  | 'min'
  | 'h'
  | 'B'
  | 'KB'
  | 'MB'
  | 'GB'
  | 'TB'
  | 'KiB'
  | 'MiB'
  | 'GiB'
  | 'TiB'
  | 'count'
  | 'status'
  | '/s';

/** What an evaluator compares in: `%` → `ratio` (0..1), durations → `ms`, sizes → `B`. */
export type CanonicalUnit = 'ratio' | 'ms' | 'B' | 'count' | 'status' | '/s';

export interface Quantity {
  /** The number as written: 5 for "5%", 512 for "512MB", 1000 for "1,000ms". */
  readonly value: number;
  readonly unit: QuantityUnit;
  /** The source text that stated the quantity: "5%", "0.5 %", "2 s"; "No" for "No OOM conditions". */
  readonly raw: string;
  /** The same quantity in the unit an evaluator compares in: 5% → 0.05 ratio, 2 s → 2000 ms. */
  readonly canonical: { readonly value: number; readonly unit: CanonicalUnit };
}

export interface Duration {
  readonly seconds: number;
  /** The source text: "1 hour", "5m", "1h30m". */
  readonly raw: string;
}

export interface AlertRule {
  readonly metric: MetricName;
  readonly comparator: Comparator;
  readonly threshold: Quantity;
  /** "in 1 hour", "over 5m", "per hour": the range the metric is computed over. */
  readonly window?: Duration;
  /** "for 10 minutes": how long the rule must hold before it counts (Prometheus `for`). */
  readonly for?: Duration;
  /** The text the rule was parsed from, verbatim. */
  readonly text: string;
  /** `condition`: an alert (holding = alert). `criterion`: a checklist success condition. */
  readonly source: 'condition' | 'criterion';
}

/** `column` is 0-based, in UTF-16 code units (as editors count), where understanding stopped. */
export type ParseResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: string; readonly column: number };
