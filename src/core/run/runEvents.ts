import type { VariableRecord } from './runModel';

/**
 * What happens in a run, as the adapter reports it to `reduce`. Every accepted event is kept in
 * the record (with its time) so a run can be audited and replayed.
 */

/** What a command event says about the command, so the record can show it without the runbook. */
export interface CommandInfo {
  readonly commandId: string;
  /** The innermost section holding the command (PlannedCommand.stepId). */
  readonly stepId: string;
  readonly label: string;
  /** As sent to the shell (RenderedCommand.display): never a secret value. */
  readonly text: string;
}

/** Starts the run; on an `interrupted` run, resumes it. */
export interface RunStartedEvent {
  readonly type: 'runStarted';
}

/**
 * The operator runs a step (or a single command): its commands that are not in flight are
 * reset to `pending`, so a step can be run again in the same run. Records the option chosen
 * for an option group.
 */
export interface StepStartedEvent {
  readonly type: 'stepStarted';
  readonly stepId: string;
  /** The chosen option's section id when `stepId` is an option group. */
  readonly optionId?: string;
  readonly commandIds: readonly string[];
}

export interface CommandStartedEvent extends CommandInfo {
  readonly type: 'commandStarted';
  /** False for a long-running or interactive command started but not awaited (status `started`). */
  readonly awaited: boolean;
}

export interface CommandEndedEvent {
  readonly type: 'commandEnded';
  readonly commandId: string;
  /** Undefined when shell integration did not report one: the status becomes `unknown`. */
  readonly exitCode?: number;
}

export interface CommandSkippedEvent extends CommandInfo {
  readonly type: 'commandSkipped';
  readonly note?: string;
}

export interface CommandMarkedDoneEvent extends CommandInfo {
  readonly type: 'commandMarkedDone';
  readonly note?: string;
}

/** The terminal closed or the host went away while the command ran. */
export interface CommandInterruptedEvent {
  readonly type: 'commandInterrupted';
  readonly commandId: string;
  readonly note?: string;
}

/** The operator chose Abort at a failed command: the run ends in state `aborted`. */
export interface StepAbortedEvent {
  readonly type: 'stepAborted';
  readonly stepId: string;
  readonly commandId?: string;
}

export interface ChecklistTickedEvent {
  readonly type: 'checklistTicked';
  readonly taskId: string;
  readonly checked: boolean;
  readonly text?: string;
}

/** Values the run used (secrets without value: the reducer drops any value given for one). */
export interface VariablesResolvedEvent {
  readonly type: 'variablesResolved';
  readonly variables: readonly VariableRecord[];
}

export interface RunEndedEvent {
  readonly type: 'runEnded';
  /** Default: `failed` when a command is failed, unknown or interrupted, else `completed`. */
  readonly state?: 'completed' | 'failed';
}

/** A rollback begins: its commands are about to run (see RollbackRecord). */
export interface RollbackStartedEvent {
  readonly type: 'rollbackStarted';
  readonly environment: string;
  readonly from: string;
  readonly to: string;
  readonly automatic: boolean;
  readonly trigger?: string;
  readonly alertFiredAt?: string;
}

/** The open rollback of `environment` ran its commands; verification begins. */
export interface RollbackVerifyingEvent {
  readonly type: 'rollbackVerifying';
  readonly environment: string;
}

/** The open rollback of `environment` ended: verified healthy or unhealthy, or a command failed. */
export interface RollbackEndedEvent {
  readonly type: 'rollbackEnded';
  readonly environment: string;
  readonly outcome: 'healthy' | 'unhealthy' | 'unverified' | 'failed';
  /** Unverified: why. */
  readonly reason?: string;
  readonly healthyChecks?: number;
  readonly timeToHealthyMs?: number;
  readonly timeFromAlertMs?: number;
  readonly missing?: readonly string[];
  readonly failedCommand?: { readonly index: number; readonly text: string; readonly exitCode?: number; readonly status?: string };
}

/** An automatic rollback's countdown was cancelled by the operator, or paused for them. */
export interface RollbackCancelledEvent {
  readonly type: 'rollbackCancelled';
  readonly environment: string;
  readonly trigger?: string;
  readonly alertFiredAt?: string;
  readonly reason: string;
}

export type RunEventInput =
  | RunStartedEvent
  | StepStartedEvent
  | CommandStartedEvent
  | CommandEndedEvent
  | CommandSkippedEvent
  | CommandMarkedDoneEvent
  | CommandInterruptedEvent
  | StepAbortedEvent
  | ChecklistTickedEvent
  | VariablesResolvedEvent
  | RunEndedEvent
  | RollbackStartedEvent
  | RollbackVerifyingEvent
  | RollbackEndedEvent
  | RollbackCancelledEvent;

export type RunEventType = RunEventInput['type'];

/** An event as kept in the record: with the time it was applied. */
export type RunEvent = RunEventInput & { readonly at: string };
