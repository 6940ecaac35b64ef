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
// A number: /-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|-?\.\d+/y (read by numberEnd).
// Dashes and colons join word parts (`oom-kills`, `job:errors:rate5m`) but never end a word.
const WORD = /[\p{L}_][\p{L}\p{N}_]*(?:[-:][\p{L}\p{N}_]+)*/uy;
// Straight after a number only letters follow, so `1h30m` is 1 h 30 m and `1000ms` is 1000 ms.
const UNIT_SUFFIX = /\p{L}+/uy;
// An operator: />=|<=|==|!=|\+\/-|\+-|[<>=≥≤≠±⩾⩽]/y (read by operatorEnd).

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
  scanTokens(text, (token) => {
    tokens.push(token);
    return true;
  });
  return tokens;
}

/** The first token `keep` accepts, tokenizing no further than that token. */
export function firstToken(text: string, keep: (token: Token) => boolean): Token | undefined {
  let first: Token | undefined;
  scanTokens(text, (token) => {
    if (!keep(token)) return true;
    first = token;
    return false;
  });
  return first;
}

/** The tokens of `text` in order, to `visit` until it returns false. */
function scanTokens(text: string, visit: (token: Token) => boolean): void {
  let previous: Token | undefined;
  let at = 0;
  while (at < text.length) {
    const spaceEnd = whitespaceEnd(text, at);
    if (spaceEnd > at) {
      at = spaceEnd;
      continue;
    }
    const afterNumber = previous?.kind === 'number' && previous.end === at;
    const token = afterNumber ? readUnitSuffix(text, at) : undefined;
    const next = token ?? readToken(text, at);
    if (!visit(next)) return;
    previous = next;
    at = next.end;
  }
}

/*
 * Each token is found by hand over ASCII, exactly as its regular expression would find it;
 * where a character outside ASCII could change the answer (Unicode letters, digits and
 * spaces), the regular expression decides.
 */

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isAsciiLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isAsciiWordChar = (c: number): boolean => isAsciiLetter(c) || isDigit(c) || c === 0x5f;

/** End of the WHITESPACE match at `at`, or `at` when there is none. */
function whitespaceEnd(text: string, at: number): number {
  let i = at;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) i++;
    else if (c < 0x80) return i;
    else return i + (matchAt(WHITESPACE, text, i)?.length ?? 0);
  }
  return i;
}

/** End of the NUMBER match at `at`, or -1. */
function numberEnd(text: string, at: number): number {
  let i = at;
  if (text.charCodeAt(i) === 0x2d) i++;
  const digits = i;
  while (isDigit(text.charCodeAt(i))) i++;
  if (i > digits) {
    // `\d{1,3}(?:,\d{3})+` comes first: it matches when the digits are 1 to 3 and a group follows.
    if (i - digits <= 3) {
      while (text.charCodeAt(i) === 0x2c && isDigit(text.charCodeAt(i + 1)) && isDigit(text.charCodeAt(i + 2)) && isDigit(text.charCodeAt(i + 3))) i += 4;
    }
    return fractionEnd(text, i);
  }
  // `-?\.\d+`
  i = text.charCodeAt(at) === 0x2d ? at + 1 : at;
  return text.charCodeAt(i) === 0x2e && isDigit(text.charCodeAt(i + 1)) ? fractionEnd(text, i) : -1;
}

/** After `(?:\.\d+)?` at `i`. */
function fractionEnd(text: string, i: number): number {
  if (text.charCodeAt(i) !== 0x2e || !isDigit(text.charCodeAt(i + 1))) return i;
  let j = i + 2;
  while (isDigit(text.charCodeAt(j))) j++;
  return j;
}

/** End of the WORD match at `at`, or -1. */
function wordEnd(text: string, at: number): number {
  const first = text.charCodeAt(at);
  if (first >= 0x80) return regexEnd(WORD, text, at);
  if (!isAsciiLetter(first) && first !== 0x5f) return -1;
  let i = asciiWordRunEnd(text, at + 1);
  if (i < 0) return regexEnd(WORD, text, at);
  for (;;) {
    const separator = text.charCodeAt(i);
    if (separator !== 0x2d && separator !== 0x3a) return i;
    const next = text.charCodeAt(i + 1);
    if (next >= 0x80) return regexEnd(WORD, text, at);
    if (!isAsciiWordChar(next)) return i;
    const end = asciiWordRunEnd(text, i + 2);
    if (end < 0) return regexEnd(WORD, text, at);
    i = end;
  }
}

/** End of the run of ASCII word characters from `from`, or -1 when a character outside ASCII ends it. */
function asciiWordRunEnd(text: string, from: number): number {
  let i = from;
  for (;;) {
    const c = text.charCodeAt(i);
    if (isAsciiWordChar(c)) i++;
    else return c >= 0x80 ? -1 : i;
  }
}

function regexEnd(pattern: RegExp, text: string, at: number): number {
  const match = matchAt(pattern, text, at);
  return match === undefined ? -1 : at + match.length;
}

/** End of the OPERATOR match at `at`, or -1. */
function operatorEnd(text: string, at: number): number {
  const c = text.charCodeAt(at);
  const next = text.charCodeAt(at + 1);
  switch (c) {
    case 0x3e: // >
    case 0x3c: // <
      return next === 0x3d ? at + 2 : at + 1;
    case 0x3d: // =
      return next === 0x3d ? at + 2 : at + 1;
    case 0x21: // !
      return next === 0x3d ? at + 2 : -1;
    case 0x2b: // +
      if (next === 0x2f && text.charCodeAt(at + 2) === 0x2d) return at + 3;
      return next === 0x2d ? at + 2 : -1;
    case 0x2265: // ≥
    case 0x2264: // ≤
    case 0x2260: // ≠
    case 0xb1: // ±
    case 0x2a7e: // ⩾
    case 0x2a7d: // ⩽
      return at + 1;
    default:
      return -1;
  }
}

function readUnitSuffix(text: string, at: number): Token | undefined {
  let end = at;
  while (isAsciiLetter(text.charCodeAt(end))) end++;
  if (text.charCodeAt(end) >= 0x80) end = regexEnd(UNIT_SUFFIX, text, at);
  return end <= at ? undefined : { kind: 'word', text: text.slice(at, end), start: at, end };
}

function readToken(text: string, at: number): Token {
  const numberAt = numberEnd(text, at);
  if (numberAt >= 0) {
    const number = text.slice(at, numberAt);
    return { kind: 'number', text: number, start: at, end: numberAt, value: Number(number.includes(',') ? number.replace(/,/g, '') : number) };
  }
  const wordAt = wordEnd(text, at);
  if (wordAt >= 0) return { kind: 'word', text: text.slice(at, wordAt), start: at, end: wordAt };
  const operatorAt = operatorEnd(text, at);
  if (operatorAt >= 0) return { kind: 'operator', text: text.slice(at, operatorAt), start: at, end: operatorAt };
  // One code point, so an emoji outside the BMP stays one token.
  const char = String.fromCodePoint(text.codePointAt(at) ?? 0);
  return { kind: SINGLE[char] ?? 'other', text: char, start: at, end: at + char.length };
}

/** How a token reads in an error message: `'five'`, or "the end of the text". */
export function describeToken(token: Token | undefined): string {
  return token === undefined ? 'the end of the text' : `'${token.text}'`;
}
