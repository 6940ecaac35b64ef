/**
 * Comment lines of the text exposition format 0.0.4: `# HELP name docstring`,
 * `# TYPE name type`, and any other `#` line, which is a plain comment. As in Prometheus'
 * expfmt parser, `# HELP` or `# TYPE` without a metric name is a plain comment too.
 */
import type { MetricType } from './model';
import { METRIC_TYPES } from './model';
import { LineError, describeCharAt, isBlank, metricNameEnd, quoteToken, skipBlanks, tokenEnd } from './lineSyntax';

export type CommentLine =
  | { readonly kind: 'comment' }
  | { readonly kind: 'help'; readonly name: string; readonly help: string }
  | { readonly kind: 'type'; readonly name: string; readonly type: MetricType };

/**
 * Parses the comment whose `#` is at `hash`. Throws LineError for a malformed metric name
 * (`syntax`) or a missing or unknown type (`metadata`).
 */
export function parseCommentLine(line: string, hash: number): CommentLine {
  const keywordStart = skipBlanks(line, hash + 1);
  const keywordEnd = tokenEnd(line, keywordStart);
  const keyword = line.slice(keywordStart, keywordEnd);
  if (keyword !== 'HELP' && keyword !== 'TYPE') return { kind: 'comment' };
  const nameStart = skipBlanks(line, keywordEnd);
  if (nameStart >= line.length) return { kind: 'comment' };

  const nameEnd = metricNameEnd(line, nameStart);
  if (nameEnd === nameStart || (nameEnd < line.length && !isBlank(line.charCodeAt(nameEnd)))) {
    const at = nameEnd === nameStart ? nameStart : nameEnd;
    throw new LineError(`invalid metric name in '# ${keyword}': unexpected ${describeCharAt(line, at)}`, at);
  }
  const name = line.slice(nameStart, nameEnd);
  const restStart = skipBlanks(line, nameEnd);
  if (keyword === 'HELP') return { kind: 'help', name, help: unescapeHelp(line.slice(restStart)) };

  const typeToken = line.slice(restStart).trimEnd();
  if (typeToken === '') throw new LineError(`'# TYPE ${name}' names no type`, restStart, 'metadata');
  const type = METRIC_TYPES.find((known) => known === typeToken.toLowerCase());
  if (type === undefined) {
    throw new LineError(
      `unknown metric type ${quoteToken(typeToken)} for '${name}' (expected counter, gauge, histogram, summary or untyped)`,
      restStart,
      'metadata',
    );
  }
  return { kind: 'type', name, type };
}

/**
 * A HELP docstring unescaped: `\\` → `\`, `\n` → line feed, the only escapes the format
 * defines. Any other backslash is kept as written (older expfmt versions do the same).
 */
export function unescapeHelp(text: string): string {
  let out = '';
  let chunkStart = 0;
  for (let i = 0; i < text.length - 1; i++) {
    if (text.charCodeAt(i) !== 0x5c) continue;
    const next = text.charCodeAt(i + 1);
    if (next !== 0x5c && next !== 0x6e) continue;
    out += text.slice(chunkStart, i) + (next === 0x5c ? '\\' : '\n');
    i++;
    chunkStart = i + 1;
  }
  return out + text.slice(chunkStart);
}

/** Escapes a HELP docstring: `\` → `\\`, line feed → `\n`. */
export function escapeHelp(text: string): string {
  let out = '';
  for (const char of text) out += char === '\\' ? '\\\\' : char === '\n' ? '\\n' : char;
  return out;
}
