/**
 * The tokenizer for alert conditions: one left-to-right pass, each token found with a sticky
 * regular expression at the current position (linear in the length of the text).
 */

export type TokenKind =
  /** An identifier or word: `error_rate`, `Memory`, `p95`, `job:errors:rate5m`, `oom-kills`. */
  | 'word'
  | 'number'
  /** A comparison operator or the stability sign: `>` `>=` `≥` `±` `+/-` ... */
  | 'operator'
  | 'percent'
  | 'slash'
  | 'open'
  | 'close'
  | 'colon'
  /** Any other single character (`~`, `✅`, a quote): never part of a rule. */
  | 'other';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** 0-based offset of the first character (UTF-16 code units). */
  readonly start: number;
  /** Offset one past the last character. */
  readonly end: number;
  /** The numeric value of a `number` token (thousands separators removed). */
  readonly value?: number;
}

const WHITESPACE = /\s+/y;
const NUMBER = /-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|-?\.\d+/y;
// Dashes and colons join word parts (`oom-kills`, `job:errors:rate5m`) but never end a word.
const WORD = /[\p{L}_][\p{L}\p{N}_]*(?:[-:][\p{L}\p{N}_]+)*/uy;
// Straight after a number only letters follow, so `1h30m` is 1 h 30 m and `1000ms` is 1000 ms.
const UNIT_SUFFIX = /\p{L}+/uy;
const OPERATOR = />=|<=|==|!=|\+\/-|\+-|[<>=≥≤≠±⩾⩽]/y;

const SINGLE: Readonly<Record<string, TokenKind>> = {
  '%': 'percent',
  '/': 'slash',
  '(': 'open',
  ')': 'close',
  ':': 'colon',
};

function matchAt(pattern: RegExp, text: string, at: number): string | undefined {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0];
}

/** Splits `text` into tokens; whitespace separates tokens and is dropped. Never throws. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const space = matchAt(WHITESPACE, text, at);
    if (space !== undefined) {
      at += space.length;
      continue;
    }
    const previous = tokens[tokens.length - 1];
    const afterNumber = previous?.kind === 'number' && previous.end === at;
    const token = afterNumber ? readUnitSuffix(text, at) : undefined;
    const next = token ?? readToken(text, at);
    tokens.push(next);
    at = next.end;
  }
  return tokens;
}

function readUnitSuffix(text: string, at: number): Token | undefined {
  const letters = matchAt(UNIT_SUFFIX, text, at);
  return letters === undefined ? undefined : { kind: 'word', text: letters, start: at, end: at + letters.length };
}

function readToken(text: string, at: number): Token {
  const number = matchAt(NUMBER, text, at);
  if (number !== undefined) {
    return { kind: 'number', text: number, start: at, end: at + number.length, value: Number(number.replace(/,/g, '')) };
  }
  const word = matchAt(WORD, text, at);
  if (word !== undefined) return { kind: 'word', text: word, start: at, end: at + word.length };
  const operator = matchAt(OPERATOR, text, at);
  if (operator !== undefined) return { kind: 'operator', text: operator, start: at, end: at + operator.length };
  // One code point, so an emoji outside the BMP stays one token.
  const char = String.fromCodePoint(text.codePointAt(at) ?? 0);
  return { kind: SINGLE[char] ?? 'other', text: char, start: at, end: at + char.length };
}

/** How a token reads in an error message: `'five'`, or "the end of the text". */
export function describeToken(token: Token | undefined): string {
  return token === undefined ? 'the end of the text' : `'${token.text}'`;
}
