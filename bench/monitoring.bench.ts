/**
 * Figures for live monitoring (no assertions):
 *
 * - A soak: 10,000 health probes and 10,000 /metrics scrapes through the real adapters
 *   (HttpHealthProbe, ScrapeMetricsSource on one undici HttpClient) driven by an
 *   EnvironmentMonitor with ~1 ms intervals, the seed's five alert rules evaluated every 50 ms,
 *   and a SeriesStore small enough (1,000 samples per series) that its ring buffers are full
 *   from the first checkpoint on. The test service runs in a child process with built-in
 *   traffic, so this process holds only the monitor. Memory after global.gc() at 1,000 probes
 *   and scrapes (after warm-up) and at 10,000: the growth between the two is what a monitor
 *   running for days would leak.
 * - The cost of one evaluation of the seed's five rules (measureRule) over a full 24 h store
 *   of six series at 1 s.
 *
 * The soak needs `global.gc`: without --expose-gc this module re-runs itself in a child
 * `node --expose-gc` (which also keeps other suites' garbage out of the figures).
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { HealthCheckConfig } from '../src/core/config';
import type { ProbeResult } from '../src/core/health';
import type { HealthProbePort, MeasureContext, MetricsPort, MetricsReading, MonitoredAlert } from '../src/core/monitoring';
import { EnvironmentMonitor, SeriesNames, measureRule, monitoredAlerts, seriesKey, systemClock, systemTimers } from '../src/core/monitoring';
import { parseRunbook } from '../src/core/runbook';
import { SeriesStore } from '../src/core/samples';
import { HttpClient } from '../src/infra/http';
import { HttpHealthProbe } from '../src/infra/monitoring/healthProbe';
import { ScrapeMetricsSource } from '../src/infra/monitoring/scrapeSource';
import { SEED_RUNBOOK } from '../test/repoPaths';
import { measure, round } from './measure';

const CHILD_FLAG = 'DEPLOY_PILOT_BENCH_MONITORING_CHILD';
const ENVIRONMENT = 'production';
const WARM_UP = 1_000;
const TOTAL = 10_000;
const STORE_CAPACITY = 1_000;
const TRAFFIC_PER_SECOND = 200;
/** The monitor's schedule: next probe / scrape 1 ms after the previous one ended. */
const LOOP_INTERVAL_SECONDS = 0.001;
const EVALUATION_INTERVAL_SECONDS = 0.05;
/** The probes' own timeout. Uptime Kuma's 80 % cap would make it 0 at a 1 ms interval, so the probe gets a 1 s check. */
const PROBE_CONFIG: HealthCheckConfig = { intervalSeconds: 1, timeoutSeconds: 0.8, retries: 0, acceptedStatus: [{ min: 200, max: 299 }], headers: {} };

type GarbageCollector = () => void;

function garbageCollector(): GarbageCollector | undefined {
  return (globalThis as { gc?: GarbageCollector }).gc;
}

const mib = (bytes: number): number => round(bytes / 2 ** 20, 2);

interface MemoryPoint {
  readonly probes: number;
  readonly scrapes: number;
  readonly heapUsedMiB: number;
  readonly externalMiB: number;
  readonly arrayBuffersMiB: number;
  readonly rssMiB: number;
  readonly storeBytes: number;
}

function memoryPoint(gc: GarbageCollector, probes: number, scrapes: number, store: SeriesStore): MemoryPoint {
  gc();
  gc();
  const usage = process.memoryUsage();
  return {
    probes,
    scrapes,
    heapUsedMiB: mib(usage.heapUsed),
    externalMiB: mib(usage.external),
    arrayBuffersMiB: mib(usage.arrayBuffers),
    rssMiB: mib(usage.rss),
    storeBytes: store.totalBytes(),
  };
}

interface ServiceProcess {
  readonly url: string;
  stop(): Promise<void>;
}

/** The test service (out/test/support/testService/main.js) in a child process, with built-in traffic. */
function startServiceProcess(trafficPerSecond: number): Promise<ServiceProcess> {
  const main = path.join(__dirname, '..', 'test', 'support', 'testService', 'main.js');
  const child: ChildProcess = spawn(process.execPath, [main, '--host', '127.0.0.1', '--port', '0', '--traffic-per-second', String(trafficPerSecond)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the test service did not start:\n${output}`));
    }, 10_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = /listening on (\S+)/.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stdout?.resume();
      resolve({ url: match[1], stop });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the test service exited (${code ?? 'signal'}):\n${output}`));
    });
  });
}

/** Waits until `signal` aborts: a loop parked here makes no more requests (and never two at once). */
function parked(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => {
    if (signal.aborted) reject(new Error('stopped'));
    else signal.addEventListener('abort', () => reject(new Error('stopped')), { once: true });
  });
}

function seedAlerts(): MonitoredAlert[] {
  return monitoredAlerts(parseRunbook(readFileSync(SEED_RUNBOOK, 'utf8')), ENVIRONMENT);
}

async function soak(gc: GarbageCollector): Promise<Record<string, unknown>> {
  const service = await startServiceProcess(TRAFFIC_PER_SECOND);
  const http = new HttpClient();
  const store = new SeriesStore({ capacity: STORE_CAPACITY, maxSeries: 16 });
  const healthProbe = new HttpHealthProbe(`${service.url}/health`, PROBE_CONFIG, http, () => Promise.resolve(undefined), systemClock);
  const scrapeSource = new ScrapeMetricsSource(`${service.url}/metrics`, http, 800, systemClock);

  let probes = 0;
  let failedProbes = 0;
  let latencySumMs = 0;
  let scrapes = 0;
  let failedScrapes = 0;
  let warmPoint: MemoryPoint | undefined;
  let warmAt = 0;
  let probeEnd = 0;
  let scrapeEnd = 0;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const checkpoint = (): void => {
    if (!warmPoint && probes >= WARM_UP && scrapes >= WARM_UP) {
      warmPoint = memoryPoint(gc, probes, scrapes, store);
      // Rates are measured from the warm-up on, after the checkpoint's own collection.
      warmAt = performance.now();
    }
    if (probes >= TOTAL && scrapes >= TOTAL) finish();
  };

  const probePort: HealthProbePort = {
    async probe(signal: AbortSignal): Promise<ProbeResult> {
      if (probes >= TOTAL) return parked(signal);
      const result = await healthProbe.probe(signal);
      probes++;
      if (result.ok) latencySumMs += result.latencyMs;
      else failedProbes++;
      if (probes === TOTAL) probeEnd = performance.now();
      checkpoint();
      return result;
    },
  };
  const metricsPort: MetricsPort = {
    name: 'metrics',
    async read(signal: AbortSignal): Promise<MetricsReading> {
      if (scrapes >= TOTAL) return parked(signal);
      try {
        return await scrapeSource.read(signal);
      } catch (error) {
        failedScrapes++;
        throw error;
      } finally {
        scrapes++;
        if (scrapes === TOTAL) scrapeEnd = performance.now();
        checkpoint();
      }
    },
  };

  const alerts = seedAlerts();
  const monitor = new EnvironmentMonitor({
    environment: ENVIRONMENT,
    health: { port: probePort, config: { ...PROBE_CONFIG, intervalSeconds: LOOP_INTERVAL_SECONDS } },
    metrics: { port: metricsPort, intervalSeconds: LOOP_INTERVAL_SECONDS },
    alerts,
    criteria: [],
    evaluationIntervalSeconds: EVALUATION_INTERVAL_SECONDS,
    store,
    clock: systemClock,
    timers: systemTimers,
  });
  let evaluations = 0;
  monitor.onDidChange(() => evaluations++);
  const monitorErrors: string[] = [];
  monitor.onError((error) => monitorErrors.push(error instanceof Error ? error.message : String(error)));

  // Unref'd timers and idle sockets do not keep the process alive: hold it while the soak runs.
  const keepAlive = setInterval(() => undefined, 1000);
  let endPoint: MemoryPoint;
  try {
    monitor.start();
    await finished;
    endPoint = memoryPoint(gc, probes, scrapes, store);
  } finally {
    monitor.dispose();
    await http.close();
    clearInterval(keepAlive);
    await service.stop();
  }
  const warm = warmPoint ?? endPoint;
  const seconds = (from: number, to: number): number => (to - from) / 1000;
  return {
    setup: {
      serviceProcess: `test service in a child process, ${TRAFFIC_PER_SECOND} requests/s of built-in traffic`,
      loopIntervalMs: LOOP_INTERVAL_SECONDS * 1000,
      evaluationIntervalMs: EVALUATION_INTERVAL_SECONDS * 1000,
      alertRules: alerts.map((a) => a.rule.text),
      storeCapacityPerSeries: STORE_CAPACITY,
      seriesInStore: store.size,
    },
    probes: {
      total: probes,
      failed: failedProbes,
      perSecondAfterWarmUp: round((TOTAL - warm.probes) / seconds(warmAt, probeEnd), 0),
      meanLatencyMs: round(latencySumMs / Math.max(1, probes - failedProbes), 3),
    },
    scrapes: { total: scrapes, failed: failedScrapes, perSecondAfterWarmUp: round((TOTAL - warm.scrapes) / seconds(warmAt, scrapeEnd), 0) },
    snapshotsEmitted: evaluations,
    monitorErrors: monitorErrors.slice(0, 5),
    memoryAtWarmUp: warm,
    memoryAtEnd: endPoint,
    growthFromWarmUpToEnd: {
      heapUsedMiB: round(endPoint.heapUsedMiB - warm.heapUsedMiB, 2),
      externalMiB: round(endPoint.externalMiB - warm.externalMiB, 2),
      arrayBuffersMiB: round(endPoint.arrayBuffersMiB - warm.arrayBuffersMiB, 2),
      rssMiB: round(endPoint.rssMiB - warm.rssMiB, 2),
      storeBytes: endPoint.storeBytes - warm.storeBytes,
    },
    note: 'memory after two global.gc(); external includes arrayBuffers (Node counts Buffers in both)',
  };
}

const DAY_SECONDS = 86_400;

/** One evaluation of the seed's five rules against a full 24 h store (6 series at 1 s). */
function evaluationCost(): Record<string, unknown> {
  const alerts = seedAlerts();
  const store = new SeriesStore();
  const t0 = Date.UTC(2026, 0, 1);
  const key = (name: string): string => seriesKey(ENVIRONMENT, name);
  for (let s = 0; s < DAY_SECONDS; s++) {
    const t = t0 + s * 1000;
    const requests = 50 + (s % 7);
    store.append(key(SeriesNames.requests), t, requests);
    store.append(key(SeriesNames.errors), t, s % 50 === 0 ? 1 : 0);
    store.append(key(SeriesNames.errorRate), t, s % 50 === 0 ? 1 / requests : 0);
    store.append(key(SeriesNames.latencyP95), t, 40 + ((s * 7919) % 31));
    store.append(key(SeriesNames.healthLatency), t, 3 + ((s * 104_729) % 5));
    // A slow leak with GC noise, so the memory-growth rule fits a real trend.
    store.append(key(SeriesNames.memory), t, 2e8 + 800 * s + ((s * 7919) % 2003) * 1000);
  }
  const ctx: MeasureContext = {
    environment: ENVIRONMENT,
    store,
    now: t0 + (DAY_SECONDS - 1) * 1000,
    promqlMetrics: new Set(),
    restarts: 0,
    oomKills: 0,
    restartTimes: [],
    lastHealthStatus: 200,
    baselines: new Map(),
  };
  const all = measure(() => {
    for (const alert of alerts) measureRule(alert.rule, ctx);
  }, 200);
  const perRule: Record<string, number> = {};
  for (const alert of alerts) perRule[alert.rule.text] = round(measure(() => measureRule(alert.rule, ctx), 200).medianMs * 1000, 2);
  const values: Record<string, unknown> = {};
  for (const alert of alerts) values[alert.rule.text] = measureRule(alert.rule, ctx);
  return {
    series: store.size,
    samplesPerSeries: store.get(key(SeriesNames.memory))?.size,
    storeMiB: mib(store.totalBytes()),
    fiveRulesMedianUs: round(all.medianMs * 1000, 2),
    fiveRulesP95Us: round(all.p95Ms * 1000, 2),
    perRuleMedianUs: perRule,
    measurements: values,
  };
}

async function runHere(gc: GarbageCollector): Promise<Record<string, unknown>> {
  const soakFigures = await soak(gc);
  return { soak: soakFigures, evaluation: evaluationCost() };
}

/** Re-runs this module in `node --expose-gc` and returns what it prints (one JSON line). */
function runInChild(): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', __filename], { env: { ...process.env, [CHILD_FLAG]: '1' }, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => {
      const last = output.trim().split('\n').pop() ?? '';
      if (code !== 0) return reject(new Error(`the monitoring bench child exited with ${code ?? 'a signal'}:\n${output}`));
      try {
        resolve({ process: 'a child node --expose-gc (the bench process had no global.gc)', ...(JSON.parse(last) as Record<string, unknown>) });
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

/** The `monitoring` bench suite (register it in bench/index.ts as `monitoring: benchMonitoring`). */
export function benchMonitoring(): Promise<Record<string, unknown>> {
  const gc = garbageCollector();
  return gc ? runHere(gc) : runInChild();
}

if (require.main === module && process.env[CHILD_FLAG] === '1') {
  const gc = garbageCollector();
  if (!gc) {
    process.stderr.write('run with node --expose-gc\n');
    process.exit(2);
  }
  runHere(gc).then(
    (figures) => process.stdout.write(`${JSON.stringify(figures)}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
