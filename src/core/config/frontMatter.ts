/** YAML front matter at the very top of a markdown file. */
export interface FrontMatter {
  /** The YAML between the fences, lines joined with '\n' (CRLF read as one line break). */
  readonly yaml: string;
  /** 0-based line of the first YAML line in the markdown file (the line after the opening `---`). */
  readonly startLine: number;
  /** 0-based line of the closing `---` or `...`. */
  readonly endLine: number;
}

const LINE_BREAK = /\r\n?|\n/;
const OPENING_FENCE = /^---[ \t]*$/;
const CLOSING_FENCE = /^(?:---|\.\.\.)[ \t]*$/;

/**
 * The front matter of a markdown file: `---` on the very first line (after an optional BOM),
 * then YAML, then `---` or `...` on a line of its own. Anything else (a `---` further down, or
 * one that is never closed) is a thematic break, not front matter: undefined.
 * Lines are counted as markdown does: CRLF, LF and a lone CR each end one line.
 */
export function extractFrontMatter(markdown: string): FrontMatter | undefined {
  const text = markdown.startsWith('\uFEFF') ? markdown.slice(1) : markdown;
  const lines = text.split(LINE_BREAK);
  if (!OPENING_FENCE.test(lines[0] ?? '')) return undefined;
  const closing = lines.findIndex((line, index) => index > 0 && CLOSING_FENCE.test(line));
  if (closing < 0) return undefined;
  const yamlLines = lines.slice(1, closing);
  return { yaml: yamlLines.map((line) => `${line}\n`).join(''), startLine: 1, endLine: closing };
}
