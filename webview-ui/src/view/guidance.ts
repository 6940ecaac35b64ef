/**
 * What the dashboard says when it cannot chart, and what to do about it: the empty states (no
 * runbook, no environment, not monitoring, no data yet), the error state, and the banners over
 * the charts (a source is down, monitoring stopped).
 */
import type { DashboardAction, SourceStatus } from '../../../src/shared/dashboardProtocol';
import type { Guidance } from '../shaping';
import { sourceProblems } from '../shaping';
import { button, h, setText } from './dom';

export type ActionHandler = (action: DashboardAction) => void;

export const ACTION_LABELS: Readonly<Record<DashboardAction, string>> = { startMonitoring: 'Start Monitoring', openLog: 'Show Log', rollBack: 'Roll Back…' };

/** A full-panel message with its buttons. */
export function guidancePanel(g: Guidance, detail: string | undefined, onAction: ActionHandler, kind: 'empty' | 'error'): HTMLElement {
  return h('section', { className: `guidance ${kind}`, attrs: { role: kind === 'error' ? 'alert' : 'status' } }, [
    h('h2', { text: g.title }),
    h('p', { text: g.text }),
    ...(detail !== undefined && detail !== '' ? [h('p', { className: 'detail', text: detail })] : []),
    h('div', { className: 'actions' }, g.actions.map((a, i) => button(ACTION_LABELS[a], () => onAction(a), { secondary: i > 0 }))),
  ]);
}

/** The banners above the charts; `update` shows or hides them. */
export class Banners {
  readonly element: HTMLElement;
  private readonly _sources: HTMLElement;
  private readonly _sourcesText: HTMLElement;
  private readonly _stopped: HTMLElement;
  private readonly _stoppedText: HTMLElement;

  constructor(onAction: ActionHandler) {
    this._sourcesText = h('div', { className: 'banner-text' });
    this._sources = h('div', { className: 'banner error' }, [this._sourcesText, button('Show Log', () => onAction('openLog'), { secondary: true })]);
    this._stoppedText = h('div', { className: 'banner-text' });
    this._stopped = h('div', { className: 'banner warning' }, [this._stoppedText, button('Start Monitoring', () => onAction('startMonitoring'))]);
    this.element = h('div', { className: 'banners', attrs: { 'aria-live': 'polite' } }, [this._sources, this._stopped]);
    this.update([], true, undefined);
  }

  update(sources: readonly SourceStatus[], monitoring: boolean, environment: string | undefined): void {
    const problems = sourceProblems(sources);
    this._sources.hidden = problems.length === 0;
    setText(this._sourcesText, problems.length === 0 ? '' : `${problems.join('. ')}. Monitoring keeps retrying; the charts show a gap until the source answers again. Check that the service is up and the URL is right.`);
    this._stopped.hidden = monitoring;
    const which = environment === undefined ? 'Monitoring' : `Monitoring of ${environment}`;
    setText(this._stoppedText, monitoring ? '' : `${which} is stopped: the charts show the history kept so far.`);
  }
}
