import * as vscode from 'vscode';
import type { RunbookConfig } from '../../core/config';
import type { PlannedCommand, RunRecord, StepPlan, VariableSources } from '../../core/run';
import { OptionRequiredError, commandStatus, environmentOf, formatDryRun, nextAction, planCommand, planStep, renderCommand, resolveVariables, secretNamesOf, valuesOf } from '../../core/run';
import type { CodeBlockNode, RunbookCommand, SectionNode } from '../../core/runbook';
import type { RunbookService } from '../runbook/runbookService';
import type { RunSession } from './runSession';
import type { TerminalExecutor } from './terminalExecutor';

/** Where the operator's answers live: plain values for the run, secrets in SecretStorage. */
export interface VariableStore {
  readonly runValues: Map<string, string>;
  readonly secrets: vscode.SecretStorage;
}

export interface RunControllerOptions {
  readonly dryRun?: boolean;
  /** The destructive commands were already confirmed (the rollback modal listed them, or its countdown ran out). */
  readonly confirmed?: boolean;
  /** The environment whose terminal and `cwd` the commands use; default: the one the step mentions (environmentOf), else the default one. */
  readonly environment?: string;
}

/** Where a secret variable's value lives in SecretStorage (monitoring's header secrets use the same). */
export const SECRET_KEY = (name: string): string => `deployPilot.secret.${name}`;

export type StopChoiceLabel = 'Retry' | 'Skip' | 'Mark done' | 'Abort';

/** The questions the runner asks the operator; replaceable so tests can answer them. */
export interface RunnerUi {
  confirmDestructive(reason: string, display: string): Promise<boolean>;
  onStop(message: string): Promise<StopChoiceLabel | undefined>;
  askValue(title: string, prompt: string, secret: boolean): Promise<string | undefined>;
}

export const vscodeRunnerUi: RunnerUi = {
  async confirmDestructive(reason, display) {
    const ok = await vscode.window.showWarningMessage(`Run a destructive command? It ${reason}.`, { modal: true, detail: display }, 'Run');
    return ok === 'Run';
  },
  onStop(message) {
    return Promise.resolve(vscode.window.showWarningMessage<StopChoiceLabel>(message, 'Retry', 'Skip', 'Mark done', 'Abort'));
  },
  askValue(title, prompt, secret) {
    return Promise.resolve(vscode.window.showInputBox({ title, prompt, password: secret, ignoreFocusOut: true }));
  },
};

/**
 * Runs a plan command by command in the environment's terminal: asks for missing variables,
 * confirms destructive commands, records every start and end, and stops at the first failure
 * with Retry / Skip / Mark done / Abort.
 */
export class RunController {
  private busy = false;
  /** The environment of the commands running now (or last): Stop sends Ctrl+C to its terminal. */
  private activeEnvironment: string | undefined;
  /** How the operator is asked: VS Code dialogs, or a test's answers. */
  ui: RunnerUi = vscodeRunnerUi;

  constructor(
    private readonly service: RunbookService,
    private readonly session: RunSession,
    private readonly executor: TerminalExecutor,
    private readonly variables: VariableStore,
    private readonly log: vscode.LogOutputChannel,
    private readonly environment: () => string,
  ) {}

  /** Runs a section (a step, an option, or an option group after asking which option). */
  async runSection(section: SectionNode, options: RunControllerOptions = {}): Promise<RunRecord | undefined> {
    let plan: StepPlan;
    try {
      plan = planStep(section, { choices: this.session.current?.choices ?? {} });
    } catch (error) {
      if (!(error instanceof OptionRequiredError)) throw error;
      const pick = await vscode.window.showQuickPick(
        error.options.map((o) => ({ label: o.label, id: o.id })),
        { title: `Deploy Pilot: ${error.groupLabel}`, placeHolder: 'Choose the option to run' },
      );
      if (!pick) return undefined;
      plan = planStep(section, { choices: { ...(this.session.current?.choices ?? {}), [error.groupId]: pick.id } });
    }
    return this.runPlan(plan, options);
  }

  /** Runs one command, or every command of a block. */
  /**
   * The run the next commands go to: the current one, or a new one for the loaded runbook. For
   * events recorded beside commands (a rollback's start, before its commands run).
   */
  async ensureRun(): Promise<RunRecord | undefined> {
    const state = await this.service.settled();
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (state.kind !== 'ok' || !folder) return undefined;
    const text = Buffer.from(await vscode.workspace.fs.readFile(state.uri)).toString('utf8');
    const before = this.session.current;
    const run = await this.session.ensureRun(folder.uri, text, state.runbook, this.environment(), false);
    if (run !== before) this.variables.runValues.clear();
    return run;
  }

  async runCommands(target: RunbookCommand | CodeBlockNode, options: RunControllerOptions = {}): Promise<RunRecord | undefined> {
    const commands = target.kind === 'command' ? [target] : target.commands;
    const first = commands[0];
    if (!first) return undefined;
    const plans = commands.map((c) => planCommand(c));
    const plan: StepPlan = { stepId: plans[0]?.stepId ?? '', label: first.label, choices: {}, commands: plans.flatMap((p) => p.commands) };
    return this.runPlan(plan, options);
  }

  private async runPlan(plan: StepPlan, options: RunControllerOptions): Promise<RunRecord | undefined> {
    if (!vscode.workspace.isTrusted) {
      const choice = await vscode.window.showErrorMessage(
        'Deploy Pilot runs no command in Restricted Mode: this workspace is not trusted. Trust it to run runbook commands.',
        'Manage Workspace Trust',
      );
      if (choice) await vscode.commands.executeCommand('workbench.trust.manage');
      return undefined;
    }
    const state = await this.service.settled();
    if (this.busy) {
      void vscode.window.showWarningMessage('Deploy Pilot is already running commands: wait for them, or stop them first.');
      return undefined;
    }
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (state.kind !== 'ok' || !folder) throw new Error('Open a runbook in a workspace folder first.');
    this.busy = true;
    try {
      const text = Buffer.from(await vscode.workspace.fs.readFile(state.uri)).toString('utf8');
      const before = this.session.current;
      const run = await this.session.ensureRun(folder.uri, text, state.runbook, this.environment(), options.dryRun === true);
      // Answers are remembered for one run: a new run asks again (secrets come from SecretStorage).
      if (run !== before) this.variables.runValues.clear();
      // A step done before runs again from the top; a half-done one (failed, reloaded) resumes.
      const current = this.session.current;
      const untouched = current !== undefined && plan.commands.every((c) => commandStatus(current, c.command.id) === 'pending');
      if (current && (untouched || nextAction(plan, current).kind === 'done')) {
        this.session.dispatch({ type: 'stepStarted', stepId: plan.stepId, commandIds: plan.commands.map((c) => c.command.id), ...(Object.keys(plan.choices).length > 0 ? { optionId: Object.values(plan.choices)[0] } : {}) });
      }
      for (;;) {
        const record = this.session.current;
        if (!record) return undefined;
        const action = nextAction(plan, record);
        switch (action.kind) {
          case 'run':
          case 'start': {
            const proceed = await this.send(action.command, action.kind === 'run', folder.uri, plan, options);
            if (!proceed) return this.session.current;
            break;
          }
          case 'wait':
            if (action.until === 'operator') {
              const choice = await vscode.window.showInformationMessage(
                `"${action.command.command.label}" needs you at the terminal. Tell Deploy Pilot when you are done.`,
                'Done',
                'Abort',
              );
              if (choice === 'Done') this.session.dispatch({ type: 'commandMarkedDone', ...info(action.command, action.command.command.text) });
              else return this.abort(plan, action.command);
            } else {
              return this.session.current;
            }
            break;
          case 'stop': {
            const choice = await this.askOnStop(action.command, action.status, action.exitCode);
            if (choice === 'Retry') {
              const proceed = await this.send(action.command, action.command.mode === 'await', folder.uri, plan, options);
              if (!proceed) return this.session.current;
            } else if (choice === 'Skip') this.session.dispatch({ type: 'commandSkipped', ...info(action.command, action.command.command.text) });
            else if (choice === 'Mark done') this.session.dispatch({ type: 'commandMarkedDone', ...info(action.command, action.command.command.text) });
            else return this.abort(plan, action.command);
            break;
          }
          case 'dryRun': {
            const resolutions = resolveVariables(
              plan.commands.map((p) => p.command),
              this.sources(state.runbook.config),
            );
            const secrets = secretNamesOf(resolutions);
            const values = valuesOf(resolutions);
            const rendered = new Map(plan.commands.map((p) => [p.command.id, renderCommand(p.command.text, values, secrets)]));
            const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: formatDryRun(plan, rendered, secrets) });
            await vscode.window.showTextDocument(doc, { preview: true });
            return this.session.current;
          }
          case 'done':
            this.log.info(`${plan.label}: done.`);
            return this.session.current;
          case 'ended':
            return this.session.current;
        }
      }
    } finally {
      this.busy = false;
    }
  }

  /** Resolves, confirms and sends one command. False when the operator cancelled. */
  private async send(planned: PlannedCommand, wait: boolean, cwd: vscode.Uri, plan: StepPlan, options: RunControllerOptions): Promise<boolean> {
    const state = this.service.state;
    if (state.kind !== 'ok') return false;
    const command = planned.command;
    // Names that earlier commands of the plan assign (PREVIOUS_TAG=$(…)): the shell has them.
    const index = plan.commands.indexOf(planned);
    const assignedBefore = new Set(
      plan.commands
        .slice(0, Math.max(0, index))
        .flatMap((p) => p.command.variables.filter((v) => v.kind === 'assignment').map((v) => v.name)),
    );
    const resolve = (): ReturnType<typeof resolveVariables> => resolveVariables([command], this.sources(state.runbook.config), { assignedBefore });
    const resolutions = resolve();
    for (const r of resolutions) {
      if (r.status !== 'ask') continue;
      const stored = r.secret ? await this.variables.secrets.get(SECRET_KEY(r.name)) : undefined;
      const value =
        stored ??
        (await this.ui.askValue(
          `Deploy Pilot: ${r.placeholder ? `<${r.name}>` : `$${r.name}`}`,
          `${r.prompt}${r.description ? ` — ${r.description}` : ''} (used by: ${command.label})`,
          r.secret,
        ));
      if (value === undefined) return false;
      this.variables.runValues.set(r.name, value);
      if (r.secret) {
        await this.variables.secrets.store(SECRET_KEY(r.name), value);
        this.session.registerSecrets([value]);
      }
    }
    const all = resolve();
    const secrets = secretNamesOf(all);
    const rendered = renderCommand(command.text, valuesOf(all), secrets);
    if (rendered.issues.length > 0) {
      throw new Error(`Cannot send "${command.label}": ${rendered.issues.map((i) => `<${i.name}> ${i.reason === 'missing' ? 'has no value' : 'cannot be passed safely'}`).join(', ')}.`);
    }
    if (command.classification.destructive && options.confirmed !== true) {
      const ok = await this.ui.confirmDestructive(command.classification.destructive, rendered.display);
      if (!ok) {
        this.abort(plan, planned);
        return false;
      }
    }
    const environment = options.environment ?? this.environmentFor(plan, state.runbook.config);
    this.activeEnvironment = environment;
    const terminal = this.executor.terminalFor({ environment, cwd: this.cwdFor(cwd, environment), env: rendered.env });
    this.session.dispatch({ type: 'commandStarted', ...info(planned, rendered.display), awaited: wait });
    const outcome = await this.executor.execute(terminal, rendered.text, wait);
    switch (outcome.kind) {
      case 'exited':
        this.session.dispatch({ type: 'commandEnded', commandId: command.id, ...(outcome.exitCode !== undefined ? { exitCode: outcome.exitCode } : {}) });
        break;
      case 'unknown':
        this.log.warn(`${command.label}: ${outcome.reason}; sent as text, outcome unknown.`);
        this.session.dispatch({ type: 'commandEnded', commandId: command.id });
        break;
      case 'closed':
        this.session.dispatch({ type: 'commandInterrupted', commandId: command.id, note: 'terminal closed' });
        break;
      case 'started':
        break;
    }
    return true;
  }

  /** The environment a plan's commands are for: the one its label or commands name, else the default. */
  private environmentFor(plan: StepPlan, config: RunbookConfig): string {
    return environmentOf([plan.label, ...plan.commands.map((p) => p.command.text)], Object.keys(config.environments), this.environment());
  }

  /** The environment's `cwd` from the runbook configuration (relative to the workspace), else the workspace. */
  private cwdFor(workspace: vscode.Uri, environment: string): vscode.Uri {
    const state = this.service.state;
    const configured = state.kind === 'ok' ? state.runbook.config.environments[environment]?.cwd : undefined;
    if (!configured) return workspace;
    return configured.startsWith('/') ? vscode.Uri.file(configured) : vscode.Uri.joinPath(workspace, configured);
  }

  private sources(config: RunbookConfig): VariableSources {
    return {
      run: this.variables.runValues,
      config,
      settings: vscode.workspace.getConfiguration('deployPilot').get<Record<string, string>>('variables', {}),
      env: process.env,
    };
  }

  private async askOnStop(planned: PlannedCommand, status: 'failed' | 'unknown' | 'interrupted', exitCode: number | undefined): Promise<StopChoiceLabel | undefined> {
    const label = planned.command.label;
    const message =
      status === 'failed'
        ? `"${label}" failed with exit code ${exitCode ?? '?'}. The step stopped here.`
        : status === 'unknown'
          ? `Deploy Pilot could not tell how "${label}" ended (no shell integration). Did it work? Mark it done, retry, skip or abort.`
          : `"${label}" was interrupted.`;
    return this.ui.onStop(message);
  }

  private abort(plan: StepPlan, planned: PlannedCommand): RunRecord | undefined {
    return this.session.dispatch({ type: 'stepAborted', stepId: plan.stepId, commandId: planned.command.id });
  }

  /** Ctrl+C to the environment's terminal. */
  stop(): void {
    const terminal = this.executor.existing(this.activeEnvironment ?? this.environment());
    if (terminal) this.executor.interrupt(terminal);
  }
}

function info(planned: PlannedCommand, text: string): { commandId: string; stepId: string; label: string; text: string } {
  return { commandId: planned.command.id, stepId: planned.stepId, label: planned.command.label, text };
}
