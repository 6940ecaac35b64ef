import * as vscode from 'vscode';
import { FiringHistory } from '../../core/dashboard/firingHistory';
import type { EnvironmentConfig } from '../../core/config';
import type { AlertEvent, EnvironmentSnapshot, SampleEvent } from '../../core/monitoring';
import { findSecretReferences } from '../../core/config/secretReferences';
import { SeriesStore } from '../../core/samples';
import type { Runbook, TaskNode } from '../../core/runbook/model';
import { walk } from '../../core/runbook/model';
import type { MonitorHandle, MonitoringRuntime } from '../../infra/monitoring/runtimeTypes';
import type { RunbookService } from '../runbook/runbookService';
import { SECRET_KEY } from '../runner/runController';
import type { RunbookTreeProvider, TaskVerification } from '../tree/runbookTreeProvider';
import type { HealthStatusBar } from './healthStatusBar';
import type { MonitoringNotifier } from './monitoringNotifier';

const ACTIVE_KEY = (runbook: string): string => `deployPilot.monitoring:${runbook}`;
const VERIFIED_KEY = (runbook: string): string => `deployPilot.verifications:${runbook}`;

interface Running {
  readonly handle: MonitorHandle;
  readonly subscriptions: { dispose(): void }[];
}

/**
 * Starts and stops the monitors of the runbook's environments, and connects them to the status
 * bar, notifications, the log and the checklist. Monitoring that was on stays on across a
 * reload (workspace state); it stops cleanly when the extension deactivates.
 */
export class MonitoringService implements vscode.Disposable {
  /** One store for every environment: bounded (64 series, each at most 24 h at 1 s). */
  readonly store = new SeriesStore({ maxSeries: 64 });
  private readonly running = new Map<string, Running>();
  private configSignature: string | undefined;
  private runtime: MonitoringRuntime | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly _onDidChange = new vscode.EventEmitter<EnvironmentSnapshot>();
  readonly onDidChange = this._onDidChange.event;
  private readonly _onSample = new vscode.EventEmitter<SampleEvent>();
  /** Every sample a monitor writes to the store (for live views). */
  readonly onSample = this._onSample.event;
  private readonly _onAlert = new vscode.EventEmitter<AlertEvent>();
  /** Every alert transition of every monitor (automatic rollback listens). */
  readonly onAlert = this._onAlert.event;
  private readonly _onDidChangeMonitors = new vscode.EventEmitter<void>();
  /** Monitoring started or stopped for some environment. */
  readonly onDidChangeMonitors = this._onDidChangeMonitors.event;
  /** When each alert fired, for the dashboard's bands (kept across stop/start of monitoring). */
  readonly firing = new FiringHistory();
  private resumeChecked = false;
  private transition: Promise<void> = Promise.resolve();

  constructor(
    private readonly runbooks: RunbookService,
    private readonly memento: vscode.Memento,
    private readonly secrets: vscode.SecretStorage,
    private readonly log: vscode.LogOutputChannel,
    private readonly tree: RunbookTreeProvider,
    private readonly statusBar: HealthStatusBar,
    private readonly notifier: MonitoringNotifier,
    private readonly loadRuntime: () => MonitoringRuntime,
  ) {
    this.disposables.push(
      this._onDidChange,
      this._onSample,
      this._onAlert,
      this._onDidChangeMonitors,
      runbooks.onDidChangeState((state) => {
        if (state.kind !== 'ok') return;
        this.showStoredVerifications();
        if (!this.resumeChecked) {
          this.resumeChecked = true;
          const stored = this.memento.get<{ environments: string[] }>(ACTIVE_KEY(this.runbookKey() ?? ''));
          if (stored) {
            this.serialize(() => this.startNow(stored.environments, 'resumed after a reload')).catch((error: unknown) =>
              this.log.warn(`Monitoring could not resume: ${messageOf(error)}`),
            );
          }
        } else if (this.active && this.signature(state.runbook) !== this.configSignature) {
          const environments = [...this.running.keys()];
          this.serialize(async () => {
            await this.stopNow(false);
            await this.startNow(environments, 'restarted: the runbook configuration changed');
          }).catch((error: unknown) => this.log.warn(`Monitoring could not restart: ${messageOf(error)}`));
        }
      }),
    );
    void vscode.commands.executeCommand('setContext', 'deployPilot.monitoring', false);
  }

  get active(): boolean {
    return this.running.size > 0;
  }

  get environments(): string[] {
    return [...this.running.keys()];
  }

  snapshots(): EnvironmentSnapshot[] {
    return [...this.running.values()].map((r) => r.handle.monitor.snapshot());
  }

  /** The monitor of an environment (for tests and the dashboard). */
  monitorOf(environment: string): MonitorHandle['monitor'] | undefined {
    return this.running.get(environment)?.handle.monitor;
  }

  /**
   * The environment's running containers (name and image), or undefined when it names none
   * (no `containers`, `composeProject` or `services`). Rejects when the engine cannot be asked.
   */
  async runningContainers(environment: EnvironmentConfig): Promise<{ name: string; image: string }[] | undefined> {
    const runtime = this.getRuntime();
    if (!runtime.hasContainers(environment)) return undefined;
    return runtime.runningContainers(environment);
  }

  /** The monitorable environments once the runbook has been located (right after activation it may still be loading). */
  async settledMonitorableEnvironments(): Promise<string[]> {
    await this.runbooks.settled();
    return this.monitorableEnvironments();
  }

  /** The runbook's environments that have something to watch. */
  monitorableEnvironments(): string[] {
    const state = this.runbooks.state;
    if (state.kind !== 'ok') return [];
    const runtime = this.getRuntime();
    return Object.values(state.runbook.config.environments)
      .filter((env) => runtime.isMonitorable(env))
      .map((env) => env.name);
  }

  start(environments?: readonly string[]): Promise<void> {
    return this.serialize(() => this.startNow(environments, 'started'));
  }

  stop(): Promise<void> {
    return this.serialize(() => this.stopNow(true));
  }

  private serialize(step: () => Promise<void>): Promise<void> {
    const next = this.transition.then(step, step);
    this.transition = next.catch((error: unknown) => this.log.error(`Monitoring: ${messageOf(error)}`));
    return next;
  }

  private async startNow(requested: readonly string[] | undefined, why: string): Promise<void> {
    const state = await this.runbooks.settled();
    if (state.kind !== 'ok') throw new Error('No runbook is loaded: open one first (Deploy Pilot: Open Runbook…).');
    const runbook = state.runbook;
    const monitorable = this.monitorableEnvironments();
    if (monitorable.length === 0) {
      throw new Error(
        'Nothing to monitor: no environment of the runbook has a healthUrl, metricsUrl, prometheusUrl with promql, or containers. ' +
          'Add them under `environments:` in the runbook front matter or its .deploy-pilot.yaml sidecar.',
      );
    }
    const wanted = (requested && requested.length > 0 ? requested : monitorable).filter((name) => monitorable.includes(name));
    if (wanted.length === 0) throw new Error(`None of ${(requested ?? []).join(', ')} can be monitored here; monitorable: ${monitorable.join(', ')}.`);
    const runtime = this.getRuntime();
    await this.askMissingSecrets(wanted.flatMap((name) => Object.values(runbook.config.environments[name]?.health.headers ?? {})));
    const settings = vscode.workspace.getConfiguration('deployPilot.monitoring');
    for (const name of wanted) {
      if (this.running.has(name)) continue;
      const environment = runbook.config.environments[name];
      if (!environment) continue;
      const handle = runtime.createMonitor({
        runbook,
        environment,
        store: this.store,
        scrapeIntervalSeconds: settings.get<number>('scrapeInterval', 5),
        evaluationIntervalSeconds: settings.get<number>('evaluationInterval', 5),
        rateWindowSeconds: settings.get<number>('rateWindow', 60),
        resolveSecret: (secret) => Promise.resolve(this.secrets.get(SECRET_KEY(secret))),
        formatTime: (ms) => new Date(ms).toTimeString().slice(0, 5),
      });
      const subscriptions = this.connect(handle, runbook);
      this.running.set(name, { handle, subscriptions });
      handle.monitor.start();
      this.log.info(`Monitoring ${name} ${why}: ${handle.description.join('; ')}`);
    }
    this.configSignature = this.signature(runbook);
    this._onDidChangeMonitors.fire();
    await this.memento.update(ACTIVE_KEY(this.runbookKey() ?? ''), { environments: [...this.running.keys()] });
    await vscode.commands.executeCommand('setContext', 'deployPilot.monitoring', true);
  }

  /** Health-check headers may name secrets (`${secret:API_KEY}`): ask for the ones not stored yet, once. */
  private async askMissingSecrets(headerValues: readonly string[]): Promise<void> {
    const names = [...new Set(headerValues.flatMap((value) => findSecretReferences(value)))];
    for (const name of names) {
      if ((await this.secrets.get(SECRET_KEY(name))) !== undefined) continue;
      const value = await vscode.window.showInputBox({
        title: `Deploy Pilot: secret ${name}`,
        prompt: `The health check sends ${name} in a header. It is kept in VS Code's secret storage, never in files or logs.`,
        password: true,
        ignoreFocusOut: true,
      });
      if (value === undefined) throw new Error(`Monitoring needs the secret ${name} for its health-check header; it was not given.`);
      await this.secrets.store(SECRET_KEY(name), value);
    }
  }

  private async stopNow(forget: boolean): Promise<void> {
    const running = [...this.running];
    this.running.clear();
    await Promise.all(
      running.map(async ([name, { handle, subscriptions }]) => {
        for (const s of subscriptions) s.dispose();
        await handle.close();
        this.statusBar.remove(name);
        this.log.info(`Monitoring ${name} stopped.`);
      }),
    );
    this._onDidChangeMonitors.fire();
    if (forget) await this.memento.update(ACTIVE_KEY(this.runbookKey() ?? ''), undefined);
    await vscode.commands.executeCommand('setContext', 'deployPilot.monitoring', this.active);
  }

  private connect(handle: MonitorHandle, runbook: Runbook): { dispose(): void }[] {
    const monitor = handle.monitor;
    const environment = monitor.environment;
    const failing = new Set<string>();
    return [
      monitor.onDidChange((snapshot) => {
        this.statusBar.update(snapshot);
        this._onDidChange.fire(snapshot);
        for (const source of snapshot.sources) {
          if (!source.ok && !failing.has(source.name)) {
            failing.add(source.name);
            this.log.warn(`${environment}: ${source.name} failing: ${source.message ?? 'unknown error'}`);
          } else if (source.ok && failing.delete(source.name)) {
            this.log.info(`${environment}: ${source.name} answers again.`);
          }
        }
      }),
      monitor.onHealth((event) => {
        const error = event.state.lastError;
        this.log.info(`${environment}: health ${event.change.from} → ${event.change.to}${event.change.to !== 'UP' && error ? ` (${error.message})` : ''}`);
        if (event.change.notify) this.notifier.health(event);
      }),
      monitor.onSample((sample) => this._onSample.fire(sample)),
      monitor.onAlert((event) => {
        this.firing.record(`${environment}/${event.alert.id}`, event.transition.from, event.transition.to, event.transition.at);
        this.log.info(`${environment}: alert ${event.alert.name}: ${event.transition.from} → ${event.transition.to}${event.transition.value !== undefined ? ` (value ${event.transition.value})` : ''}`);
        this.notifier.alert(event);
        this._onAlert.fire(event);
      }),
      monitor.onCriterion((event) => {
        void this.recordVerification(runbook, event.criterion.taskId, { state: event.verification.state, text: event.verification.text });
      }),
      monitor.onError((error) => this.log.error(`${environment}: ${messageOf(error)}`)),
    ];
  }

  private async recordVerification(runbook: Runbook, taskId: string, verification: TaskVerification): Promise<void> {
    const key = this.runbookKey();
    if (!key) return;
    const stored = { ...this.memento.get<Record<string, TaskVerification>>(VERIFIED_KEY(key), {}) };
    stored[taskId] = verification;
    await this.memento.update(VERIFIED_KEY(key), stored);
    this.showStoredVerifications();
    if (verification.state === 'verified') {
      const task = [...walk(runbook.children)].find((n): n is TaskNode => n.kind === 'task' && n.id === taskId);
      if (task && !this.tree.isChecked(task)) {
        await this.tree.setChecked([{ task, checked: true }]);
        this.log.info(`Checklist: "${task.text}" ${verification.text}.`);
      }
    }
  }

  private showStoredVerifications(): void {
    const key = this.runbookKey();
    if (!key) return;
    this.tree.showVerifications(new Map(Object.entries(this.memento.get<Record<string, TaskVerification>>(VERIFIED_KEY(key), {}))));
  }

  private getRuntime(): MonitoringRuntime {
    this.runtime ??= this.loadRuntime();
    return this.runtime;
  }

  private runbookKey(): string | undefined {
    const uri = this.runbooks.uri;
    return uri ? vscode.workspace.asRelativePath(uri, false) : undefined;
  }

  private signature(runbook: Runbook): string {
    return JSON.stringify([runbook.config.environments, runbook.config.alerts, runbook.alerts.map((a) => a.rule.text)]);
  }

  dispose(): void {
    for (const { handle, subscriptions } of this.running.values()) {
      for (const s of subscriptions) s.dispose();
      void handle.close();
    }
    this.running.clear();
    for (const d of this.disposables) d.dispose();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
