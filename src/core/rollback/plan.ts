/**
 * The commands of a rollback, with the target bound, and the "desired version reset".
 *
 * Argo Rollouts' caveat: its abort leaves the new version as the desired state, so the next
 * reconcile rolls forward again. Here the desired state of a compose deployment is the tag a
 * later `docker-compose up` reads: `DOCKER_TAG` in the compose project's `.env` file. A rollback
 * people can trust resets it, so the plan returns that write as an action for the caller.
 */
import * as path from 'node:path';
import type { EnvironmentConfig } from '../config/types';
import { allCommands } from '../runbook/model';
import type { Runbook, RunbookCommand, RunbookNode, SectionNode } from '../runbook/model';
import { singleQuote } from '../run/shellQuote';
import type { RollbackTarget } from './target';

/** Variables bound to the target's `to` in every rollback command that reads them. */
export const ROLLBACK_VARIABLES: readonly string[] = ['PREVIOUS_TAG', 'DOCKER_TAG'];

export interface PlannedCommand {
  /** The text to run, as written in the runbook (variables are bound through the environment). */
  readonly text: string;
  /** Variables the command reads that the rollback binds (`PREVIOUS_TAG` → `v1.0.0`). */
  readonly bound: Readonly<Record<string, string>>;
  /** Stops or removes something (containers, data): the UI shows it and asks. */
  readonly destructive: boolean;
  /** The runbook command it comes from; absent for the default plan. */
  readonly commandId?: string;
}

/** A line to write so a later `up` does not roll forward: `key=value` in `file`. */
export interface DesiredVersionReset {
  /** The compose project's `.env`, next to the first compose file (relative paths stay relative to the environment's cwd). */
  readonly file: string;
  readonly key: string;
  readonly value: string;
}

export type RollbackPlan =
  | {
      readonly ok: true;
      readonly environment: string;
      readonly from: string;
      readonly to: string;
      readonly commands: readonly PlannedCommand[];
      /** No rollback section in the runbook: the compose default, which the operator must confirm. */
      readonly default: boolean;
      /** Writes that reset the desired version; empty when the plan cannot say where it lives. */
      readonly reset: readonly DesiredVersionReset[];
      /** What the operator should know: skipped commands, problems found in the commands. */
      readonly notes: readonly string[];
    }
  | { readonly ok: false; readonly error: string };

const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;
const DESTRUCTIVE = /\b(?:docker(?:-compose|\s+compose)\b.*\b(?:down|rm|stop|kill)\b|docker\s+(?:rm|stop|kill)\b)/;

function word(value: string): string {
  return SAFE_WORD.test(value) ? value : singleQuote(value);
}

/**
 * Sections that are rollback procedures, outermost first, without nesting twice: when a rollback
 * section holds rollback subsections (the seed's "Rollback Procedures" holds "Quick Rollback" and
 * "Investigation & Fix"), only those subsections count.
 */
export function rollbackSections(nodes: readonly RunbookNode[]): SectionNode[] {
  const found: SectionNode[] = [];
  for (const node of nodes) {
    if (node.kind !== 'section') continue;
    const inner = rollbackSections(node.children);
    if (inner.length > 0) found.push(...inner);
    else if (node.traits.rollback) found.push(node);
  }
  return found;
}

const FROM_BOUND = new RegExp(`^["']?\\$\\{?(?:${ROLLBACK_VARIABLES.join('|')})\\}?["']?(?:\\s|$)`);

/**
 * Bound variables the command assigns a value of its own (`PREVIOUS_TAG=$(git tag … | sort -V …)`,
 * `DOCKER_TAG=v2`): running it would replace the chosen target. `DOCKER_TAG=$PREVIOUS_TAG …` keeps it.
 */
function overrides(command: RunbookCommand): string[] {
  return command.variables
    .filter((v) => v.kind === 'assignment' && ROLLBACK_VARIABLES.includes(v.name))
    .filter((v) => !FROM_BOUND.test(command.text.slice(v.column + v.name.length + 1)))
    .map((v) => v.name);
}

function runbookPlan(sections: readonly SectionNode[], to: string): { commands: PlannedCommand[]; notes: string[] } {
  const commands: PlannedCommand[] = [];
  const notes: string[] = [];
  for (const command of sections.flatMap((s) => [...allCommands(s.children)])) {
    const sets = overrides(command);
    if (sets.length > 0) {
      notes.push(`Skipped \`${command.label}\`: it sets ${sets.join(', ')} itself; the chosen target ${to} stays bound.`);
      continue;
    }
    const bound: Record<string, string> = {};
    for (const v of command.variables) if (v.kind === 'env' && ROLLBACK_VARIABLES.includes(v.name)) bound[v.name] = to;
    for (const issue of command.issues) notes.push(`\`${command.label}\`: ${issue.message}`);
    const destructive = command.classification.destructive !== undefined || DESTRUCTIVE.test(command.text);
    commands.push({ text: command.text, bound, destructive, commandId: command.id });
  }
  return { commands, notes };
}

/** `docker-compose -f FILE [-f FILE2] [-p PROJECT] down`, then `DOCKER_TAG=<to> docker-compose … up -d`. */
function composePlan(environment: EnvironmentConfig, to: string): PlannedCommand[] {
  const files = environment.composeFiles.map((f) => `-f ${word(f)}`).join(' ');
  const project = environment.composeProject === undefined ? '' : ` -p ${word(environment.composeProject)}`;
  const base = `docker-compose ${files}${project}`;
  return [
    { text: `${base} down`, bound: {}, destructive: true },
    { text: `DOCKER_TAG=${word(to)} ${base} up -d`, bound: { DOCKER_TAG: to }, destructive: false },
  ];
}

function envFileOf(composeFile: string): string {
  return path.posix.join(path.posix.dirname(composeFile.replace(/\\/g, '/')), '.env');
}

/**
 * The rollback plan for `environment`: the commands of the runbook's rollback sections in order
 * (commands that assign `PREVIOUS_TAG`/`DOCKER_TAG` themselves are skipped, with a note, so the
 * chosen target is what runs), or — without a rollback section, when the environment deploys with
 * compose — the default plan, marked `default: true`. With compose files and `DOCKER_TAG` in use,
 * `reset` says to write `DOCKER_TAG=<to>` to the project's `.env` (Argo's abort caveat above).
 */
export function rollbackPlan(runbook: Runbook, environment: EnvironmentConfig, target: RollbackTarget | undefined): RollbackPlan {
  if (!target) return { ok: false, error: `No rollback target for ${environment.name}.` };
  if (!target.ok) return { ok: false, error: target.error };
  const { from, to } = target;
  const sections = rollbackSections(runbook.children);
  const compose = environment.composeFiles.length > 0;
  const firstCompose = environment.composeFiles[0];
  let commands: PlannedCommand[];
  let notes: string[] = [];
  const fromRunbook = sections.some((s) => [...allCommands(s.children)].length > 0);
  if (fromRunbook) {
    ({ commands, notes } = runbookPlan(sections, to));
  } else if (compose) {
    commands = composePlan(environment, to);
  } else {
    return { ok: false, error: `No rollback plan for ${environment.name}: the runbook has no rollback section with commands, and the environment names no compose file (composeFile) for the default plan.` };
  }
  if (commands.length === 0) return { ok: false, error: `No rollback plan for ${environment.name}: every command of the rollback section was skipped.` };
  const usesTag = commands.some((c) => c.bound['DOCKER_TAG'] !== undefined || /\bDOCKER_TAG\b/.test(c.text));
  const reset = firstCompose !== undefined && usesTag ? [{ file: envFileOf(firstCompose), key: 'DOCKER_TAG', value: to }] : [];
  if (reset.length === 0) notes.push(`The desired version is not reset: nothing says where ${environment.name} keeps its tag, so a later deploy may roll forward to ${from} again.`);
  return { ok: true, environment: environment.name, from, to, commands, default: !fromRunbook, reset, notes };
}
