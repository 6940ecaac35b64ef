import * as assert from 'node:assert/strict';
import type { DashboardAlert } from '../../../src/shared/dashboardProtocol';
import { alertCounts, chartAlertState, emptyGuidance, sortAlerts, sourceProblems } from '../../../webview-ui/src/shaping';

function alert(id: string, state: DashboardAlert['state'], severity: DashboardAlert['severity'], since: number, chart?: string): DashboardAlert {
  return { id, name: id, text: id, state, severity, since, ...(chart !== undefined ? { chart } : {}) };
}

describe('alerts list', () => {
  it('firing before pending, critical before warning, older first', () => {
    const sorted = sortAlerts([alert('p', 'pending', 'critical', 1), alert('fw', 'firing', 'warning', 1), alert('fc2', 'firing', 'critical', 9), alert('fc1', 'firing', 'critical', 5)]);
    assert.deepEqual(
      sorted.map((a) => a.id),
      ['fc1', 'fc2', 'fw', 'p'],
    );
  });

  it('counts for the live region', () => {
    assert.equal(alertCounts([alert('a', 'firing', 'warning', 1), alert('b', 'pending', 'warning', 1)]), '1 firing, 1 pending');
    assert.equal(alertCounts([alert('b', 'pending', 'warning', 1)]), '1 pending');
    assert.equal(alertCounts([]), 'No alert is firing or pending.');
  });

  it("a chart's state is the worst of its own alerts", () => {
    const alerts = [alert('a', 'pending', 'warning', 1, 'c1'), alert('b', 'firing', 'warning', 1, 'c2'), alert('c', 'pending', 'warning', 1, 'c2')];
    assert.equal(chartAlertState(alerts, 'c1'), 'pending');
    assert.equal(chartAlertState(alerts, 'c2'), 'firing');
    assert.equal(chartAlertState(alerts, 'c3'), 'ok');
  });
});

describe('guidance', () => {
  it('each empty state says what to do, with the button that does it', () => {
    assert.deepEqual(emptyGuidance('not-monitoring', 'staging').actions, ['startMonitoring']);
    assert.match(emptyGuidance('not-monitoring', 'staging').text, /staging/);
    assert.match(emptyGuidance('no-environment', undefined).text, /healthUrl or a metricsUrl/);
    assert.deepEqual(emptyGuidance('no-data', 'staging').actions, ['openLog']);
    assert.match(emptyGuidance('no-runbook', undefined).text, /Open Runbook/);
  });

  it('names each failing source with its message', () => {
    assert.deepEqual(
      sourceProblems([
        { name: 'metrics', ok: false, message: 'connection refused (http://127.0.0.1:8080/metrics)' },
        { name: 'health', ok: true },
        { name: 'docker', ok: false },
      ]),
      ['Metrics scrape failing: connection refused (http://127.0.0.1:8080/metrics)', 'Docker stats failing'],
    );
  });
});
