import type { FiringPeriod } from '../../shared/dashboardProtocol';

const MAX_PERIODS_PER_ALERT = 100;

/**
 * When each alert was firing, for the dashboard's shaded bands: a bounded list per alert
 * (the oldest periods go first). Fed with alert transitions; `to` is absent while it fires.
 */
export class FiringHistory {
  private readonly periods = new Map<string, { from: number; to?: number }[]>();

  /** Records a transition of alert `alertId` at `at` (Unix ms). */
  record(alertId: string, from: string, to: string, at: number): void {
    const list = this.periods.get(alertId) ?? [];
    if (to === 'firing') {
      list.push({ from: at });
      if (list.length > MAX_PERIODS_PER_ALERT) list.splice(0, list.length - MAX_PERIODS_PER_ALERT);
    } else if (from === 'firing') {
      const open = list.at(-1);
      if (open && open.to === undefined) open.to = at;
    }
    this.periods.set(alertId, list);
  }

  /** The periods of these alerts that overlap [fromMs, ∞), oldest first. */
  periodsOf(alertIds: readonly string[], fromMs: number): FiringPeriod[] {
    const result: FiringPeriod[] = [];
    for (const id of alertIds) {
      for (const p of this.periods.get(id) ?? []) {
        if (p.to === undefined || p.to >= fromMs) result.push(p.to === undefined ? { from: p.from, alertId: id } : { from: p.from, to: p.to, alertId: id });
      }
    }
    return result.sort((a, b) => a.from - b.from);
  }

  clear(): void {
    this.periods.clear();
  }
}
