/**
 * The dashboard: handles the host's messages (exhaustively), owns the view state (window,
 * paused, environment: persisted with `setState`), the charts and the pause buffer. Drawing is
 * paced by `RenderLoop` (one draw per animation frame); the text around the charts (readouts,
 * tables, alert ages) is refreshed at most once a second.
 */
import type {
  AppendMessage,
  DashboardAction,
  DashboardViewState,
  EmptyMessage,
  EnvironmentStatus,
  ErrorMessage,
  HostToWebviewMessage,
  InitMessage,
  StatusMessage,
  WindowId,
} from '../../../src/shared/dashboardProtocol';
import { DASHBOARD_PROTOCOL_VERSION, DASHBOARD_WINDOWS } from '../../../src/shared/dashboardProtocol';
import type { ChartTheme } from '../chart/theme';
import { readChartTheme, watchTheme } from '../chart/theme';
import type { TimeRange } from '../shaping';
import { PauseBuffer, emptyGuidance, windowRange } from '../shaping';
import type { HostBridge } from '../vscodeApi';
import { AlertsPanel } from '../view/alertsPanel';
import { clockTime } from '../clock';
import { h } from '../view/dom';
import { Banners, guidancePanel } from '../view/guidance';
import { Toolbar, WINDOW_LABELS } from '../view/toolbar';
import { ChartSet } from './chartSet';
import { RenderLoop } from './renderLoop';

const TEXT_REFRESH_MS = 1000;

function assertNever(value: never): never {
  throw new Error(`unexpected message ${JSON.stringify(value)}`);
}

export class DashboardApp {
  private readonly _bridge: HostBridge;
  private readonly _toolbar: Toolbar;
  private readonly _banners: Banners;
  private readonly _alerts: AlertsPanel;
  private readonly _grid: HTMLElement;
  private readonly _content: HTMLElement;
  private readonly _chartsView: HTMLElement;
  private readonly _buffer = new PauseBuffer();
  private _state: DashboardViewState;
  private _renderedNowMs = Number.NaN;
  private readonly _loop = new RenderLoop((force) => this.renderCharts(force));
  private _theme: ChartTheme;
  private _environment: string | undefined;
  private _charts: ChartSet | undefined;
  private _nowMs = 0;
  private _frozenNowMs = 0;
  private _status: StatusMessage | undefined;
  private _textTimer: ReturnType<typeof setTimeout> | undefined;
  private _lastText = 0;

  constructor(root: HTMLElement, bridge: HostBridge) {
    this._bridge = bridge;
    this._state = bridge.restoreState();
    this._theme = readChartTheme();
    this._toolbar = new Toolbar({
      onWindow: (w) => this.userSetWindow(w),
      onPause: (p) => this.userSetPaused(p),
      onEnvironment: (e) => this.userSelectEnvironment(e),
    });
    this._banners = new Banners((a) => this.act(a));
    this._alerts = new AlertsPanel({ onRollBack: (id) => this.rollBack(id), onOpenLog: () => this.act('openLog') });
    this._grid = h('div', { className: 'chart-grid' });
    this._chartsView = h('div', { className: 'charts-view' }, [this._banners.element, this._alerts.element, this._grid]);
    this._content = h('main', { className: 'content' }, [h('p', { className: 'loading', text: 'Loading the dashboard…', attrs: { role: 'status' } })]);
    root.replaceChildren(this._toolbar.element, this._content);
    this._toolbar.setWindow(this._state.window);
    this._toolbar.setPaused(this._state.paused);
    this._toolbar.setChartControlsEnabled(false);
    watchTheme((theme) => {
      this._theme = theme;
      this._charts?.themeChanged();
    });
  }

  /** Tells the host the webview is ready, with the state it restored. */
  start(): void {
    this._bridge.post({ type: 'ready', protocol: DASHBOARD_PROTOCOL_VERSION, state: this._state });
  }

  handle(message: HostToWebviewMessage): void {
    switch (message.type) {
      case 'init':
        return this.onInit(message);
      case 'append':
        return this.onAppend(message);
      case 'status':
        return this.onStatus(message);
      case 'empty':
        return this.onEmpty(message);
      case 'error':
        return this.onError(message);
      default:
        return assertNever(message);
    }
  }

  // ------------------------------------------------------------------------------------------
  // host messages

  private onInit(m: InitMessage): void {
    const start = performance.now();
    if (m.protocol !== DASHBOARD_PROTOCOL_VERSION) {
      this.onError({
        type: 'error',
        title: 'The dashboard needs a reload',
        message: `The extension speaks dashboard protocol ${m.protocol}, this view ${DASHBOARD_PROTOCOL_VERSION}. Run "Developer: Reload Window".`,
        actions: [],
      });
      return;
    }
    this.clearCharts();
    this._buffer.clear();
    this._environment = m.environment;
    this._nowMs = m.now;
    this._frozenNowMs = m.now;
    this.saveState({ ...this._state, window: m.window, environment: m.environment });
    this._toolbar.setEnvironments(m.environments, m.environment);
    this._toolbar.setWindow(m.window);
    this._toolbar.setChartControlsEnabled(true);
    this._content.replaceChildren(this._chartsView);
    const charts = new ChartSet(m, {
      theme: () => this._theme,
      range: () => this.range(),
      windowLabel: () => WINDOW_LABELS[this._state.window],
      onDraw: () => this._loop.chartDrawn(),
    });
    this._charts = charts;
    this._grid.replaceChildren(...charts.elements);
    if (m.status !== undefined) this.applyStatus(m.status);
    else this.applyEnvironmentStatus(undefined);
    this._loop.expect('init', charts.panels.length, start);
    charts.mount();
    this._lastText = performance.now();
    this.updateClock();
  }

  private onAppend(m: AppendMessage): void {
    if (m.environment !== this._environment || this._charts === undefined) return;
    if (this._state.paused) {
      this._buffer.add(m);
      this.updateClock();
      return;
    }
    this.applyAppend(m);
  }

  private applyAppend(m: AppendMessage): void {
    const start = performance.now();
    this._charts?.append(m);
    this._nowMs = Math.max(this._nowMs, m.now);
    this._loop.addMergeTime(performance.now() - start);
    this._loop.request();
    this.scheduleText();
  }

  private onStatus(m: StatusMessage): void {
    this.applyStatus(m);
    if (!this._state.paused && m.now > this._nowMs && this._charts !== undefined) {
      this._nowMs = m.now;
      this._loop.request();
    }
    this.scheduleText();
  }

  private applyStatus(m: StatusMessage): void {
    this._status = m;
    this.applyEnvironmentStatus(m.environments.find((e) => e.environment === this._environment));
  }

  private applyEnvironmentStatus(env: EnvironmentStatus | undefined): void {
    this._toolbar.setHealth(env?.overall);
    this._banners.update(env?.sources ?? [], env?.monitoring ?? true, this._environment);
    this._alerts.update(env?.alerts ?? [], this._status?.now ?? this._nowMs);
    this._charts?.setStatus(env);
  }

  private onEmpty(m: EmptyMessage): void {
    this.clearCharts();
    this._environment = m.environment;
    this._toolbar.setEnvironments(m.environments, m.environment);
    this._toolbar.setHealth(undefined);
    this._toolbar.setChartControlsEnabled(false);
    this._content.replaceChildren(guidancePanel(emptyGuidance(m.reason, m.environment), m.detail, (a) => this.act(a), 'empty'));
  }

  private onError(m: ErrorMessage): void {
    this.clearCharts();
    this._toolbar.setChartControlsEnabled(false);
    this._content.replaceChildren(guidancePanel({ title: m.title, text: m.message, actions: m.actions }, undefined, (a) => this.act(a), 'error'));
  }

  // ------------------------------------------------------------------------------------------
  // user actions

  private userSetWindow(window: WindowId): void {
    if (window === this._state.window) return;
    const shrinking = DASHBOARD_WINDOWS[window] < DASHBOARD_WINDOWS[this._state.window];
    this.saveState({ ...this._state, window });
    this._bridge.post({ type: 'setWindow', window });
    // A shorter window is a trim away; a longer one needs history (the host answers with init).
    if (shrinking) this.renderAll();
  }

  private userSetPaused(paused: boolean): void {
    if (paused === this._state.paused) return;
    this.saveState({ ...this._state, paused });
    this._toolbar.setPaused(paused);
    if (paused) {
      this._frozenNowMs = this._nowMs;
      this._bridge.post({ type: 'pause' });
    } else {
      const resync = this._buffer.overflowed;
      const buffered = this._buffer.drain();
      this._bridge.post({ type: 'resume', resync });
      if (buffered !== undefined) this.applyAppend(buffered);
      this.renderAll();
    }
    this.updateClock();
  }

  private userSelectEnvironment(environment: string): void {
    if (environment === this._environment) return;
    this.saveState({ ...this._state, environment });
    this._bridge.post({ type: 'selectEnvironment', environment });
  }

  private rollBack(alertId: string | undefined): void {
    if (this._environment === undefined) return;
    this._bridge.post({ type: 'rollBack', environment: this._environment, ...(alertId !== undefined ? { alertId } : {}) });
  }

  private act(action: DashboardAction): void {
    switch (action) {
      case 'startMonitoring':
        this._bridge.post({ type: 'startMonitoring', ...(this._environment !== undefined ? { environment: this._environment } : {}) });
        return;
      case 'openLog':
        this._bridge.post({ type: 'openLog' });
        return;
      case 'rollBack':
        this.rollBack(undefined);
        return;
      default:
        assertNever(action);
    }
  }

  // ------------------------------------------------------------------------------------------
  // rendering

  private range(): TimeRange {
    return windowRange(this._state.paused ? this._frozenNowMs : this._nowMs, this._state.window);
  }

  private renderAll(): void {
    this._loop.renderNow(true);
    this.refreshText();
  }

  /** Trims and redraws the charts that changed (all of them when the window moved or `force`); returns the draws started. */
  private renderCharts(force: boolean): number {
    // The window slides with the clock, so every chart redraws when time moved.
    const range = this.range();
    const moved = range.toMs !== this._renderedNowMs;
    this._renderedNowMs = range.toMs;
    return this._charts?.render(force || moved) ?? 0;
  }

  private scheduleText(): void {
    if (this._textTimer !== undefined) return;
    const wait = Math.max(0, TEXT_REFRESH_MS - (performance.now() - this._lastText));
    this._textTimer = setTimeout(() => {
      this._textTimer = undefined;
      this.refreshText();
    }, wait);
  }

  private refreshText(): void {
    this._lastText = performance.now();
    this._charts?.refreshText();
    if (this._status !== undefined) this._alerts.update(this._status.environments.find((e) => e.environment === this._environment)?.alerts ?? [], this._status.now);
    this.updateClock();
  }

  private updateClock(): void {
    if (this._state.paused) {
      const n = this._buffer.size;
      this._toolbar.setUpdated(`Paused at ${clockTime(this._frozenNowMs / 1000)}${n > 0 ? ` · ${n} samples waiting` : ''}`);
    } else {
      this._toolbar.setUpdated(this._nowMs > 0 ? `Live · ${clockTime(this._nowMs / 1000)}` : '');
    }
  }

  private clearCharts(): void {
    this._charts?.destroy();
    this._charts = undefined;
    this._loop.reset();
  }

  private saveState(state: DashboardViewState): void {
    this._state = state;
    this._bridge.saveState(state);
  }
}
