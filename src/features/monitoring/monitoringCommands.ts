import * as vscode from 'vscode';
import type { Runbook, SectionNode } from '../../core/runbook/model';
import { walk } from '../../core/runbook/model';
import { CommandIds } from '../commands/commandIds';
import { registerCommand } from '../commands/registerCommand';
import type { RunbookService } from '../runbook/runbookService';
import type { MonitoringService } from './monitoringService';

/** Start Monitoring, Stop Monitoring, Show Monitoring Log. */
export function registerMonitoringCommands(monitoring: MonitoringService, log: vscode.LogOutputChannel, monitorLog: vscode.LogOutputChannel): vscode.Disposable[] {
  return [
    registerCommand(CommandIds.startMonitoring, log, async (environments?: string | string[]) => {
      const requested = typeof environments === 'string' ? [environments] : environments;
      const choice = requested ?? (await pickEnvironments(monitoring));
      if (choice === undefined) return;
      await monitoring.start(choice);
      void vscode.window.setStatusBarMessage(`Deploy Pilot: monitoring ${monitoring.environments.join(', ')}`, 4000);
    }),
    registerCommand(CommandIds.stopMonitoring, log, async () => {
      await monitoring.stop();
      void vscode.window.setStatusBarMessage('Deploy Pilot: monitoring stopped', 4000);
    }),
    registerCommand(CommandIds.showMonitoringLog, log, () => monitorLog.show(true)),
  ];
}

async function pickEnvironments(monitoring: MonitoringService): Promise<string[] | undefined> {
  const names = monitoring.monitorableEnvironments();
  if (names.length <= 1) return names;
  const picked = await vscode.window.showQuickPick(
    names.map((name) => ({ label: name, picked: true })),
    { canPickMany: true, title: 'Deploy Pilot: Start Monitoring', placeHolder: 'Environments to watch' },
  );
  return picked?.map((p) => p.label);
}

/** Opens the runbook at its rollback procedure (the notification's "Roll Back…" until a rollback command exists). */
export async function revealRollbackProcedure(runbooks: RunbookService): Promise<void> {
  const state = runbooks.state;
  if (state.kind !== 'ok') return;
  const section = rollbackSection(state.runbook);
  if (!section) {
    void vscode.window.showWarningMessage('Deploy Pilot: this runbook has no rollback section (a heading with "Rollback", "Roll back" or "Revert").');
    return;
  }
  const editor = await vscode.window.showTextDocument(state.uri, { preview: false });
  const position = new vscode.Position(section.line, 0);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.AtTop);
}

function rollbackSection(runbook: Runbook): SectionNode | undefined {
  return [...walk(runbook.children)].find((n): n is SectionNode => n.kind === 'section' && n.traits.rollback === true);
}
