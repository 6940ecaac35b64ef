/**
 * One chart of the dashboard: its aligned data, its card and its uPlot chart, kept in step.
 * Data changes mark it dirty; `render` (called once per animation frame by the app) trims it to
 * the window and hands it to uPlot. Text (readout, state, summary, table) is refreshed apart
 * from drawing, at most about once a second, so a live update stays cheap.
 */
import type { ChartInit, EnvironmentStatus, FiringPeriod, Point } from '../../../src/shared/dashboardProtocol';
import type { OverlayLine, OverlayMarker, OverlayState } from '../chart/overlays';
import type { ChartTheme } from '../chart/theme';
import { TimeSeriesChart } from '../chart/timeSeriesChart';
import type { Band, DisplayUnit, TimeRange } from '../shaping';
import {
  AlignedChartData,
  chartAlertState,
  displayFactor,
  displayUnitOf,
  firingBands,
  formatValue,
  latestRows,
  memoryTrendText,
  seriesExtent,
} from '../shaping';
import type { ChartState, Readout } from '../view/chartCard';
import { ChartCard } from '../view/chartCard';
import { clockTime } from '../clock';

export interface ChartContext {
  /** The window the chart was created for, seconds (sets the bucket width). */
  readonly windowSeconds: number;
  readonly theme: () => ChartTheme;
  readonly range: () => TimeRange;
  readonly markers: () => readonly OverlayMarker[];
  readonly windowLabel: () => string;
  readonly onDraw: () => void;
}

const TABLE_ROWS = 10;

/** Buckets per window: two points each, so ≤ 2,000 points per series whatever the sample rate. */
export const BUCKETS_PER_WINDOW = 1000;

export class ChartPanel {
  readonly key: string;
  readonly card: ChartCard;
  readonly data: AlignedChartData;
  private readonly _spec: ChartInit;
  private readonly _unit: DisplayUnit;
  private readonly _factor: number;
  private readonly _labels: string[];
  private readonly _context: ChartContext;
  private readonly _lines: OverlayLine[] = [];
  private _firing: readonly FiringPeriod[];
  private _bands: readonly Band[] = [];
  private _chart: TimeSeriesChart | undefined;
  private _dirty = true;
  private _status: EnvironmentStatus | undefined;
  private _cursor: number | undefined;

  constructor(spec: ChartInit, context: ChartContext) {
    this.key = spec.key;
    this._spec = spec;
    this._context = context;
    this._unit = displayUnitOf(spec.unit);
    this._factor = displayFactor(spec.unit);
    this._labels = spec.series.map((s) => s.label);
    this._firing = spec.firing;
    this.data = new AlignedChartData({
      scale: this._factor,
      gapSeconds: spec.gapMs / 1000,
      bucketSeconds: context.windowSeconds / BUCKETS_PER_WINDOW,
      recent: TABLE_ROWS,
    });
    this.data.load(spec.series);
    this.card = new ChartCard(spec.key, spec.title, this._unit);
    this.updateLines();
  }

  /** Creates the uPlot chart in the card's plot area, `width` CSS px wide (measured by the app for all charts at once). */
  mount(width: number): void {
    this.renderBands();
    this._chart = new TimeSeriesChart(
      this.card.plotHost,
      width,
      {
        unit: this._unit,
        zeroBased: this._spec.kind !== 'memory',
        seriesLabels: this._labels,
        overlays: () => this.overlayState(),
        xRange: () => {
          const r = this._context.range();
          return [r.from, r.to];
        },
        onDraw: this._context.onDraw,
        onCursor: (index) => {
          this._cursor = index;
          this.refreshReadout();
        },
      },
      this.data.data(),
    );
    this._dirty = false;
    this.refreshText();
  }

  get dirty(): boolean {
    return this._dirty;
  }

  markDirty(): void {
    this._dirty = true;
  }

  hasSeries(key: string): boolean {
    return this.data.indexOf(key) !== undefined;
  }

  addSeries(key: string, label: string): void {
    if (this.hasSeries(key)) return;
    this.data.addSeries(key);
    this._labels.push(label);
    this._chart?.addSeries(label);
    this._dirty = true;
  }

  append(points: Readonly<Record<string, readonly Point[]>>): void {
    if (this.data.append(points) > 0) this._dirty = true;
  }

  setFiring(periods: readonly FiringPeriod[]): void {
    this._firing = periods;
    this._dirty = true;
  }

  /** Trims to the window and redraws; returns whether a draw was started. */
  render(force: boolean): boolean {
    if (this._chart === undefined || (!this._dirty && !force)) return false;
    this.data.trimBefore(this._context.range().from);
    this.renderBands();
    this._chart.setData(this.data.data());
    this._dirty = false;
    return true;
  }

  /** Draws again without a data change (theme switch). */
  redraw(): void {
    this._chart?.redraw();
  }

  resize(width: number): void {
    this._chart?.resize(width);
  }

  setStatus(status: EnvironmentStatus | undefined): void {
    this._status = status;
  }

  /** Readout, state badge, trend, summary and table: the text around the plot. */
  refreshText(): void {
    const status = this._status;
    const state: ChartState = this._lines.length === 0 && !(status?.alerts.some((a) => a.chart === this.key) ?? false) ? 'none' : chartAlertState(status?.alerts ?? [], this.key);
    this.card.setState(state);
    this.card.setNoData(this.data.length === 0);
    this.card.setPoints(this.data.length, this.data.bucketSeconds);
    this.refreshReadout();
    const trends = (status?.memoryTrends ?? []).filter((t) => this.hasSeries(t.series));
    this.card.setTrend(trends.length === 0 ? undefined : trends.map((t) => (trends.length > 1 ? `${t.label} ${memoryTrendText(t)}` : memoryTrendText(t))).join(' · '));
    this.card.setSummary(this.summary(state));
    this.card.updateTable(this._labels, latestRows(this.data, TABLE_ROWS, this._unit));
  }

  destroy(): void {
    this._chart?.destroy();
    this._chart = undefined;
    this.card.element.remove();
  }

  private refreshReadout(): void {
    const i = this._cursor;
    if (i !== undefined && i < this.data.length) {
      const values: Readout[] = this._labels.map((label, j) => ({ label, text: formatValue(this.data.ys[j]?.[i], this._unit) }));
      this.card.setReadout(values, `at ${clockTime(this.data.x[i] ?? 0)}`);
      return;
    }
    let latest = Number.NEGATIVE_INFINITY;
    const values: Readout[] = this._labels.map((label, j) => {
      const key = this.data.keys[j] ?? '';
      const live = this._status?.current[key];
      const value = live !== undefined ? { t: live.t / 1000, v: live.v * this._factor } : this.data.latest(j);
      if (value !== undefined) latest = Math.max(latest, value.t);
      return { label, text: formatValue(value?.v, this._unit) };
    });
    this.card.setReadout(values, Number.isFinite(latest) ? `at ${clockTime(latest)}` : '');
  }

  private summary(state: ChartState): string {
    const parts = [`${this._spec.title} over the last ${this._context.windowLabel()}.`];
    this._labels.forEach((label, j) => {
      const extent = seriesExtent(this.data, j);
      const last = this.data.latest(j);
      if (extent === undefined || last === undefined) parts.push(`${label}: no data.`);
      else parts.push(`${label}: now ${formatValue(last.v, this._unit)}, min ${formatValue(extent.min, this._unit)}, max ${formatValue(extent.max, this._unit)}.`);
    });
    for (const l of this._lines) parts.push(`Threshold ${formatValue(l.value, this._unit)} (${l.label}).`);
    if (state === 'firing' || state === 'pending') parts.push(`Alert ${state}.`);
    if (this._bands.length > 0) parts.push(`Firing during ${this._bands.map(([a, b]) => `${clockTime(a)}–${clockTime(b)}`).join(', ')}.`);
    return parts.join(' ');
  }

  private updateLines(): void {
    this._lines.length = 0;
    const theme = this._context.theme();
    for (const t of this._spec.thresholds) {
      this._lines.push({ value: t.value * this._factor, label: t.label, color: t.severity === 'critical' ? theme.critical : theme.warning });
    }
    if (this._spec.limit !== undefined) this._lines.push({ value: this._spec.limit * this._factor, label: 'limit', color: theme.critical });
  }

  private renderBands(): void {
    const r = this._context.range();
    this._bands = firingBands(this._firing, r.fromMs, r.toMs, r.toMs);
  }

  private overlayState(): OverlayState {
    return { bands: this._bands, lines: this._lines, markers: this._context.markers(), theme: this._context.theme() };
  }

  /** Theme changed: threshold colours are taken from it. */
  themeChanged(): void {
    this.updateLines();
    this.redraw();
  }
}
