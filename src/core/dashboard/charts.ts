import type { ChartInit, ChartKind, ThresholdLine } from '../../shared/dashboardProtocol';
import { CHART_KIND_FOR_METRIC, CHART_KINDS, MAX_INIT_POINTS_PER_SERIES } from '../../shared/dashboardProtocol';
import type { MonitoredAlert } from '../monitoring';
import { seriesKey } from '../monitoring';
import type { SeriesStore } from '../samples';
import type { FiringHistory } from './firingHistory';
import { seriesInit } from './seriesInit';

const ORDER: readonly ChartKind[] = ['memory', 'errorRate', 'latencyP95', 'healthLatency'];

export interface ChartsRequest {
  readonly environment: string;
  readonly store: SeriesStore;
  readonly alerts: readonly MonitoredAlert[];
  readonly firing: Pick<FiringHistory, 'periodsOf'>;
  readonly fromMs: number;
  readonly toMs: number;
  /** The scrape interval: two samples further apart than 3 × it are drawn with a gap. */
  readonly intervalMs: number;
  readonly maxPoints?: number;
}

/** The chart key of an environment's chart: "staging/memory". */
export function chartKey(environment: string, kind: ChartKind): string {
  return `${environment}/${kind}`;
}

/** The series keys a chart draws: memory per container when there are containers, else the one series. */
export function chartSeriesKeys(store: SeriesStore, environment: string, kind: ChartKind): { key: string; label: string }[] {
  const base = seriesKey(environment, CHART_KINDS[kind].seriesName);
  if (kind === 'memory') {
    const perContainer = store
      .keys()
      .filter((k) => k.startsWith(`${base}/`))
      .sort()
      .map((k) => ({ key: k, label: k.slice(base.length + 1) }));
    if (perContainer.length > 0) return perContainer;
  }
  return [{ key: base, label: CHART_KINDS[kind].title }];
}

/** The thresholds the runbook's alert rules draw on a chart. */
export function chartThresholds(alerts: readonly MonitoredAlert[], kind: ChartKind): ThresholdLine[] {
  return alerts
    .filter((a) => CHART_KIND_FOR_METRIC[a.rule.metric] === kind && a.rule.comparator !== 'within')
    .map((a) => ({ value: a.rule.threshold.canonical.value, label: a.rule.text, comparator: a.rule.comparator, severity: a.severity, alertId: a.id }));
}

/** The four charts of an environment with their history for [fromMs, toMs]. */
export function buildCharts(request: ChartsRequest): ChartInit[] {
  const { environment, store, fromMs, toMs } = request;
  const maxPoints = request.maxPoints ?? MAX_INIT_POINTS_PER_SERIES;
  const stepMs = (toMs - fromMs) / Math.max(1, maxPoints / 2);
  return ORDER.map((kind) => {
    const thresholds = chartThresholds(request.alerts, kind);
    const series = chartSeriesKeys(store, environment, kind).map(({ key, label }) => {
      const reader = store.get(key);
      return reader ? seriesInit(reader, key, label, fromMs, toMs, maxPoints) : { key, label, times: [], values: [] };
    });
    return {
      key: chartKey(environment, kind),
      kind,
      title: CHART_KINDS[kind].title,
      unit: CHART_KINDS[kind].unit,
      gapMs: Math.max(3 * request.intervalMs, 2 * stepMs),
      series,
      thresholds,
      firing: request.firing.periodsOf(
        thresholds.flatMap((t) => (t.alertId ? [t.alertId] : [])),
        fromMs,
      ),
    };
  });
}
