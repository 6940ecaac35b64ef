import type { AppendMessage, NewSeries, Point } from '../../shared/dashboardProtocol';

/** At most this many pending points per series between two flushes (the oldest are dropped). */
const MAX_PENDING_PER_SERIES = 5000;

/**
 * Collects the samples the monitors write, for one environment, and hands them over as one
 * `append` per flush (the panel flushes a few times a second): deltas only, bounded.
 */
export class AppendBatcher {
  private pending = new Map<string, Point[]>();
  private newSeries: NewSeries[] = [];
  private readonly known = new Set<string>();
  private dropped = 0;

  constructor(
    readonly environment: string,
    /** Which chart a series key belongs to, or undefined when no chart draws it. */
    private readonly chartOf: (key: string) => string | undefined,
    /** Keys already in the charts (from `init`). */
    initialKeys: Iterable<string>,
    private readonly labelOf: (key: string) => string,
  ) {
    for (const key of initialKeys) this.known.add(key);
  }

  add(key: string, t: number, v: number): void {
    const chart = this.chartOf(key);
    if (chart === undefined) return;
    if (!this.known.has(key)) {
      this.known.add(key);
      this.newSeries.push({ chart, key, label: this.labelOf(key) });
    }
    let points = this.pending.get(key);
    if (!points) {
      points = [];
      this.pending.set(key, points);
    }
    points.push([t, v]);
    if (points.length > MAX_PENDING_PER_SERIES) {
      points.splice(0, points.length - MAX_PENDING_PER_SERIES);
      this.dropped++;
    }
  }

  /** Times the bound dropped points (the webview should be re-initialised when this grows). */
  get droppedBatches(): number {
    return this.dropped;
  }

  /** The pending deltas as one message, or undefined when there is nothing new. */
  flush(now: number): AppendMessage | undefined {
    if (this.pending.size === 0 && this.newSeries.length === 0) return undefined;
    const message: AppendMessage = {
      type: 'append',
      environment: this.environment,
      now,
      points: Object.fromEntries(this.pending),
      ...(this.newSeries.length > 0 ? { newSeries: this.newSeries } : {}),
    };
    this.pending = new Map();
    this.newSeries = [];
    return message;
  }
}
