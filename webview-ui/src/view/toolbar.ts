/**
 * The top bar: environment picker with its health, the window radio group (native radios, so
 * arrow keys move between them), Pause/Resume, and when the charts were last updated.
 */
import type { EnvironmentInfo, OverallHealth, WindowId } from '../../../src/shared/dashboardProtocol';
import { WINDOW_IDS } from '../../../src/shared/dashboardProtocol';
import { button, h, setText, uniqueId } from './dom';

export const WINDOW_LABELS: Readonly<Record<WindowId, string>> = { '15m': '15 min', '1h': '1 h', '6h': '6 h', '24h': '24 h' };

const HEALTH_LABELS: Readonly<Record<OverallHealth, string>> = { healthy: 'Healthy', degraded: 'Degraded', down: 'Down', unknown: 'Unknown' };

export interface ToolbarHandlers {
  readonly onWindow: (window: WindowId) => void;
  readonly onPause: (paused: boolean) => void;
  readonly onEnvironment: (environment: string) => void;
}

export class Toolbar {
  readonly element: HTMLElement;
  private readonly _select: HTMLSelectElement;
  private readonly _health: HTMLElement;
  private readonly _radios = new Map<WindowId, HTMLInputElement>();
  private readonly _pause: HTMLButtonElement;
  private readonly _updated: HTMLElement;
  private _paused = false;

  constructor(handlers: ToolbarHandlers) {
    const selectId = uniqueId('environment');
    this._select = h('select', { className: 'dropdown', attrs: { id: selectId } });
    this._select.addEventListener('change', () => handlers.onEnvironment(this._select.value));
    this._health = h('span', { className: 'health unknown', attrs: { role: 'status' } });

    const group = h('fieldset', { className: 'segmented' }, [h('legend', { className: 'visually-hidden', text: 'Time window' })]);
    const name = uniqueId('window');
    for (const id of WINDOW_IDS) {
      const input = h('input', { attrs: { type: 'radio', name, value: id } });
      input.addEventListener('change', () => {
        if (input.checked) handlers.onWindow(id);
      });
      this._radios.set(id, input);
      group.append(h('label', { className: 'segment' }, [input, h('span', { text: WINDOW_LABELS[id] })]));
    }

    this._pause = button('Pause', () => handlers.onPause(!this._paused), { secondary: true });
    this._pause.setAttribute('aria-pressed', 'false');
    this._updated = h('span', { className: 'updated', attrs: { 'aria-live': 'off' } });

    this.element = h('header', { className: 'toolbar' }, [
      h('div', { className: 'toolbar-group' }, [h('label', { className: 'field-label', text: 'Environment', attrs: { for: selectId } }), this._select, this._health]),
      h('div', { className: 'toolbar-group' }, [group, this._pause, this._updated]),
    ]);
  }

  setEnvironments(environments: readonly EnvironmentInfo[], selected: string | undefined): void {
    const names = environments.map((e) => e.name);
    const current = [...this._select.options].map((o) => o.value);
    if (names.join('\n') !== current.join('\n')) {
      this._select.replaceChildren(...environments.map((e) => h('option', { text: e.monitoring ? e.name : `${e.name} (not monitored)`, attrs: { value: e.name } })));
    }
    if (selected !== undefined) this._select.value = selected;
    this._select.disabled = environments.length <= 1;
  }

  setHealth(overall: OverallHealth | undefined): void {
    const o = overall ?? 'unknown';
    this._health.className = `health ${o}`;
    setText(this._health, HEALTH_LABELS[o]);
  }

  setWindow(window: WindowId): void {
    const radio = this._radios.get(window);
    if (radio !== undefined) radio.checked = true;
  }

  setPaused(paused: boolean): void {
    this._paused = paused;
    setText(this._pause, paused ? 'Resume' : 'Pause');
    this._pause.setAttribute('aria-pressed', String(paused));
    this._pause.title = paused ? 'Resume live updates (buffered samples are applied)' : 'Freeze the charts; alerts stay live';
  }

  setUpdated(text: string): void {
    setText(this._updated, text);
  }

  setChartControlsEnabled(enabled: boolean): void {
    for (const r of this._radios.values()) r.disabled = !enabled;
    this._pause.disabled = !enabled;
  }
}
