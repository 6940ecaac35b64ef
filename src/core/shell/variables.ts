import { commandName } from './commandWords';
import { lex } from './lexer';
import { isAssignmentWord, parseStatements } from './syntax';
import type { SimpleCommand, Statement } from './syntax';
import type { WordToken } from './tokens';
import type { VariableRef } from './types';

/** Builtins whose `NAME=value` arguments assign variables. */
const DECLARING: ReadonlySet<string> = new Set(['export', 'declare', 'typeset', 'local', 'readonly']);
const READ_VALUED: ReadonlySet<string> = new Set(['-p', '-a', '-d', '-n', '-N', '-t', '-u', '-i']);

/** Variables the shell or the login session sets: not something to ask the operator for. */
const WELL_KNOWN: ReadonlySet<string> = new Set([
  'HOME', 'PATH', 'USER', 'LOGNAME', 'SHELL', 'PWD', 'OLDPWD', 'HOSTNAME', 'HOSTTYPE', 'OSTYPE', 'TERM', 'LANG', 'LC_ALL',
  'TMPDIR', 'EDITOR', 'VISUAL', 'PAGER', 'DISPLAY', 'UID', 'EUID', 'GROUPS', 'PPID', 'RANDOM', 'SECONDS', 'LINENO',
  'BASHPID', 'BASH_SOURCE', 'BASH_VERSION', 'FUNCNAME', 'PIPESTATUS', 'IFS', 'PS1', 'PS2', 'SHLVL', 'REPLY', 'OPTARG', 'OPTIND',
]);

/** `$HOME`, `$PATH`, `$RANDOM`...: set by the shell or the session, not by the runbook. */
export function isWellKnownShellVariable(name: string): boolean {
  return WELL_KNOWN.has(name);
}

function assignment(word: WordToken, src: string): VariableRef {
  const raw = src.slice(word.start, word.end);
  const eq = raw.indexOf('=');
  const name = raw.charAt(eq - 1) === '+' ? raw.slice(0, eq - 1) : raw.slice(0, eq);
  return { name, kind: 'assignment', column: word.start, value: raw.slice(eq + 1) };
}

/** `NAME=value` words of a command: leading ones, and the arguments of export/env/read. */
function commandAssignments(command: SimpleCommand, src: string): VariableRef[] {
  const out = command.assignments.map((w) => assignment(w, src));
  const [first, ...args] = command.words;
  const name = first ? commandName(first.value) : '';
  if (DECLARING.has(name) || name === 'env') {
    for (const w of args) if (isAssignmentWord(w, src)) out.push(assignment(w, src));
  } else if (name === 'read') {
    for (let i = 0; i < args.length; i++) {
      const w = args[i];
      if (!w) break;
      if (w.value.startsWith('-')) {
        if (READ_VALUED.has(w.value)) i++;
      } else if (w.plain) {
        out.push({ name: w.value, kind: 'assignment', column: w.start });
      }
    }
  }
  return out;
}

function loopAssignments(statement: Statement, src: string): VariableRef[] {
  return statement.forClauses.map(({ name, list }) => {
    const first = list[0];
    const last = list[list.length - 1];
    return { name: name.value, kind: 'assignment', column: name.start, ...(first && last ? { value: src.slice(first.start, last.end) } : {}) };
  });
}

/**
 * The variables a command uses and sets, by column: `$VAR`/`${VAR:-default}` outside single
 * quotes (positional and special parameters left out), `<placeholders>` (not redirections,
 * heredocs or HTML), and assignments (`NAME=value`, `export NAME=value`, `for NAME in`,
 * `read NAME`). Every occurrence is listed; `$HOME`-like names too (see isWellKnownShellVariable).
 */
export function findVariables(text: string): VariableRef[] {
  const lexed = lex(text);
  const refs: VariableRef[] = [];
  for (const p of lexed.params) refs.push({ name: p.name, kind: 'env', column: p.start, ...(p.defaultValue !== undefined ? { defaultValue: p.defaultValue } : {}) });
  for (const p of lexed.placeholders) refs.push({ name: p.name, kind: 'placeholder', column: p.start });
  for (const statement of parseStatements(lexed.tokens, text)) {
    refs.push(...loopAssignments(statement, text));
    for (const pipeline of statement.pipelines) for (const command of pipeline.commands) refs.push(...commandAssignments(command, text));
  }
  return refs.sort((a, b) => a.column - b.column);
}
