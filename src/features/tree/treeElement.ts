import type { RunbookCommand, RunbookNode } from '../../core/runbook';
import type { PreflightCheckElement, PreflightGroupElement } from './preflightItems';

/** What the Runbook view shows: the runbook's nodes, the commands of multi-command blocks, and the release preflight. */
export type RunbookTreeElement = RunbookNode | RunbookCommand | PreflightGroupElement | PreflightCheckElement;
