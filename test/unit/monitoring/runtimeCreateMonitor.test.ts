import * as assert from 'node:assert/strict';
import type { EnvironmentConfig } from '../../../src/core/config';
import type { AlertEvent, HealthEvent } from '../../../src/core/monitoring';
import { SeriesNames, seriesKey } from '../../../src/core/monitoring';
import type { Runbook } from '../../../src/core/runbook/model';
import { parseRunbook } from '../../../src/core/runbook';
import { SeriesStore } from '../../../src/core/samples';
import { createMonitor, isMonitorable } from '../../../src/infra/monitoring/runtime';
import { startTestService } from '../../support/testService';
import type { TestService } from '../../support/testService';
import { rawRequest, waitUntil } from '../http/helpers';

/** The runbook as a user writes it: front matter with one environment and one alert. */
function runbookFor(serviceUrl: string): string {
  return [
    '---',
    'version: 1',
    'environments:',
    '  staging:',
    `    healthUrl: ${serviceUrl}/health`,
    `    metricsUrl: ${serviceUrl}/metrics`,
    '    health:',
    '      interval: 400ms',
    '      retries: 0',
    '      jsonPath: status',
    '      expected: ok',
    'alerts:',
    '  - name: error_rate',
    '    condition: error_rate > 1%',
    '    for: 1s',
    '    severity: critical',
    '---',
    '# Deploy',
    '',
    '## Step 1: Deploy',
    '',
    '```bash',
    'make deploy',
    '```',
    '',
  ].join('\n');
}

/** Counts of each kind of active resource (what keeps the event loop alive). */
function resources(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const kind of process.getActiveResourcesInfo()) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return counts;
}

/** True when no kind has more resources now than in `baseline`. */
function noMoreThan(baseline: ReadonlyMap<string, number>): boolean {
  for (const [kind, count] of resources()) if (count > (baseline.get(kind) ?? 0)) return false;
  return true;
}

/**
 * Traffic from the test itself: GET /api/work every `everyMs`, each on its own connection that
 * the server closes after answering, so that once stopped no socket of it is left.
 */
function startTraffic(svc: TestService, everyMs: number): { stop(): Promise<void> } {
  const inFlight = new Set<Promise<unknown>>();
  const timer = setInterval(() => {
    const request = rawRequest(`${svc.url}/api/work`).catch(() => undefined);
    inFlight.add(request);
    void request.finally(() => inFlight.delete(request));
  }, everyMs);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all([...inFlight]);
    },
  };
}

describe('createMonitor end to end (health URL + /metrics, real timers)', function () {
  // A failed assertion must not leave the service (and its timers) behind: mocha would never exit.
  const leftovers: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const close of leftovers.splice(0)) await close().catch(() => undefined);
  });
  this.timeout(30_000);

  it('healthy → error500: DOWN and the error-rate alert fires after its for → recovery: UP and resolved; close() leaves nothing', async () => {
    // Mocha arms this test's timeout timer once the test function has returned its promise.
    await new Promise((resolve) => setImmediate(resolve));
    const baseline = resources();
    const svc = await startTestService();
    leftovers.push(() => svc.close());
    const withService = resources();
    const runbook: Runbook = parseRunbook(runbookFor(svc.url), { fileName: 'RUNBOOK.md' });
    assert.deepEqual(runbook.diagnostics.filter((d) => d.severity === 'error'), []);
    const environment: EnvironmentConfig | undefined = runbook.config.environments['staging'];
    assert.ok(environment);
    assert.equal(isMonitorable(environment), true);
    assert.equal(environment.health.intervalSeconds, 0.4);
    assert.equal(environment.health.timeoutSeconds, 0.3); // 80 % of the interval, rounded down to 0.1 s

    const store = new SeriesStore({ capacity: 2000, maxSeries: 16 });
    const handle = createMonitor({
      runbook,
      environment,
      store,
      scrapeIntervalSeconds: 0.25,
      evaluationIntervalSeconds: 0.25,
      rateWindowSeconds: 2,
      resolveSecret: () => Promise.resolve(undefined),
    });
    leftovers.unshift(() => handle.close());
    const { monitor } = handle;
    const healthEvents: HealthEvent[] = [];
    const alertEvents: AlertEvent[] = [];
    monitor.onHealth((e) => healthEvents.push(e));
    monitor.onAlert((e) => alertEvents.push(e));
    const errors: unknown[] = [];
    monitor.onError((e) => errors.push(e));
    const traffic = startTraffic(svc, 50);
    const alertState = (): string | undefined => monitor.alertStates().get('error_rate')?.state;
    const transitions = (from: number): string[] => alertEvents.slice(from).map((e) => `${e.transition.from}→${e.transition.to}`);

    try {
      assert.deepEqual(handle.description, [
        `health ${svc.url}/health every 0.4 s (timeout 0.3 s, 0 retries)`,
        `metrics ${svc.url}/metrics every 0.25 s`,
        '1 alert rule, 0 measurable checklist items',
      ]);
      monitor.start();
      assert.equal(monitor.running, true);

      // Healthy: UP, and the rule measured (0 % errors), not just "no data".
      await waitUntil('health UP and an error rate of 0 measured', () => monitor.healthState.status === 'UP' && monitor.alertStates().get('error_rate')?.lastValue === 0, 5000);
      assert.equal(alertState(), 'inactive');
      assert.equal(monitor.snapshot().overall, 'healthy');
      assert.deepEqual(monitor.snapshot().sources.map((source) => [source.name, source.ok]).sort(), [
        ['health', true],
        ['metrics', true],
      ]);

      // Every request fails.
      const healthMark = healthEvents.length;
      const alertMark = alertEvents.length;
      svc.setFault({ mode: 'error500' });
      await waitUntil('health DOWN', () => monitor.healthState.status === 'DOWN', 5000);
      const down = healthEvents[healthMark]?.change;
      assert.deepEqual([down?.from, down?.to, down?.notify], ['UP', 'DOWN', true]);
      assert.match(monitor.snapshot().lastChecks[0]?.detail ?? '', /^status 500 is not accepted \(200-299\)$/);

      await waitUntil('the error-rate alert fires', () => alertState() === 'firing', 8000);
      assert.deepEqual(transitions(alertMark), ['inactive→pending', 'pending→firing']);
      const pending = alertEvents[alertMark]?.transition;
      const firing = alertEvents[alertMark + 1]?.transition;
      assert.ok(pending && firing);
      // Prometheus `for`: it fires at the first evaluation at or after 1 s of holding, never before.
      assert.ok(firing.at - pending.at >= 1000, `fired ${firing.at - pending.at} ms after pending`);
      assert.ok((firing.value ?? 0) > 0.01, `value ${firing.value}`);
      const snapshot = monitor.snapshot();
      assert.equal(snapshot.overall, 'down');
      assert.deepEqual(
        snapshot.alerts.map((a) => [a.id, a.state, a.severity]),
        [['error_rate', 'firing', 'critical']],
      );

      // Recovery.
      const recoveryHealthMark = healthEvents.length;
      const recoveryAlertMark = alertEvents.length;
      svc.setFault({ mode: 'none' });
      await waitUntil('health UP again', () => monitor.healthState.status === 'UP', 8000);
      const up = healthEvents[recoveryHealthMark]?.change;
      assert.deepEqual([up?.from, up?.to, up?.notify], ['DOWN', 'UP', true]);
      await waitUntil('the alert resolves', () => alertState() === 'inactive', 8000);
      assert.deepEqual(transitions(recoveryAlertMark), ['firing→inactive']);
      assert.ok((alertEvents[recoveryAlertMark]?.transition.value ?? 1) <= 0.01);
      assert.equal(monitor.snapshot().overall, 'healthy');

      // What the store holds: both health values, request counts, error rates up to 100 %.
      const healthUp = store.get(seriesKey('staging', SeriesNames.healthUp));
      const values = new Set<number>();
      healthUp?.forEachInRange(0, Date.now() + 1000, (_t, v) => values.add(v));
      assert.deepEqual([...values].sort(), [0, 1]);
      let maxErrorRate = 0;
      store.get(seriesKey('staging', SeriesNames.errorRate))?.forEachInRange(0, Date.now() + 1000, (_t, v) => (maxErrorRate = Math.max(maxErrorRate, v)));
      assert.equal(maxErrorRate, 1);
      assert.ok((store.get(seriesKey('staging', SeriesNames.requests))?.size ?? 0) > 5);
      assert.deepEqual(errors, []);
    } finally {
      await traffic.stop();
      await handle.close();
    }

    assert.equal(monitor.running, false);
    // The monitor's sockets are gone on both ends (idle undici sockets are unref'd, so the
    // server's count is the one that sees them), and nothing it started keeps the loop alive.
    // The bound is well under the 4 s keep-alive after which an unclosed idle socket would go anyway.
    await waitUntil('the service has no open connection', () => svc.stats().openConnections === 0, 1500);
    await waitUntil('no more active resources than with the service alone', () => noMoreThan(withService), 5000);
    const probes = svc.stats().receivedRequests;
    await new Promise((resolve) => setTimeout(resolve, 600));
    assert.equal(svc.stats().receivedRequests, probes, 'no probe or scrape after close()');
    await svc.close();
    await waitUntil('back to the resources before the service started', () => noMoreThan(baseline), 5000);
  });
});
