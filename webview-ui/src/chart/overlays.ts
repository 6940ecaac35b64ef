/**
 * A uPlot plugin that draws what the data alone does not show: firing periods shaded under the
 * series, the runbook's threshold lines and the run-event markers on top. Everything is read
 * from `state()` at draw time, so a redraw picks up new bands, markers or theme colours.
 */
import uPlot from 'uplot';
import type { Band } from '../shaping';
import type { ChartTheme } from './theme';

/** The axis label size in CSS px (timeSeriesChart.ts uses it for the axes). */
export const AXIS_FONT_PX = 11;

export interface OverlayLine {
  /** Display unit. */
  readonly value: number;
  readonly label: string;
  readonly color: string;
}

export interface OverlayMarker {
  /** Unix seconds. */
  readonly t: number;
  readonly label: string;
  readonly color: string;
  /** Labels that would overlap are dropped lowest priority first (deploys and rollbacks win over steps). */
  readonly priority: number;
}

export interface OverlayState {
  readonly bands: readonly Band[];
  readonly lines: readonly OverlayLine[];
  readonly markers: readonly OverlayMarker[];
  readonly theme: ChartTheme;
}

export function overlayPlugin(state: () => OverlayState): uPlot.Plugin {
  return {
    hooks: {
      drawAxes: (u: uPlot) => drawBands(u, state()),
      draw: (u: uPlot) => {
        const s = state();
        drawMarkers(u, s);
        drawLines(u, s);
      },
    },
  };
}

function clipToPlot(u: uPlot, ctx: CanvasRenderingContext2D): void {
  const { left, top, width, height } = u.bbox;
  ctx.beginPath();
  ctx.rect(left, top, width, height);
  ctx.clip();
}

function drawBands(u: uPlot, s: OverlayState): void {
  if (s.bands.length === 0) return;
  const ctx = u.ctx;
  const { top, height } = u.bbox;
  ctx.save();
  clipToPlot(u, ctx);
  ctx.fillStyle = s.theme.firingFill;
  for (const [from, to] of s.bands) {
    const x0 = u.valToPos(from, 'x', true);
    const x1 = u.valToPos(to, 'x', true);
    ctx.fillRect(x0, top, Math.max(1, x1 - x0), height);
  }
  ctx.restore();
}

/** The axes' font exactly as uPlot scales it (`11px <family>` × pxRatio): one font string per canvas, so `ctx.font` is not re-parsed on every draw. */
function font(s: OverlayState): string {
  return `${Math.round(AXIS_FONT_PX * uPlot.pxRatio)}px ${s.theme.fontFamily}`;
}

function drawLines(u: uPlot, s: OverlayState): void {
  if (s.lines.length === 0) return;
  const ctx = u.ctx;
  const { left, top, width, height } = u.bbox;
  const r = uPlot.pxRatio;
  ctx.save();
  clipToPlot(u, ctx);
  ctx.lineWidth = Math.max(1, Math.round(1.5 * r));
  ctx.setLineDash([6 * r, 4 * r]);
  ctx.font = font(s);
  ctx.textAlign = 'left';
  for (const line of s.lines) {
    const y = Math.round(u.valToPos(line.value, 'y', true));
    if (y < top - 1 || y > top + height + 1) continue;
    ctx.strokeStyle = line.color;
    ctx.beginPath();
    ctx.moveTo(left, y);
    ctx.lineTo(left + width, y);
    ctx.stroke();
    // The label at the left (the oldest data; the right edge is "now"), on a plate of the
    // background colour so lines and markers do not run through it; below the line near the top.
    const below = y - top < 16 * r;
    const textWidth = ctx.measureText(line.label).width;
    const textX = left + 4 * r;
    const textY = below ? y + 3 * r : y - 3 * r;
    ctx.textBaseline = below ? 'top' : 'bottom';
    ctx.fillStyle = s.theme.background;
    ctx.fillRect(textX - 3 * r, below ? textY - r : textY - 12 * r, textWidth + 6 * r, 13 * r);
    ctx.fillStyle = line.color;
    ctx.fillText(line.label, textX, textY);
  }
  ctx.restore();
}

function drawMarkers(u: uPlot, s: OverlayState): void {
  if (s.markers.length === 0) return;
  const ctx = u.ctx;
  const { left, top, width, height } = u.bbox;
  const r = uPlot.pxRatio;
  ctx.save();
  clipToPlot(u, ctx);
  ctx.lineWidth = Math.max(1, Math.round(r));
  ctx.setLineDash([2 * r, 3 * r]);
  ctx.font = font(s);
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  const visible: { readonly x: number; readonly m: OverlayMarker }[] = [];
  for (const m of s.markers) {
    const x = Math.round(u.valToPos(m.t, 'x', true));
    if (x < left || x > left + width) continue;
    visible.push({ x, m });
    ctx.strokeStyle = m.color;
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, top + height);
    ctx.stroke();
  }
  // Labels by priority; one that would overlap a label already placed is left out.
  const placed: [number, number][] = [];
  for (const { x, m } of [...visible].sort((a, b) => b.m.priority - a.m.priority || a.x - b.x)) {
    const from = x + 3 * r;
    const to = from + ctx.measureText(m.label).width + 6 * r;
    if (placed.some(([a, b]) => from < b && to > a)) continue;
    placed.push([from, to]);
    ctx.fillStyle = m.color;
    ctx.fillText(m.label, from, top + 2 * r);
  }
  ctx.restore();
}
