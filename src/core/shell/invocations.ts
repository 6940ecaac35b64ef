import { commandName } from './commandWords';
import { optionSet } from './options';
import { isAssignmentWord } from './syntax';
import type { Pipeline, SimpleCommand } from './syntax';
import type { WordToken } from './tokens';

/** A simple command seen through `sudo`, `env`, `nohup`, `timeout`, `xargs` and the like. */
export interface Invocation {
  /** The command's name: the basename of its word (`/usr/bin/git` is `git`). */
  readonly name: string;
  readonly commandWord: WordToken;
  /** The arguments after the command word, and their values (quotes removed). */
  readonly words: readonly WordToken[];
  readonly argv: readonly string[];
  /** `NAME=value` words before it, those given to `env` or `sudo` included. */
  readonly assignments: readonly WordToken[];
  /** Its input does not come from the terminal: `<`, a heredoc, a here-string, or a pipe. */
  readonly stdinRedirected: boolean;
  /** The heredoc body or here-string fed to it, when there is one. */
  readonly stdinText?: string;
  readonly pipeline: Pipeline;
  /** Its place in the pipeline. */
  readonly stage: number;
}

interface Wrapper {
  readonly valued?: ReadonlySet<string>;
  /** Accepts `NAME=value` words before the command. */
  readonly assignments?: boolean;
  /** Positionals before the command (the duration of `timeout`). */
  readonly positionals?: number;
  /** Options that make it do something else than run a command (`command -v git`). */
  readonly notWrapping?: ReadonlySet<string>;
}

const WRAPPERS: Readonly<Record<string, Wrapper>> = {
  sudo: { valued: optionSet('-u -g -C -D -h -p -r -t -U -T --user --group --chdir --prompt --host --role --type --other-user'), assignments: true },
  doas: { valued: optionSet('-u -C') },
  env: { valued: optionSet('-u -C -S --unset --chdir --split-string'), assignments: true },
  nohup: {},
  exec: { valued: optionSet('-a') },
  command: { notWrapping: optionSet('-v -V') },
  builtin: {},
  time: {},
  nice: { valued: optionSet('-n --adjustment') },
  ionice: { valued: optionSet('-c -n -p -P -u --class --classdata') },
  timeout: { valued: optionSet('-s -k --signal --kill-after'), positionals: 1 },
  stdbuf: { valued: optionSet('-i -o -e --input --output --error') },
  xargs: { valued: optionSet('-I -L -n -P -s -d -E -a --max-args --max-procs --delimiter --arg-file --max-lines') },
};

/** WRAPPERS as a map: the same own entries, looked up for every simple command. */
const WRAPPER_BY_NAME: ReadonlyMap<string, Wrapper> = new Map(Object.entries(WRAPPERS));

/** Index of the wrapped command word after the wrapper at `at`, or -1 when it wraps nothing. */
function wrappedCommand(words: readonly WordToken[], at: number, wrapper: Wrapper, src: string, assignments: WordToken[]): number {
  let j = at + 1;
  while (j < words.length) {
    const word = words[j];
    if (!word) break;
    const v = word.value;
    if (v === '--') {
      j++;
      break;
    }
    if (v.startsWith('-') && v.length > 1) {
      if (wrapper.notWrapping?.has(v)) return -1;
      j += wrapper.valued?.has(v) ? 2 : 1;
    } else if (wrapper.assignments && isAssignmentWord(word, src)) {
      assignments.push(word);
      j++;
    } else {
      break;
    }
  }
  j += wrapper.positionals ?? 0;
  return j < words.length ? j : -1;
}

const NO_REDIRECTION = { redirected: false } as const;

function stdinOf(command: SimpleCommand, src: string): { redirected: boolean; text?: string } {
  if (command.redirects.length === 0) return NO_REDIRECTION;
  let redirected = false;
  let text: string | undefined;
  for (const r of command.redirects) {
    const { op, fd, heredoc } = r.token;
    if (fd !== undefined && fd !== '0') continue;
    if (op === '<<' || op === '<<-') {
      redirected = true;
      if (heredoc) text = src.slice(heredoc.bodyStart, heredoc.bodyEnd);
    } else if (op === '<<<') {
      redirected = true;
      text = r.target?.value;
    } else if (op === '<' || op === '<>') {
      redirected = true;
    }
  }
  return text !== undefined ? { redirected, text } : { redirected };
}

/** The invocation a simple command makes, or undefined for a bare assignment or redirection. */
export function invocationOf(pipeline: Pipeline, stage: number, src: string): Invocation | undefined {
  const command = pipeline.commands[stage];
  if (!command) return undefined;
  // Copied only when a wrapper adds its own (`sudo X=1 cmd`): nobody writes to the command's.
  let assignments: WordToken[] | undefined;
  let at = 0;
  for (;;) {
    const word = command.words[at];
    if (!word) return undefined;
    const wrapper = WRAPPER_BY_NAME.get(commandName(word.value));
    if (!wrapper) break;
    assignments ??= [...command.assignments];
    const next = wrappedCommand(command.words, at, wrapper, src, assignments);
    if (next < 0) break;
    at = next;
  }
  const commandWord = command.words[at];
  if (!commandWord) return undefined;
  const words = command.words.slice(at + 1);
  const argv: string[] = [];
  for (const w of words) argv.push(w.value);
  const stdin = stdinOf(command, src);
  const name = commandName(commandWord.value);
  const stdinRedirected = stdin.redirected || stage > 0;
  const allAssignments = assignments ?? command.assignments;
  return stdin.text !== undefined
    ? { name, commandWord, words, argv, assignments: allAssignments, stdinRedirected, stdinText: stdin.text, pipeline, stage }
    : { name, commandWord, words, argv, assignments: allAssignments, stdinRedirected, pipeline, stage };
}

/** Every invocation of a pipeline, in order (bare assignments left out). */
export function invocationsOf(pipeline: Pipeline, src: string): Invocation[] {
  const out: Invocation[] = [];
  for (let stage = 0; stage < pipeline.commands.length; stage++) {
    const inv = invocationOf(pipeline, stage, src);
    if (inv) out.push(inv);
  }
  return out;
}
