import * as vscode from 'vscode';
import { walk } from '../../core/runbook';
import { CommandIds } from '../commands/commandIds';
import type { RunbookService } from '../runbook/runbookService';

/** "▶ Run" and "Dry run" above each shell block of the runbook in the editor. */
export class RunCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly _onDidChangeCodeLenses = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this._onDidChangeCodeLenses.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly service: RunbookService) {
    this.subscription = service.onDidChangeState(() => this._onDidChangeCodeLenses.fire());
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const state = this.service.state;
    if (state.kind !== 'ok' || !this.service.isCurrent(document.uri)) return [];
    const lenses: vscode.CodeLens[] = [];
    for (const node of walk(state.runbook.children)) {
      if (node.kind !== 'code' || node.commands.length === 0) continue;
      const range = new vscode.Range(node.line, 0, node.line, 0);
      const count = node.commands.length;
      lenses.push(
        new vscode.CodeLens(range, { title: `▶ Run ${count === 1 ? 'command' : `${count} commands`}`, command: CommandIds.runCommand, arguments: [node] }),
        new vscode.CodeLens(range, { title: 'Dry run', command: CommandIds.dryRunStep, arguments: [node] }),
      );
    }
    return lenses;
  }

  dispose(): void {
    this.subscription.dispose();
    this._onDidChangeCodeLenses.dispose();
  }
}
