/**
 * The webview side of VS Code's API: `acquireVsCodeApi()` may be called once per page. Messages
 * go out typed; the view state (window, paused, environment) is kept with `setState` so a
 * reload or a restored panel comes back as it was (the history comes back from the host).
 */
import type { DashboardViewState, WebviewToHostMessage } from '../../src/shared/dashboardProtocol';
import { DEFAULT_WINDOW, isWindowId } from '../../src/shared/dashboardProtocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): unknown;
}

declare function acquireVsCodeApi(): VsCodeApi;

export interface HostBridge {
  post(message: WebviewToHostMessage): void;
  restoreState(): DashboardViewState;
  saveState(state: DashboardViewState): void;
}

/** The state from `getState()`, validated field by field; defaults for anything missing or wrong. */
export function parseViewState(raw: unknown): DashboardViewState {
  const r = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const environment = r['environment'];
  return {
    window: isWindowId(r['window']) ? r['window'] : DEFAULT_WINDOW,
    paused: r['paused'] === true,
    ...(typeof environment === 'string' && environment !== '' ? { environment } : {}),
  };
}

export function connectToHost(): HostBridge {
  const api: VsCodeApi =
    typeof acquireVsCodeApi === 'function'
      ? acquireVsCodeApi()
      : { postMessage: () => undefined, getState: () => undefined, setState: (s: unknown) => s };
  return {
    post: (message) => api.postMessage(message),
    restoreState: () => parseViewState(api.getState()),
    saveState: (state) => {
      api.setState(state);
    },
  };
}
