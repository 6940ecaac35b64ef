import * as vscode from 'vscode';
import { CommandIds } from '../commands/commandIds';
import { registerCommand } from '../commands/registerCommand';
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
  const names = await monitoring.settledMonitorableEnvironments();
  if (names.length <= 1) return names;
  const picked = await vscode.window.showQuickPick(
    names.map((name) => ({ label: name, picked: true })),
    { canPickMany: true, title: 'Deploy Pilot: Start Monitoring', placeHolder: 'Environments to watch' },
  );
  return picked?.map((p) => p.label);
}
