/**
 * When the charts draw, and what drawing cost. Appends merge their samples at once and ask for a
 * frame; the frame renders every chart that changed, so any number of appends costs one draw
 * per animation frame, and a hidden panel (no frames) draws nothing. After the charts of an
 * init or a frame have drawn, the window receives a `deploy-pilot:dashboard-drawn` event whose
 * detail says what it cost (merge + render + draw, not the wait for the frame): the bench and
 * the e2e tests wait on it.
 */

/** The event dispatched on `window` after the charts of a render have drawn. */
export const DRAWN_EVENT = 'deploy-pilot:dashboard-drawn';

export interface DrawnDetail {
  readonly reason: 'init' | 'update';
  /** Merge + render + draw in ms (performance.now), excluding the wait for the frame. */
  readonly workMs: number;
  /** performance.now() when the last chart finished drawing. */
  readonly at: number;
  readonly charts: number;
}

export class RenderLoop {
  private readonly _render: (force: boolean) => number;
  private _frame = 0;
  private _mergeMs = 0;
  private _pending = 0;
  private _start = 0;
  private _reason: DrawnDetail['reason'] = 'update';
  private _charts = 0;

  /** `render(force)` renders the charts (all of them when `force`) and returns how many started a draw. */
  constructor(render: (force: boolean) => number) {
    this._render = render;
  }

  /** Time spent merging samples since the last frame (counted into the frame's work). */
  addMergeTime(ms: number): void {
    this._mergeMs += ms;
  }

  /** Renders in the next animation frame (once, however often it is asked). */
  request(): void {
    if (this._frame !== 0) return;
    this._frame = requestAnimationFrame(() => {
      this._frame = 0;
      this.renderNow(false);
    });
  }

  /** Renders now (a pending frame is cancelled). */
  renderNow(force: boolean): void {
    if (this._frame !== 0) cancelAnimationFrame(this._frame);
    this._frame = 0;
    const start = performance.now() - this._mergeMs;
    this._mergeMs = 0;
    this.expect('update', this._render(force), start);
  }

  /** The charts of an init are about to draw (`count` of them); `start` is when its handling began. */
  expect(reason: DrawnDetail['reason'], count: number, start: number): void {
    this._pending = count;
    this._charts = count;
    this._start = start;
    this._reason = reason;
  }

  /** Called by every chart's draw hook. */
  chartDrawn(): void {
    if (this._pending <= 0) return;
    this._pending--;
    if (this._pending > 0) return;
    const at = performance.now();
    const detail: DrawnDetail = { reason: this._reason, workMs: at - this._start, at, charts: this._charts };
    window.dispatchEvent(new CustomEvent<DrawnDetail>(DRAWN_EVENT, { detail }));
  }

  /** Forgets pending draws (the charts were destroyed). */
  reset(): void {
    this._pending = 0;
  }
}
