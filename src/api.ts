import type { DashboardController } from './features/dashboard/dashboardController';
import type { HealthStatusBar } from './features/monitoring/healthStatusBar';
import type { MonitoringNotifier } from './features/monitoring/monitoringNotifier';
import type { MonitoringService } from './features/monitoring/monitoringService';
import type { AutoRollbackService } from './features/rollback/autoRollbackService';
import type { RollbackCommand } from './features/rollback/rollbackCommand';
import type { ReleaseCommands } from './features/release/releaseCommands';
import type { RunbookService } from './features/runbook/runbookService';
import type { RunController } from './features/runner/runController';
import type { RunSession } from './features/runner/runSession';
import type { RunbookTreeProvider } from './features/tree/runbookTreeProvider';
import type { RunbookView } from './features/tree/runbookView';

/** What `activate` returns: used by the integration tests and by other extensions. */
export interface DeployPilotApi {
  readonly runbook: RunbookService;
  readonly tree: RunbookTreeProvider;
  readonly view: RunbookView;
  readonly session: RunSession;
  readonly runner: RunController;
  readonly release: ReleaseCommands;
  readonly monitoring: MonitoringService;
  readonly statusBar: HealthStatusBar;
  readonly notifier: MonitoringNotifier;
  readonly dashboard: DashboardController;
  readonly rollback: RollbackCommand;
  readonly autoRollback: AutoRollbackService;
}
