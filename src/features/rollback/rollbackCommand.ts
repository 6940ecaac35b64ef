import * as vscode from 'vscode';
import { normalizeConfig } from '../../core/config/normalize';
import type { EnvironmentConfig } from '../../core/config';
import type { RollbackCandidate, RollbackPlan, RollbackResult } from '../../core/rollback';
import { alreadyRolledBack, chooseTarget, formatRollbackResult, ROLLBACK_COMMAND_PREFIX, rollbackPlan, rollbackTarget, runningRelease } from '../../core/rollback';
import { blockCommands } from '../../core/runbook/commands';
import type { CodeBlockNode } from '../../core/runbook/model';
import type { RunEventInput, RunRecord } from '../../core/run';
import { quoteFor, singleQuote } from '../../core/run';
import { ReleaseGit } from '../../infra/git';
import type { MonitoringService } from '../monitoring/monitoringService';
import type { RunbookService } from '../runbook/runbookService';
import type { RunController } from '../runner/runController';
import type { RunSession } from '../runner/runSession';
import { applyEnvReset } from './envFile';
import { verifyRollback } from './rollbackVerifier';

export interface RollbackUi {
  pickEnvironment(names: readonly string[]): Promise<string | undefined>;
  /** Another version to roll back to, when there is more than one (the suggested one first); undefined to cancel. */
  pickTarget?(environment: string, from: string, candidates: readonly RollbackCandidate[]): Promise<string | undefined>;
  /** The modal: from → to and the exact commands. True to go ahead. */
  confirm(plan: Extract<RollbackPlan, { ok: true }>): Promise<boolean>;
  show(result: RollbackResult): void;
  /** A no-op that says why (the environment already runs the target). */
  info(message: string): void;
}

const vscodeRollbackUi: RollbackUi = {
  async pickEnvironment(names) {
    if (names.length <= 1) return names[0];
    return vscode.window.showQuickPick([...names], { title: 'Deploy Pilot: Roll Back…', placeHolder: 'Environment to roll back' });
  },
  async pickTarget(environment, from, candidates) {
    const source: Record<RollbackCandidate['source'], string> = { tags: 'release tag', runRecords: 'deployed before (run records)', localImages: 'local image' };
    const items = candidates.map((c, i) => ({ label: c.tag, description: `${i === 0 ? 'suggested: the previous release · ' : ''}${source[c.source]}` }));
    const pick = await vscode.window.showQuickPick(items, { title: `Deploy Pilot: roll ${environment} back from ${from} to…`, placeHolder: 'The previous release is first' });
    return pick?.label;
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
  info(message) {
    void vscode.window.showInformationMessage(`Deploy Pilot: ${message}`);
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
    private readonly log?: vscode.LogOutputChannel,
  ) {}

  /**
   * Rolls `requested` (or a picked environment) back. `automatic`: started by an alert after its
   * countdown, so no modal (the countdown notification was the chance to cancel). Every stage
   * goes to the run record: started (from → to, trigger), verifying, and the result with timings.
   */
  async run(requested?: string, options: { automatic?: boolean; trigger?: string; alertFiredAt?: number } = {}): Promise<RollbackResult | undefined> {
    if (!vscode.workspace.isTrusted) throw new Error('Deploy Pilot rolls nothing back in Restricted Mode: trust this workspace first.');
    if (this.running) throw new Error('A rollback is already running: wait for it to finish.');
    const state = await this.runbooks.settled();
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
      const containers = await this.monitoring.runningContainers(environment).catch(() => undefined);
      const targetInput = { tags, tagPattern: runbook.config.tagPattern, runRecords: records, environment: environmentName };
      const byTags = rollbackTarget(targetInput);
      const noopFor = (to: string): string | undefined =>
        alreadyRolledBack({ environment: environmentName, to, ...(this.session.current ? { record: this.session.current } : {}), ...(containers ? { containers } : {}) });
      // Already on the target the tags and records point at (rolled back before): nothing to do.
      // Otherwise the containers' own release is the "from": the previous release is older than what runs.
      const running = runningRelease((containers ?? []).map((c) => c.image));
      const alreadyThere = byTags.ok ? noopFor(byTags.to) : undefined;
      let target = !alreadyThere && running !== undefined && !(byTags.ok && byTags.from === running) ? rollbackTarget({ ...targetInput, current: running }) : byTags;
      // The operator may pick another version (an automatic rollback takes the previous release).
      if (!alreadyThere && !options.automatic && target.ok && target.candidates.length > 1 && this.ui.pickTarget) {
        const picked = await this.ui.pickTarget(environmentName, target.from, target.candidates);
        if (picked === undefined) return undefined;
        target = chooseTarget(target, picked);
      }
      const plan = rollbackPlan(runbook, environment, target);
      if (!plan.ok) throw new Error(plan.error);
      const noop = alreadyThere ?? noopFor(plan.to);
      if (noop) {
        this.log?.info(noop);
        this.ui.info(noop);
        return undefined;
      }
      if (!options.automatic && !(await this.ui.confirm(plan))) return undefined;
      const started = Date.now();
      await this.runner.ensureRun();
      this.session.dispatch({
        type: 'rollbackStarted',
        environment: environmentName,
        from: plan.from,
        to: plan.to,
        automatic: options.automatic === true,
        ...(options.trigger !== undefined ? { trigger: options.trigger } : {}),
        ...(options.alertFiredAt !== undefined ? { alertFiredAt: new Date(options.alertFiredAt).toISOString() } : {}),
      });
      // The bound variables are set in the shell first, in the open: the terminal and the run record show them.
      const bound = Object.assign({}, ...plan.commands.map((c) => c.bound)) as Record<string, string>;
      for (const [name, value] of Object.entries(bound)) this.runValues.set(name, value);
      const exports = Object.entries(bound).map(([name, value]) => `export ${name}=${quoteFor({ kind: 'none', backquoted: false }, value) ?? singleQuote(value)}`);
      const text = [...exports, ...plan.commands.map((c) => c.text)].join('\n');
      const id = `${ROLLBACK_COMMAND_PREFIX}${environmentName}#code1`;
      const block: CodeBlockNode = { kind: 'code', id, lang: 'bash', text, displayText: text, firstCommand: plan.commands[0]?.text ?? '', fence: 'backtick', role: 'commands', commands: blockCommands(id, text, 'bash', 0), line: 0, endLine: plan.commands.length + 2 };
      // The modal (or the countdown) showed every command: the runner does not ask again.
      const record = await this.runner.runCommands(block, { confirmed: true, environment: environmentName });
      const ran = (record?.commands ?? []).filter((c) => c.commandId.startsWith(id));
      const failedAt = ran.findIndex((c) => c.status !== 'succeeded');
      if (!record || failedAt >= 0 || ran.length < plan.commands.length + exports.length) {
        const failed = ran[failedAt] ?? ran.at(-1);
        return this.finish({
          outcome: 'failed',
          environment: environmentName,
          from: plan.from,
          to: plan.to,
          commandIndex: Math.max(0, (failedAt >= 0 ? failedAt : ran.length) - exports.length) + 1,
          commandText: failed?.text ?? plan.commands[0]?.text ?? '',
          ...(failed?.exitCode !== undefined ? { exitCode: failed.exitCode } : {}),
          ...(failed && failed.status !== 'failed' ? { status: failed.status } : {}),
        });
      }
      for (const reset of plan.reset) await applyEnvReset(folder.uri.fsPath, reset);
      this.session.dispatch({ type: 'rollbackVerifying', environment: environmentName });
      const result = await verifyRollback(this.monitoring, {
        environment,
        from: plan.from,
        to: plan.to,
        rollbackStartedAt: started,
        config: runbook.config.rollback.verify,
        ...(options.alertFiredAt !== undefined ? { alertFiredAt: options.alertFiredAt } : {}),
        log: (message) => this.log?.info(message),
      });
      return this.finish(result);
    } finally {
      this.running = false;
    }
  }

  /** Records an automatic rollback that did not happen (cancelled or paused countdown) in the run record. */
  async recordCancelled(environment: string, reason: string, trigger?: string, alertFiredAt?: number): Promise<void> {
    await this.runner.ensureRun();
    this.session.dispatch({ type: 'rollbackCancelled', environment, reason, ...(trigger !== undefined ? { trigger } : {}), ...(alertFiredAt !== undefined ? { alertFiredAt: new Date(alertFiredAt).toISOString() } : {}) });
  }

  private finish(result: RollbackResult): RollbackResult {
    this.lastResult = result;
    this.session.dispatch(endedEvent(result));
    this.ui.show(result);
    return result;
  }
}

function endedEvent(result: RollbackResult): RunEventInput {
  const environment = result.environment;
  switch (result.outcome) {
    case 'healthy':
      return { type: 'rollbackEnded', environment, outcome: 'healthy', healthyChecks: result.healthyChecks, timeToHealthyMs: result.timeToHealthyMs, ...(result.timeFromAlertMs !== undefined ? { timeFromAlertMs: result.timeFromAlertMs } : {}) };
    case 'unhealthy':
      return { type: 'rollbackEnded', environment, outcome: 'unhealthy', missing: result.missing };
    case 'unverified':
      return { type: 'rollbackEnded', environment, outcome: 'unverified', reason: result.reason };
    case 'failed':
      return {
        type: 'rollbackEnded',
        environment,
        outcome: 'failed',
        failedCommand: { index: result.commandIndex, text: result.commandText, ...(result.exitCode !== undefined ? { exitCode: result.exitCode } : {}), ...(result.status !== undefined ? { status: result.status } : {}) },
      };
  }
}

function defaultEnvironment(name: string): EnvironmentConfig {
  const env = normalizeConfig({ environments: { [name]: {} } }).environments[name];
  if (!env) throw new Error(`cannot build a default environment ${name}`);
  return env;
}
