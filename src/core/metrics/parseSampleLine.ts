/**
 * One sample line of the text exposition format 0.0.4:
 * `name [{label="value",...[,]}] value [timestamp]`, blanks (spaces, tabs) allowed between
 * the parts and inside the braces, as Prometheus' expfmt parser allows them.
 */
import { setLabel } from './labels';
import {
  LineError,
  charAt,
  describeCharAt,
  labelNameEnd,
  metricNameEnd,
  quoteToken,
  skipBlanks,
  tokenEnd,
} from './lineSyntax';
import type { Labels } from './model';
import { parseFloatToken, parseTimestampToken } from './numbers';

export interface SampleLine {
  readonly name: string;
  /** In the order written. */
  readonly labels: Labels;
  readonly value: number;
  readonly timestampMs?: number;
}

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const EQUALS = 0x3d;
const QUOTE = 0x22;
const COMMA = 0x2c;
const BACKSLASH = 0x5c;

/**
 * Parses the sample starting at `start` (the first non-blank character of `line`). Throws
 * LineError with the position of the first problem.
 */
export function parseSampleLine(line: string, start: number, maxLabels: number): SampleLine {
  const nameEnd = metricNameEnd(line, start);
  if (nameEnd === start) throw new LineError(`expected a metric name, found ${describeCharAt(line, start)}`, start);
  const name = line.slice(start, nameEnd);
  let i = skipBlanks(line, nameEnd);
  let labels: Labels = {};
  let hasLabels = false;
  if (line.charCodeAt(i) === OPEN_BRACE) {
    const parsed = parseLabelSet(line, i, maxLabels);
    labels = parsed.labels;
    hasLabels = true;
    i = skipBlanks(line, parsed.end);
  } else if (i === nameEnd && i < line.length) {
    throw new LineError(`unexpected character ${describeCharAt(line, i)} in metric name '${name}'`, i);
  }
  if (i >= line.length) throw new LineError(`expected a value after '${name}'${hasLabels ? ' and its labels' : ''}`, i);

  const valueEnd = tokenEnd(line, i);
  const valueToken = line.slice(i, valueEnd);
  const value = parseFloatToken(valueToken);
  if (value === undefined) {
    throw new LineError(`invalid value ${quoteToken(valueToken)} (expected a number, NaN, +Inf or -Inf)`, i);
  }

  const tsStart = skipBlanks(line, valueEnd);
  if (tsStart >= line.length) return { name, labels, value };
  const tsEnd = tokenEnd(line, tsStart);
  const tsToken = line.slice(tsStart, tsEnd);
  const timestamp = parseTimestampToken(tsToken);
  if (!timestamp.ok) {
    const why = timestamp.reason === 'range' ? 'is out of the int64 range' : 'is not an integer (milliseconds)';
    throw new LineError(`timestamp ${quoteToken(tsToken)} ${why}`, tsStart);
  }
  const rest = skipBlanks(line, tsEnd);
  if (rest < line.length) {
    throw new LineError(`unexpected text after the timestamp: ${quoteToken(line.slice(rest))}`, rest);
  }
  return { name, labels, value, timestampMs: timestamp.ms };
}

/** `{a="1", b="2",}` from the `{` at `open`: the labels and the index after the `}`. */
function parseLabelSet(line: string, open: number, maxLabels: number): { labels: Labels; end: number } {
  const labels: Record<string, string> = {};
  let count = 0;
  let i = open + 1;
  for (;;) {
    i = skipBlanks(line, i);
    if (i >= line.length) throw new LineError("label set is not closed (missing '}')", i);
    if (line.charCodeAt(i) === CLOSE_BRACE) return { labels, end: i + 1 };

    const nameEnd = labelNameEnd(line, i);
    if (nameEnd === i) throw new LineError(`expected a label name or '}', found ${describeCharAt(line, i)}`, i);
    const label = line.slice(i, nameEnd);
    if (label === '__name__') throw new LineError("label name '__name__' is reserved", i);
    if (Object.hasOwn(labels, label)) throw new LineError(`duplicate label '${label}'`, i);
    if (count >= maxLabels) throw new LineError(`more than ${maxLabels} labels`, i, 'limit');

    i = skipBlanks(line, nameEnd);
    if (line.charCodeAt(i) !== EQUALS) {
      throw new LineError(`expected '=' after label name '${label}', found ${describeCharAt(line, i)}`, i);
    }
    i = skipBlanks(line, i + 1);
    if (line.charCodeAt(i) !== QUOTE) {
      throw new LineError(`expected '"' to open the value of label '${label}', found ${describeCharAt(line, i)}`, i);
    }
    const value = readLabelValue(line, i, label);
    setLabel(labels, label, value.text);
    count++;

    i = skipBlanks(line, value.end);
    const next = line.charCodeAt(i);
    if (next === COMMA) {
      i++;
      continue;
    }
    if (next === CLOSE_BRACE) return { labels, end: i + 1 };
    throw new LineError(`expected ',' or '}' after the value of label '${label}', found ${describeCharAt(line, i)}`, i);
  }
}

/**
 * The quoted label value opening at `quote`, unescaped: `\\` → `\`, `\"` → `"`, `\n` → line
 * feed; any other escape is an error (as in expfmt). Returns the index after the closing quote.
 */
function readLabelValue(line: string, quote: number, label: string): { text: string; end: number } {
  let text = '';
  let chunkStart = quote + 1;
  let i = chunkStart;
  while (i < line.length) {
    const code = line.charCodeAt(i);
    if (code === QUOTE) return { text: text + line.slice(chunkStart, i), end: i + 1 };
    if (code !== BACKSLASH) {
      i++;
      continue;
    }
    text += line.slice(chunkStart, i);
    const escaped = line.charCodeAt(i + 1);
    if (escaped === BACKSLASH) text += '\\';
    else if (escaped === QUOTE) text += '"';
    else if (escaped === 0x6e) text += '\n';
    else if (i + 1 >= line.length) break;
    else {
      throw new LineError(`invalid escape sequence '\\${charAt(line, i + 1)}' in the value of label '${label}'`, i);
    }
    i += 2;
    chunkStart = i;
  }
  throw new LineError(`value of label '${label}' is not closed (missing '"')`, quote);
}
