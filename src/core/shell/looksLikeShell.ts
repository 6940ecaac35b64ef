import { isCommandWord } from './commandWords';
import { lex } from './lexer';
import { splitBlock } from './splitCommands';
import type { CommandSource } from './splitCommands';
import { isAssignmentWord } from './syntax';
import type { Token } from './tokens';

/** A command starting with a known command word, a script path or an assignment. */
function startsLikeCommand(text: string): boolean {
  return isCommandStart(lex(text).tokens.find((t) => t.kind !== 'comment'), text);
}

function isCommandStart(first: Token | undefined, src: string): boolean {
  if (first?.kind !== 'word') return false;
  return isAssignmentWord(first, src) || isCommandWord(first.value);
}

/**
 * startsLikeCommand of a command the splitter found, from the splitter's tokens: the command
 * alone lexes to those in its range, shifted (see CommandSource), and its first token, the
 * statement's first, is no comment.
 */
function sourceStartsLikeCommand(source: CommandSource): boolean {
  const tokens = source.raw.tokens;
  // Top-level tokens are in order: the first one at the statement's start, by binary search.
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] as Token).start < source.start) lo = mid + 1;
    else hi = mid;
  }
  return isCommandStart(tokens[lo], source.text);
}

/**
 * For an unlabelled block: true when most of its commands (more than half) start with a known
 * command word, a script path or an assignment. A block that starts with a `$ ` prompt is read
 * as a session (its output lines are not counted). Prose, command output, trees, YAML and JSON
 * do not qualify.
 */
export function looksLikeShell(text: string): boolean {
  const sources: (CommandSource | undefined)[] = [];
  const commands = splitBlock(text, 'bash', sources);
  if (commands.length === 0) return false;
  let shellLike = 0;
  for (let i = 0; i < commands.length; i++) {
    const source = sources[i];
    if (source ? sourceStartsLikeCommand(source) : startsLikeCommand((commands[i] as { text: string }).text)) shellLike++;
  }
  return shellLike * 2 > commands.length;
}
