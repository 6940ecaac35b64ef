/**
 * Watches one environment: a health-probe loop, a metrics loop (scrape or PromQL), a container
 * loop and an evaluation loop, each a PollLoop (never two runs of one in flight). Samples go to
 * the bounded SeriesStore; rules are evaluated with Prometheus `for` semantics; measurable
 * checklist items are verified over their window. Everything is told through events; nothing
 * here knows VS Code.
 */
import type { AlertRuleState, AlertTransition, CriterionVerification } from '../alerts/evaluate';
import { AlertEvaluator, CriterionVerifier, formatObserved } from '../alerts/evaluate';
import type { HealthCheckConfig } from '../config';
import type { HealthChange, HealthState, ProbeResult } from '../health';
import { INITIAL_HEALTH_STATE, environmentHealth, nextProbeDelay, reduceHealth } from '../health';
import type { SeriesStore } from '../samples';
import { Emitter } from './emitter';
import { PollLoop } from './loop';
import type { MeasureContext } from './measure';
import { measureRule } from './measure';
import type { MonitoredAlert, MonitoredCriterion } from './monitoredRules';
import type { ContainerPort, ContainerReading, HealthProbePort, MetricsPort, MetricsReading } from './ports';
import { SeriesNames, promqlSeriesKey, seriesKey } from './seriesKeys';
import type { AlertSummary, CheckSummary, EnvironmentSnapshot, SourceSummary } from './snapshot';
import type { Clock, Timers } from './timers';

export interface EnvironmentMonitorOptions {
  readonly environment: string;
  readonly health?: { readonly port: HealthProbePort; readonly config: HealthCheckConfig };
  readonly metrics?: { readonly port: MetricsPort; readonly intervalSeconds: number };
  readonly containers?: { readonly port: ContainerPort; readonly intervalSeconds: number };
  readonly alerts: readonly MonitoredAlert[];
  readonly criteria: readonly MonitoredCriterion[];
  /** Metrics answered by PromQL (`env.promql` keys). */
  readonly promqlMetrics?: ReadonlySet<string>;
  readonly evaluationIntervalSeconds: number;
  /** The window of rate rules written without one ("error_rate > 1%"); default 60 s. */
  readonly rateWindowSeconds?: number;
  readonly store: SeriesStore;
  readonly clock: Clock;
  readonly timers: Timers;
  /** Formats times in criterion texts ("auto-verified at 14:03 …"). */
  readonly formatTime?: (ms: number) => string;
}

export interface AlertEvent {
  readonly environment: string;
  readonly alert: MonitoredAlert;
  readonly transition: AlertTransition;
}

export interface HealthEvent {
  readonly environment: string;
  readonly change: HealthChange;
  readonly state: HealthState;
}

export interface CriterionEvent {
  readonly environment: string;
  readonly criterion: MonitoredCriterion;
  readonly verification: CriterionVerification;
}

/** A sample written to the store, for live views. */
export interface SampleEvent {
  readonly key: string;
  readonly t: number;
  readonly v: number;
}

const MAX_LAST_CHECKS = 5;

export class EnvironmentMonitor {
  private readonly healthLoop?: PollLoop;
  private readonly metricsLoop?: PollLoop;
  private readonly containerLoop?: PollLoop;
  private readonly evaluationLoop: PollLoop;
  private health: HealthState = INITIAL_HEALTH_STATE;
  private lastHealthStatus: number | undefined;
  private readonly lastChecks: CheckSummary[] = [];
  private readonly sources = new Map<SourceSummary['name'], SourceSummary>();
  private readonly evaluators = new Map<string, AlertEvaluator>();
  private readonly lastValues = new Map<string, string>();
  private readonly verifiers = new Map<string, CriterionVerifier>();
  private readonly verifications = new Map<string, CriterionVerification>();
  private readonly baselines = new Map<string, number>();
  private readonly restartTimes: number[] = [];
  private processRestarts: number | undefined;
  private containerRestarts: number | undefined;
  private oomKills: number | undefined;
  private startedAt = 0;
  private disposed = false;

  private readonly alertEmitter = new Emitter<AlertEvent>();
  private readonly healthEmitter = new Emitter<HealthEvent>();
  private readonly criterionEmitter = new Emitter<CriterionEvent>();
  private readonly changeEmitter = new Emitter<EnvironmentSnapshot>();
  private readonly sampleEmitter = new Emitter<SampleEvent>();
  private readonly errorEmitter = new Emitter<unknown>();

  readonly onAlert = this.alertEmitter.event;
  readonly onHealth = this.healthEmitter.event;
  readonly onCriterion = this.criterionEmitter.event;
  readonly onDidChange = this.changeEmitter.event;
  readonly onSample = this.sampleEmitter.event;
  /** A listener or a port misbehaved in a way the monitor survived. */
  readonly onError = this.errorEmitter.event;

  constructor(private readonly options: EnvironmentMonitorOptions) {
    const { timers } = options;
    for (const alert of options.alerts) this.evaluators.set(alert.id, new AlertEvaluator(alert.rule, { forSeconds: alert.forSeconds }));
    for (const criterion of options.criteria) {
      this.verifiers.set(
        criterion.taskId,
        new CriterionVerifier(criterion.rule, { windowSeconds: criterion.windowSeconds, ...(options.formatTime ? { formatTime: options.formatTime } : {}) }),
      );
    }
    const health = options.health;
    if (health) {
      this.healthLoop = new PollLoop(timers, (signal) => this.probeOnce(health.port, health.config, signal), (error) => {
        this.report(error);
        return health.config.intervalSeconds * 1000;
      });
    }
    const metrics = options.metrics;
    if (metrics) {
      this.metricsLoop = new PollLoop(timers, (signal) => this.scrapeOnce(metrics.port, metrics.intervalSeconds, signal), (error) => {
        this.setSource({ name: metrics.port.name, ok: false, at: this.options.clock.now(), message: messageOf(error) });
        return metrics.intervalSeconds * 1000;
      });
    }
    const containers = options.containers;
    if (containers) {
      this.containerLoop = new PollLoop(timers, (signal) => this.sampleContainers(containers.port, containers.intervalSeconds, signal), (error) => {
        this.setSource({ name: 'docker', ok: false, at: this.options.clock.now(), message: messageOf(error) });
        return containers.intervalSeconds * 1000;
      });
    }
    this.evaluationLoop = new PollLoop(
      timers,
      () => {
        this.evaluate();
        return Promise.resolve(options.evaluationIntervalSeconds * 1000);
      },
      (error) => {
        this.report(error);
        return options.evaluationIntervalSeconds * 1000;
      },
    );
  }

  get environment(): string {
    return this.options.environment;
  }

  get running(): boolean {
    return this.evaluationLoop.active;
  }

  start(): void {
    if (this.disposed || this.running) return;
    this.startedAt = this.options.clock.now();
    this.healthLoop?.start(0);
    this.metricsLoop?.start(0);
    this.containerLoop?.start(0);
    this.evaluationLoop.start(this.options.evaluationIntervalSeconds * 1000);
    this.changed();
  }

  stop(): void {
    this.healthLoop?.stop();
    this.metricsLoop?.stop();
    this.containerLoop?.stop();
    this.evaluationLoop.stop();
  }

  dispose(): void {
    this.stop();
    this.disposed = true;
    for (const emitter of [this.alertEmitter, this.healthEmitter, this.criterionEmitter, this.changeEmitter, this.sampleEmitter, this.errorEmitter]) emitter.dispose();
  }

  /** Alert states by alert id (for tests and the dashboard). */
  alertStates(): ReadonlyMap<string, AlertRuleState> {
    return new Map([...this.evaluators].map(([id, evaluator]) => [id, evaluator.state]));
  }

  criterionStates(): ReadonlyMap<string, CriterionVerification> {
    return new Map(this.verifications);
  }

  get healthState(): HealthState {
    return this.health;
  }

  snapshot(): EnvironmentSnapshot {
    const alerts: AlertSummary[] = [];
    for (const alert of this.options.alerts) {
      const state = this.evaluators.get(alert.id)?.state;
      if (!state || state.state === 'inactive') continue;
      const since = (state.state === 'firing' ? state.firingSince : state.activeSince) ?? this.startedAt;
      const value = this.lastValues.get(alert.id);
      alerts.push({ id: alert.id, name: alert.name, text: alert.rule.text, state: state.state, severity: alert.severity, since, ...(value ? { value } : {}) });
    }
    const overall = environmentHealth({
      ...(this.options.health ? { health: this.health.status } : {}),
      alerts: this.options.alerts.map((a) => ({ severity: a.severity, state: this.evaluators.get(a.id)?.state.state ?? 'inactive' })),
    });
    return {
      environment: this.options.environment,
      overall,
      probe: this.health.status,
      ...(this.health.status === 'UP' && this.health.lastLatencyMs !== undefined ? { latencyMs: this.health.lastLatencyMs } : {}),
      lastChecks: [...this.lastChecks],
      alerts,
      sources: [...this.sources.values()],
      startedAt: this.startedAt,
    };
  }

  /** Runs one evaluation of every rule now (also what the evaluation loop does). */
  evaluate(): void {
    const now = this.options.clock.now();
    const ctx = this.measureContext(now);
    for (const alert of this.options.alerts) {
      const evaluator = this.evaluators.get(alert.id);
      if (!evaluator) continue;
      const measurement = measureRule(alert.rule, ctx);
      if ('value' in measurement) this.lastValues.set(alert.id, formatObserved(alert.rule, measurement.value));
      else this.lastValues.delete(alert.id);
      for (const transition of evaluator.evaluate(measurement, now)) this.alertEmitter.fire({ environment: this.environment, alert, transition }, (e) => this.report(e));
    }
    for (const criterion of this.options.criteria) {
      const verifier = this.verifiers.get(criterion.taskId);
      if (!verifier) continue;
      const before = this.verifications.get(criterion.taskId)?.state;
      const verification = verifier.record(measureRule(criterion.rule, ctx), now);
      this.verifications.set(criterion.taskId, verification);
      if (verification.state !== before) this.criterionEmitter.fire({ environment: this.environment, criterion, verification }, (e) => this.report(e));
    }
    this.changed();
  }

  private measureContext(now: number): MeasureContext {
    const restarts = this.containerRestarts ?? this.processRestarts;
    return {
      environment: this.environment,
      store: this.options.store,
      now,
      promqlMetrics: this.options.promqlMetrics ?? new Set(),
      ...(restarts !== undefined ? { restarts } : {}),
      ...(this.oomKills !== undefined ? { oomKills: this.oomKills } : {}),
      restartTimes: this.restartTimes,
      ...(this.lastHealthStatus !== undefined ? { lastHealthStatus: this.lastHealthStatus } : {}),
      baselines: this.baselines,
      ...(this.options.rateWindowSeconds !== undefined ? { rateWindowSeconds: this.options.rateWindowSeconds } : {}),
    };
  }

  private async probeOnce(port: HealthProbePort, config: HealthCheckConfig, signal: AbortSignal): Promise<number> {
    const result: ProbeResult = await port.probe(signal);
    if (signal.aborted) return 0;
    const update = reduceHealth(this.health, result, config);
    this.health = update.state;
    this.lastHealthStatus = result.status ?? 0;
    this.write(SeriesNames.healthUp, result.at, result.ok ? 1 : 0);
    if (result.latencyMs !== undefined) this.write(SeriesNames.healthLatency, result.at, result.latencyMs);
    this.lastChecks.unshift({
      at: result.at,
      ok: result.ok,
      ...(result.latencyMs !== undefined ? { latencyMs: result.latencyMs } : {}),
      detail: result.ok ? `${result.status ?? 'OK'} in ${Math.round(result.latencyMs)} ms` : result.message,
    });
    this.lastChecks.length = Math.min(this.lastChecks.length, MAX_LAST_CHECKS);
    this.setSource(result.ok ? { name: 'health', ok: true, at: result.at } : { name: 'health', ok: false, at: result.at, message: result.message });
    if (update.change) this.healthEmitter.fire({ environment: this.environment, change: update.change, state: this.health }, (e) => this.report(e));
    this.changed();
    return nextProbeDelay(this.health, config);
  }

  private async scrapeOnce(port: MetricsPort, intervalSeconds: number, signal: AbortSignal): Promise<number> {
    const reading: MetricsReading = await port.read(signal);
    if (signal.aborted) return 0;
    const t = reading.at;
    if (reading.restarted) {
      this.processRestarts = (this.processRestarts ?? 0) + 1;
      this.pushRestart(t);
    } else if (this.processRestarts === undefined) {
      this.processRestarts = 0;
    }
    if (reading.requests !== undefined) this.write(SeriesNames.requests, t, reading.requests);
    if (reading.errors !== undefined) this.write(SeriesNames.errors, t, reading.errors);
    if (reading.requestRate !== undefined) this.write(SeriesNames.requestRate, t, reading.requestRate);
    if (reading.errorRate !== undefined) this.write(SeriesNames.errorRate, t, reading.errorRate);
    if (reading.latencyP95Ms !== undefined) this.write(SeriesNames.latencyP95, t, reading.latencyP95Ms);
    if (reading.latencyP99Ms !== undefined) this.write(SeriesNames.latencyP99, t, reading.latencyP99Ms);
    // Containers, when watched, are the memory that counts; the process's RSS otherwise.
    if (reading.residentMemoryBytes !== undefined && !this.options.containers) this.write(SeriesNames.memory, t, reading.residentMemoryBytes);
    for (const [metric, value] of Object.entries(reading.custom ?? {})) {
      if (value !== undefined && Number.isFinite(value)) this.append(promqlSeriesKey(this.environment, metric), t, value);
    }
    this.setSource({ name: port.name, ok: true, at: t });
    return intervalSeconds * 1000;
  }

  private async sampleContainers(port: ContainerPort, intervalSeconds: number, signal: AbortSignal): Promise<number> {
    const readings: readonly ContainerReading[] = await port.read(signal);
    if (signal.aborted) return 0;
    const t = this.options.clock.now();
    if (readings.length === 0) {
      this.setSource({ name: 'docker', ok: false, at: t, message: 'no container of the deployment is running' });
      return intervalSeconds * 1000;
    }
    let memory = 0;
    let cpu: number | undefined;
    let restarts = 0;
    let ooms = 0;
    for (const reading of readings) {
      memory += reading.memoryBytes;
      if (reading.cpuPercent !== undefined) cpu = (cpu ?? 0) + reading.cpuPercent;
      restarts += reading.restarts;
      ooms += reading.oomKills;
      this.write(SeriesNames.memory, t, reading.memoryBytes, reading.name);
      for (const at of reading.restartTimes) this.pushRestart(at);
    }
    this.write(SeriesNames.memory, t, memory);
    if (cpu !== undefined) this.write(SeriesNames.cpu, t, cpu);
    this.containerRestarts = restarts;
    this.oomKills = ooms;
    this.setSource({ name: 'docker', ok: true, at: t });
    return intervalSeconds * 1000;
  }

  private pushRestart(at: number): void {
    if (this.restartTimes.includes(at)) return;
    this.restartTimes.push(at);
    // Only recent restarts matter for a trend window; keep the list bounded.
    if (this.restartTimes.length > 100) this.restartTimes.splice(0, this.restartTimes.length - 100);
  }

  private write(name: string, t: number, v: number, instance?: string): void {
    this.append(seriesKey(this.environment, name, instance), t, v);
  }

  private append(key: string, t: number, v: number): void {
    if (this.options.store.append(key, t, v)) this.sampleEmitter.fire({ key, t, v }, (e) => this.report(e));
  }

  private setSource(summary: SourceSummary): void {
    this.sources.set(summary.name, summary);
  }

  private changed(): void {
    if (this.changeEmitter.size > 0) this.changeEmitter.fire(this.snapshot(), (e) => this.report(e));
  }

  private report(error: unknown): void {
    this.errorEmitter.fire(error);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

