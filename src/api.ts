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
}
