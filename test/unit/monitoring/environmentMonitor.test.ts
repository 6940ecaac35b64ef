import * as assert from 'node:assert/strict';
import { parseAlertCondition, parseChecklistCriterion } from '../../../src/core/alerts';
import type { AlertRule } from '../../../src/core/alerts';
import type { HealthCheckConfig } from '../../../src/core/config';
import type { ProbeResult } from '../../../src/core/health';
import type { AlertEvent, ContainerReading, CriterionEvent, HealthEvent, MetricsReading, MonitoredAlert } from '../../../src/core/monitoring';
import { EnvironmentMonitor, SeriesNames, seriesKey } from '../../../src/core/monitoring';
import { SeriesStore } from '../../../src/core/samples';
import { ManualClock } from '../../support/manualClock';

const HEALTH: HealthCheckConfig = { intervalSeconds: 5, timeoutSeconds: 4, retries: 1, acceptedStatus: [{ min: 200, max: 299 }], headers: {} };

function rule(text: string): AlertRule {
  const parsed = parseAlertCondition(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

function criterion(text: string): AlertRule {
  const parsed = parseChecklistCriterion(text);
  if (!parsed) throw new Error(`not measurable: ${text}`);
  return parsed;
}

/** A service whose health and traffic the test switches. */
class FakeService {
  healthy = true;
  errorRatio = 0;
  requestsPerScrape = 100;
  memory = 100 * 2 ** 20;
  probes = 0;
  inFlight = 0;
  maxInFlight = 0;
  constructor(private readonly clock: ManualClock) {}

  async probe(): Promise<ProbeResult> {
    this.probes++;
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    await Promise.resolve();
    this.inFlight--;
    const at = this.clock.now();
    return this.healthy ? { ok: true, at, latencyMs: 12, status: 200 } : { ok: false, at, latencyMs: 3, status: 500, kind: 'status', message: 'HTTP 500 (expected 200-299)' };
  }

  read(): Promise<MetricsReading> {
    const errors = Math.round(this.requestsPerScrape * this.errorRatio);
    return Promise.resolve({
      at: this.clock.now(),
      requests: this.requestsPerScrape,
      errors,
      spanSeconds: 5,
      requestRate: this.requestsPerScrape / 5,
      ...(this.requestsPerScrape > 0 ? { errorRate: errors / this.requestsPerScrape } : {}),
      latencyP95Ms: 40,
      residentMemoryBytes: this.memory,
      restarted: false,
    });
  }
}

function setup(alerts: MonitoredAlert[], extra: { criteria?: { text: string; window: number }[]; containers?: () => ContainerReading[] } = {}) {
  const clock = new ManualClock();
  const service = new FakeService(clock);
  const store = new SeriesStore({ capacity: 10_000, maxSeries: 16 });
  const monitor = new EnvironmentMonitor({
    environment: 'staging',
    health: { port: { probe: () => service.probe() }, config: HEALTH },
    metrics: { port: { name: 'metrics', read: () => service.read() }, intervalSeconds: 5 },
    ...(extra.containers ? { containers: { port: { read: () => Promise.resolve(extra.containers?.() ?? []) }, intervalSeconds: 5 } } : {}),
    alerts,
    criteria: (extra.criteria ?? []).map((c, i) => ({ taskId: `task-${i}`, text: c.text, rule: criterion(c.text), windowSeconds: c.window, line: i })),
    evaluationIntervalSeconds: 5,
    store,
    clock,
    timers: clock,
    formatTime: (ms) => new Date(ms).toISOString().slice(11, 16),
  });
  const alertEvents: AlertEvent[] = [];
  const healthEvents: HealthEvent[] = [];
  const criterionEvents: CriterionEvent[] = [];
  monitor.onAlert((e) => alertEvents.push(e));
  monitor.onHealth((e) => healthEvents.push(e));
  monitor.onCriterion((e) => criterionEvents.push(e));
  return { clock, service, store, monitor, alertEvents, healthEvents, criterionEvents };
}

const errorRateAlert = (forSeconds: number): MonitoredAlert => ({ id: 'HighErrorRate', name: 'HighErrorRate', rule: rule('error_rate > 1%'), severity: 'critical', forSeconds, line: 0 });

describe('EnvironmentMonitor', () => {
  it('goes degraded (PENDING) then down (DOWN) when the health check fails, and healthy again on recovery', async () => {
    const { clock, service, monitor, healthEvents } = setup([]);
    monitor.start();
    await clock.advance(0);
    assert.equal(monitor.snapshot().overall, 'healthy');
    assert.equal(monitor.snapshot().latencyMs, 12);
    service.healthy = false;
    await clock.advance(5000);
    assert.equal(monitor.snapshot().probe, 'PENDING');
    assert.equal(monitor.snapshot().overall, 'degraded');
    await clock.advance(5000);
    assert.equal(monitor.snapshot().probe, 'DOWN');
    assert.equal(monitor.snapshot().overall, 'down');
    assert.equal(monitor.snapshot().lastChecks[0]?.detail, 'HTTP 500 (expected 200-299)');
    service.healthy = true;
    // Back-off while DOWN: the next probe comes after at most the capped delay.
    await clock.advance(20_000);
    assert.equal(monitor.snapshot().overall, 'healthy');
    assert.deepEqual(
      healthEvents.map((e) => [e.change.from, e.change.to, e.change.notify]),
      [
        ['UNKNOWN', 'UP', false],
        ['UP', 'PENDING', false],
        ['PENDING', 'DOWN', true],
        ['DOWN', 'UP', true],
      ],
    );
    assert.equal(service.maxInFlight, 1, 'two probes of one target were in flight');
    monitor.dispose();
  });

  it('fires error_rate > 1% only after it held at every evaluation for its `for`, and resolves on recovery', async () => {
    const { clock, service, monitor, alertEvents } = setup([errorRateAlert(60)]);
    monitor.start();
    await clock.advance(30_000);
    assert.equal(monitor.alertStates().get('HighErrorRate')?.state, 'inactive');
    service.errorRatio = 0.2;
    await clock.advance(10_000);
    assert.equal(monitor.alertStates().get('HighErrorRate')?.state, 'pending');
    const pendingAt = alertEvents.at(-1)?.transition.at ?? 0;
    await clock.advance(pendingAt + 55_000 - clock.now());
    assert.equal(monitor.alertStates().get('HighErrorRate')?.state, 'pending', 'fired before its for window');
    await clock.advance(pendingAt + 60_000 - clock.now());
    assert.equal(monitor.alertStates().get('HighErrorRate')?.state, 'firing');
    const firedAt = alertEvents.at(-1)?.transition.at ?? 0;
    assert.equal(firedAt - pendingAt, 60_000);
    assert.equal(monitor.snapshot().overall, 'down', 'a firing critical alert is down');
    assert.equal(monitor.snapshot().alerts[0]?.value, '20%');
    service.errorRatio = 0;
    // The 60 s default window still holds the errors: it resolves once they drop below 1 %.
    await clock.advance(65_000);
    assert.equal(monitor.alertStates().get('HighErrorRate')?.state, 'inactive');
    assert.deepEqual(
      alertEvents.map((e) => `${e.transition.from}->${e.transition.to}`),
      ['inactive->pending', 'pending->firing', 'firing->inactive'],
    );
    monitor.dispose();
  });

  it('resets the `for` timer when one evaluation does not hold', async () => {
    const { clock, service, monitor, alertEvents } = setup([{ ...errorRateAlert(30), rule: rule('error_rate > 1% over 9s') }]);
    monitor.start();
    service.errorRatio = 0.5;
    await clock.advance(25_000);
    assert.equal(monitor.alertStates().get('HighErrorRate')?.state, 'pending');
    service.errorRatio = 0;
    await clock.advance(10_000);
    assert.equal(monitor.alertStates().get('HighErrorRate')?.state, 'inactive', 'one miss did not reset the alert');
    service.errorRatio = 0.5;
    await clock.advance(25_000);
    assert.equal(monitor.alertStates().get('HighErrorRate')?.state, 'pending');
    assert.ok(!alertEvents.some((e) => e.transition.to === 'firing'));
    monitor.dispose();
  });

  it('treats no traffic as no data, not as a zero error rate', async () => {
    const { clock, service, monitor } = setup([], { criteria: [{ text: 'Error rate < 0.5%', window: 60 }] });
    service.requestsPerScrape = 0;
    monitor.start();
    await clock.advance(120_000);
    assert.equal(monitor.criterionStates().get('task-0')?.state, 'unverified');
    monitor.dispose();
  });

  it('auto-verifies a measurable checklist item over its window, and says from how many samples', async () => {
    const { clock, monitor, criterionEvents } = setup([], { criteria: [{ text: 'Error rate < 0.5%', window: 60 }] });
    monitor.start();
    await clock.advance(70_000);
    const verification = monitor.criterionStates().get('task-0');
    assert.equal(verification?.state, 'verified');
    assert.match(verification?.text ?? '', /^auto-verified at 14:01 from 1[0-9] samples$/);
    assert.deepEqual(
      criterionEvents.map((e) => e.verification.state),
      ['holding', 'verified'],
    );
    monitor.dispose();
  });

  it('counts container restarts and OOM kills from the baseline, and sums container memory', async () => {
    let restarts = 0;
    const { clock, store, monitor } = setup(
      [
        { id: 'restarts', name: 'restarts', rule: rule('process_restarts > 0'), severity: 'critical', forSeconds: 0, line: 0 },
        { id: 'oom', name: 'oom', rule: rule('oom_conditions > 0'), severity: 'critical', forSeconds: 0, line: 1 },
      ],
      {
        containers: () => [
          { id: 'a', name: 'web-1', memoryBytes: 50e6, cpuPercent: 3, restarts, oomKills: 0, restartTimes: [] },
          { id: 'b', name: 'web-2', memoryBytes: 70e6, cpuPercent: 2, restarts: 0, oomKills: 0, restartTimes: [] },
        ],
      },
    );
    monitor.start();
    await clock.advance(10_000);
    assert.equal(store.get(seriesKey('staging', SeriesNames.memory))?.latest()?.v, 120e6);
    assert.equal(store.get(seriesKey('staging', SeriesNames.memory, 'web-1'))?.latest()?.v, 50e6);
    assert.equal(monitor.alertStates().get('restarts')?.state, 'inactive');
    restarts = 1;
    await clock.advance(10_000);
    assert.equal(monitor.alertStates().get('restarts')?.state, 'firing');
    assert.equal(monitor.alertStates().get('oom')?.state, 'inactive');
    monitor.dispose();
  });

  it('leaves no timer behind when stopped, and survives a port that throws', async () => {
    const clock = new ManualClock();
    const errors: unknown[] = [];
    const monitor = new EnvironmentMonitor({
      environment: 'prod',
      health: { port: { probe: () => Promise.reject(new Error('boom')) }, config: HEALTH },
      metrics: { port: { name: 'metrics', read: () => Promise.reject(new Error('scrape failed: 502')) }, intervalSeconds: 5 },
      alerts: [],
      criteria: [],
      evaluationIntervalSeconds: 5,
      store: new SeriesStore({ capacity: 100, maxSeries: 4 }),
      clock,
      timers: clock,
    });
    monitor.onError((e) => errors.push(e));
    monitor.start();
    await clock.advance(20_000);
    assert.ok(errors.length >= 1);
    const metrics = monitor.snapshot().sources.find((s) => s.name === 'metrics');
    assert.equal(metrics?.ok, false);
    assert.equal(metrics?.message, 'scrape failed: 502');
    monitor.stop();
    assert.equal(clock.timerCount, 0);
    monitor.dispose();
  });
});
