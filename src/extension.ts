import * as vscode from 'vscode';
import type { DeployPilotApi } from './api';
import { RunbookDiagnostics } from './features/diagnostics/runbookDiagnostics';
import { registerRunbookCommands } from './features/runbook/runbookCommands';
import { RunbookService } from './features/runbook/runbookService';
import { ChecklistStore } from './features/tree/checklistStore';
import { RunbookTreeProvider } from './features/tree/runbookTreeProvider';
import { RunbookView } from './features/tree/runbookView';

/** Composition root: builds the objects, registers them, hands every disposable to VS Code. */
export function activate(context: vscode.ExtensionContext): DeployPilotApi {
  const log = vscode.window.createOutputChannel('Deploy Pilot', { log: true });
  const service = new RunbookService(context.workspaceState, log);
  const tree = new RunbookTreeProvider(service, new ChecklistStore(context.workspaceState));
  const view = new RunbookView(service, tree);
  context.subscriptions.push(
    log,
    service,
    tree,
    view,
    new RunbookDiagnostics(service),
    ...registerRunbookCommands(service, view, log),
  );

  // Locating the runbook reads files: never on the activation path.
  void service.locate();
  return { runbook: service, tree, view };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
