import type { SectionNode } from '../runbook';
import type { ChecklistTick, CommandStatus, RunRecord } from './runModel';
import { commandsOfSection } from './stepCommands';

/** A step's status: a command status, or `partial` when some commands are done and others pending. */
export type StepStatus = CommandStatus | 'partial';

/** The command's status in the run; `pending` when the run has not touched it. */
export function commandStatus(record: RunRecord, commandId: string): CommandStatus {
  return record.commands.find((c) => c.commandId === commandId)?.status ?? 'pending';
}

/** The order in which one command's status wins over the others' for its step. */
const PRECEDENCE: readonly CommandStatus[] = ['failed', 'running', 'interrupted', 'unknown', 'started'];

/**
 * A step's status from its commands' (see commandsOfSection): failed > running > interrupted >
 * unknown > started > partial/pending > succeeded; `skipped` counts as done (a step whose
 * commands were all skipped is `skipped`). For an option group, the commands of the option
 * the run chose, else of the options it touched; a step without commands is `pending`.
 */
export function stepStatus(record: RunRecord, step: SectionNode): StepStatus {
  const touched = (option: SectionNode): boolean =>
    commandsOfSection(option, (_g, all) => all).some(({ command }) => commandStatus(record, command.id) !== 'pending');
  const commands = commandsOfSection(step, (group, options) => {
    const chosen = record.choices[group.id];
    const option = chosen === undefined ? undefined : options.find((o) => o.id === chosen);
    return option ? [option] : options.filter(touched);
  });
  return aggregateStatus(commands.map(({ command }) => commandStatus(record, command.id)));
}

/** Combines command statuses into a step status (see stepStatus). */
export function aggregateStatus(statuses: readonly CommandStatus[]): StepStatus {
  if (statuses.length === 0) return 'pending';
  for (const status of PRECEDENCE) if (statuses.includes(status)) return status;
  if (statuses.every((s) => s === 'pending')) return 'pending';
  if (statuses.every((s) => s === 'skipped')) return 'skipped';
  if (statuses.every((s) => s === 'succeeded' || s === 'skipped')) return 'succeeded';
  return 'partial';
}

/** The latest tick per checklist item, for restoring checkboxes. */
export function checklistState(record: RunRecord): Map<string, ChecklistTick> {
  return new Map(record.checklist.map((t) => [t.taskId, t]));
}
