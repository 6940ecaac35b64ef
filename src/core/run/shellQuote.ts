import type { QuoteContext } from './quotingContext';

/** Words that need no quoting anywhere in a command (no glob, tilde, brace, history or comment meaning). */
const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** Zero-width and bidirectional formatting characters, line and paragraph separators. */
const INVISIBLE = /[\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]/;

/**
 * The value reads on screen exactly as it is: no C0 or C1 control character (newline, tab,
 * escape, Ctrl+C: typed into a terminal they act as keystrokes), no DEL, and no invisible
 * character (INVISIBLE) that would make the terminal show something other than what runs.
 */
export function isDisplaySafe(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return false;
  }
  return !INVISIBLE.test(value);
}

/** `'…'` with `'` as `'\''`: one literal word for a POSIX shell. */
export function singleQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * The text that makes `value` a literal string at a place of the given context, or undefined
 * when it cannot be written there faithfully (then pass it through the environment instead).
 * The value must be display-safe (isDisplaySafe). Targets POSIX shells (bash, zsh, sh) typing
 * the text interactively, so `!` (history expansion) is never left where it could expand.
 */
export function quoteFor(context: QuoteContext, value: string): string | undefined {
  if (context.backquoted && /[\\`$]/.test(value)) return undefined;
  switch (context.kind) {
    case 'none':
      return SAFE_WORD.test(value) ? value : singleQuote(value);
    case 'double':
      // Close the double quotes, single-quote the value, reopen: no `$`, backquote, `\` or `!` issue.
      return /[$`\\"!]/.test(value) ? `"${singleQuote(value)}"` : value;
    case 'single':
      return value.replace(/'/g, `'\\''`);
    case 'ansi':
      // An interactive shell may expand `!` (history) here: pass such a value by reference.
      return value.includes('!') ? undefined : value.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
    case 'heredoc':
      return value.includes('!') ? undefined : value.replace(/[\\$`]/g, '\\$&');
    case 'quotedHeredoc':
    case 'comment':
      return value;
    case 'brace':
      return SAFE_WORD.test(value) ? value : undefined;
  }
}

/**
 * A reference to environment variable `name` that expands to its value as one literal string
 * at a place of the given context; undefined where nothing expands (a quoted heredoc).
 */
export function envReferenceFor(context: QuoteContext, name: string): string | undefined {
  const ref = `\${${name}}`;
  switch (context.kind) {
    case 'none':
      return `"${ref}"`;
    case 'single':
      return `'"${ref}"'`;
    case 'ansi':
      return `'"${ref}"$'`;
    case 'quotedHeredoc':
      return undefined;
    case 'double':
    case 'heredoc':
    case 'comment':
    case 'brace':
      return ref;
  }
}
