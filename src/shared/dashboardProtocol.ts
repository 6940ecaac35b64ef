/**
 * The one message protocol between the dashboard webview (webview-ui/) and the extension host
 * (src/features/dashboard). Plain data only: no `vscode`, no DOM, no imports, so both sides
 * compile it and neither drags the other's world in.
 *
 * Conversation (the webview speaks first, as in vscode-pull-request-github):
 * 1. The webview loads and sends `ready` with the state it restored (`getState()`): window,
 *    paused, environment. The host streams nothing before `ready`.
 * 2. The host answers with `init` for one environment: chart specs, history for the window
 *    (downsampled to ≤ `MAX_INIT_POINTS_PER_SERIES` per series), run-event markers, firing
 *    periods, and usually the first `status`. Or with `empty` / `error` when there is nothing to
 *    chart.
 * 3. After that only deltas: `append` (new samples per series key since the last message,
 *    batched by the host to a few messages per second) and `status` (the monitor's snapshot).
 * 4. `setWindow` and `selectEnvironment` are answered with a fresh `init`; so is `resume` with
 *    `resync: true` (the webview's pause buffer overflowed and dropped samples). While paused the
 *    host keeps streaming: the webview buffers appends (bounded) and keeps status live, so a
 *    firing alert shows even on frozen charts.
 * 5. After a reload the webview restores its state with `getState()` and starts again at 1; the
 *    history comes back in `init`.
 *
 * Units on the wire: times are Unix **milliseconds** (as the sample store keeps them); values
 * are in the chart's wire unit (`ChartUnit`: bytes, ratio 0..1, ms), the canonical units of
 * the alert rules (`threshold.canonical`) and of the series the monitor writes, so the host
 * forwards store values and rule thresholds untouched. The webview converts for display
 * (bytes → MiB, ratio → %) and to Unix seconds for uPlot. No data is no sample: values are
 * finite numbers, never NaN or null.
 */

/** Bumped on any incompatible change; both `ready` and `init` carry it. */
export const DASHBOARD_PROTOCOL_VERSION = 1;

/** Most points per series in `init` (the host downsamples longer windows to this). */
export const MAX_INIT_POINTS_PER_SERIES = 2000;

/** The chart windows the dashboard offers. */
export type WindowId = '15m' | '1h' | '6h' | '24h';

/** Window lengths in seconds, in display order. */
export const DASHBOARD_WINDOWS: Readonly<Record<WindowId, number>> = { '15m': 900, '1h': 3600, '6h': 21_600, '24h': 86_400 };

export const WINDOW_IDS: readonly WindowId[] = ['15m', '1h', '6h', '24h'];

export const DEFAULT_WINDOW: WindowId = '1h';

export function isWindowId(value: unknown): value is WindowId {
  return typeof value === 'string' && (WINDOW_IDS as readonly string[]).includes(value);
}

/** What the webview persists with `setState` (and the panel serializer gets back after a reload). */
export interface DashboardViewState {
  readonly window: WindowId;
  readonly paused: boolean;
  /** The environment last shown; absent before the first `init`. */
  readonly environment?: string;
}

// ---------------------------------------------------------------------------------------------
// webview → host

export interface ReadyMessage {
  readonly type: 'ready';
  readonly protocol: number;
  readonly state: DashboardViewState;
}

export interface SetWindowMessage {
  readonly type: 'setWindow';
  readonly window: WindowId;
}

export interface PauseMessage {
  readonly type: 'pause';
}

export interface ResumeMessage {
  readonly type: 'resume';
  /** The pause buffer overflowed (samples were dropped): the host should send a fresh `init`. */
  readonly resync: boolean;
}

export interface SelectEnvironmentMessage {
  readonly type: 'selectEnvironment';
  readonly environment: string;
}

/** "Roll Back…": hand over to the rollback command (which confirms); never rolls back by itself. */
export interface RollBackMessage {
  readonly type: 'rollBack';
  readonly environment: string;
  /** The alert whose row the button was on, if any. */
  readonly alertId?: string;
}

export interface StartMonitoringMessage {
  readonly type: 'startMonitoring';
  readonly environment?: string;
}

/** Show the monitoring output channel. */
export interface OpenLogMessage {
  readonly type: 'openLog';
}

export type WebviewToHostMessage =
  | ReadyMessage
  | SetWindowMessage
  | PauseMessage
  | ResumeMessage
  | SelectEnvironmentMessage
  | RollBackMessage
  | StartMonitoringMessage
  | OpenLogMessage;

// ---------------------------------------------------------------------------------------------
// host → webview

/** The dashboard's four charts per environment. */
export type ChartKind = 'memory' | 'errorRate' | 'latencyP95' | 'healthLatency';

/** A chart's wire unit: bytes (memory), ratio 0..1 (error rate), milliseconds (latencies). */
export type ChartUnit = 'B' | 'ratio' | 'ms';

/** Default title, wire unit and the monitor's series name (src/core/monitoring/seriesKeys.ts) per chart kind. */
export const CHART_KINDS: Readonly<Record<ChartKind, { readonly title: string; readonly unit: ChartUnit; readonly seriesName: string }>> = {
  memory: { title: 'Memory', unit: 'B', seriesName: 'memory_bytes' },
  errorRate: { title: 'Error rate', unit: 'ratio', seriesName: 'error_rate' },
  latencyP95: { title: 'Response time p95', unit: 'ms', seriesName: 'response_time_p95_ms' },
  healthLatency: { title: 'Health-check latency', unit: 'ms', seriesName: 'health_latency_ms' },
};

/** Which chart an alert rule's metric (`AlertRule.metric`) draws its threshold on; other metrics have no line. */
export const CHART_KIND_FOR_METRIC: Readonly<Partial<Record<string, ChartKind>>> = {
  memory_usage: 'memory',
  error_rate: 'errorRate',
  response_time_p95: 'latencyP95',
};

/** The alert rules' comparators (src/core/alerts/model.ts `Comparator`). */
export type ThresholdComparator = '>' | '>=' | '<' | '<=' | '==' | '!=' | 'within';

/** A runbook threshold drawn as a horizontal line; `value` is in the chart's wire unit (`threshold.canonical.value`). */
export interface ThresholdLine {
  readonly value: number;
  /** The rule as written: "error_rate > 1%". */
  readonly label: string;
  readonly comparator: ThresholdComparator;
  readonly severity?: 'warning' | 'critical';
  readonly alertId?: string;
}

/** A period an alert on this chart was firing; `to` absent while it still fires. Unix ms. */
export interface FiringPeriod {
  readonly from: number;
  readonly to?: number;
  readonly alertId?: string;
}

export type RunEventKind = 'step-started' | 'step-failed' | 'deploy' | 'rollback';

/** A run event from the run records, drawn as a vertical marker on every chart. */
export interface RunEventMarker {
  /** Unix ms. */
  readonly t: number;
  /** Short: "deploy v1.0.0", "STEP 3 failed". */
  readonly label: string;
  readonly kind: RunEventKind;
}

/** A column of numbers: a plain array or a Float64Array (see `SeriesInit`). */
export type NumberColumn = readonly number[] | Float64Array;

/**
 * One series' history, columnar. `times[i]` (Unix ms, non-decreasing) goes with `values[i]`
 * (wire unit). Prefer Float64Array (what `SeriesReader.range()` returns): VS Code's
 * `postMessage` transfers typed arrays as binary buffers and the webview gets Float64Arrays
 * back, while plain arrays go through JSON and a structured clone, number by number (hundreds
 * of milliseconds for a day at 1 s). A typed array that is a view into a larger buffer sends
 * the whole buffer: send exact-size arrays. A downsampled series may carry a bucket's min and
 * max as two points so spikes survive.
 */
export interface SeriesInit {
  /** The store key: "staging/memory_bytes/web-1". Appends name series by this key. */
  readonly key: string;
  /** Legend label: "web-1", or the chart title for a single series. */
  readonly label: string;
  readonly times: NumberColumn;
  readonly values: NumberColumn;
}

export interface ChartInit {
  /** Unique in the panel: "staging/memory". Alerts point at charts by this key. */
  readonly key: string;
  readonly kind: ChartKind;
  readonly title: string;
  /** The unit of `series` values and `thresholds` (see the module comment). */
  readonly unit: ChartUnit;
  /**
   * Two samples of one series further apart than this are drawn with a break, not a line: use
   * about 3 × the scrape interval, and at least 2 × the downsampling step of `series`.
   */
  readonly gapMs: number;
  readonly series: readonly SeriesInit[];
  readonly thresholds: readonly ThresholdLine[];
  readonly firing: readonly FiringPeriod[];
  /** A memory limit in bytes, when known (drawn like a threshold). */
  readonly limit?: number;
}

export interface EnvironmentInfo {
  readonly name: string;
  /** Whether its monitor is running now. */
  readonly monitoring: boolean;
}

export interface InitMessage {
  readonly type: 'init';
  readonly protocol: number;
  readonly environments: readonly EnvironmentInfo[];
  /** The environment the charts are for. */
  readonly environment: string;
  /** The window the history covers (the host may answer a restored window with another). */
  readonly window: WindowId;
  /** Host clock, Unix ms: the right edge of the charts. */
  readonly now: number;
  readonly charts: readonly ChartInit[];
  readonly markers: readonly RunEventMarker[];
  /** The first status, so the panel paints complete. */
  readonly status?: StatusMessage;
}

/** `[t (Unix ms), v (wire unit)]`. */
export type Point = readonly [t: number, v: number];

/** A series that appeared after `init` (a container started). */
export interface NewSeries {
  readonly chart: string;
  readonly key: string;
  readonly label: string;
}

export interface AppendMessage {
  readonly type: 'append';
  readonly environment: string;
  /** Host clock, Unix ms. */
  readonly now: number;
  /** New samples per series key since the last message, each list oldest first. */
  readonly points: Readonly<Record<string, readonly Point[]>>;
  /** Declared before (or in the same message as) their first points. */
  readonly newSeries?: readonly NewSeries[];
  readonly markers?: readonly RunEventMarker[];
  /** Replaces the firing periods of the charts it names (chart key → periods in the window). */
  readonly firing?: Readonly<Record<string, readonly FiringPeriod[]>>;
}

export type OverallHealth = 'healthy' | 'degraded' | 'down' | 'unknown';
export type ProbeState = 'UNKNOWN' | 'UP' | 'PENDING' | 'DOWN';

/** A firing or pending alert (src/core/monitoring/snapshot.ts `AlertSummary`, plus its chart). */
export interface DashboardAlert {
  readonly id: string;
  readonly name: string;
  /** The rule as written: "error_rate > 1%". */
  readonly text: string;
  readonly state: 'pending' | 'firing';
  readonly severity: 'warning' | 'critical';
  /** Unix ms: since when pending (pending) or firing (firing). */
  readonly since: number;
  /** The last value formatted in the rule's unit: "2.3%". */
  readonly value?: string;
  /** The chart key whose threshold this alert watches. */
  readonly chart?: string;
}

/** The memory trend of one series (src/core/trend `MemoryTrend`, the figures the text needs). */
export interface MemoryTrendInfo {
  /** Series key: "staging/memory_bytes/web-1". */
  readonly series: string;
  readonly label: string;
  readonly verdict: 'growing' | 'flat' | 'shrinking' | 'insufficient';
  readonly percentPerHour: number;
  readonly projectedLimitInSeconds?: number;
}

export interface SourceStatus {
  readonly name: 'health' | 'metrics' | 'prometheus' | 'docker';
  readonly ok: boolean;
  /** Unix ms of its last result. */
  readonly at?: number;
  /** Why it failed: "connection refused (http://127.0.0.1:8080/metrics)". */
  readonly message?: string;
}

/** The latest sample of a series (wire unit), live even while the charts are paused. */
export interface CurrentValue {
  readonly t: number;
  readonly v: number;
}

export interface EnvironmentStatus {
  readonly environment: string;
  readonly monitoring: boolean;
  readonly overall: OverallHealth;
  readonly probe: ProbeState;
  /** Firing and pending alerts. */
  readonly alerts: readonly DashboardAlert[];
  /** Series key → latest sample. */
  readonly current: Readonly<Record<string, CurrentValue>>;
  readonly memoryTrends: readonly MemoryTrendInfo[];
  readonly sources: readonly SourceStatus[];
}

export interface StatusMessage {
  readonly type: 'status';
  /** Host clock, Unix ms. */
  readonly now: number;
  /** Every environment (the picker shows their health); the charts use the selected one. */
  readonly environments: readonly EnvironmentStatus[];
}

/**
 * Nothing to chart, and what to do about it:
 * - `no-runbook`: no runbook is open;
 * - `no-environment`: the runbook configures no environment with a `healthUrl` or `metricsUrl`;
 * - `not-monitoring`: environments exist but no monitor runs and no history is kept;
 * - `no-data`: monitoring runs but no sample has arrived yet.
 */
export type EmptyReason = 'no-runbook' | 'no-environment' | 'not-monitoring' | 'no-data';

export interface EmptyMessage {
  readonly type: 'empty';
  readonly reason: EmptyReason;
  readonly environments: readonly EnvironmentInfo[];
  readonly environment?: string;
  /** Extra guidance shown under the standard text: "Scrape interval: 5 s". */
  readonly detail?: string;
}

/** What a guidance panel offers as buttons; each maps to the webview → host message of that name. */
export type DashboardAction = 'startMonitoring' | 'openLog' | 'rollBack';

/** The dashboard cannot show the environment (monitoring failed to start, the runtime failed to load). */
export interface ErrorMessage {
  readonly type: 'error';
  readonly title: string;
  /** What happened and what to do. */
  readonly message: string;
  readonly environment?: string;
  readonly actions: readonly DashboardAction[];
}

export type HostToWebviewMessage = InitMessage | AppendMessage | StatusMessage | EmptyMessage | ErrorMessage;

// ---------------------------------------------------------------------------------------------
// guards

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isOptionalString = (value: unknown): boolean => value === undefined || typeof value === 'string';

/**
 * Validates a message from the webview (the host must not trust it blindly): exact field types,
 * so a handler can switch on `type` and use the fields.
 */
export function isWebviewToHostMessage(value: unknown): value is WebviewToHostMessage {
  if (!isRecord(value)) return false;
  switch (value['type']) {
    case 'ready': {
      const state = value['state'];
      return (
        typeof value['protocol'] === 'number' &&
        isRecord(state) &&
        isWindowId(state['window']) &&
        typeof state['paused'] === 'boolean' &&
        isOptionalString(state['environment'])
      );
    }
    case 'setWindow':
      return isWindowId(value['window']);
    case 'pause':
    case 'openLog':
      return true;
    case 'resume':
      return typeof value['resync'] === 'boolean';
    case 'selectEnvironment':
      return typeof value['environment'] === 'string';
    case 'rollBack':
      return typeof value['environment'] === 'string' && isOptionalString(value['alertId']);
    case 'startMonitoring':
      return isOptionalString(value['environment']);
    default:
      return false;
  }
}

const HOST_MESSAGE_TYPES: ReadonlySet<string> = new Set<HostToWebviewMessage['type']>(['init', 'append', 'status', 'empty', 'error']);

/** A shallow check of a message from the host (trusted; this filters out other `message` events). */
export function isHostToWebviewMessage(value: unknown): value is HostToWebviewMessage {
  return isRecord(value) && typeof value['type'] === 'string' && HOST_MESSAGE_TYPES.has(value['type']);
}
