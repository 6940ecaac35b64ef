/**
 * What the monitor computes from two consecutive scrapes of an HTTP service's `/metrics`:
 * request rate, error ratio, latency percentiles, memory, and whether counters reset.
 *
 * The semantics are PromQL's, with the window being the time between the two scrapes:
 * - request rate = `sum(rate(requests[w]))`, without extrapolation (see counterRate);
 * - error rate = `sum(rate(errors[w])) / sum(rate(total[w]))`: increases per series first,
 *   each with reset handling, then summed; 0/0 is no data (undefined), never 0;
 * - p95 / p99 = `histogram_quantile(q, sum by (le) (rate(x_bucket[w])))`.
 * Two additions a two-point window needs:
 * - a series that appears between the scrapes (client libraries create a labelled series at
 *   its first event, so the first 5xx appears as `{code="500"} 1`) counts its whole value, as
 *   if it had been 0 at the previous scrape, when its family was already exposed then
 *   (Prometheus does the same with created-timestamp zero ingestion); `countNewSeries: false`
 *   ignores it, as plain `rate()` would;
 * - when `process_start_time_seconds` changed, the process restarted: every counter's
 *   increase is its new value even when it did not drop below the old one.
 */
import { histogramQuantile } from './histogramQuantile';
import type { LabelMatcher } from './labels';
import { labelValue, matchesLabels, seriesKey } from './labels';
import type { MetricFamily, Sample } from './model';
import { parseFloatToken } from './numbers';
import { pickGaugeValue, samplesNamed } from './selectSamples';

/** One scrape's parsed families and when it was taken. */
export interface ScrapeSnapshot {
  /** Unix milliseconds. */
  readonly at: number;
  readonly families: ReadonlyMap<string, MetricFamily>;
}

export const DEFAULT_REQUEST_COUNTERS: readonly string[] = ['http_requests_total', 'http_server_requests_total', 'http_requests'];
export const DEFAULT_STATUS_LABELS: readonly string[] = ['status', 'code', 'status_code'];
export const DEFAULT_LATENCY_HISTOGRAMS: readonly string[] = [
  'http_request_duration_seconds',
  'http_server_request_duration_seconds',
  'http_request_duration_ms',
];
export const DEFAULT_MEMORY_GAUGE = 'process_resident_memory_bytes';
export const DEFAULT_START_TIME_GAUGE = 'process_start_time_seconds';

/** Which series to read. A list means: the first one the scrape has. */
export interface DeriveOptions {
  /** Request counter (sample name). Default DEFAULT_REQUEST_COUNTERS. */
  readonly requestCounter?: string | readonly string[];
  /** Label holding the HTTP status: the first one present on the counter's series. Default DEFAULT_STATUS_LABELS. */
  readonly statusLabel?: string | readonly string[];
  /** Count 4xx as errors too. Default false: only 5xx (`500`…`599`, or `5xx` as some libraries write). */
  readonly includeClientErrors?: boolean;
  /** Latency histogram (family name, without `_bucket`). Default DEFAULT_LATENCY_HISTOGRAMS. */
  readonly latencyHistogram?: string | readonly string[];
  /**
   * Unit of the histogram's bounds. Default from the name: `_milliseconds`/`_ms` → ms,
   * `_microseconds`/`_us` → µs, anything else seconds (`_seconds`, Prometheus' base unit).
   */
  readonly latencyUnit?: 'seconds' | 'milliseconds';
  /** Only request and latency series whose labels match (for example `{ job: 'api' }`). */
  readonly seriesMatcher?: LabelMatcher;
  /** Default DEFAULT_MEMORY_GAUGE. */
  readonly memoryGauge?: string;
  /** Default DEFAULT_START_TIME_GAUGE. */
  readonly startTimeGauge?: string;
  /** Count a series that appeared since the previous scrape from 0. Default true (see above). */
  readonly countNewSeries?: boolean;
}

/** Undefined fields are no data: missing series, a first scrape, or nothing to divide by. */
export interface DerivedMetrics {
  /** Requests per second between the scrapes. */
  requestRate?: number;
  /** Errors / requests between the scrapes, 0..1. */
  errorRate?: number;
  latencyP95Ms?: number;
  latencyP99Ms?: number;
  residentMemoryBytes?: number;
  processStartTimeSeconds?: number;
  /** A counter dropped, or the process start time changed, since the previous scrape. */
  counterReset: boolean;
}

/**
 * Derives the metrics of `curr`, using `prev` (the scrape before) for counters. Without
 * `prev` (first scrape) only the gauges are there.
 */
export function deriveHttpMetrics(prev: ScrapeSnapshot | undefined, curr: ScrapeSnapshot, options: DeriveOptions = {}): DerivedMetrics {
  const startTimeGauge = options.startTimeGauge ?? DEFAULT_START_TIME_GAUGE;
  const derived: DerivedMetrics = { counterReset: false };
  const memory = finite(pickGaugeValue(curr.families, options.memoryGauge ?? DEFAULT_MEMORY_GAUGE));
  if (memory !== undefined) derived.residentMemoryBytes = memory;
  const startTime = finite(pickGaugeValue(curr.families, startTimeGauge));
  if (startTime !== undefined) derived.processStartTimeSeconds = startTime;
  if (prev === undefined) return derived;

  const previousStart = finite(pickGaugeValue(prev.families, startTimeGauge));
  const restarted = previousStart !== undefined && startTime !== undefined && previousStart !== startTime;
  const pair: ScrapePair = { prev, curr, options, increases: new IncreaseReader(restarted, options.countNewSeries ?? true) };

  deriveRequests(pair, derived);
  deriveLatency(pair, derived);
  derived.counterReset = restarted || pair.increases.sawDrop;
  return derived;
}

/** Two consecutive scrapes and how to read them. */
interface ScrapePair {
  readonly prev: ScrapeSnapshot;
  readonly curr: ScrapeSnapshot;
  readonly options: DeriveOptions;
  readonly increases: IncreaseReader;
}

/** Sets requestRate and errorRate. */
function deriveRequests({ prev, curr, options, increases }: ScrapePair, derived: DerivedMetrics): void {
  const name = candidates(options.requestCounter, DEFAULT_REQUEST_COUNTERS).find((c) => samplesNamed(curr.families, c) !== undefined);
  if (name === undefined) return;
  const current = (samplesNamed(curr.families, name) ?? []).filter((sample) => matchesLabels(sample.labels, options.seriesMatcher));
  const grown = increases.of(samplesNamed(prev.families, name), current);
  if (grown.length === 0) return;

  const total = sum(grown.map((g) => g.increase));
  const seconds = (curr.at - prev.at) / 1000;
  if (seconds > 0) derived.requestRate = total / seconds;

  const statusLabel = candidates(options.statusLabel, DEFAULT_STATUS_LABELS).find((label) =>
    current.some((sample) => labelValue(sample.labels, label) !== undefined),
  );
  if (statusLabel === undefined || !(total > 0)) return;
  const includeClient = options.includeClientErrors ?? false;
  const errors = sum(grown.filter((g) => isErrorStatus(labelValue(g.sample.labels, statusLabel), includeClient)).map((g) => g.increase));
  derived.errorRate = errors / total;
}

/** Sets latencyP95Ms and latencyP99Ms from the summed bucket increases. */
function deriveLatency({ prev, curr, options, increases }: ScrapePair, derived: DerivedMetrics): void {
  const name = candidates(options.latencyHistogram, DEFAULT_LATENCY_HISTOGRAMS).find(
    (c) => samplesNamed(curr.families, `${c}_bucket`) !== undefined,
  );
  if (name === undefined) return;
  const bucketName = `${name}_bucket`;
  const current = (samplesNamed(curr.families, bucketName) ?? []).filter((sample) => matchesLabels(sample.labels, options.seriesMatcher));
  const byBound = new Map<number, number>();
  for (const { sample, increase } of increases.of(samplesNamed(prev.families, bucketName), current)) {
    const le = parseFloatToken(labelValue(sample.labels, 'le') ?? '');
    if (le === undefined || Number.isNaN(le)) continue;
    byBound.set(le, (byBound.get(le) ?? 0) + increase);
  }
  const buckets = [...byBound].map(([le, count]) => ({ le, count }));
  const toMs = millisecondsPerUnit(name, options.latencyUnit);
  const p95 = histogramQuantile(0.95, buckets);
  const p99 = histogramQuantile(0.99, buckets);
  if (p95 !== undefined) derived.latencyP95Ms = p95 * toMs;
  if (p99 !== undefined) derived.latencyP99Ms = p99 * toMs;
}

/** Per-series increases between two scrapes, with PromQL's counter reset handling. */
class IncreaseReader {
  sawDrop = false;

  constructor(
    private readonly restarted: boolean,
    private readonly countNewSeries: boolean,
  ) {}

  /**
   * The increase of each current series with a finite value. `previous` undefined (the family
   * was not exposed then) → no increases: nothing proves where the counters started.
   */
  of(previous: readonly Sample[] | undefined, current: readonly Sample[]): Array<{ sample: Sample; increase: number }> {
    if (previous === undefined) return [];
    const before = new Map(previous.map((sample) => [seriesKey(sample.name, sample.labels), sample.value]));
    const grown: Array<{ sample: Sample; increase: number }> = [];
    for (const sample of current) {
      if (!Number.isFinite(sample.value)) continue;
      const old = before.get(seriesKey(sample.name, sample.labels));
      if (this.restarted || (old === undefined && this.countNewSeries)) {
        grown.push({ sample, increase: sample.value });
      } else if (old !== undefined && Number.isFinite(old)) {
        if (sample.value < old) this.sawDrop = true;
        grown.push({ sample, increase: sample.value < old ? sample.value : sample.value - old });
      }
    }
    return grown;
  }
}

/**
 * True for an HTTP status that counts as an error: 5xx, and 4xx when `includeClient`. Accepts
 * three-digit codes and the `5xx` / `4XX` classes some libraries use as label values.
 */
export function isErrorStatus(status: string | undefined, includeClient: boolean): boolean {
  if (status === undefined || status.length !== 3) return false;
  const first = status.charAt(0);
  if (first !== '5' && !(includeClient && first === '4')) return false;
  for (let i = 1; i < 3; i++) {
    const char = status.charAt(i);
    if (!((char >= '0' && char <= '9') || char === 'x' || char === 'X')) return false;
  }
  return true;
}

function millisecondsPerUnit(name: string, unit: DeriveOptions['latencyUnit']): number {
  if (unit === 'seconds') return 1000;
  if (unit === 'milliseconds') return 1;
  if (name.endsWith('_milliseconds') || name.endsWith('_ms')) return 1;
  if (name.endsWith('_microseconds') || name.endsWith('_us')) return 0.001;
  return 1000;
}

function candidates(option: string | readonly string[] | undefined, defaults: readonly string[]): readonly string[] {
  if (option === undefined) return defaults;
  return typeof option === 'string' ? [option] : option;
}

function finite(value: number | undefined): number | undefined {
  return value !== undefined && Number.isFinite(value) ? value : undefined;
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
