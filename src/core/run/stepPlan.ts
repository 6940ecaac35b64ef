import type { RunbookCommand, SectionNode } from '../runbook';
import type { CommandInSection } from './stepCommands';
import { commandsOfSection, sectionIdOfCommand } from './stepCommands';

/**
 * - `await`: send it and wait for its exit code (status `running`).
 * - `start`: a long-running or interactive command: send it, do not wait for an exit code
 *   (status `started`). A long-running one does not hold up the step (run it in a terminal of its
 *   own); an interactive one (an editor, a prompt) holds the step until it ends or the operator
 *   marks it done, since the next commands usually need what the operator did in it.
 */
export type RunMode = 'await' | 'start';

export interface PlannedCommand {
  readonly command: RunbookCommand;
  /** The innermost section holding the command (an option's id inside an option group). */
  readonly stepId: string;
  readonly mode: RunMode;
  /** Why it is only started, for `mode: 'start'`. */
  readonly startReason?: 'longRunning' | 'interactive';
  /** For a plain wait (`sleep 300 && …`): its length, for a countdown. */
  readonly waitSeconds?: number;
}

export interface StepPlan {
  /** The planned section, or the command's section for planCommand. */
  readonly stepId: string;
  readonly label: string;
  /** Option group id → the option id used. */
  readonly choices: Readonly<Record<string, string>>;
  readonly commands: readonly PlannedCommand[];
}

export interface PlanOptions {
  /** The chosen option of the step's option group (or of a group inside the step). */
  readonly optionId?: string;
  /** Choices for several groups: group section id → option section id. */
  readonly choices?: Readonly<Record<string, string>>;
}

export interface OptionChoice {
  readonly id: string;
  readonly label: string;
}

/** The step is (or holds) an option group and no option was chosen: ask the operator. */
export class OptionRequiredError extends Error {
  override readonly name = 'OptionRequiredError';
  constructor(
    readonly groupId: string,
    readonly groupLabel: string,
    readonly options: readonly OptionChoice[],
  ) {
    super(`"${groupLabel}" is an option group: choose one of ${options.map((o) => `"${o.label}"`).join(', ')}`);
  }
}

/** How a command is run, from its classification. */
export function runModeOf(command: RunbookCommand): Pick<PlannedCommand, 'mode' | 'startReason' | 'waitSeconds'> {
  const c = command.classification;
  if (c.interactive !== undefined) return { mode: 'start', startReason: 'interactive' };
  if (c.longRunning !== undefined) return { mode: 'start', startReason: 'longRunning', ...(c.waitSeconds !== undefined ? { waitSeconds: c.waitSeconds } : {}) };
  return { mode: 'await' };
}

function planned({ command, stepId }: CommandInSection): PlannedCommand {
  return { command, stepId, ...runModeOf(command) };
}

/**
 * The ordered commands to run for a section (see commandsOfSection). For an option group only
 * the chosen option's commands; throws OptionRequiredError when none was chosen (the adapter
 * asks and plans again), and an Error when the chosen id is not an option of the group.
 */
export function planStep(section: SectionNode, options: PlanOptions = {}): StepPlan {
  const used: Record<string, string> = {};
  const commands = commandsOfSection(section, (group, groupOptions) => {
    const wanted = options.choices?.[group.id] ?? groupOptions.find((o) => o.id === options.optionId)?.id;
    if (wanted === undefined) {
      throw new OptionRequiredError(group.id, group.label, groupOptions.map((o) => ({ id: o.id, label: o.label })));
    }
    const option = groupOptions.find((o) => o.id === wanted);
    if (!option) throw new Error(`"${wanted}" is not an option of "${group.label}"`);
    used[group.id] = option.id;
    return [option];
  });
  return { stepId: section.id, label: section.label, choices: used, commands: commands.map(planned) };
}

/** A plan to run one command; `stepId` defaults to the section its id names. */
export function planCommand(command: RunbookCommand, stepId: string = sectionIdOfCommand(command.id)): StepPlan {
  return { stepId, label: command.label, choices: {}, commands: [planned({ command, stepId })] };
}
