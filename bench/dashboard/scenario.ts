/**
 * A realistic hour of the seed's staging environment for screenshots: two containers' memory
 * (one leaking slowly), an error-rate spike above the runbook's 1 % that is firing now, p95
 * latency approaching 1000 ms (pending), health-check latency with a two-minute outage, and
 * the run's events. Deterministic (no Math.random), so screenshots compare.
 */
import type { ChartInit, InitMessage, StatusMessage } from '../../src/shared/dashboardProtocol';
import { DASHBOARD_PROTOCOL_VERSION } from '../../src/shared/dashboardProtocol';

const MIB = 2 ** 20;
const STEP_MS = 5000;
const HOUR_MS = 3_600_000;

/** A repeatable pseudo-random sequence in [0, 1). */
function noise(seed: number): (i: number) => number {
  return (i) => {
    const x = Math.sin((i + 1) * 12.9898 + seed * 78.233) * 43_758.5453;
    return x - Math.floor(x);
  };
}

function series(now: number, fn: (t: number, i: number) => number | undefined): { times: number[]; values: number[] } {
  const times: number[] = [];
  const values: number[] = [];
  const start = now - HOUR_MS;
  for (let t = start, i = 0; t <= now; t += STEP_MS, i++) {
    const v = fn(t, i);
    if (v === undefined) continue;
    times.push(t);
    values.push(v);
  }
  return { times, values };
}

export function screenshotScenario(now: number): { init: InitMessage; status: StatusMessage } {
  const n1 = noise(1);
  const n2 = noise(2);
  const n3 = noise(3);
  const n4 = noise(4);
  const spikeFrom = now - 9 * 60_000;
  const outageFrom = now - 34 * 60_000;
  const outageTo = outageFrom + 2 * 60_000;
  const firingSince = now - 6 * 60_000;
  const gapMs = 3 * STEP_MS;
  const env = 'staging';
  const charts: ChartInit[] = [
    {
      key: `${env}/memory`,
      kind: 'memory',
      title: 'Memory',
      unit: 'B',
      gapMs,
      series: [
        { key: `${env}/memory_bytes/web-1`, label: 'web-1', ...series(now, (t, i) => (312 + ((t - now + HOUR_MS) / HOUR_MS) * 9.7 + n1(i) * 3) * MIB) },
        { key: `${env}/memory_bytes/web-2`, label: 'web-2', ...series(now, (_t, i) => (286 + Math.sin(i / 40) * 4 + n2(i) * 3) * MIB) },
      ],
      thresholds: [{ value: 512e6, label: 'memory_usage > 512MB', comparator: '>', severity: 'warning', alertId: 'memory-high' }],
      firing: [],
    },
    {
      key: `${env}/errorRate`,
      kind: 'errorRate',
      title: 'Error rate',
      unit: 'ratio',
      gapMs,
      series: [
        {
          key: `${env}/error_rate`,
          label: 'Error rate',
          ...series(now, (t, i) => (t >= spikeFrom ? 0.018 + n3(i) * 0.009 : 0.0012 + n3(i) * 0.0016 + (i % 97 === 0 ? 0.004 : 0))),
        },
      ],
      thresholds: [{ value: 0.01, label: 'error_rate > 1%', comparator: '>', severity: 'critical', alertId: 'error-rate' }],
      firing: [{ from: now - 47 * 60_000, to: now - 45 * 60_000, alertId: 'error-rate' }, { from: firingSince, alertId: 'error-rate' }],
    },
    {
      key: `${env}/latencyP95`,
      kind: 'latencyP95',
      title: 'Response time p95',
      unit: 'ms',
      gapMs,
      series: [{ key: `${env}/response_time_p95_ms`, label: 'p95', ...series(now, (t, i) => (t >= spikeFrom ? 760 + ((t - spikeFrom) / 540_000) * 330 : 420) + n4(i) * 90) }],
      thresholds: [{ value: 1000, label: 'response_time_p95 > 1000ms', comparator: '>', severity: 'warning', alertId: 'p95' }],
      firing: [],
    },
    {
      key: `${env}/healthLatency`,
      kind: 'healthLatency',
      title: 'Health-check latency',
      unit: 'ms',
      gapMs,
      series: [{ key: `${env}/health_latency_ms`, label: 'Health check', ...series(now, (t, i) => (t >= outageFrom && t < outageTo ? undefined : 11 + n1(i + 7) * 6 + (t >= spikeFrom ? 9 : 0))) }],
      thresholds: [],
      firing: [],
    },
  ];
  const status: StatusMessage = {
    type: 'status',
    now,
    environments: [
      {
        environment: env,
        monitoring: true,
        overall: 'degraded',
        probe: 'UP',
        alerts: [
          { id: 'error-rate', name: 'error_rate > 1%', text: 'error_rate > 1%', state: 'firing', severity: 'critical', since: firingSince, value: '2.3%', chart: `${env}/errorRate` },
          { id: 'p95', name: 'response_time_p95 > 1000ms', text: 'response_time_p95 > 1000ms', state: 'pending', severity: 'warning', since: now - 70_000, value: '1,064ms', chart: `${env}/latencyP95` },
        ],
        current: {},
        memoryTrends: [
          { series: `${env}/memory_bytes/web-1`, label: 'web-1', verdict: 'growing', percentPerHour: 3.1, projectedLimitInSeconds: 19 * 3600 },
          { series: `${env}/memory_bytes/web-2`, label: 'web-2', verdict: 'flat', percentPerHour: 0.2 },
        ],
        sources: [
          { name: 'health', ok: true, at: now },
          { name: 'metrics', ok: true, at: now },
          { name: 'docker', ok: true, at: now },
        ],
      },
      { environment: 'production', monitoring: false, overall: 'unknown', probe: 'UNKNOWN', alerts: [], current: {}, memoryTrends: [], sources: [] },
    ],
  };
  const init: InitMessage = {
    type: 'init',
    protocol: DASHBOARD_PROTOCOL_VERSION,
    environments: [
      { name: env, monitoring: true },
      { name: 'production', monitoring: false },
    ],
    environment: env,
    window: '1h',
    now,
    charts,
    markers: [
      { t: now - 52 * 60_000, label: 'STEP 5 started', kind: 'step-started' },
      { t: now - 50 * 60_000, label: 'deploy v1.0.0-rc1', kind: 'deploy' },
      { t: now - 11 * 60_000, label: 'STEP 7 failed', kind: 'step-failed' },
    ],
    status,
  };
  return { init, status };
}
