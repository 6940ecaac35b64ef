/** The visible time range of the charts: the selected window ending at the host's clock. */
import type { WindowId } from '../../../src/shared/dashboardProtocol';
import { DASHBOARD_WINDOWS } from '../../../src/shared/dashboardProtocol';

export interface TimeRange {
  /** Unix ms. */
  readonly fromMs: number;
  readonly toMs: number;
  /** Unix seconds (uPlot's x unit). */
  readonly from: number;
  readonly to: number;
}

/** `[now − window, now]`. */
export function windowRange(nowMs: number, window: WindowId): TimeRange {
  const fromMs = nowMs - DASHBOARD_WINDOWS[window] * 1000;
  return { fromMs, toMs: nowMs, from: fromMs / 1000, to: nowMs / 1000 };
}
