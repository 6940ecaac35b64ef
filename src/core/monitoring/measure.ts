/**
 * How the monitor measures a rule's metric from what it has stored. Values come out in the
 * rule's canonical unit (ratio for %, ms, bytes, counts, status, per second).
 *
 * - `error_rate`: Σ errors / Σ requests over the rule's window (default: the monitor's rate
 *   window, 60 s unless set): rate before sum,
 *   each scrape's increase already reset-adjusted. No requests in the window (0/0) is no data.
 * - `request_rate`: Σ requests / seconds spanned, same window.
 * - `response_time_p95` / `_p99`: each scrape computes `histogram_quantile` over the bucket
 *   increases since the previous scrape; without a window the latest, with one the mean of
 *   the scrapes inside it.
 * - `response_time`: the latest health-probe latency.
 * - `memory_usage`: the latest memory (containers summed, else the process's RSS).
 * - `memory_growth`: the robust trend over the window (default 1 h): untrusted fits count as
 *   0 % (not a leak), too little data is no data (see core/trend memoryGrowthPercent).
 * - `process_restarts`, `oom_conditions`: changes since the baseline taken at start.
 * - `health_status`: the last probe's HTTP status (0 when no response came).
 * - `cpu_usage`: the latest CPU, summed over containers, as a ratio of one CPU.
 * - A metric with a PromQL query in the environment: the query's latest result.
 * - A `within` rule compares the change from the value at the first evaluation that had data.
 */
import type { AlertRule } from '../alerts';
import type { Measurement } from '../alerts/evaluate';
import { changeFromBaseline } from '../alerts/evaluate';
import type { SeriesStore } from '../samples';
import { memoryGrowthPercent } from '../trend';
import { SeriesNames, promqlSeriesKey, seriesKey } from './seriesKeys';

export const DEFAULT_RATE_WINDOW_SECONDS = 60;
export const DEFAULT_GROWTH_WINDOW_SECONDS = 3600;

export interface MeasureContext {
  readonly environment: string;
  readonly store: SeriesStore;
  readonly now: number;
  /** Metrics answered by PromQL in this environment. */
  readonly promqlMetrics: ReadonlySet<string>;
  /** Restarts and OOM kills since the baseline; undefined when nothing counts them. */
  readonly restarts?: number;
  readonly oomKills?: number;
  /** Unix ms of process restarts seen, for the memory trend. */
  readonly restartTimes: readonly number[];
  /** The last probe's HTTP status (0: no response); undefined before the first probe. */
  readonly lastHealthStatus?: number;
  /** The window of rate rules written without one (default 60 s). */
  readonly rateWindowSeconds?: number;
  /** Baselines of `within` rules, by rule text; filled in by `measureRule`. */
  readonly baselines: Map<string, number>;
}

const noData = (reason: string): Measurement => ({ noData: true, reason });

/** The rule's metric, measured now. */
export function measureRule(rule: AlertRule, ctx: MeasureContext): Measurement {
  const raw = rawMeasure(rule, ctx);
  if (rule.comparator !== 'within' || !('value' in raw)) return raw;
  const baseline = ctx.baselines.get(rule.text);
  if (baseline === undefined) {
    ctx.baselines.set(rule.text, raw.value);
    return { value: 0 };
  }
  const change = changeFromBaseline(rule.threshold.canonical.unit, baseline, raw.value);
  return change === undefined ? noData('the baseline is 0') : { value: change };
}

function rawMeasure(rule: AlertRule, ctx: MeasureContext): Measurement {
  const key = (name: string): string => seriesKey(ctx.environment, name);
  const windowMs = (fallbackSeconds: number): number => (rule.window?.seconds ?? fallbackSeconds) * 1000;
  if (ctx.promqlMetrics.has(rule.metric)) return latest(ctx, promqlSeriesKey(ctx.environment, rule.metric), 'no PromQL result yet');
  switch (rule.metric) {
    case 'error_rate': {
      const from = ctx.now - windowMs(ctx.rateWindowSeconds ?? DEFAULT_RATE_WINDOW_SECONDS);
      const errors = sum(ctx, key(SeriesNames.errors), from);
      const requests = sum(ctx, key(SeriesNames.requests), from);
      if (requests === undefined || errors === undefined) return noData('no scrape with request counters yet');
      if (requests === 0) return noData('no requests in the window (0/0)');
      return { value: errors / requests };
    }
    case 'request_rate': {
      const window = windowMs(ctx.rateWindowSeconds ?? DEFAULT_RATE_WINDOW_SECONDS);
      const requests = sum(ctx, key(SeriesNames.requests), ctx.now - window);
      return requests === undefined ? noData('no scrape with request counters yet') : { value: requests / (window / 1000) };
    }
    case 'response_time_p95':
    case 'response_time_p99': {
      const name = rule.metric === 'response_time_p95' ? SeriesNames.latencyP95 : SeriesNames.latencyP99;
      if (!rule.window) return latest(ctx, key(name), 'no latency histogram scraped yet');
      return mean(ctx, key(name), ctx.now - rule.window.seconds * 1000) ?? noData('no latency in the window');
    }
    case 'response_time':
      return latest(ctx, key(SeriesNames.healthLatency), 'no health check yet');
    case 'memory_usage':
      return latest(ctx, key(SeriesNames.memory), 'no memory sample yet');
    case 'memory_growth': {
      const seconds = rule.window?.seconds ?? DEFAULT_GROWTH_WINDOW_SECONDS;
      const series = ctx.store.get(key(SeriesNames.memory));
      if (!series) return noData('no memory sample yet');
      const growth = memoryGrowthPercent(series.points(ctx.now - seconds * 1000, ctx.now), seconds, ctx.now, { restartTimes: ctx.restartTimes });
      if (growth.value === undefined || growth.bytes === undefined) return noData(`not enough memory samples for a trend (${growth.trend.samples})`);
      if (!growth.trusted) return { value: 0 };
      return { value: rule.threshold.canonical.unit === 'B' ? growth.bytes : growth.value / 100 };
    }
    case 'process_restarts':
      return ctx.restarts === undefined ? noData('nothing counts restarts here (no container, no process start time)') : { value: ctx.restarts };
    case 'oom_conditions':
      return ctx.oomKills === undefined ? noData('OOM kills are only known for containers') : { value: ctx.oomKills };
    case 'health_status':
      return ctx.lastHealthStatus === undefined ? noData('no health check yet') : { value: ctx.lastHealthStatus };
    case 'cpu_usage': {
      const m = latest(ctx, key(SeriesNames.cpu), 'no CPU sample yet');
      return 'value' in m ? { value: m.value / 100 } : m;
    }
    default:
      return noData(`nothing measures "${rule.metric}" (give it a PromQL query in the environment's promql)`);
  }
}

function latest(ctx: MeasureContext, key: string, reason: string): Measurement {
  const sample = ctx.store.get(key)?.latest();
  return sample ? { value: sample.v } : noData(reason);
}

function sum(ctx: MeasureContext, key: string, fromMs: number): number | undefined {
  const series = ctx.store.get(key);
  if (!series || series.size === 0) return undefined;
  let total = 0;
  series.forEachInRange(fromMs, ctx.now, (_t, v) => {
    total += v;
  });
  return total;
}

function mean(ctx: MeasureContext, key: string, fromMs: number): Measurement | undefined {
  const series = ctx.store.get(key);
  if (!series) return undefined;
  let total = 0;
  let n = 0;
  series.forEachInRange(fromMs, ctx.now, (_t, v) => {
    total += v;
    n++;
  });
  return n === 0 ? undefined : { value: total / n };
}
