import * as vscode from 'vscode';
import type { ChartKind, DashboardViewState, FiringPeriod, HostToWebviewMessage, RunEventMarker, WebviewToHostMessage, WindowId } from '../../shared/dashboardProtocol';
import { CHART_KINDS, DASHBOARD_PROTOCOL_VERSION, DASHBOARD_WINDOWS, DEFAULT_WINDOW, isWebviewToHostMessage } from '../../shared/dashboardProtocol';
import { AppendBatcher, buildCharts, chartKey, chartThresholds, environmentStatus, runMarkers } from '../../core/dashboard';
import type { MonitoredAlert } from '../../core/monitoring';
import { monitoredAlerts } from '../../core/monitoring';
import type { Runbook } from '../../core/runbook/model';
import type { RunbookService } from '../runbook/runbookService';
import type { RunSession } from '../runner/runSession';
import type { MonitoringService } from '../monitoring/monitoringService';
import { stepIndex } from './runbookSteps';

/** Deltas go out at most this often (a few messages per second). */
export const FLUSH_INTERVAL_MS = 250;
/** Status (alerts, current values, trends) at most once a second. */
const STATUS_INTERVAL_MS = 1000;
const KINDS: readonly ChartKind[] = ['memory', 'errorRate', 'latencyP95', 'healthLatency'];

export interface DashboardActions {
  rollBack(environment: string): void;
  startMonitoring(environment?: string): void;
  openLog(): void;
}

/**
 * One dashboard panel's side of the protocol: it waits for the webview's `ready`, answers with
 * `init` (or `empty` / `error`), then streams only deltas (`append`, batched every 250 ms) and
 * `status` (at most once a second). Hidden panels are not streamed to: the webview reloads
 * when shown again and says `ready` once more.
 */
export class DashboardSession implements vscode.Disposable {
  private state: DashboardViewState = { window: DEFAULT_WINDOW, paused: false };
  private batcher: AppendBatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  private statusDirty = true;
  private lastStatusAt = 0;
  private firingSent = '';
  private markersSent = 0;
  private awaitingData = false;
  /** What the streaming needs from the runbook, worked out once per `init` (a runbook change sends a new one). */
  private derived: { alerts: readonly MonitoredAlert[]; steps: ReturnType<typeof stepIndex> } | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** Messages posted, by type (for tests). */
  readonly posted = new Map<HostToWebviewMessage['type'], number>();

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly runbooks: RunbookService,
    private readonly monitoring: MonitoringService,
    private readonly session: RunSession,
    private readonly actions: DashboardActions,
    private readonly log: vscode.LogOutputChannel,
    private requestedEnvironment: string | undefined,
  ) {
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
      monitoring.onSample((sample) => {
        if (this.batcher && sample.key.startsWith(`${this.batcher.environment}/`)) this.batcher.add(sample.key, sample.t, sample.v);
        else if (this.awaitingData && this.environment && sample.key.startsWith(`${this.environment}/`)) this.sendInit();
      }),
      monitoring.onDidChange(() => {
        this.statusDirty = true;
      }),
      monitoring.onDidChangeMonitors(() => {
        if (this.timer) this.sendInit();
      }),
      runbooks.onDidChangeState(() => {
        if (this.timer) this.sendInit();
      }),
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.stopStreaming();
      }),
    );
  }

  /** The environment the charts show. */
  get environment(): string | undefined {
    return this.state.environment;
  }

  get window(): WindowId {
    return this.state.window;
  }

  /** Shows another environment (the status bar's click names one). */
  show(environment: string | undefined): void {
    if (environment === undefined || environment === this.state.environment) return;
    this.requestedEnvironment = environment;
    if (this.timer) {
      this.state = { ...this.state, environment };
      this.sendInit();
    }
  }

  private receive(raw: unknown): void {
    if (!isWebviewToHostMessage(raw)) {
      this.log.warn(`Dashboard: ignored a malformed message from the webview: ${JSON.stringify(raw)?.slice(0, 200)}`);
      return;
    }
    const message: WebviewToHostMessage = raw;
    switch (message.type) {
      case 'ready':
        if (message.protocol !== DASHBOARD_PROTOCOL_VERSION) this.log.warn(`Dashboard: webview protocol ${message.protocol}, host ${DASHBOARD_PROTOCOL_VERSION}`);
        this.state = { ...message.state, ...(this.requestedEnvironment ? { environment: this.requestedEnvironment } : {}) };
        this.requestedEnvironment = undefined;
        this.sendInit();
        break;
      case 'setWindow':
        this.state = { ...this.state, window: message.window };
        this.sendInit();
        break;
      case 'selectEnvironment':
        this.state = { ...this.state, environment: message.environment };
        this.sendInit();
        break;
      case 'pause':
        this.state = { ...this.state, paused: true };
        break;
      case 'resume':
        this.state = { ...this.state, paused: false };
        if (message.resync) this.sendInit();
        break;
      case 'rollBack':
        this.actions.rollBack(message.environment);
        break;
      case 'startMonitoring':
        this.actions.startMonitoring(message.environment);
        break;
      case 'openLog':
        this.actions.openLog();
        break;
    }
  }

  private post(message: HostToWebviewMessage): void {
    this.posted.set(message.type, (this.posted.get(message.type) ?? 0) + 1);
    void this.panel.webview.postMessage(message);
  }

  private runbook(): Runbook | undefined {
    const state = this.runbooks.state;
    return state.kind === 'ok' ? state.runbook : undefined;
  }

  private environments(): { name: string; monitoring: boolean }[] {
    const runbook = this.runbook();
    if (!runbook) return [];
    const monitorable = new Set(this.monitoring.monitorableEnvironments());
    const running = new Set(this.monitoring.environments);
    return Object.keys(runbook.config.environments)
      .filter((name) => monitorable.has(name) || running.has(name))
      .map((name) => ({ name, monitoring: running.has(name) }));
  }

  /** Sends the whole picture for the current environment and window, then streams deltas. */
  sendInit(): void {
    this.batcher = undefined;
    this.awaitingData = false;
    this.startStreaming();
    const runbook = this.runbook();
    const environments = this.environments();
    if (!runbook) return this.post({ type: 'empty', reason: 'no-runbook', environments });
    if (environments.length === 0) return this.post({ type: 'empty', reason: 'no-environment', environments });
    const chosen = environments.find((e) => e.name === this.state.environment) ?? environments.find((e) => e.monitoring) ?? environments[0];
    if (!chosen) return this.post({ type: 'empty', reason: 'no-environment', environments });
    const environment = chosen.name;
    this.state = { ...this.state, environment };
    const store = this.monitoring.store;
    const hasData = store.keys().some((k) => k.startsWith(`${environment}/`));
    if (!hasData) {
      this.awaitingData = chosen.monitoring;
      return this.post({
        type: 'empty',
        reason: chosen.monitoring ? 'no-data' : 'not-monitoring',
        environments,
        environment,
        detail: `Scrape interval: ${vscode.workspace.getConfiguration('deployPilot.monitoring').get<number>('scrapeInterval', 5)} s`,
      });
    }
    const now = Date.now();
    const fromMs = now - DASHBOARD_WINDOWS[this.state.window] * 1000;
    const alerts = monitoredAlerts(runbook, environment);
    this.derived = { alerts, steps: stepIndex(runbook) };
    const charts = buildCharts({
      environment,
      store,
      alerts,
      firing: this.firingOf(environment),
      fromMs,
      toMs: now,
      intervalMs: vscode.workspace.getConfiguration('deployPilot.monitoring').get<number>('scrapeInterval', 5) * 1000,
    });
    const markers = this.markers(fromMs);
    this.markersSent = markers.length;
    this.firingSent = JSON.stringify(this.firingMap(environment, alerts, fromMs));
    const chartOf = (key: string): string | undefined => {
      for (const kind of KINDS) {
        const base = `${environment}/${CHART_KINDS[kind].seriesName}`;
        if (key === base || (kind === 'memory' && key.startsWith(`${base}/`))) return chartKey(environment, kind);
      }
      return undefined;
    };
    const initialKeys = charts.flatMap((c) => c.series.map((s) => s.key));
    this.batcher = new AppendBatcher(environment, chartOf, initialKeys, (key) => key.split('/').at(-1) ?? key);
    this.post({
      type: 'init',
      protocol: DASHBOARD_PROTOCOL_VERSION,
      environments,
      environment,
      window: this.state.window,
      now,
      charts,
      markers,
      status: this.status(runbook, now),
    });
    this.lastStatusAt = now;
    this.statusDirty = false;
  }

  private firingOf(environment: string): { periodsOf(ids: readonly string[], fromMs: number): FiringPeriod[] } {
    return {
      periodsOf: (ids, fromMs) =>
        this.monitoring.firing.periodsOf(
          ids.map((id) => `${environment}/${id}`),
          fromMs,
        ).map((p) => ({ ...p, ...(p.alertId ? { alertId: p.alertId.slice(environment.length + 1) } : {}) })),
    };
  }

  private firingMap(environment: string, alerts: readonly MonitoredAlert[], fromMs: number): Record<string, FiringPeriod[]> {
    const firing = this.firingOf(environment);
    const map: Record<string, FiringPeriod[]> = {};
    for (const kind of KINDS) {
      const ids = chartThresholds(alerts, kind).flatMap((t) => (t.alertId ? [t.alertId] : []));
      if (ids.length > 0) map[chartKey(environment, kind)] = firing.periodsOf(ids, fromMs);
    }
    return map;
  }

  private markers(fromMs: number): RunEventMarker[] {
    const steps = this.derived?.steps;
    return steps ? runMarkers(this.session.current, steps.rollbackStepIds, steps.stepLabels, fromMs) : [];
  }

  private status(runbook: Runbook, now: number): Extract<HostToWebviewMessage, { type: 'status' }> {
    const snapshots = new Map(this.monitoring.snapshots().map((s) => [s.environment, s]));
    return {
      type: 'status',
      now,
      environments: this.environments().map(({ name }) => environmentStatus(snapshots.get(name), name, this.monitoring.store, monitoredAlerts(runbook, name), now)),
    };
  }

  private startStreaming(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.flush(), FLUSH_INTERVAL_MS);
  }

  private stopStreaming(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.batcher = undefined;
  }

  private flush(): void {
    const runbook = this.runbook();
    const batcher = this.batcher;
    const derived = this.derived;
    if (!runbook || !batcher || !derived) return;
    const now = Date.now();
    if (batcher.droppedBatches > 0) return this.sendInit();
    const message = batcher.flush(now);
    const fromMs = now - DASHBOARD_WINDOWS[this.state.window] * 1000;
    const firing = this.firingMap(batcher.environment, derived.alerts, fromMs);
    const firingText = JSON.stringify(firing);
    const markers = this.markers(fromMs);
    const newMarkers = markers.length > this.markersSent ? markers.slice(this.markersSent) : [];
    if (message || firingText !== this.firingSent || newMarkers.length > 0) {
      this.post({
        ...(message ?? { type: 'append' as const, environment: batcher.environment, now, points: {} }),
        ...(firingText !== this.firingSent ? { firing } : {}),
        ...(newMarkers.length > 0 ? { markers: newMarkers } : {}),
      });
      this.firingSent = firingText;
      this.markersSent = markers.length;
    }
    if (this.statusDirty && now - this.lastStatusAt >= STATUS_INTERVAL_MS) {
      this.post(this.status(runbook, now));
      this.lastStatusAt = now;
      this.statusDirty = false;
    }
  }

  dispose(): void {
    this.stopStreaming();
    for (const d of this.disposables) d.dispose();
  }
}
