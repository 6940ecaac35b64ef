import type { CommandInfo, RunEvent, RunEventInput } from './runEvents';
import type { ChecklistTick, CommandRecord, CommandStatus, RunRecord, RunState, VariableRecord } from './runModel';
import { MAX_RUN_EVENTS } from './runModel';
import { interruptRollbacks, isRollbackEvent, rollbackTransition } from './rollbackState';

/**
 * The run reducer: `reduce(record, event, now)` returns the record after the event. Pure: it
 * never mutates its input and does no I/O.
 *
 * Illegal events are IGNORED, not thrown: `reduce` returns the very same record object (check
 * with `===`), and `applyEvent` says why. Events race in from terminals (an exit code arriving
 * after the operator skipped the command, a second click on Run), and a late or duplicate event
 * must never crash the runner nor corrupt the record. Ignored events are not logged.
 *
 * Legal transitions, per command (a command with no record is `pending`):
 *
 * | event             | from                                              | to                                  |
 * |-------------------|---------------------------------------------------|-------------------------------------|
 * | commandStarted    | anything but `running`                            | `running` (awaited) / `started`     |
 * | commandEnded      | `running`, `started`                              | `succeeded` (0), `failed`, `unknown` (no code) |
 * | commandSkipped    | `pending`, `failed`, `unknown`, `interrupted`     | `skipped`                           |
 * | commandMarkedDone | anything but `succeeded`                          | `succeeded` + `markedDone`          |
 * | commandInterrupted| `running`, `started`                              | `interrupted`                       |
 * | stepStarted       | each listed command not `running`/`started`       | `pending`, attempts kept (run again)|
 *
 * A `started` (not awaited) command that ends with a code above 128 was stopped by a signal
 * (Ctrl+C on a stream such as `docker stats`): that is how such commands end, so it counts as
 * `succeeded` with a note. Per run: `runStarted` resumes an `interrupted` run; `stepAborted`
 * and `runEnded` end a `running` one (`runEnded` also closes an `interrupted` one). Once a run
 * has ended only `checklistTicked` (success criteria are ticked hours later), the rollback
 * events (rollbackState.ts: a rollback often follows a failed run) and late
 * `commandEnded` events of commands still `running`/`started` are accepted.
 */

export type ApplyResult =
  | { readonly accepted: true; readonly record: RunRecord }
  | { readonly accepted: false; readonly record: RunRecord; readonly reason: string };

const FAILING: ReadonlySet<CommandStatus> = new Set<CommandStatus>(['failed', 'unknown', 'interrupted']);
const SKIPPABLE: ReadonlySet<CommandStatus> = new Set<CommandStatus>(['pending', 'failed', 'unknown', 'interrupted']);
const IN_FLIGHT: ReadonlySet<CommandStatus> = new Set<CommandStatus>(['running', 'started']);

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function findCommand(record: RunRecord, commandId: string): CommandRecord | undefined {
  return record.commands.find((c) => c.commandId === commandId);
}

function durationBetween(startedAt: string | undefined, endedAt: string): number | undefined {
  if (startedAt === undefined) return undefined;
  const ms = Date.parse(endedAt) - Date.parse(startedAt);
  return Number.isFinite(ms) ? Math.max(0, ms) : undefined;
}

/** The command without the fields of a previous attempt's outcome. */
function withoutOutcome(command: CommandRecord): Mutable<CommandRecord> {
  const { endedAt: _e, durationMs: _d, exitCode: _x, markedDone: _m, note: _n, ...rest } = command;
  return { ...rest };
}

/** Back to pending for another run of its step: only the attempt count is kept. */
function asPending(command: CommandRecord): CommandRecord {
  const { startedAt: _s, awaited: _a, ...rest } = withoutOutcome(command);
  return { ...rest, status: 'pending' };
}

function fromInfo(info: CommandInfo, status: CommandStatus): CommandRecord {
  return { commandId: info.commandId, stepId: info.stepId, label: info.label, text: info.text, status, attempts: 0 };
}

function upsertCommand(record: RunRecord, next: CommandRecord): RunRecord {
  const index = record.commands.findIndex((c) => c.commandId === next.commandId);
  const commands = index < 0 ? [...record.commands, next] : record.commands.map((c, i) => (i === index ? next : c));
  return { ...record, commands };
}

function withEvent(record: RunRecord, event: RunEvent): RunRecord {
  const events = [...record.events, event];
  const excess = events.length - MAX_RUN_EVENTS;
  if (excess <= 0) return { ...record, events };
  return { ...record, events: events.slice(excess), droppedEvents: record.droppedEvents + excess };
}

function sanitizeVariables(variables: readonly VariableRecord[]): VariableRecord[] {
  return variables.map((v) => {
    const { value, ...rest } = v;
    return v.secret || value === undefined ? { ...rest } : { ...rest, value };
  });
}

/** The event as logged: secret variable values never reach the record, even if given. */
function toLogged(event: RunEventInput, at: string): RunEvent {
  if (event.type === 'variablesResolved') return { ...event, variables: sanitizeVariables(event.variables), at };
  return { ...event, at };
}

/** `failed` when a command ended failed, unknown or interrupted; else `completed`. */
export function derivedEndState(record: RunRecord): 'completed' | 'failed' {
  return record.commands.some((c) => FAILING.has(c.status)) ? 'failed' : 'completed';
}

type Outcome = RunRecord | string;

function commandStarted(record: RunRecord, event: Extract<RunEventInput, { type: 'commandStarted' }>, at: string): Outcome {
  const existing = findCommand(record, event.commandId);
  if (existing?.status === 'running') return `${event.commandId} is already running`;
  const base = existing ? withoutOutcome(existing) : fromInfo(event, 'pending');
  return upsertCommand(record, {
    ...base,
    stepId: event.stepId,
    label: event.label,
    text: event.text,
    status: event.awaited ? 'running' : 'started',
    awaited: event.awaited,
    attempts: (existing?.attempts ?? 0) + 1,
    startedAt: at,
  });
}

function commandEnded(record: RunRecord, event: Extract<RunEventInput, { type: 'commandEnded' }>, at: string): Outcome {
  const existing = findCommand(record, event.commandId);
  if (!existing || !IN_FLIGHT.has(existing.status)) return `${event.commandId} is not running (${existing?.status ?? 'pending'})`;
  const durationMs = durationBetween(existing.startedAt, at);
  const next: Mutable<CommandRecord> = { ...existing, endedAt: at, ...(durationMs !== undefined ? { durationMs } : {}) };
  const code = event.exitCode;
  if (code === undefined || !Number.isInteger(code)) {
    next.status = 'unknown';
  } else {
    next.exitCode = code;
    if (code === 0) next.status = 'succeeded';
    else if (existing.status === 'started' && code > 128) {
      next.status = 'succeeded';
      next.note = `stopped by a signal (exit code ${code})`;
    } else next.status = 'failed';
  }
  return upsertCommand(record, next);
}

function commandSkipped(record: RunRecord, event: Extract<RunEventInput, { type: 'commandSkipped' }>): Outcome {
  const existing = findCommand(record, event.commandId);
  const status = existing?.status ?? 'pending';
  if (!SKIPPABLE.has(status)) return `${event.commandId} cannot be skipped when ${status}`;
  const base = existing ?? fromInfo(event, 'pending');
  return upsertCommand(record, { ...base, status: 'skipped', ...(event.note !== undefined ? { note: event.note } : {}) });
}

function commandMarkedDone(record: RunRecord, event: Extract<RunEventInput, { type: 'commandMarkedDone' }>, at: string): Outcome {
  const existing = findCommand(record, event.commandId);
  if (existing?.status === 'succeeded') return `${event.commandId} already succeeded`;
  const base: Mutable<CommandRecord> = existing ? { ...existing } : { ...fromInfo(event, 'pending') };
  if (base.status === 'running' || base.status === 'started') {
    base.endedAt = at;
    const durationMs = durationBetween(base.startedAt, at);
    if (durationMs !== undefined) base.durationMs = durationMs;
  }
  return upsertCommand(record, { ...base, status: 'succeeded', markedDone: true, ...(event.note !== undefined ? { note: event.note } : {}) });
}

function commandInterrupted(record: RunRecord, event: Extract<RunEventInput, { type: 'commandInterrupted' }>, at: string): Outcome {
  const existing = findCommand(record, event.commandId);
  if (!existing || !IN_FLIGHT.has(existing.status)) return `${event.commandId} is not running (${existing?.status ?? 'pending'})`;
  const durationMs = durationBetween(existing.startedAt, at);
  return upsertCommand(record, {
    ...existing,
    status: 'interrupted',
    endedAt: at,
    ...(durationMs !== undefined ? { durationMs } : {}),
    ...(event.note !== undefined ? { note: event.note } : {}),
  });
}

function stepStarted(record: RunRecord, event: Extract<RunEventInput, { type: 'stepStarted' }>): Outcome {
  const reset = new Set(event.commandIds);
  const commands = record.commands.map((c) =>
    reset.has(c.commandId) && !IN_FLIGHT.has(c.status) && c.status !== 'pending' ? asPending(c) : c,
  );
  const choices = event.optionId !== undefined ? { ...record.choices, [event.stepId]: event.optionId } : record.choices;
  return { ...record, commands, choices };
}

function checklistTicked(record: RunRecord, event: Extract<RunEventInput, { type: 'checklistTicked' }>, at: string): RunRecord {
  const tick: ChecklistTick = { taskId: event.taskId, checked: event.checked, at, ...(event.text !== undefined ? { text: event.text } : {}) };
  const others = record.checklist.filter((t) => t.taskId !== event.taskId);
  return { ...record, checklist: [...others, tick] };
}

function variablesResolved(record: RunRecord, event: Extract<RunEventInput, { type: 'variablesResolved' }>): RunRecord {
  const byName = new Map(record.variables.map((v) => [v.name, v]));
  for (const v of sanitizeVariables(event.variables)) byName.set(v.name, v);
  return { ...record, variables: [...byName.values()] };
}

function ended(record: RunRecord, state: RunState, at: string): RunRecord {
  return { ...record, state, endedAt: at };
}

/** Events accepted once the run is no longer `running`. */
function acceptedAfterEnd(record: RunRecord, event: RunEventInput): boolean {
  if (event.type === 'checklistTicked' || isRollbackEvent(event)) return true;
  if (event.type === 'runStarted' || event.type === 'runEnded') return record.state === 'interrupted';
  if (event.type === 'commandEnded') return IN_FLIGHT.has(findCommand(record, event.commandId)?.status ?? 'pending');
  return false;
}

function transition(record: RunRecord, event: RunEventInput, at: string): Outcome {
  if (record.state !== 'running' && !acceptedAfterEnd(record, event)) return `the run is ${record.state}`;
  switch (event.type) {
    case 'runStarted': {
      if (record.state !== 'interrupted') return 'the run is already running';
      const { endedAt: _e, ...rest } = record;
      return { ...rest, state: 'running' };
    }
    case 'stepStarted':
      return stepStarted(record, event);
    case 'commandStarted':
      return commandStarted(record, event, at);
    case 'commandEnded':
      return commandEnded(record, event, at);
    case 'commandSkipped':
      return commandSkipped(record, event);
    case 'commandMarkedDone':
      return commandMarkedDone(record, event, at);
    case 'commandInterrupted':
      return commandInterrupted(record, event, at);
    case 'stepAborted':
      return ended(record, 'aborted', at);
    case 'checklistTicked':
      return checklistTicked(record, event, at);
    case 'variablesResolved':
      return variablesResolved(record, event);
    case 'runEnded':
      return ended(record, event.state ?? derivedEndState(record), at);
    case 'rollbackStarted':
    case 'rollbackVerifying':
    case 'rollbackEnded':
    case 'rollbackCancelled':
      return rollbackTransition(record, event, at);
  }
}

/** Applies an event; says why when it is ignored. */
export function applyEvent(record: RunRecord, event: RunEventInput, now: Date): ApplyResult {
  const at = now.toISOString();
  const outcome = transition(record, event, at);
  if (typeof outcome === 'string') return { accepted: false, record, reason: `${event.type} ignored: ${outcome}` };
  return { accepted: true, record: withEvent(outcome, toLogged(event, at)) };
}

/** The record after the event; the same object when the event is illegal (see the table above). */
export function reduce(record: RunRecord, event: RunEventInput, now: Date): RunRecord {
  return applyEvent(record, event, now).record;
}

/**
 * After a reload or a crash of the host: a run still `running` becomes `interrupted`, and so
 * does every command that was `running` (its end is unknown, so no `endedAt`). `started`
 * commands were never awaited and their terminals may survive a reload: they stay `started`.
 * An open rollback becomes `interrupted`, in an ended run too. Otherwise records of ended runs
 * are returned as they are. Idempotent.
 */
export function restoreAfterCrash(record: RunRecord, now: Date): RunRecord {
  const at = now.toISOString();
  if (record.state !== 'running') return interruptRollbacks(record, at);
  const commands = record.commands.map((c) =>
    c.status === 'running' ? { ...c, status: 'interrupted' as const, note: 'interrupted: the window reloaded or the host stopped while it ran' } : c,
  );
  const interrupted = record.commands.filter((c) => c.status === 'running').map((c) => c.commandId);
  let next: RunRecord = interruptRollbacks({ ...record, commands, state: 'interrupted' }, at);
  for (const commandId of interrupted) next = withEvent(next, { type: 'commandInterrupted', commandId, note: 'restored after a reload or crash', at });
  return next;
}
