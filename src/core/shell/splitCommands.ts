import { isCommandWord } from './commandWords';
import { isSessionLanguage } from './languages';
import { lex, lexRaw } from './lexer';
import { parseStatements } from './syntax';
import type { Statement } from './syntax';
import type { CommentToken, RawLexResult } from './tokens';
import type { ShellCommand } from './types';

/**
 * The commands of a code block, one per logical command, as an operator would run them.
 * Script languages (and anything that is not a session language) are read as bash: blank
 * and comment-only lines are not commands; backslash continuations, heredocs, multi-line
 * quotes, trailing `|`/`&&`/`||` and open `( { do if case` constructs keep lines together.
 * Session languages (`console`, `shell-session`), and blocks whose first command line starts
 * with `$ `: see `splitSession`.
 */
export function splitCommands(blockText: string, lang: string): ShellCommand[] {
  return splitBlock(blockText, lang, undefined);
}

/**
 * Where a command's text lies in the text the splitter lexed (the block, or a session chunk):
 * the command is `text.slice(start, end)` and lexing it alone gives the tokens of `raw` in
 * [start, end) and the single statement `statement` (shifted by `start`). See analyzeStatement.
 */
export interface CommandSource {
  readonly raw: RawLexResult;
  readonly text: string;
  readonly statement: Statement;
  readonly start: number;
  readonly end: number;
}

/**
 * splitCommands, and with `sources` the source of each command in order: undefined for a
 * command whose text is not exactly its statement's (an open quote cut before the block's
 * last newline), which must be lexed on its own.
 */
export function splitBlock(blockText: string, lang: string, sources: (CommandSource | undefined)[] | undefined): ShellCommand[] {
  const text = blockText.includes('\r') ? blockText.replace(/\r\n?/g, '\n') : blockText;
  return isSessionLanguage(lang) || startsWithPrompt(text) ? splitSession(text, sources) : splitScript(text, sources);
}

/**
 * A block whose first command line starts with `$ ` is a transcript whatever its language
 * (READMEs label them `bash`): as a script, `$ cmd` would run a command named `$`.
 */
function startsWithPrompt(text: string): boolean {
  for (let start = 0; start < text.length; ) {
    const nl = text.indexOf('\n', start);
    const line = text.slice(start, nl < 0 ? text.length : nl).trimStart();
    if (line.length > 0 && !line.startsWith('#')) return line.startsWith('$ ') || line.startsWith('$\t');
    if (nl < 0) break;
    start = nl + 1;
  }
  return false;
}

/** The first line of a command without its trailing comment or continuation backslash, trimmed. */
export function label(cmd: Pick<ShellCommand, 'text'>): string {
  const nl = cmd.text.indexOf('\n');
  let first = nl < 0 ? cmd.text : cmd.text.slice(0, nl);
  // Only a `#` starts a comment token: without one there is nothing to lex for.
  const comment = first.includes('#') ? lex(first).tokens.find((t) => t.kind === 'comment') : undefined;
  if (comment) first = first.slice(0, comment.start);
  first = first.trim();
  if (nl >= 0 && !comment && first.endsWith('\\') && !first.endsWith('\\\\')) first = first.slice(0, -1).trimEnd();
  return first;
}

/** 0-based line of an offset, by binary search over line starts. */
function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
}

function commentText(text: string): string {
  let i = 0;
  while (text.charAt(i) === '#') i++;
  return text.slice(i).trim();
}

function joinComments(lines: readonly string[]): string | undefined {
  return lines.length > 0 ? lines.join('\n') : undefined;
}

function shellCommand(text: string, line: number, endLine: number, comment: string | undefined): ShellCommand {
  return comment !== undefined ? { text, line, endLine, comment } : { text, line, endLine };
}

/** The run of comment lines that ends on the line just above `line` (a shebang is not one). */
function adjacentComment(comments: readonly CommentToken[], line: number, lineOf: (offset: number) => number): string | undefined {
  const lines: string[] = [];
  let expected = line - 1;
  for (let k = comments.length - 1; k >= 0; k--) {
    const c = comments[k];
    if (!c || lineOf(c.start) !== expected || c.text.startsWith('#!')) break;
    lines.unshift(commentText(c.text));
    expected--;
  }
  return joinComments(lines);
}

function splitScript(text: string, sources: (CommandSource | undefined)[] | undefined): ShellCommand[] {
  const raw = lexRaw(text);
  const statements: Statement[] = parseStatements(raw.tokens, text);
  const lineOf = lineIndex(text);
  const commands: ShellCommand[] = [];
  for (const s of statements) {
    const line = lineOf(s.start);
    const endLine = lineOf(Math.max(s.start, s.end - 1)) + 1;
    // An open quote that runs to the end of the block does not take the block's last newline.
    const end = s.end === text.length && text.endsWith('\n') ? s.end - 1 : s.end;
    const comment = s.comments.length > 0 ? adjacentComment(s.comments, line, lineOf) : undefined;
    commands.push(shellCommand(text.slice(s.start, end), line, endLine, comment));
    sources?.push(end === s.end ? { raw, text, statement: s, start: s.start, end } : undefined);
  }
  return commands;
}

type SessionLine =
  | { readonly kind: 'blank' | 'output' }
  | { readonly kind: 'comment'; readonly text: string }
  | { readonly kind: 'prompt'; readonly command: string };

function firstWord(text: string): string {
  let i = 0;
  while (i < text.length && text.charAt(i) !== ' ' && text.charAt(i) !== '\t') i++;
  return text.slice(0, i);
}

/**
 * A transcript line. `$ cmd` is a prompt. `# cmd` is a root prompt when `cmd` starts with a
 * known command word (`# apt-get update`), otherwise a comment (`# Check the status`).
 * Anything else is output.
 */
function sessionLine(line: string): SessionLine {
  const trimmed = line.trimStart();
  if (trimmed.length === 0) return { kind: 'blank' };
  const second = trimmed.charAt(1);
  if (trimmed.charAt(0) === '$' && (second === ' ' || second === '\t')) return { kind: 'prompt', command: trimmed.slice(2).trim() };
  if (trimmed.charAt(0) !== '#') return { kind: 'output' };
  const rest = trimmed.slice(1);
  const isRootPrompt = (rest.startsWith(' ') || rest.startsWith('\t')) && isCommandWord(firstWord(rest.trim()));
  return isRootPrompt ? { kind: 'prompt', command: rest.trim() } : { kind: 'comment', text: commentText(trimmed) };
}

/** A line the shell printed as its continuation prompt (`> `) is read without it. */
function withoutContinuationPrompt(line: string): string {
  if (line.startsWith('> ')) return line.slice(2);
  return line === '>' ? '' : line;
}

/**
 * Session blocks: only prompt lines are commands, prompts stripped. When a prompt line leaves
 * the command open (a quote, a heredoc, a trailing backslash), the lines after it, up to the
 * next prompt, continue it (with any `> ` continuation prompt removed) until it is complete;
 * all other lines are output and dropped. Each line is lexed at most once.
 */
function splitSession(text: string, sources: (CommandSource | undefined)[] | undefined): ShellCommand[] {
  const lines = text.split('\n');
  const commands: ShellCommand[] = [];
  let comments: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const current = sessionLine(lines[i] ?? '');
    if (current.kind !== 'prompt') {
      if (current.kind === 'comment') comments.push(current.text);
      else comments = [];
      i++;
      continue;
    }
    let next = i + 1;
    while (next < lines.length && sessionLine(lines[next] ?? '').kind !== 'prompt') next++;
    const chunk = [current.command, ...lines.slice(i + 1, next).map(withoutContinuationPrompt)].join('\n');
    const raw = lexRaw(chunk);
    const statement = parseStatements(raw.tokens, chunk)[0];
    if (!statement || statement.start > current.command.length) {
      comments = [];
      i++;
      continue;
    }
    let spanned = 0;
    for (let k = chunk.indexOf('\n'); k >= 0 && k < statement.end; k = chunk.indexOf('\n', k + 1)) spanned++;
    commands.push(shellCommand(chunk.slice(statement.start, statement.end), i, i + spanned + 1, joinComments(comments)));
    sources?.push({ raw, text: chunk, statement, start: statement.start, end: statement.end });
    comments = [];
    i += spanned + 1;
  }
  return commands;
}
