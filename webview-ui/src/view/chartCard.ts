/**
 * One chart's card: title and unit, the alert state badge, the current value per series (or
 * the values under the cursor), the memory trend line, the plot, and the text alternative: a
 * summary caption and a table of the latest values, visually hidden until *Table* shows it.
 */
import type { LatestRow } from '../shaping';
import { clockTime } from '../clock';
import { button, h, setText, uniqueId } from './dom';

export type ChartState = 'firing' | 'pending' | 'ok' | 'none';

const STATE_LABELS: Readonly<Record<Exclude<ChartState, 'none'>, string>> = { firing: 'Firing', pending: 'Pending', ok: 'OK' };

export interface Readout {
  readonly label: string;
  readonly text: string;
}

export class ChartCard {
  readonly element: HTMLElement;
  readonly plotHost: HTMLElement;
  private readonly _state: HTMLElement;
  private readonly _readout: HTMLElement;
  private readonly _readoutTime: HTMLElement;
  private readonly _trend: HTMLElement;
  private readonly _noData: HTMLElement;
  private readonly _summary: HTMLElement;
  private readonly _tableWrap: HTMLElement;
  private readonly _thead: HTMLTableSectionElement;
  private readonly _tbody: HTMLTableSectionElement;
  private readonly _toggle: HTMLButtonElement;
  private _labelsKey = '';
  private readonly _title: string;

  constructor(key: string, title: string, unit: string) {
    const titleId = uniqueId('chart-title');
    const summaryId = uniqueId('chart-summary');
    const tableId = uniqueId('chart-table');
    this._title = title;
    this._state = h('span', { className: 'badge none' });
    this._readout = h('span', { className: 'readout' });
    this._readoutTime = h('span', { className: 'readout-time' });
    this._toggle = button('Table', () => this.toggleTable(), { secondary: true, title: 'Show the latest values as a table' });
    this._toggle.classList.add('small');
    this._toggle.setAttribute('aria-expanded', 'false');
    this._toggle.setAttribute('aria-label', `Table of ${title} values`);
    this._toggle.setAttribute('aria-controls', tableId);
    this._trend = h('p', { className: 'trend' });
    this._trend.hidden = true;
    this._noData = h('p', { className: 'no-data', text: 'No data yet: waiting for the first sample.' });
    this.plotHost = h('div', { className: 'plot' }, [this._noData]);
    this._summary = h('figcaption', { className: 'visually-hidden', attrs: { id: summaryId } });
    this._thead = h('thead');
    this._tbody = h('tbody');
    this._tableWrap = h('div', { className: 'table-wrap visually-hidden', attrs: { id: tableId, role: 'region', 'aria-label': `Latest values: ${title}` } }, [
      h('table', {}, [h('caption', { text: `Latest values: ${title} (${unit}), newest first` }), this._thead, this._tbody]),
    ]);
    this.element = h('figure', { className: 'chart-card', attrs: { 'aria-labelledby': titleId, 'aria-describedby': summaryId, 'data-chart-key': key } }, [
      h('div', { className: 'card-header' }, [
        h('h3', { attrs: { id: titleId } }, [title, h('span', { className: 'unit', text: ` ${unit}` })]),
        this._state,
        h('span', { className: 'spacer' }),
        this._toggle,
      ]),
      h('div', { className: 'readout-line' }, [this._readout, this._readoutTime]),
      this._trend,
      this.plotHost,
      this._summary,
      this._tableWrap,
    ]);
  }

  setState(state: ChartState): void {
    this._state.className = `badge ${state}`;
    this._state.hidden = state === 'none';
    setText(this._state, state === 'none' ? '' : STATE_LABELS[state]);
  }

  /** Series values: each with its colour swatch (by position), label and value. */
  setReadout(values: readonly Readout[], time: string): void {
    const nodes = values.map((v, j) =>
      h('span', { className: 'reading' }, [h('span', { className: `swatch swatch-${j % 5}`, attrs: { 'aria-hidden': 'true' } }), values.length > 1 ? `${v.label} ` : '', h('strong', { text: v.text })]),
    );
    this._readout.replaceChildren(...nodes);
    setText(this._readoutTime, time);
  }

  setTrend(text: string | undefined): void {
    this._trend.hidden = text === undefined;
    setText(this._trend, text === undefined ? '' : `Trend: ${text}`);
  }

  setNoData(noData: boolean): void {
    this._noData.hidden = !noData;
  }

  setSummary(text: string): void {
    setText(this._summary, text);
  }

  /** For tests and the bench: x entries held and the bucket width (s). */
  setPoints(count: number, bucketSeconds: number): void {
    this.element.dataset['points'] = String(count);
    this.element.dataset['bucketSeconds'] = String(bucketSeconds);
  }

  updateTable(labels: readonly string[], rows: readonly LatestRow[]): void {
    const key = labels.join('\n');
    if (key !== this._labelsKey) {
      this._labelsKey = key;
      this._thead.replaceChildren(h('tr', {}, [h('th', { text: 'Time', attrs: { scope: 'col' } }), ...labels.map((l) => h('th', { text: l, attrs: { scope: 'col' } }))]));
    }
    this._tbody.replaceChildren(...rows.map((r) => h('tr', {}, [h('th', { text: clockTime(r.t), attrs: { scope: 'row' } }), ...r.cells.map((c) => h('td', { text: c }))])));
  }

  private toggleTable(): void {
    const shown = this._tableWrap.classList.toggle('visually-hidden') === false;
    this._toggle.setAttribute('aria-expanded', String(shown));
    this._toggle.setAttribute('aria-label', `${shown ? 'Hide Table' : 'Table'} of ${this._title} values`);
    setText(this._toggle, shown ? 'Hide Table' : 'Table');
    // Shown, it scrolls: reachable by keyboard. Hidden, it is for screen readers only, not a tab stop.
    if (shown) this._tableWrap.tabIndex = 0;
    else this._tableWrap.removeAttribute('tabindex');
  }
}
