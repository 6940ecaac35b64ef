import { isShellLanguage, label, looksLikeShell } from '../shell';
import type { ShellCommand } from '../shell';
import { analyzeCommand, analyzeSource } from '../shell/analyze';
import { splitBlock } from '../shell/splitCommands';
import type { CommandSource } from '../shell/splitCommands';
import type { CodeBlockRole, RunbookCommand } from './model';

const OUTPUT_CAPTION =
  /\b(?:expected\s+output|output|should\s+(?:show|see|print|return|look\s+like)|result|erwartete\s+ausgabe|ausgabe|salida\s+esperada|sortie\s+attendue)\b|期待される出力|出力例/iu;

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
  const sources: (CommandSource | undefined)[] = [];
  const commands = splitBlock(text, lang, sources);
  const out: RunbookCommand[] = [];
  for (let index = 0; index < commands.length; index++) {
    const cmd = commands[index] as ShellCommand;
    const commandLabel = label(cmd);
    // What classifyCommand, findVariables and lintCommand say, from the split's own lexing.
    const source = sources[index];
    const { classification, variables, issues } = source ? analyzeSource(source) : analyzeCommand(cmd.text);
    const id = `${blockId}:${index}`;
    const line = contentLine + cmd.line;
    const endLine = contentLine + cmd.endLine;
    out.push(
      cmd.comment !== undefined
        ? { kind: 'command', id, text: cmd.text, label: commandLabel, comment: cmd.comment, line, endLine, classification, variables, issues }
        : { kind: 'command', id, text: cmd.text, label: commandLabel, line, endLine, classification, variables, issues },
    );
  }
  return out;
}

/** Line and column in the file of an offset in a command's text. */
export function commandPosition(command: RunbookCommand, offset: number, fileLines: readonly string[]): { line: number; column: number } {
  const text = command.text;
  // The line of the offset in the text (offsets past the end count as on the last line).
  const before = Math.min(Math.max(0, offset), text.length);
  let lineDelta = 0;
  let lineStart = 0;
  for (let nl = text.indexOf('\n'); nl >= 0 && nl < before; nl = text.indexOf('\n', nl + 1)) {
    lineDelta++;
    lineStart = nl + 1;
  }
  const columnInText = offset - lineStart;
  const line = command.line + lineDelta;
  const lineEnd = text.indexOf('\n', lineStart);
  const textLine = lineStart === 0 && lineEnd < 0 ? text : text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  const fileLine = fileLines[line] ?? '';
  // The text's line is the file's line without list indentation, prompt or leading blanks.
  const prefix = fileLine.endsWith(textLine) ? fileLine.length - textLine.length : 0;
  return { line, column: prefix + columnInText };
}
