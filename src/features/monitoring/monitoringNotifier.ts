import * as vscode from 'vscode';
import { formatAlertTransition } from '../../core/alerts/evaluate';
import type { AlertEvent, HealthEvent } from '../../core/monitoring';

export type NotificationLevel = 'all' | 'firing' | 'off';

export interface NotifierActions {
  openDashboard(environment: string): void;
  rollBack(environment: string): void;
}

const OPEN_DASHBOARD = 'Open Dashboard';
const ROLL_BACK = 'Roll Back…';

/**
 * A notification per monitoring transition worth one: health going DOWN or coming back UP
 * (Uptime Kuma's rule), alerts firing and resolving. Pending alerts and retried blips only
 * reach the log and the status bar. Each offers Open Dashboard and, when it is bad news,
 * Roll Back….
 */
export class MonitoringNotifier {
  /** Every notification shown, newest last (bounded; for tests and the log). */
  readonly shown: string[] = [];

  constructor(
    private readonly level: () => NotificationLevel,
    private readonly actions: NotifierActions,
  ) {}

  health(event: HealthEvent): void {
    if (this.level() === 'off') return;
    const environment = event.environment;
    if (event.change.to === 'DOWN') {
      const reason = event.state.lastError?.message ?? 'the health check fails';
      this.show('error', `Deploy Pilot: ${environment} is DOWN: ${reason}`, environment, true);
    } else if (event.change.to === 'UP' && this.level() === 'all') {
      this.show('info', `Deploy Pilot: ${environment} is UP again.`, environment, false);
    }
  }

  alert(event: AlertEvent): void {
    const level = this.level();
    if (level === 'off') return;
    const { transition, alert, environment } = event;
    const text = `Deploy Pilot: ${formatAlertTransition(transition, { environment, name: alert.name })}`;
    if (transition.to === 'firing') this.show(alert.severity === 'critical' ? 'error' : 'warning', text, environment, true);
    else if (transition.from === 'firing' && level === 'all') this.show('info', text, environment, false);
  }

  private show(kind: 'error' | 'warning' | 'info', message: string, environment: string, offerRollback: boolean): void {
    this.shown.push(message);
    if (this.shown.length > 50) this.shown.shift();
    const items = offerRollback ? [OPEN_DASHBOARD, ROLL_BACK] : [OPEN_DASHBOARD];
    const shown =
      kind === 'error'
        ? vscode.window.showErrorMessage(message, ...items)
        : kind === 'warning'
          ? vscode.window.showWarningMessage(message, ...items)
          : vscode.window.showInformationMessage(message, ...items);
    void shown.then((choice) => {
      if (choice === OPEN_DASHBOARD) this.actions.openDashboard(environment);
      else if (choice === ROLL_BACK) this.actions.rollBack(environment);
    });
  }
}
