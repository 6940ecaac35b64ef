import * as vscode from 'vscode';
import { nextEvent } from '../platform/nextEvent';

/** How a command sent to a terminal ended, as far as VS Code can tell. */
export type ExecutionOutcome =
  /** Shell integration reported the end: `exitCode` undefined means the shell did not say. */
  | { readonly kind: 'exited'; readonly exitCode: number | undefined; readonly durationMs: number }
  /** Started and deliberately not awaited (long-running or interactive). */
  | { readonly kind: 'started' }
  /** No shell integration in time: sent as text, outcome unknown; the operator is asked. */
  | { readonly kind: 'unknown'; readonly reason: string }
  /** The terminal was closed before the command ended. */
  | { readonly kind: 'closed' };

export interface TerminalRequest {
  /** Terminals are per environment: "Deploy Pilot: staging". */
  readonly environment: string;
  readonly cwd?: vscode.Uri;
  /** Variables (secrets included) the terminal's shell gets; never typed into it. */
  readonly env: Readonly<Record<string, string>>;
}

interface OwnedTerminal {
  readonly terminal: vscode.Terminal;
  readonly envKey: string;
}

const terminalName = (environment: string): string => `Deploy Pilot: ${environment}`;

/**
 * Runs commands in integrated terminals and learns how they ended through shell integration
 * (`executeCommand` + `onDidEndTerminalShellExecution`), falling back to `sendText`.
 */
export class TerminalExecutor implements vscode.Disposable {
  private readonly terminals = new Map<string, OwnedTerminal>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly shellIntegrationTimeoutMs: () => number) {
    this.disposables.push(
      vscode.window.onDidCloseTerminal((closed) => {
        for (const [key, owned] of this.terminals) if (owned.terminal === closed) this.terminals.delete(key);
      }),
    );
  }

  /**
   * The environment's terminal. A terminal's environment is fixed when it starts, so when the
   * variables it needs changed (a secret was entered), a fresh terminal replaces it.
   */
  terminalFor(request: TerminalRequest): vscode.Terminal {
    const envKey = JSON.stringify(Object.entries(request.env).sort(([a], [b]) => a.localeCompare(b)));
    const existing = this.terminals.get(request.environment);
    if (existing && existing.envKey === envKey && existing.terminal.exitStatus === undefined) return existing.terminal;
    existing?.terminal.dispose();
    const terminal = vscode.window.createTerminal({
      name: terminalName(request.environment),
      ...(request.cwd ? { cwd: request.cwd } : {}),
      env: { ...request.env },
      iconPath: new vscode.ThemeIcon('rocket'),
    });
    this.terminals.set(request.environment, { terminal, envKey });
    return terminal;
  }

  /** Runs `commandLine`; resolves when it ends (or at once when `wait` is false). */
  async execute(terminal: vscode.Terminal, commandLine: string, wait: boolean, cancel?: vscode.CancellationToken): Promise<ExecutionOutcome> {
    terminal.show(true);
    const integration = await this.shellIntegrationOf(terminal);
    if (!integration) {
      terminal.sendText(commandLine, true);
      return { kind: 'unknown', reason: `shell integration did not start within ${this.shellIntegrationTimeoutMs()} ms` };
    }
    if (!wait) {
      integration.executeCommand(commandLine);
      return { kind: 'started' };
    }
    return new Promise<ExecutionOutcome>((resolve) => {
      const started = Date.now();
      const subscriptions: vscode.Disposable[] = [];
      const finish = (outcome: ExecutionOutcome): void => {
        for (const s of subscriptions) s.dispose();
        resolve(outcome);
      };
      // Listen before executing: a fast command can end before executeCommand returns.
      const sent: { execution?: vscode.TerminalShellExecution } = {};
      subscriptions.push(
        vscode.window.onDidEndTerminalShellExecution((e) => {
          if (e.execution === sent.execution) finish({ kind: 'exited', exitCode: e.exitCode, durationMs: Date.now() - started });
        }),
        vscode.window.onDidCloseTerminal((closed) => {
          if (closed === terminal) finish({ kind: 'closed' });
        }),
      );
      if (cancel) subscriptions.push(cancel.onCancellationRequested(() => this.interrupt(terminal)));
      sent.execution = integration.executeCommand(commandLine);
    });
  }

  /** Ctrl+C to the terminal: stops a long-running command. */
  interrupt(terminal: vscode.Terminal): void {
    terminal.sendText('\u0003', false);
  }

  /** The terminal of an environment, if one is open. */
  existing(environment: string): vscode.Terminal | undefined {
    return this.terminals.get(environment)?.terminal;
  }

  private async shellIntegrationOf(terminal: vscode.Terminal): Promise<vscode.TerminalShellIntegration | undefined> {
    if (terminal.shellIntegration) return terminal.shellIntegration;
    const change = await nextEvent(vscode.window.onDidChangeTerminalShellIntegration, (e) => e.terminal === terminal, this.shellIntegrationTimeoutMs());
    return change?.shellIntegration ?? terminal.shellIntegration;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    for (const owned of this.terminals.values()) owned.terminal.dispose();
    this.terminals.clear();
  }
}
