import { classifyCommand, findVariables, isShellLanguage, label, lintCommand, looksLikeShell, splitCommands } from '../shell';
import type { CodeBlockRole, RunbookCommand } from './model';

const OUTPUT_CAPTION = /\b(?:expected\s+output|output|should\s+(?:show|see|print|return)|result)\b/i;

/** What a code block is for, from its language, its caption and its text. */
export function codeBlockRole(lang: string, caption: string | undefined, text: string): CodeBlockRole {
  if (caption !== undefined && OUTPUT_CAPTION.test(caption)) return 'output';
  if (isShellLanguage(lang)) return 'commands';
  if (lang === '' || lang === 'text' || lang === 'plaintext') return looksLikeShell(text) ? 'commands' : 'content';
  return 'content';
}

/**
 * The commands of a shell block with absolute lines. `contentLine` is the file line of the
 * block's first content line.
 */
export function blockCommands(blockId: string, text: string, lang: string, contentLine: number): RunbookCommand[] {
  return splitCommands(text, lang).map((cmd, index) => ({
    kind: 'command' as const,
    id: `${blockId}:${index}`,
    text: cmd.text,
    label: label(cmd),
    ...(cmd.comment !== undefined ? { comment: cmd.comment } : {}),
    line: contentLine + cmd.line,
    endLine: contentLine + cmd.endLine,
    classification: classifyCommand(cmd.text),
    variables: findVariables(cmd.text),
    issues: lintCommand(cmd.text),
  }));
}

/** Line and column in the file of an offset in a command's text. */
export function commandPosition(command: RunbookCommand, offset: number, fileLines: readonly string[]): { line: number; column: number } {
  const before = command.text.slice(0, Math.max(0, offset));
  const lineDelta = before.split('\n').length - 1;
  const columnInText = offset - (before.lastIndexOf('\n') + 1);
  const line = command.line + lineDelta;
  const textLine = command.text.split('\n')[lineDelta] ?? '';
  const fileLine = fileLines[line] ?? '';
  // The text's line is the file's line without list indentation, prompt or leading blanks.
  const prefix = fileLine.endsWith(textLine) ? fileLine.length - textLine.length : 0;
  return { line, column: prefix + columnInText };
}
