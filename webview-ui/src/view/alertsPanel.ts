/**
 * The alerts list: firing first, then pending (most severe, then longest first), each with its
 * rule, last value and since when; a polite live region announces the counts; *Roll Back…*
 * hands over to the rollback command (which confirms) and is the primary button while an alert
 * fires.
 */
import type { DashboardAlert } from '../../../src/shared/dashboardProtocol';
import { alertCounts, formatDuration, sortAlerts } from '../shaping';
import { clockTime } from '../clock';
import { button, h, setText, uniqueId } from './dom';

export interface AlertsHandlers {
  readonly onRollBack: (alertId: string | undefined) => void;
  readonly onOpenLog: () => void;
}

export class AlertsPanel {
  readonly element: HTMLElement;
  private readonly _list: HTMLUListElement;
  private readonly _summary: HTMLElement;
  private readonly _rollBack: HTMLButtonElement;
  private _firingId: string | undefined;

  constructor(handlers: AlertsHandlers) {
    const titleId = uniqueId('alerts-title');
    this._summary = h('span', { className: 'summary', attrs: { 'aria-live': 'polite' } });
    this._rollBack = button('Roll Back…', () => handlers.onRollBack(this._firingId), { secondary: true, title: 'Start the rollback (asks for confirmation first)' });
    this._list = h('ul', { className: 'alert-list' });
    this.element = h('section', { className: 'alerts', attrs: { 'aria-labelledby': titleId } }, [
      h('div', { className: 'section-header' }, [
        h('h2', { text: 'Alerts', attrs: { id: titleId } }),
        this._summary,
        h('span', { className: 'spacer' }),
        button('Show Log', handlers.onOpenLog, { secondary: true, title: 'Show the monitoring log' }),
        this._rollBack,
      ]),
      this._list,
    ]);
  }

  update(alerts: readonly DashboardAlert[], nowMs: number): void {
    const sorted = sortAlerts(alerts);
    setText(this._summary, alertCounts(alerts));
    const firing = sorted.find((a) => a.state === 'firing');
    this._firingId = firing?.id;
    this._rollBack.className = firing !== undefined ? 'button' : 'button secondary';
    this._list.replaceChildren(...sorted.map((a) => this.row(a, nowMs)));
    this._list.hidden = sorted.length === 0;
  }

  private row(a: DashboardAlert, nowMs: number): HTMLLIElement {
    const state = a.state === 'firing' ? 'Firing' : 'Pending';
    return h('li', { className: `alert ${a.state} ${a.severity}` }, [
      h('span', { className: `badge ${a.state}`, text: state }),
      h('span', { className: 'alert-name', text: a.name === a.text ? a.text : `${a.name}: ${a.text}` }),
      h('span', { className: 'alert-value', text: a.value !== undefined ? `now ${a.value}` : '' }),
      h('span', { className: 'alert-since', text: `${a.state === 'firing' ? 'firing' : 'pending'} for ${formatDuration((nowMs - a.since) / 1000)} (since ${clockTime(a.since / 1000)})` }),
      h('span', { className: 'alert-severity', text: a.severity }),
    ]);
  }
}
