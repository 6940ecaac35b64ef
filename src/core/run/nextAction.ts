import type { CommandStatus, RunRecord, RunState } from './runModel';
import { commandStatus } from './runStatus';
import type { PlannedCommand, StepPlan } from './stepPlan';

/** What the operator may do when a step stopped at a command. */
export type StopChoice = 'retry' | 'skip' | 'markDone' | 'abort';

export const STOP_CHOICES: readonly StopChoice[] = ['retry', 'skip', 'markDone', 'abort'];

/**
 * What the runner does next for a plan:
 * - `run`: send the command and await its exit (dispatch `commandStarted` with `awaited: true`).
 * - `start`: send a long-running or interactive command, do not await it (`awaited: false`).
 * - `wait`: a command of the plan is in flight: for its exit, or, for an interactive command,
 *   until it exits or the operator marks it done. Nothing to send.
 * - `stop`: the step stopped at a failed, unknown (no exit code reported) or interrupted
 *   command; offer `choices`: Retry (`commandStarted` again), Skip (`commandSkipped`), Mark done
 *   (`commandMarkedDone`), Abort (`stepAborted`). For `unknown` ask first whether it worked.
 * - `done`: every command succeeded, was skipped or was started.
 * - `dryRun`: the run is a dry run: print the plan (formatDryRun), send nothing.
 * - `ended`: the run is not running (ended, aborted, or interrupted: resume it first).
 */
export type NextAction =
  | { readonly kind: 'run'; readonly command: PlannedCommand }
  | { readonly kind: 'start'; readonly command: PlannedCommand }
  | { readonly kind: 'wait'; readonly command: PlannedCommand; readonly until: 'exit' | 'operator' }
  | {
      readonly kind: 'stop';
      readonly command: PlannedCommand;
      readonly status: Extract<CommandStatus, 'failed' | 'unknown' | 'interrupted'>;
      readonly exitCode?: number;
      readonly choices: readonly StopChoice[];
    }
  | { readonly kind: 'done' }
  | { readonly kind: 'dryRun' }
  | { readonly kind: 'ended'; readonly state: RunState };

/** The first thing to do for the plan, given what the record says. Pure. */
export function nextAction(plan: StepPlan, record: RunRecord): NextAction {
  if (record.state !== 'running') return { kind: 'ended', state: record.state };
  if (record.dryRun) return { kind: 'dryRun' };
  for (const planned of plan.commands) {
    const status = commandStatus(record, planned.command.id);
    switch (status) {
      case 'succeeded':
      case 'skipped':
        continue;
      case 'started':
        if (planned.startReason === 'interactive') return { kind: 'wait', command: planned, until: 'operator' };
        continue;
      case 'running':
        return { kind: 'wait', command: planned, until: 'exit' };
      case 'failed':
      case 'unknown':
      case 'interrupted': {
        const exitCode = record.commands.find((c) => c.commandId === planned.command.id)?.exitCode;
        return { kind: 'stop', command: planned, status, ...(exitCode !== undefined ? { exitCode } : {}), choices: STOP_CHOICES };
      }
      case 'pending':
        return planned.mode === 'await' ? { kind: 'run', command: planned } : { kind: 'start', command: planned };
    }
  }
  return { kind: 'done' };
}
