/**
 * What arrives while the charts are paused: appends are merged here, bounded, and applied in
 * one go on resume. The status (alerts, current values) is not buffered: it stays live.
 *
 * Bounds: at most `maxPointsPerSeries` samples per series (the oldest go first, counted in
 * `dropped`), `maxSeries` series (samples for more are dropped), `maxMarkers` markers. After a
 * drop the buffer is `overflowed`: the webview resumes with `resync: true` and the host sends a
 * fresh `init`, so nothing is silently missing from the charts.
 */
import type { AppendMessage, FiringPeriod, NewSeries, Point, RunEventMarker } from '../../../src/shared/dashboardProtocol';

export interface PauseBufferOptions {
  readonly maxPointsPerSeries?: number;
  readonly maxSeries?: number;
  readonly maxMarkers?: number;
}

interface Column {
  times: number[];
  values: number[];
}

export class PauseBuffer {
  private readonly _maxPoints: number;
  private readonly _maxSeries: number;
  private readonly _maxMarkers: number;
  private _environment: string | undefined;
  private _now = Number.NEGATIVE_INFINITY;
  private readonly _columns = new Map<string, Column>();
  private readonly _newSeries = new Map<string, NewSeries>();
  private _markers: RunEventMarker[] = [];
  private readonly _firing = new Map<string, readonly FiringPeriod[]>();
  private _size = 0;
  private _dropped = 0;

  constructor(options: PauseBufferOptions = {}) {
    this._maxPoints = Math.max(1, options.maxPointsPerSeries ?? 86_400);
    this._maxSeries = Math.max(1, options.maxSeries ?? 64);
    this._maxMarkers = Math.max(1, options.maxMarkers ?? 1000);
  }

  /** Samples held. */
  get size(): number {
    return this._size;
  }

  /** Samples and markers dropped to stay within the bounds since the last drain. */
  get dropped(): number {
    return this._dropped;
  }

  get overflowed(): boolean {
    return this._dropped > 0;
  }

  get isEmpty(): boolean {
    return this._size === 0 && this._newSeries.size === 0 && this._markers.length === 0 && this._firing.size === 0;
  }

  /** Buffers one append. An append for another environment than the buffered one replaces the buffer. */
  add(message: AppendMessage): void {
    if (this._environment !== undefined && message.environment !== this._environment) this.clear();
    this._environment = message.environment;
    this._now = Math.max(this._now, message.now);
    for (const s of message.newSeries ?? []) if (!this._newSeries.has(s.key)) this._newSeries.set(s.key, s);
    for (const [key, points] of Object.entries(message.points)) this.addPoints(key, points);
    if (message.markers !== undefined && message.markers.length > 0) {
      this._markers.push(...message.markers);
      const excess = this._markers.length - this._maxMarkers;
      if (excess > 0) {
        this._markers = this._markers.slice(excess);
        this._dropped += excess;
      }
    }
    for (const [chart, periods] of Object.entries(message.firing ?? {})) this._firing.set(chart, periods);
  }

  /** Everything buffered as one append (undefined when empty), and an empty buffer. */
  drain(): AppendMessage | undefined {
    if (this.isEmpty || this._environment === undefined) {
      this.clear();
      return undefined;
    }
    const points: Record<string, Point[]> = {};
    for (const [key, c] of this._columns) points[key] = c.times.map((t, i): Point => [t, c.values[i] ?? Number.NaN]);
    const message: AppendMessage = {
      type: 'append',
      environment: this._environment,
      now: this._now,
      points,
      ...(this._newSeries.size > 0 ? { newSeries: [...this._newSeries.values()] } : {}),
      ...(this._markers.length > 0 ? { markers: this._markers } : {}),
      ...(this._firing.size > 0 ? { firing: Object.fromEntries(this._firing) } : {}),
    };
    this.clear();
    return message;
  }

  clear(): void {
    this._environment = undefined;
    this._now = Number.NEGATIVE_INFINITY;
    this._columns.clear();
    this._newSeries.clear();
    this._markers = [];
    this._firing.clear();
    this._size = 0;
    this._dropped = 0;
  }

  private addPoints(key: string, points: readonly Point[]): void {
    let column = this._columns.get(key);
    if (column === undefined) {
      if (this._columns.size >= this._maxSeries) {
        this._dropped += points.length;
        return;
      }
      column = { times: [], values: [] };
      this._columns.set(key, column);
    }
    for (const [t, v] of points) {
      column.times.push(t);
      column.values.push(v);
    }
    this._size += points.length;
    const excess = column.times.length - this._maxPoints;
    if (excess > 0) {
      column.times.splice(0, excess);
      column.values.splice(0, excess);
      this._size -= excess;
      this._dropped += excess;
    }
  }
}
