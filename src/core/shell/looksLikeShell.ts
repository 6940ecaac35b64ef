import { isCommandWord } from './commandWords';
import { lex } from './lexer';
import { splitCommands } from './splitCommands';
import { isAssignmentWord } from './syntax';

/** A command starting with a known command word, a script path or an assignment. */
function startsLikeCommand(text: string): boolean {
  const first = lex(text).tokens.find((t) => t.kind !== 'comment');
  if (first?.kind !== 'word') return false;
  return isAssignmentWord(first, text) || isCommandWord(first.value);
}

/**
 * For an unlabelled block: true when most of its commands (more than half) start with a known
 * command word, a script path or an assignment. A block that starts with a `$ ` prompt is read
 * as a session (its output lines are not counted). Prose, command output, trees, YAML and JSON
 * do not qualify.
 */
export function looksLikeShell(text: string): boolean {
  const commands = splitCommands(text, 'bash');
  if (commands.length === 0) return false;
  const shellLike = commands.filter((c) => startsLikeCommand(c.text)).length;
  return shellLike * 2 > commands.length;
}
