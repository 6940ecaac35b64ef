/**
 * One uPlot time-series chart: x in Unix seconds (fixed to the dashboard's window, not to the
 * data), y ranged to show the data and every threshold (`yRange`), colours read from the theme
 * at draw time, firing bands / thresholds / markers from `overlayPlugin`. No zoom by drag: the
 * window slides live. Legend and cursor readout live in the card (theme-aware through CSS).
 */
import uPlot from 'uplot';
import type { ChartColumns, DisplayUnit } from '../shaping';
import { axisTime } from '../clock';
import { formatNumber, yRange } from '../shaping';
import type { OverlayState } from './overlays';
import { AXIS_FONT_PX, overlayPlugin } from './overlays';

export const CHART_HEIGHT = 190;

export interface TimeSeriesChartOptions {
  readonly unit: DisplayUnit;
  /** Start the y axis at 0 (rates, latencies). */
  readonly zeroBased: boolean;
  readonly seriesLabels: readonly string[];
  readonly overlays: () => OverlayState;
  /** Unix seconds. */
  readonly xRange: () => readonly [number, number];
  /** Called after every draw (the dashboard counts draws to know when a render is complete). */
  readonly onDraw: () => void;
  /** The data index under the cursor (undefined when the cursor leaves). */
  readonly onCursor: (index: number | undefined) => void;
}

export class TimeSeriesChart {
  private readonly _plot: uPlot;
  private readonly _options: TimeSeriesChartOptions;

  /** `width`: the container's width in CSS px, measured by the caller (reading it here would force a layout per chart). */
  constructor(container: HTMLElement, width: number, options: TimeSeriesChartOptions, data: ChartColumns) {
    this._options = options;
    const theme = (): OverlayState['theme'] => options.overlays().theme;
    const axis = (): uPlot.Axis => ({
      stroke: () => theme().muted,
      grid: { stroke: () => theme().grid, width: 1 },
      ticks: { stroke: () => theme().grid, width: 1, size: 4 },
      border: { show: true, stroke: () => theme().axis, width: 1 },
      font: `${AXIS_FONT_PX}px ${theme().fontFamily}`,
      gap: 4,
    });
    const opts: uPlot.Options = {
      width: Math.max(200, Math.floor(width)),
      height: CHART_HEIGHT,
      legend: { show: false },
      cursor: { drag: { x: false, y: false, setScale: false }, points: { size: 6 } },
      padding: [10, 22, 0, 0],
      scales: {
        x: { time: true, range: () => { const [a, b] = options.xRange(); return [a, b]; } },
        y: {
          range: (_u, dataMin, dataMax) =>
            yRange(dataMin, dataMax, options.overlays().lines.map((l) => l.value), { zeroBased: options.zeroBased }),
        },
      },
      axes: [
        { ...axis(), size: 30, values: (_u, splits) => splits.map((v) => axisTime(v)) },
        { ...axis(), size: 52, values: (_u, splits) => splits.map((v) => formatNumber(v)) },
      ],
      series: [{}, ...options.seriesLabels.map((label, j) => this.seriesOptions(label, j))],
      plugins: [overlayPlugin(options.overlays)],
      hooks: {
        draw: [() => options.onDraw()],
        setCursor: [(u: uPlot) => options.onCursor(u.cursor.idx ?? undefined)],
      },
    };
    this._plot = new uPlot(opts, data, container);
    this._plot.root.setAttribute('aria-hidden', 'true');
  }

  /** New data (the live arrays; see AlignedChartData). Re-ranges x to the window and y to the data. */
  setData(data: ChartColumns): void {
    this._plot.setData(data);
  }

  /** A series added after creation (a container started). */
  addSeries(label: string): void {
    this._plot.addSeries(this.seriesOptions(label, this._plot.series.length - 1));
  }

  get seriesCount(): number {
    return this._plot.series.length - 1;
  }

  resize(width: number): void {
    const w = Math.max(200, Math.floor(width));
    if (w !== this._plot.width) this._plot.setSize({ width: w, height: CHART_HEIGHT });
  }

  /** Draws again with the current theme and overlays (no data change). */
  redraw(): void {
    this._plot.redraw(false, true);
  }

  destroy(): void {
    this._plot.destroy();
  }

  private seriesOptions(label: string, j: number): uPlot.Series {
    const o = this._options;
    return {
      label,
      stroke: () => {
        const palette = o.overlays().theme.series;
        return palette[j % palette.length] ?? '#3794ff';
      },
      width: 1.5,
      points: { show: false },
      spanGaps: false,
    };
  }
}
