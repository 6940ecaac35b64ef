import type { RunbookCommand, RunbookNode } from '../../core/runbook';

/** What the Runbook view shows: the runbook's nodes, and the commands of multi-command blocks. */
export type RunbookTreeElement = RunbookNode | RunbookCommand;
