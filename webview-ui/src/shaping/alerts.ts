/** Ordering and counting of the alerts list. */
import type { DashboardAlert } from '../../../src/shared/dashboardProtocol';

/** Firing before pending, critical before warning, older before newer. */
export function sortAlerts(alerts: readonly DashboardAlert[]): DashboardAlert[] {
  const rank = (a: DashboardAlert): number => (a.state === 'firing' ? 0 : 2) + (a.severity === 'critical' ? 0 : 1);
  return [...alerts].sort((a, b) => rank(a) - rank(b) || a.since - b.since);
}

export function alertCounts(alerts: readonly DashboardAlert[]): string {
  const firing = alerts.filter((a) => a.state === 'firing').length;
  const pending = alerts.length - firing;
  if (alerts.length === 0) return 'No alert is firing or pending.';
  return [firing > 0 ? `${firing} firing` : '', pending > 0 ? `${pending} pending` : ''].filter((s) => s !== '').join(', ');
}

/** The worst state among the alerts of one chart: 'firing', 'pending', or 'ok' when none. */
export function chartAlertState(alerts: readonly DashboardAlert[], chartKey: string): 'firing' | 'pending' | 'ok' {
  let state: 'firing' | 'pending' | 'ok' = 'ok';
  for (const a of alerts) {
    if (a.chart !== chartKey) continue;
    if (a.state === 'firing') return 'firing';
    state = 'pending';
  }
  return state;
}
