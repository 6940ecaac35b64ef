/** Character classes and small string helpers of the shell lexer. */

/** Characters that end an unquoted word. */
export const METACHARACTERS = ' \t\n;&|()<>';
/** One character of METACHARACTERS. */
export function isMetacharacter(c: string): boolean {
  switch (c) {
    case ' ':
    case '\t':
    case '\n':
    case ';':
    case '&':
    case '|':
    case '(':
    case ')':
    case '<':
    case '>':
      return true;
    default:
      return false;
  }
}
export const SPECIAL_PARAMETERS = '0123456789?@#$!*-';
export const LESS_THAN = 0x3c;
export const SINGLE_QUOTE = 0x27;

/** A lookup table over ASCII for the characters of `chars`. */
function charTable(chars: string): Uint8Array {
  const table = new Uint8Array(128);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}
/** Characters that end a run of ordinary word characters. */
export const WORD_SPECIAL = charTable(' \t\n\r;&|()<>\\\'"`$');
/** Characters that end a run of ordinary characters inside double quotes. */
export const DOUBLE_SPECIAL = charTable('"\\$`<');

/** Index of the first character at or after `from` (before `limit`) that the table marks. */
export function runEnd(src: string, from: number, limit: number, special: Uint8Array): number {
  let j = from;
  while (j < limit) {
    const code = src.charCodeAt(j);
    if (code < 128 && special[code] === 1) break;
    j++;
  }
  return j;
}

export function isNameStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
}
export function isNameChar(c: string): boolean {
  return isNameStart(c) || (c >= '0' && c <= '9');
}
export function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}
/** `NAME=` or `NAME+=`: what precedes `(` in an array assignment. */
export function isArrayAssignmentPrefix(prefix: string): boolean {
  if (!prefix.endsWith('=')) return false;
  const name = prefix.endsWith('+=') ? prefix.slice(0, -2) : prefix.slice(0, -1);
  if (name.length === 0 || !isNameStart(name.charAt(0))) return false;
  for (let i = 1; i < name.length; i++) if (!isNameChar(name.charAt(i))) return false;
  return true;
}
export function unquote(text: string): string {
  const q = text.charAt(0);
  return text.length >= 2 && (q === '"' || q === "'") && text.endsWith(q) ? text.slice(1, -1) : text;
}
