import type { CurrentValue, DashboardAlert, EnvironmentStatus, MemoryTrendInfo } from '../../shared/dashboardProtocol';
import { CHART_KIND_FOR_METRIC } from '../../shared/dashboardProtocol';
import type { EnvironmentSnapshot, MonitoredAlert } from '../monitoring';
import { SeriesNames, seriesKey } from '../monitoring';
import type { SeriesStore } from '../samples';
import { memoryTrend } from '../trend';
import { chartKey } from './charts';

const TREND_WINDOW_MS = 3_600_000;

/** An environment's status for the dashboard: the monitor's snapshot, the latest values and the memory trends. */
export function environmentStatus(
  snapshot: EnvironmentSnapshot | undefined,
  environment: string,
  store: SeriesStore,
  alerts: readonly MonitoredAlert[],
  now: number,
  restartTimes: readonly number[] = [],
): EnvironmentStatus {
  const current: Record<string, CurrentValue> = {};
  const prefix = `${environment}/`;
  for (const key of store.keys()) {
    if (!key.startsWith(prefix)) continue;
    const latest = store.get(key)?.latest();
    if (latest) current[key] = { t: latest.t, v: latest.v };
  }
  const byId = new Map(alerts.map((a) => [a.id, a]));
  const dashboardAlerts: DashboardAlert[] = (snapshot?.alerts ?? []).map((a) => {
    const kind = CHART_KIND_FOR_METRIC[byId.get(a.id)?.rule.metric ?? ''];
    return { ...a, ...(kind ? { chart: chartKey(environment, kind) } : {}) };
  });
  const memoryBase = seriesKey(environment, SeriesNames.memory);
  const memoryKeys = store.keys().filter((k) => k === memoryBase || k.startsWith(`${memoryBase}/`));
  const memoryTrends: MemoryTrendInfo[] = memoryKeys.map((key) => {
    const trend = memoryTrend(store.get(key)?.points(now - TREND_WINDOW_MS, now) ?? [], { restartTimes, now });
    return {
      series: key,
      label: key === memoryBase ? 'total' : key.slice(memoryBase.length + 1),
      verdict: trend.verdict,
      percentPerHour: trend.percentPerHour,
      ...(trend.projectedLimitInSeconds !== undefined ? { projectedLimitInSeconds: trend.projectedLimitInSeconds } : {}),
    };
  });
  return {
    environment,
    monitoring: snapshot !== undefined,
    overall: snapshot?.overall ?? 'unknown',
    probe: snapshot?.probe ?? 'UNKNOWN',
    alerts: dashboardAlerts,
    current,
    memoryTrends,
    sources: snapshot?.sources ?? [],
  };
}
