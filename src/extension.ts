import * as vscode from 'vscode';
import type { DeployPilotApi } from './api';
import { CommandIds } from './features/commands/commandIds';
import { registerCommand } from './features/commands/registerCommand';
import { DashboardController } from './features/dashboard/dashboardController';
import { RunbookDiagnostics } from './features/diagnostics/runbookDiagnostics';
import { HealthStatusBar } from './features/monitoring/healthStatusBar';
import { loadMonitoringRuntime } from './features/monitoring/loadRuntime';
import { registerMonitoringCommands } from './features/monitoring/monitoringCommands';
import { AutoRollbackService } from './features/rollback/autoRollbackService';
import { RollbackCommand } from './features/rollback/rollbackCommand';
import type { NotificationLevel } from './features/monitoring/monitoringNotifier';
import { MonitoringNotifier } from './features/monitoring/monitoringNotifier';
import { MonitoringService } from './features/monitoring/monitoringService';
import { PreflightService } from './features/release/preflightService';
import { ReleaseActions } from './features/release/releaseActions';
import { ReleaseCommands } from './features/release/releaseCommands';
import { registerRunbookCommands } from './features/runbook/runbookCommands';
import { RunbookService } from './features/runbook/runbookService';
import { RunCodeLensProvider } from './features/runner/runCodeLens';
import { RunController } from './features/runner/runController';
import { registerRunnerCommands } from './features/runner/runnerCommands';
import { RunSession } from './features/runner/runSession';
import { TerminalExecutor } from './features/runner/terminalExecutor';
import { ChecklistStore } from './features/tree/checklistStore';
import { RunbookTreeProvider } from './features/tree/runbookTreeProvider';
import { RunbookView } from './features/tree/runbookView';

/** Composition root: builds the objects, registers them, hands every disposable to VS Code. */
export function activate(context: vscode.ExtensionContext): DeployPilotApi {
  const log = vscode.window.createOutputChannel('Deploy Pilot', { log: true });
  const service = new RunbookService(context.workspaceState, log);
  const tree = new RunbookTreeProvider(service, new ChecklistStore(context.workspaceState));
  const view = new RunbookView(service, tree);
  const session = new RunSession(log);
  const executor = new TerminalExecutor(() => vscode.workspace.getConfiguration('deployPilot').get<number>('shellIntegrationTimeout', 10000));
  const environment = (): string => {
    const state = service.state;
    return (state.kind === 'ok' ? Object.keys(state.runbook.config.environments)[0] : undefined) ?? 'local';
  };
  const runValues = new Map<string, string>();
  const runner = new RunController(service, session, executor, { runValues, secrets: context.secrets }, log, environment);
  const preflight = new PreflightService(service);
  const release = new ReleaseCommands(service, preflight, new ReleaseActions(service, runner));
  const monitorLog = vscode.window.createOutputChannel('Deploy Pilot Monitoring', { log: true });
  const statusBar = new HealthStatusBar(() => ({ command: CommandIds.openDashboard, title: 'open the dashboard' }));
  const openDashboard = (environment?: string): void => void vscode.commands.executeCommand(CommandIds.openDashboard, environment);
  const rollBack = (environment?: string): void => void vscode.commands.executeCommand(CommandIds.rollBack, environment);
  const notifier = new MonitoringNotifier(() => vscode.workspace.getConfiguration('deployPilot.monitoring').get<NotificationLevel>('notifications', 'all'), {
    openDashboard,
    rollBack,
  });
  const monitoring = new MonitoringService(service, context.workspaceState, context.secrets, monitorLog, tree, statusBar, notifier, () =>
    loadMonitoringRuntime(context.extensionPath),
  );
  const rollback = new RollbackCommand(service, runner, session, monitoring, runValues, monitorLog);
  const autoRollback = new AutoRollbackService(monitoring, service, rollback, monitorLog, session);
  const dashboard = new DashboardController(context.extensionUri, service, monitoring, session, {
    rollBack,
    startMonitoring: (environment) => void vscode.commands.executeCommand(CommandIds.startMonitoring, environment),
    openLog: () => monitorLog.show(true),
  }, monitorLog);

  context.subscriptions.push(
    log,
    service,
    tree,
    view,
    session,
    executor,
    new RunbookDiagnostics(service),
    ...registerRunbookCommands(service, view, log),
    ...registerRunnerCommands(service, session, runner, log),
    ...release.register(log),
    monitorLog,
    statusBar,
    monitoring,
    ...registerMonitoringCommands(monitoring, log, monitorLog),
    dashboard,
    autoRollback,
    registerCommand(CommandIds.rollBack, log, (environment?: unknown) => rollback.run(typeof environment === 'string' ? environment : undefined)),
    registerCommand(CommandIds.openDashboard, log, (environment?: unknown) => {
      dashboard.open(typeof environment === 'string' ? environment : undefined);
    }),
    vscode.languages.registerCodeLensProvider({ language: 'markdown' }, new RunCodeLensProvider(service)),
    preflight,
    session.onDidChange((record) => tree.showRun(record)),
    preflight.onDidChange((result) => {
      if (result) tree.showPreflight(result.checks, result.at);
    }),
    service.onDidChangeState((state) => {
      const folder = vscode.workspace.workspaceFolders?.[0];
      if (state.kind === 'ok' && folder) {
        session.open(folder.uri, vscode.workspace.asRelativePath(state.uri, false), state.runbook).catch((error: unknown) => log.error(`Cannot open the run records: ${String(error)}`));
      }
    }),
    view.onDidTick((ticks) => {
      if (session.current?.state === 'running') for (const t of ticks) session.dispatch({ type: 'checklistTicked', taskId: t.task.id, checked: t.checked, text: t.task.text });
    }),
  );

  // Locating the runbook reads files: never on the activation path.
  void service.locate();
  return { runbook: service, tree, view, session, runner, release, monitoring, statusBar, notifier, dashboard, rollback, autoRollback };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
