import * as vscode from 'vscode';
import { normalizeConfig } from '../../core/config/normalize';
import type { EnvironmentConfig } from '../../core/config';
import type { RollbackPlan, RollbackResult, VerificationState } from '../../core/rollback';
import { formatRollbackResult, reduceVerification, resultFromVerification, rollbackPlan, rollbackTarget, startVerification } from '../../core/rollback';
import { SeriesNames, seriesKey } from '../../core/monitoring';
import { blockCommands } from '../../core/runbook/commands';
import type { RunRecord } from '../../core/run';
import { quoteFor, singleQuote } from '../../core/run';
import { ReleaseGit } from '../../infra/git';
import type { MonitoringService } from '../monitoring/monitoringService';
import type { RunbookService } from '../runbook/runbookService';
import type { RunController } from '../runner/runController';
import type { RunSession } from '../runner/runSession';
import { applyEnvReset } from './envFile';

export interface RollbackUi {
  pickEnvironment(names: readonly string[]): Promise<string | undefined>;
  /** The modal: from → to and the exact commands. True to go ahead. */
  confirm(plan: Extract<RollbackPlan, { ok: true }>): Promise<boolean>;
  show(result: RollbackResult): void;
}

const vscodeRollbackUi: RollbackUi = {
  async pickEnvironment(names) {
    if (names.length <= 1) return names[0];
    return vscode.window.showQuickPick([...names], { title: 'Deploy Pilot: Roll Back…', placeHolder: 'Environment to roll back' });
  },
  async confirm(plan) {
    const lines = plan.commands.map((c, i) => `${i + 1}. ${c.text}${Object.keys(c.bound).length > 0 ? `   (${Object.entries(c.bound).map(([k, v]) => `${k}=${v}`).join(', ')})` : ''}`);
    const reset = plan.reset.map((r) => `Then ${r.key}=${r.value} in ${r.file}, so a later deploy does not roll forward.`);
    const detail = [plan.default ? 'The runbook has no rollback section: this is the default compose plan.' : 'From the runbook\'s rollback section:', ...lines, ...reset, ...plan.notes].join('\n');
    const go = 'Roll Back';
    return (await vscode.window.showWarningMessage(`Roll back ${plan.environment} from ${plan.from} to ${plan.to}?`, { modal: true, detail }, go)) === go;
  },
  show(result) {
    const text = formatRollbackResult(result);
    const message = `Deploy Pilot: ${text.message}. ${text.nextSteps.join(' ')}`;
    if (text.severity === 'error') void vscode.window.showErrorMessage(message);
    else if (text.severity === 'warning') void vscode.window.showWarningMessage(message);
    else void vscode.window.showInformationMessage(message);
  },
};

/**
 * *Deploy Pilot: Roll Back…*: finds the previous release (semver tags, then the run records),
 * shows from → to and the exact commands in a modal, runs them through the step runner (terminal,
 * exit codes, stop on failure, run record), resets the desired version, and verifies with the
 * environment's monitor: N consecutive healthy probes and no firing alert within the timeout.
 */
export class RollbackCommand {
  ui: RollbackUi = vscodeRollbackUi;
  private running = false;
  /** The last result (for tests). */
  lastResult: RollbackResult | undefined;

  constructor(
    private readonly runbooks: RunbookService,
    private readonly runner: RunController,
    private readonly session: RunSession,
    private readonly monitoring: MonitoringService,
    private readonly runValues: Map<string, string>,
  ) {}

  /**
   * Rolls `requested` (or a picked environment) back. `automatic`: started by an alert after its
   * countdown, so no modal (the countdown notification was the chance to cancel).
   */
  async run(requested?: string, options: { automatic?: boolean; alertFiredAt?: number } = {}): Promise<RollbackResult | undefined> {
    if (!vscode.workspace.isTrusted) throw new Error('Deploy Pilot rolls nothing back in Restricted Mode: trust this workspace first.');
    if (this.running) throw new Error('A rollback is already running: wait for it to finish.');
    const state = this.runbooks.state;
    if (state.kind !== 'ok') throw new Error('No runbook is loaded: open one first (Deploy Pilot: Open Runbook…).');
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) throw new Error('Open the workspace folder (a git repository) first.');
    const runbook = state.runbook;
    const names = Object.keys(runbook.config.environments);
    const environmentName = requested ?? (names.length > 0 ? await this.ui.pickEnvironment(names) : 'local');
    if (!environmentName) return undefined;
    const environment: EnvironmentConfig = runbook.config.environments[environmentName] ?? defaultEnvironment(environmentName);
    this.running = true;
    try {
      const tags = await new ReleaseGit(folder.uri.fsPath).listTags().catch(() => [] as string[]);
      const records: RunRecord[] = this.session.current ? [this.session.current] : [];
      const target = rollbackTarget({ tags, tagPattern: runbook.config.tagPattern, runRecords: records, environment: environmentName });
      const plan = rollbackPlan(runbook, environment, target);
      if (!plan.ok) throw new Error(plan.error);
      if (!options.automatic && !(await this.ui.confirm(plan))) return undefined;
      // The bound variables are set in the shell first, in the open: the terminal and the run record show them.
      const bound = Object.assign({}, ...plan.commands.map((c) => c.bound)) as Record<string, string>;
      for (const [name, value] of Object.entries(bound)) this.runValues.set(name, value);
      const exports = Object.entries(bound).map(([name, value]) => `export ${name}=${quoteFor({ kind: 'none', backquoted: false }, value) ?? singleQuote(value)}`);
      const text = [...exports, ...plan.commands.map((c) => c.text)].join('\n');
      const id = `/rollback/${environmentName}#code1`;
      const started = Date.now();
      const record = await this.runner.runCommands({ kind: 'code', id, lang: 'bash', text, displayText: text, firstCommand: plan.commands[0]?.text ?? '', fence: 'backtick', role: 'commands', commands: blockCommands(id, text, 'bash', 0), line: 0, endLine: plan.commands.length + 2 });
      const ran = (record?.commands ?? []).filter((c) => c.commandId.startsWith(`${id}:`) || c.commandId.startsWith(id));
      const failedAt = ran.findIndex((c) => c.status !== 'succeeded');
      if (!record || failedAt >= 0 || ran.length < plan.commands.length + exports.length) {
        const failed = ran[failedAt] ?? ran.at(-1);
        const result: RollbackResult = {
          outcome: 'failed',
          environment: environmentName,
          from: plan.from,
          to: plan.to,
          commandIndex: Math.max(0, failedAt - exports.length) + 1,
          commandText: failed?.text ?? plan.commands[0]?.text ?? '',
          ...(failed?.exitCode !== undefined ? { exitCode: failed.exitCode } : {}),
          ...(failed && failed.status !== 'failed' ? { reason: failed.status } : {}),
        };
        return this.finish(result);
      }
      for (const reset of plan.reset) await applyEnvReset(folder.uri.fsPath, reset);
      const verified = await this.verify(environmentName, plan.from, plan.to, started, runbook.config.rollback.verify, options.alertFiredAt);
      return this.finish(verified ?? { outcome: 'healthy', environment: environmentName, from: plan.from, to: plan.to, healthyChecks: 0, timeToHealthyMs: Date.now() - started });
    } finally {
      this.running = false;
    }
  }

  private finish(result: RollbackResult): RollbackResult {
    this.lastResult = result;
    this.ui.show(result);
    return result;
  }

  /** Health probes and alerts of the environment's monitor; without a monitor, nothing to verify with. */
  private async verify(environment: string, from: string, to: string, startedAt: number, config: { consecutiveHealthy: number; timeoutSeconds: number }, alertFiredAt?: number): Promise<RollbackResult | undefined> {
    const monitor = this.monitoring.monitorOf(environment);
    if (!monitor) return undefined;
    let state: VerificationState = startVerification({ target: to, startedAt, config, checkContainers: false, ...(alertFiredAt !== undefined ? { alertFiredAt } : {}) });
    const healthKey = seriesKey(environment, SeriesNames.healthUp);
    return new Promise((resolve) => {
      const done = (): void => {
        subscription.dispose();
        clearInterval(timer);
        resolve(resultFromVerification(state, { environment, from }));
      };
      const feed = (next: VerificationState): void => {
        state = next;
        if (state.outcome !== 'verifying') done();
      };
      const subscription = this.monitoring.onSample((sample) => {
        if (sample.key !== healthKey) return;
        const firing = [...monitor.alertStates()].filter(([, s]) => s.state === 'firing').map(([id]) => id);
        feed(reduceVerification(reduceVerification(state, { type: 'alerts', at: sample.t, firing }), { type: 'probe', at: sample.t, ok: sample.v === 1 }));
      });
      const timer = setInterval(() => feed(reduceVerification(state, { type: 'tick', at: Date.now() })), 1000);
    });
  }

}

function defaultEnvironment(name: string): EnvironmentConfig {
  const env = normalizeConfig({ environments: { [name]: {} } }).environments[name];
  if (!env) throw new Error(`cannot build a default environment ${name}`);
  return env;
}
