import * as vscode from 'vscode';
import type { AutoRollbackDecision } from '../../core/rollback';
import { AutoRollbackController, ROLLBACK_COMMAND_PREFIX } from '../../core/rollback';
import type { MonitoringService } from '../monitoring/monitoringService';
import type { RunbookService } from '../runbook/runbookService';
import type { RunRecord } from '../../core/run';
import type { RunSession } from '../runner/runSession';
import type { RollbackCommand } from './rollbackCommand';

/** When the run's latest command that is not a rollback's started (ms), if any. */
function latestNonRollbackStart(record: RunRecord | undefined): number | undefined {
  let latest: number | undefined;
  for (const c of record?.commands ?? []) {
    if (c.commandId.startsWith(ROLLBACK_COMMAND_PREFIX) || c.startedAt === undefined) continue;
    const at = Date.parse(c.startedAt);
    if (latest === undefined || at > latest) latest = at;
  }
  return latest;
}

export interface CountdownUi {
  /** Shows "Rolling back … in N s" with Cancel; `cancel` is called when the operator cancels. Dispose to close it. */
  countdown(environment: string, trigger: string, endsAt: number, cancel: () => void): vscode.Disposable;
}

const vscodeCountdownUi: CountdownUi = {
  countdown(environment, trigger, endsAt, cancel) {
    let close: () => void = () => undefined;
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Deploy Pilot: ${trigger} is firing on ${environment}`, cancellable: true }, (progress, token) =>
      new Promise<void>((resolve) => {
        const tick = setInterval(() => progress.report({ message: `rolling back in ${Math.max(0, Math.ceil((endsAt - Date.now()) / 1000))} s` }), 250);
        close = () => {
          clearInterval(tick);
          resolve();
        };
        token.onCancellationRequested(() => {
          cancel();
          close();
        });
      }),
    );
    return { dispose: () => close() };
  },
};

/**
 * Automatic rollback, off unless the environment's `autoRollback.enabled`: when one of its
 * trigger alerts fires, a notification counts down (default 60 s) with Cancel, then the same
 * *Roll Back…* runs without its modal. One at a time; nothing twice for one firing episode.
 */
export class AutoRollbackService implements vscode.Disposable {
  ui: CountdownUi = vscodeCountdownUi;
  private readonly controllers = new Map<string, AutoRollbackController>();
  private readonly countdowns = new Map<string, { timer: NodeJS.Timeout; notice: vscode.Disposable }>();
  private readonly subscriptions: vscode.Disposable[];
  /** The alert behind each environment's countdown, for the record of a cancellation. */
  private readonly triggers = new Map<string, string>();
  /** Decisions taken (not the "nothing to do" ones), newest last, at most 100 (for tests and the log). */
  readonly decisions: { environment: string; decision: AutoRollbackDecision }[] = [];

  constructor(
    monitoring: MonitoringService,
    private readonly runbooks: RunbookService,
    private readonly rollback: RollbackCommand,
    private readonly log: vscode.LogOutputChannel,
    session: RunSession,
  ) {
    this.subscriptions = [
      monitoring.onAlert((event) => {
        const controller = this.controllerOf(event.environment);
        if (!controller) return;
        const now = Date.now();
        if (event.transition.to === 'firing') this.decide(event.environment, controller.alertFiring(event.alert.id, event.transition.at, now), event.transition.at);
        else if (event.transition.from === 'firing') this.decide(event.environment, controller.alertResolved(event.alert.id), event.transition.at);
      }),
      // Another runbook, or the same one edited: its autoRollback settings may differ; start afresh.
      runbooks.onDidChangeState(() => this.reset()),
      // A command after a rollback may have deployed a new version: it may be rolled back again.
      session.onDidChange((record) => {
        const latest = latestNonRollbackStart(record);
        if (latest !== undefined) for (const controller of this.controllers.values()) controller.commandRanAt(latest);
      }),
    ];
  }

  private controllerOf(environment: string): AutoRollbackController | undefined {
    const state = this.runbooks.state;
    const config = state.kind === 'ok' ? state.runbook.config.environments[environment]?.autoRollback : undefined;
    if (!config?.enabled) return undefined;
    let controller = this.controllers.get(environment);
    if (!controller) {
      controller = new AutoRollbackController(environment, config);
      this.controllers.set(environment, controller);
    }
    return controller;
  }

  private decide(environment: string, decision: AutoRollbackDecision, firedAt: number): void {
    if (decision.kind !== 'none') this.decisions.push({ environment, decision });
    if (this.decisions.length > 100) this.decisions.shift();
    const controller = this.controllers.get(environment);
    if (!controller) return;
    switch (decision.kind) {
      case 'countdown': {
        this.triggers.set(environment, decision.trigger);
        this.log.warn(`${environment}: ${decision.trigger} fired: automatic rollback in ${Math.round((decision.endsAt - Date.now()) / 1000)} s unless cancelled.`);
        this.stopCountdown(environment);
        const notice = this.ui.countdown(environment, decision.trigger, decision.endsAt, () => this.decide(environment, controller.cancel(), firedAt));
        const timer = setInterval(() => {
          const next = controller.tick(Date.now());
          if (next.kind !== 'none') this.decide(environment, next, firedAt);
        }, 250);
        this.countdowns.set(environment, { timer, notice });
        break;
      }
      case 'rollBackNow':
        this.stopCountdown(environment);
        controller.rollbackStarted(decision.trigger, Date.now());
        this.log.warn(`${environment}: rolling back automatically (${decision.trigger}).`);
        this.rollback
          .run(environment, { automatic: true, trigger: decision.trigger, alertFiredAt: firedAt })
          .then((result) => {
            controller.rollbackFinished({ ok: result?.outcome === 'healthy', version: result?.to ?? '', at: Date.now() });
            this.log.info(`${environment}: automatic rollback ${result ? result.outcome : 'did not run'}.`);
          })
          .catch((error: unknown) => {
            controller.rollbackFinished({ ok: false, version: '', at: Date.now() });
            this.log.error(`${environment}: automatic rollback failed: ${error instanceof Error ? error.message : String(error)}`);
            void vscode.window.showErrorMessage(`Deploy Pilot: automatic rollback of ${environment} failed: ${error instanceof Error ? error.message : String(error)}`);
          });
        break;
      case 'cancelled':
      case 'pause':
        this.stopCountdown(environment);
        this.log.info(`${environment}: automatic rollback ${decision.kind}: ${decision.reason}`);
        // In the run record too: an alert fired and the operator (or the verdict) stopped the rollback.
        this.rollback
          .recordCancelled(environment, decision.reason, this.triggers.get(environment), firedAt)
          .catch((error: unknown) => this.log.error(`${environment}: cannot record the cancelled rollback: ${String(error)}`));
        break;
      case 'ignored':
        this.stopCountdown(environment);
        this.log.info(`${environment}: automatic rollback ${decision.kind}: ${decision.reason}`);
        break;
      case 'none':
        break;
    }
  }

  private stopCountdown(environment: string): void {
    const countdown = this.countdowns.get(environment);
    if (!countdown) return;
    clearInterval(countdown.timer);
    countdown.notice.dispose();
    this.countdowns.delete(environment);
  }

  private reset(): void {
    for (const environment of [...this.countdowns.keys()]) this.stopCountdown(environment);
    this.controllers.clear();
    this.triggers.clear();
  }

  dispose(): void {
    this.reset();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
