/**
 * Character-level reading of one exposition line, shared by the sample and the comment
 * parsers. A line never contains its line break; positions are 0-based indexes into it.
 */

/** Thrown by the line parsers; reported as an error of kind `code` at `index` (0-based). */
export class LineError extends Error {
  readonly index: number;
  readonly code: 'syntax' | 'metadata' | 'limit';

  constructor(message: string, index: number, code: 'syntax' | 'metadata' | 'limit' = 'syntax') {
    // Control flow, not a bug: a stack trace would only cost time on malformed input.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
    this.index = index;
    this.code = code;
  }
}

export function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/** Index of the first character at or after `from` that is not a space or a tab. */
export function skipBlanks(line: string, from: number): number {
  let i = from;
  while (i < line.length && isBlank(line.charCodeAt(i))) i++;
  return i;
}

/** Index of the first space, tab or end of line at or after `from`. */
export function tokenEnd(line: string, from: number): number {
  let i = from;
  while (i < line.length && !isBlank(line.charCodeAt(i))) i++;
  return i;
}

function isLetterOrUnderscore(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x5f;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** Index after the metric name (`[a-zA-Z_:][a-zA-Z0-9_:]*`) starting at `from`; `from` when there is none. */
export function metricNameEnd(line: string, from: number): number {
  let i = from;
  while (i < line.length) {
    const code = line.charCodeAt(i);
    const ok = isLetterOrUnderscore(code) || code === 0x3a || (i > from && isDigit(code));
    if (!ok) break;
    i++;
  }
  return i;
}

/** Index after the label name (`[a-zA-Z_][a-zA-Z0-9_]*`) starting at `from`; `from` when there is none. */
export function labelNameEnd(line: string, from: number): number {
  let i = from;
  while (i < line.length) {
    const code = line.charCodeAt(i);
    if (!(isLetterOrUnderscore(code) || (i > from && isDigit(code)))) break;
    i++;
  }
  return i;
}

/** The character (code point) at `index`, or '' at the end of the line. */
export function charAt(line: string, index: number): string {
  const code = line.codePointAt(index);
  return code === undefined ? '' : String.fromCodePoint(code);
}

/** The character at `index` for a message: `'x'`, or "the end of the line". */
export function describeCharAt(line: string, index: number): string {
  const char = charAt(line, index);
  if (char === '') return 'the end of the line';
  return char === "'" ? `"'"` : `'${char}'`;
}

/** A token for a message, shortened when long. */
export function quoteToken(token: string): string {
  return `'${token.length > 40 ? `${token.slice(0, 40)}…` : token}'`;
}
