import * as assert from 'node:assert/strict';
import { parseAlertCondition } from '../../../src/core/alerts';
import { AppendBatcher, FiringHistory, buildCharts, runMarkers, seriesInit } from '../../../src/core/dashboard';
import type { MonitoredAlert } from '../../../src/core/monitoring';
import type { RunRecord } from '../../../src/core/run';
import { RingSeries, SeriesStore } from '../../../src/core/samples';

const T0 = Date.UTC(2026, 10, 28, 12, 0, 0);

function alert(id: string, text: string, severity: 'warning' | 'critical' = 'critical'): MonitoredAlert {
  const parsed = parseAlertCondition(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return { id, name: id, rule: parsed.value, severity, forSeconds: 0, line: 0 };
}

describe('dashboard host: seriesInit', () => {
  it('sends a short window as it is', () => {
    const series = new RingSeries(100);
    for (let i = 0; i < 10; i++) series.append(T0 + i * 1000, i);
    const init = seriesInit(series, 'k', 'K', T0 + 2000, T0 + 5000, 2000);
    assert.deepEqual(Array.from(init.times), [T0 + 2000, T0 + 3000, T0 + 4000, T0 + 5000]);
    assert.deepEqual(Array.from(init.values), [2, 3, 4, 5]);
  });

  it('downsamples 24 h at 1 s to at most maxPoints, keeping a one-second spike', () => {
    const series = new RingSeries();
    for (let i = 0; i < 86_400; i++) series.append(T0 + i * 1000, i === 50_000 ? 900 : 100);
    const init = seriesInit(series, 'k', 'K', T0, T0 + 86_400_000, 2000);
    assert.ok(init.times.length <= 2000, `${init.times.length} points`);
    assert.equal(Math.max(...Array.from(init.values)), 900);
    assert.equal(Math.min(...Array.from(init.values)), 100);
    const times = Array.from(init.times);
    for (let i = 1; i < times.length; i++) assert.ok((times[i] ?? 0) >= (times[i - 1] ?? 0));
  });
});

describe('dashboard host: charts', () => {
  it("draws the runbook's thresholds on their charts, per-container memory, and the firing bands", () => {
    const store = new SeriesStore({ capacity: 1000 });
    for (let i = 0; i < 5; i++) {
      store.append('staging/memory_bytes/web-1', T0 + i * 1000, 50e6);
      store.append('staging/memory_bytes/web-2', T0 + i * 1000, 60e6);
      store.append('staging/memory_bytes', T0 + i * 1000, 110e6);
      store.append('staging/error_rate', T0 + i * 1000, 0.002);
    }
    const firing = new FiringHistory();
    firing.record('HighErrorRate', 'pending', 'firing', T0 + 2000);
    firing.record('HighErrorRate', 'firing', 'inactive', T0 + 4000);
    const charts = buildCharts({
      environment: 'staging',
      store,
      alerts: [alert('HighErrorRate', 'error_rate > 1%'), alert('p95', 'response_time_p95 > 1000ms', 'warning'), alert('restarts', 'process_restarts > 0')],
      firing,
      fromMs: T0,
      toMs: T0 + 10_000,
      intervalMs: 1000,
    });
    assert.deepEqual(charts.map((c) => c.kind), ['memory', 'errorRate', 'latencyP95', 'healthLatency']);
    const [memory, errors, p95] = charts;
    assert.deepEqual(memory?.series.map((s) => s.label), ['web-1', 'web-2']);
    assert.deepEqual(errors?.thresholds, [{ value: 0.01, label: 'error_rate > 1%', comparator: '>', severity: 'critical', alertId: 'HighErrorRate' }]);
    assert.deepEqual(errors?.firing, [{ from: T0 + 2000, to: T0 + 4000, alertId: 'HighErrorRate' }]);
    assert.equal(p95?.thresholds[0]?.value, 1000);
    assert.equal(p95?.series[0]?.times.length, 0, 'no data is an empty series');
  });
});

describe('dashboard host: run markers', () => {
  it('marks step starts, failures, deploys and rollback commands', () => {
    const record = {
      commands: [
        { commandId: 'a', stepId: 's1', label: 'git fetch', text: 'git fetch', status: 'succeeded', attempts: 1, startedAt: new Date(T0).toISOString() },
        { commandId: 'b', stepId: 's1', label: 'git pull', text: 'git pull', status: 'succeeded', attempts: 1, startedAt: new Date(T0 + 1000).toISOString() },
        { commandId: 'c', stepId: 's2', label: 'docker-compose up -d', text: 'docker-compose -f x.yml up -d', status: 'failed', exitCode: 1, attempts: 1, startedAt: new Date(T0 + 2000).toISOString(), endedAt: new Date(T0 + 3000).toISOString() },
        { commandId: 'd', stepId: 'rb', label: 'git checkout v1', text: 'git checkout v1', status: 'succeeded', attempts: 1, startedAt: new Date(T0 + 4000).toISOString() },
      ],
    } as unknown as RunRecord;
    const markers = runMarkers(record, new Set(['rb']), new Map([['s1', 'STEP 1'], ['s2', 'STEP 2']]), T0);
    assert.deepEqual(markers.map((m) => [m.t - T0, m.kind, m.label]), [
      [0, 'step-started', 'STEP 1'],
      [2000, 'deploy', 'deploy: docker-compose up -d'],
      [3000, 'step-failed', 'STEP 2 failed (exit 1)'],
      [4000, 'rollback', 'rollback: git checkout v1'],
    ]);
  });
});

describe('dashboard host: append batcher', () => {
  it('sends only deltas, declares new series once, and is empty between samples', () => {
    const batcher = new AppendBatcher('staging', (key) => (key.startsWith('staging/memory_bytes') ? 'staging/memory' : undefined), ['staging/memory_bytes/web-1'], (key) => key.split('/').at(-1) ?? key);
    batcher.add('staging/memory_bytes/web-1', T0, 1);
    batcher.add('staging/memory_bytes/web-2', T0, 2);
    batcher.add('staging/requests', T0, 3);
    const first = batcher.flush(T0);
    assert.deepEqual(first?.points, { 'staging/memory_bytes/web-1': [[T0, 1]], 'staging/memory_bytes/web-2': [[T0, 2]] });
    assert.deepEqual(first?.newSeries, [{ chart: 'staging/memory', key: 'staging/memory_bytes/web-2', label: 'web-2' }]);
    assert.equal(batcher.flush(T0 + 1), undefined);
    batcher.add('staging/memory_bytes/web-2', T0 + 1000, 4);
    assert.deepEqual(batcher.flush(T0 + 1000), { type: 'append', environment: 'staging', now: T0 + 1000, points: { 'staging/memory_bytes/web-2': [[T0 + 1000, 4]] } });
  });
});
