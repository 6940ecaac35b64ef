/**
 * The charts of one `init`: a panel per chart, found by chart key and by series key, the run
 * markers they all draw, and their sizes (one layout read for all, then a ResizeObserver).
 * Appends are routed here; series that appear later (`newSeries`) join their chart.
 */
import type { AppendMessage, EnvironmentStatus, InitMessage, Point, RunEventKind, RunEventMarker } from '../../../src/shared/dashboardProtocol';
import { DASHBOARD_WINDOWS } from '../../../src/shared/dashboardProtocol';
import type { OverlayMarker } from '../chart/overlays';
import type { ChartTheme } from '../chart/theme';
import type { TimeRange } from '../shaping';
import { ChartPanel } from './chartPanel';

const MAX_MARKERS = 1000;

/** Overlapping marker labels give way to the more important: rollbacks, deploys, failures, then starts. */
const MARKER_PRIORITY: Readonly<Record<RunEventKind, number>> = { rollback: 3, deploy: 2, 'step-failed': 1, 'step-started': 0 };

export interface ChartSetContext {
  readonly theme: () => ChartTheme;
  readonly range: () => TimeRange;
  readonly windowLabel: () => string;
  readonly onDraw: () => void;
}

export class ChartSet {
  readonly panels: readonly ChartPanel[];
  private readonly _byKey = new Map<string, ChartPanel>();
  private readonly _bySeries = new Map<string, ChartPanel>();
  private readonly _resize: ResizeObserver;
  private readonly _context: ChartSetContext;
  private _markers: RunEventMarker[];
  private _overlayMarkers: OverlayMarker[] = [];

  constructor(init: InitMessage, context: ChartSetContext) {
    this._context = context;
    this._markers = init.markers.slice(-MAX_MARKERS);
    this._overlayMarkers = this.overlayMarkers();
    this.panels = init.charts.map((spec) => {
      const panel = new ChartPanel(spec, {
        windowSeconds: DASHBOARD_WINDOWS[init.window],
        theme: context.theme,
        range: context.range,
        markers: () => this._overlayMarkers,
        windowLabel: context.windowLabel,
        onDraw: context.onDraw,
      });
      this._byKey.set(spec.key, panel);
      for (const s of spec.series) this._bySeries.set(s.key, panel);
      return panel;
    });
    this._resize = new ResizeObserver((entries) => {
      for (const entry of entries) this.panels.find((p) => p.card.plotHost === entry.target)?.resize(entry.contentRect.width);
    });
  }

  /** The cards, to put in the document before `mount`. */
  get elements(): HTMLElement[] {
    return this.panels.map((p) => p.card.element);
  }

  /** Creates the charts; the cards must be in the document. All widths are read at once (one layout) before any chart writes to the DOM. */
  mount(): void {
    const widths = this.panels.map((p) => p.card.plotHost.getBoundingClientRect().width);
    this.panels.forEach((p, i) => {
      p.mount(widths[i] ?? 0);
      this._resize.observe(p.card.plotHost);
    });
  }

  /** Merges an append (new series, samples, markers, firing periods) into the charts; they draw on the next render. */
  append(m: AppendMessage): void {
    for (const s of m.newSeries ?? []) {
      const panel = this._byKey.get(s.chart);
      if (panel === undefined) continue;
      panel.addSeries(s.key, s.label);
      this._bySeries.set(s.key, panel);
    }
    const perPanel = new Map<ChartPanel, Record<string, readonly Point[]>>();
    for (const [key, points] of Object.entries(m.points)) {
      const panel = this._bySeries.get(key);
      if (panel === undefined || points.length === 0) continue;
      let batch = perPanel.get(panel);
      if (batch === undefined) perPanel.set(panel, (batch = {}));
      batch[key] = points;
    }
    for (const [panel, batch] of perPanel) panel.append(batch);
    if (m.markers !== undefined && m.markers.length > 0) {
      this._markers = [...this._markers, ...m.markers].slice(-MAX_MARKERS);
      this._overlayMarkers = this.overlayMarkers();
      for (const p of this.panels) p.markDirty();
    }
    for (const [chart, periods] of Object.entries(m.firing ?? {})) this._byKey.get(chart)?.setFiring(periods);
  }

  setStatus(status: EnvironmentStatus | undefined): void {
    for (const p of this.panels) p.setStatus(status);
  }

  /** Renders the charts that changed (all when `force`); returns the draws started. */
  render(force: boolean): number {
    return this.panels.filter((p) => p.render(force)).length;
  }

  refreshText(): void {
    for (const p of this.panels) p.refreshText();
  }

  /** New colours for markers and thresholds, and a redraw. */
  themeChanged(): void {
    this._overlayMarkers = this.overlayMarkers();
    for (const p of this.panels) p.themeChanged();
  }

  destroy(): void {
    this._resize.disconnect();
    for (const p of this.panels) p.destroy();
  }

  /** The markers as the charts draw them: seconds, theme colour, label priority. */
  private overlayMarkers(): OverlayMarker[] {
    const theme = this._context.theme();
    return this._markers.map((m) => ({ t: m.t / 1000, label: m.label, color: theme.markers[m.kind], priority: MARKER_PRIORITY[m.kind] }));
  }
}
