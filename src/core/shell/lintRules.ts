import { COMPOSE_COMMAND_RUNNERS, COMPOSE_GLOBAL_OPTIONS, COMPOSE_SUBCOMMAND_OPTIONS } from './composeOptions';
import type { OptionTable } from './composeOptions';
import { composeCall, dockerSubcommand } from './dockerCli';
import type { ComposeCall } from './dockerCli';
import type { Invocation } from './invocations';
import { optionSet, scanOptions } from './options';
import type { ScannedOption } from './options';
import { own } from './own';
import { PUSH_VALUED, gitSubcommand } from './rules/git';
import type { CommandIssue } from './types';

export type LintRule = (inv: Invocation, src: string) => CommandIssue[];

function span(inv: Invocation, first: number, last: number): { column: number; length: number } {
  const a = inv.words[first];
  const b = inv.words[last] ?? a;
  return a && b ? { column: a.start, length: b.end - a.start } : { column: inv.commandWord.start, length: inv.commandWord.end - inv.commandWord.start };
}

function known(table: OptionTable | undefined, name: string): boolean {
  return table !== undefined && (table.valued.has(name) || table.flags.has(name));
}

/** A shell word for `value`: as is when it holds no character the shell treats specially. */
function shellWord(value: string): string {
  for (const c of value) if (' \t\n\'"`;&|<>()*?[]#~!\\'.includes(c)) return `"${value.replace(/(["\\`])/g, '\\$1')}"`;
  return value;
}

/** `DOCKER_TAG=$X docker-compose -f f.yml up -d`: the call with the variable moved in front. */
function environmentSuggestion(inv: Invocation, src: string, option: ScannedOption): string | undefined {
  const value = option.value ?? '';
  const eq = value.indexOf('=');
  if (eq <= 0) return undefined;
  const kept = inv.words.filter((_, i) => i < option.index || i > option.lastIndex).map((w) => src.slice(w.start, w.end));
  const command = [src.slice(inv.commandWord.start, inv.commandWord.end), ...kept].join(' ');
  return `${value.slice(0, eq + 1)}${shellWord(value.slice(eq + 1))} ${command}`;
}

function composeOptionIssue(inv: Invocation, src: string, call: ComposeCall, option: ScannedOption, global: boolean): CommandIssue {
  const sub = call.subcommand?.value;
  const where = span(inv, option.index, option.lastIndex);
  const subTable = sub !== undefined ? own(COMPOSE_SUBCOMMAND_OPTIONS, sub) : undefined;
  if ((option.name === '-e' || option.name === '--env') && (sub === undefined || !COMPOSE_COMMAND_RUNNERS.has(sub))) {
    const suggestion = environmentSuggestion(inv, src, option);
    const nor = sub !== undefined ? ` nor an option of \`${sub}\`` : '';
    const instead = suggestion !== undefined ? `; to pass the variable to ${call.program}, set it in its environment: \`${suggestion}\`` : '';
    return { message: `\`${option.name}\` is not a ${call.program} global option${nor}: it sets container variables for \`${call.program} run\` and \`exec\` only${instead}`, ...where, severity: 'error' };
  }
  if (global && sub !== undefined && known(subTable, option.name)) {
    return { message: `\`${option.name}\` is an option of \`${sub}\`: write it after \`${sub}\``, ...where, severity: 'error' };
  }
  if (global) return { message: `\`${option.name}\` is not a ${call.program} global option`, ...where, severity: 'error' };
  return { message: `\`${option.name}\` is not an option of \`${call.program} ${sub ?? ''}\``, ...where, severity: 'warning' };
}

/** Options docker-compose would refuse: unknown global ones (errors), unknown ones of a known subcommand (warnings). */
const composeOptions: LintRule = (inv, src) => {
  const call = composeCall(inv);
  if (!call) return [];
  const issues: CommandIssue[] = [];
  for (const o of call.globals.options) if (!known(COMPOSE_GLOBAL_OPTIONS, o.name)) issues.push(composeOptionIssue(inv, src, call, o, true));
  const table = call.subcommand ? own(COMPOSE_SUBCOMMAND_OPTIONS, call.subcommand.value) : undefined;
  if (table) {
    for (const o of call.sub.options) if (!known(table, o.name) && !known(COMPOSE_GLOBAL_OPTIONS, o.name)) issues.push(composeOptionIssue(inv, src, call, o, false));
  }
  return issues;
};

/** `git push origin --delete` with nothing to delete. */
const gitPushDelete: LintRule = (inv) => {
  const sub = gitSubcommand(inv.argv);
  if (sub?.name !== 'push') return [];
  const o = scanOptions(inv.argv, { valued: PUSH_VALUED }, sub.from);
  const option = o.options.find((opt) => opt.name === '-d' || opt.name === '--delete');
  if (!option || o.positionals.length >= 2) return [];
  return [{ message: '`git push --delete` needs the branch or tag to delete after the remote: `git push origin --delete <branch>`', ...span(inv, option.index, option.index), severity: 'error' }];
};

/** Subcommands that take container names, with their options that take a value; `all`: every positional is one. */
const CONTAINER_COMMANDS: Readonly<Record<string, { readonly valued: ReadonlySet<string>; readonly all: boolean }>> = {
  logs: { valued: optionSet('--since --until -n --tail'), all: false },
  exec: { valued: optionSet('-e --env --env-file -u --user -w --workdir --detach-keys'), all: false },
  attach: { valued: optionSet('--detach-keys'), all: false },
  stop: { valued: optionSet('-t --time -s --signal'), all: true },
  restart: { valued: optionSet('-t --time -s --signal'), all: true },
  kill: { valued: optionSet('-s --signal'), all: true },
  start: { valued: optionSet('--detach-keys'), all: true },
  rm: { valued: optionSet(''), all: true },
  stats: { valued: optionSet('--format'), all: true },
};

/** `docker logs app:v1`: a container name never holds `:`; that is an image tag. */
const dockerContainerName: LintRule = (inv) => {
  if (inv.name !== 'docker' && inv.name !== 'podman') return [];
  const sub = dockerSubcommand(inv.argv);
  const spec = sub ? own(CONTAINER_COMMANDS, sub.name) : undefined;
  if (!sub || !spec) return [];
  const o = scanOptions(inv.argv, { valued: spec.valued, stopAtPositional: !spec.all }, sub.from);
  const issues: CommandIssue[] = [];
  for (const p of o.positionals) {
    const word = inv.words[p.index];
    if (!word || word.dynamic || !p.value.includes(':')) continue;
    const name = p.value.slice(0, p.value.indexOf(':'));
    issues.push({
      message: `\`${p.value}\` is not a container name: \`:${p.value.slice(name.length + 1)}\` is an image tag, and \`docker ${sub.name}\` takes a container name or ID (\`${name}\`?)`,
      ...span(inv, p.index, p.index),
      severity: 'error',
    });
  }
  return issues;
};

export const LINT_RULES: readonly LintRule[] = [composeOptions, gitPushDelete, dockerContainerName];

const DOCKER_PROGRAMS: ReadonlySet<string> = new Set(['docker', 'podman', 'docker-compose', 'podman-compose']);

/**
 * False when no rule of LINT_RULES can report anything: the compose and container rules look
 * at docker and podman calls only, and the push rule needs a `push` argument (whatever the program).
 */
export function mayHaveIssues(inv: Invocation): boolean {
  return DOCKER_PROGRAMS.has(inv.name) || inv.argv.includes('push');
}
