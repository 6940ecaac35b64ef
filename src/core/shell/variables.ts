import { commandName } from './commandWords';
import { lex } from './lexer';
import { isAssignmentWord, parseStatements } from './syntax';
import type { SimpleCommand, Statement } from './syntax';
import type { ParamRef, PlaceholderRef, WordToken } from './tokens';
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

function assignment(word: WordToken, src: string, base: number): VariableRef {
  const raw = src.slice(word.start, word.end);
  const eq = raw.indexOf('=');
  const name = raw.charAt(eq - 1) === '+' ? raw.slice(0, eq - 1) : raw.slice(0, eq);
  return { name, kind: 'assignment', column: word.start - base, value: raw.slice(eq + 1) };
}

/** `NAME=value` words of a command: leading ones, and the arguments of export/env/read. */
function commandAssignments(command: SimpleCommand, src: string, base: number, out: VariableRef[]): void {
  for (const w of command.assignments) out.push(assignment(w, src, base));
  const words = command.words;
  const first = words[0];
  const name = first ? commandName(first.value) : '';
  if (DECLARING.has(name) || name === 'env') {
    for (let i = 1; i < words.length; i++) {
      const w = words[i] as WordToken;
      if (isAssignmentWord(w, src)) out.push(assignment(w, src, base));
    }
  } else if (name === 'read') {
    for (let i = 1; i < words.length; i++) {
      const w = words[i];
      if (!w) break;
      if (w.value.startsWith('-')) {
        if (READ_VALUED.has(w.value)) i++;
      } else if (w.plain) {
        out.push({ name: w.value, kind: 'assignment', column: w.start - base });
      }
    }
  }
}

function loopAssignments(statement: Statement, src: string, base: number, out: VariableRef[]): void {
  for (const { name, list } of statement.forClauses) {
    const first = list[0];
    const last = list[list.length - 1];
    out.push(
      first && last
        ? { name: name.value, kind: 'assignment', column: name.start - base, value: src.slice(first.start, last.end) }
        : { name: name.value, kind: 'assignment', column: name.start - base },
    );
  }
}

/**
 * The variables a command uses and sets, by column: `$VAR`/`${VAR:-default}` outside single
 * quotes (positional and special parameters left out), `<placeholders>` (not redirections,
 * heredocs or HTML), and assignments (`NAME=value`, `export NAME=value`, `for NAME in`,
 * `read NAME`). Every occurrence is listed; `$HOME`-like names too (see isWellKnownShellVariable).
 */
export function findVariables(text: string): VariableRef[] {
  const lexed = lex(text);
  return variablesOf(lexed.params, lexed.placeholders, parseStatements(lexed.tokens, text), text, 0);
}

/**
 * findVariables over an already lexed and parsed command (see analyzeCommand). Offsets are
 * in `src`, of which the command starts at `base`: columns are offsets from `base`.
 */
export function variablesOf(params: readonly ParamRef[], placeholders: readonly PlaceholderRef[], statements: readonly Statement[], src: string, base: number): VariableRef[] {
  const refs: VariableRef[] = [];
  for (const p of params) {
    refs.push(
      p.defaultValue !== undefined
        ? { name: p.name, kind: 'env', column: p.start - base, defaultValue: p.defaultValue }
        : { name: p.name, kind: 'env', column: p.start - base },
    );
  }
  for (const p of placeholders) refs.push({ name: p.name, kind: 'placeholder', column: p.start - base });
  for (const statement of statements) {
    loopAssignments(statement, src, base, refs);
    for (const pipeline of statement.pipelines) for (const command of pipeline.commands) commandAssignments(command, src, base, refs);
  }
  return refs.length > 1 ? refs.sort((a, b) => a.column - b.column) : refs;
}
