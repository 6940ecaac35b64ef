/**
 * `<name>` at a position: a placeholder the operator must fill in (`<your-value>`, `<TAG>`),
 * or an HTML tag. A placeholder starts with a letter, then letters, digits, `_`, `-` or `.`,
 * with no spaces, directly closed by `>`. `< file`, `<(...)`, `<<EOF` and `2>&1` never match.
 */

const MAX_NAME_LENGTH = 64;

/**
 * Tag names that are HTML wherever they appear: void elements and names nobody gives a
 * placeholder. Others (`<table>`, `<body>`, `<name>`) are HTML only when `</name>` closes them.
 */
const HTML_TAGS: ReadonlySet<string> = new Set([
  'a', 'b', 'i', 'u', 'p', 'br', 'hr', 'em', 'li', 'ol', 'ul', 'tr', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'div', 'img', 'svg', 'xml', 'html', 'span', 'meta', 'link', 'input', 'thead', 'tbody', 'script', 'strong', 'iframe',
]);

export type AngleMatch =
  | { readonly kind: 'placeholder'; readonly name: string; readonly end: number }
  | { readonly kind: 'closing'; readonly name: string; readonly end: number };

function isLetter(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

function isNameChar(c: string): boolean {
  return isLetter(c) || (c >= '0' && c <= '9') || c === '_' || c === '-' || c === '.';
}

/** Reads `<name>` or `</name>` at `pos` (which holds `<`), not past `limit`. */
export function angleAt(src: string, pos: number, limit: number): AngleMatch | undefined {
  const closing = src.charAt(pos + 1) === '/';
  const nameStart = closing ? pos + 2 : pos + 1;
  if (!isLetter(src.charAt(nameStart))) return undefined;
  let i = nameStart + 1;
  const max = Math.min(limit, nameStart + MAX_NAME_LENGTH);
  while (i < max && isNameChar(src.charAt(i))) i++;
  if (i >= limit || src.charAt(i) !== '>') return undefined;
  const name = src.slice(nameStart, i);
  return { kind: closing ? 'closing' : 'placeholder', name, end: i + 1 };
}

/** A `<name>` that is HTML rather than a placeholder, given the tags closed in the same text. */
export function isHtmlTag(name: string, closedTags: ReadonlySet<string>): boolean {
  const lower = name.toLowerCase();
  return HTML_TAGS.has(lower) || closedTags.has(lower);
}
