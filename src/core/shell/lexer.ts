import { angleAt, isHtmlTag } from './angleBrackets';
import { METACHARACTERS, WORD_SPECIAL, isArrayAssignmentPrefix, isDigit, isMetacharacter, runEnd } from './characters';
import { QuotingLexer } from './quotingLexer';
import type { ClosingTag, LexResult, PlaceholderRef, RawLexResult, RedirectToken, Token, WordToken } from './tokens';

/**
 * A small POSIX-shell lexer: one linear pass, no regular expressions. It follows bash's
 * quoting rules (single quotes are literal; double quotes expand `$` and backquotes;
 * backslash-newline joins lines), reads heredoc bodies after the line that opens them and
 * lexes `$(...)`, backquotes, `<(...)` and `NAME=( ... )` recursively.
 */
export function lex(src: string): LexResult {
  // Splitting, classifying, finding variables and linting each lex the same command in turn.
  const memo = lexed(src);
  return (memo.result ??= {
    tokens: memo.raw.tokens,
    params: memo.raw.params,
    placeholders: placeholdersIn(memo.raw, 0, src.length),
    problems: memo.raw.problems,
  });
}

/** lex() before placeholders are told from HTML tags (see RawLexResult). */
export function lexRaw(src: string): RawLexResult {
  return lexed(src).raw;
}

/**
 * The placeholders whose `<` is in [from, to), without those that are HTML: the tags that are
 * always HTML and those a `</name>` in [from, to) closes. For the whole text, what lex() keeps.
 */
export function placeholdersIn(raw: RawLexResult, from: number, to: number): PlaceholderRef[] {
  const out: PlaceholderRef[] = [];
  if (raw.placeholders.length === 0) return out;
  let closed: Set<string> | undefined;
  for (const c of raw.closings) if (c.start >= from && c.start < to) (closed ??= new Set()).add(c.name);
  for (const p of raw.placeholders) if (p.start >= from && p.start < to && !isHtmlTag(p.name, closed ?? NO_TAGS)) out.push(p);
  return out;
}

interface Memo {
  readonly src: string;
  readonly raw: RawLexResult;
  result?: LexResult;
}

/** The last text lexed: callers treat the results as read-only, so sharing them is safe. */
let lastLexed: Memo | undefined;

function lexed(src: string): Memo {
  if (src === lastLexed?.src) return lastLexed;
  const lexer = new Lexer(src);
  const tokens = lexer.tokens(undefined);
  lexer.finish();
  const memo: Memo = { src, raw: { tokens, params: lexer.params, placeholders: lexer.placeholders, problems: lexer.problems, closings: lexer.closings ?? NO_CLOSINGS } };
  lastLexed = memo;
  return memo;
}

const NO_TAGS: ReadonlySet<string> = new Set();
const NO_CLOSINGS: readonly ClosingTag[] = Object.freeze([]);

/** The nested lists of a word without substitutions: shared, never written to. */
const NO_NESTED: readonly (readonly Token[])[] = Object.freeze([]);

/** Longest first. `&>` and `&>>` come before the control operators that start with `&`. */
const REDIRECT_OPERATORS = ['<<<', '<<-', '<<', '<>', '<&', '<', '>>', '>&', '>|', '>', '&>>', '&>'];
const CONTROL_OPERATORS = [';;&', ';;', ';&', ';', '&&', '&', '||', '|&', '|', '(', ')'];

interface PendingHeredoc {
  readonly token: RedirectToken;
  readonly delimiter: string;
  readonly quoted: boolean;
  readonly stripTabs: boolean;
}

/** The token level: words, operators, redirections, comments and heredoc bodies. */
class Lexer extends QuotingLexer {
  private pending: PendingHeredoc[] = [];

  override tokens(closer: ')' | undefined): Token[] {
    const out: Token[] = [];
    let depth = 0;
    while (this.pos < this.limit) {
      const start = this.pos;
      const c = this.at(start);
      if (c === ' ' || c === '\t' || (c === '\r' && this.at(start + 1) === '\n')) {
        this.pos++;
      } else if (this.skipLineContinuation()) {
        continue;
      } else if (c === '\n') {
        out.push({ kind: 'op', op: '\n', start, end: start + 1 });
        this.pos++;
        this.readHeredocs();
      } else if (c === '#') {
        const end = this.lineEnd(start);
        out.push({ kind: 'comment', text: this.src.slice(start, end), start, end });
        this.pos = end;
      } else if (c === ')' && closer === ')' && depth === 0) {
        return out;
      } else {
        const redirect = isDigit(c) || c === '<' || c === '>' || c === '&' ? this.redirect() : undefined;
        if (redirect) {
          out.push(redirect);
          if (redirect.op === '<<' || redirect.op === '<<-') this.heredocDelimiter(redirect, out);
          continue;
        }
        const op = c === ';' || c === '&' || c === '|' || c === '(' || c === ')' ? this.controlOperator() : undefined;
        if (op !== undefined) {
          if (op === '(') depth++;
          else if (op === ')') depth--;
          out.push({ kind: 'op', op, start, end: this.pos });
          continue;
        }
        out.push(this.word());
      }
    }
    return out;
  }

  /** Reports heredocs whose `<<` line was the last one. */
  finish(): void {
    for (const p of this.pending) {
      p.token.heredoc = { delimiter: p.delimiter, quoted: p.quoted, bodyStart: this.limit, bodyEnd: this.limit, end: this.limit, terminated: false };
      this.problem(`here-document is never terminated: add a line \`${p.delimiter}\``, p.token.start, p.token.end);
    }
    this.pending = [];
  }

  private redirect(): RedirectToken | undefined {
    const start = this.pos;
    let i = start;
    while (isDigit(this.at(i))) i++;
    const c = this.at(i);
    if (c !== '<' && c !== '>' && c !== '&') return undefined;
    const fd = i > start ? this.src.slice(start, i) : undefined;
    const next = this.at(i + 1);
    if ((c === '<' || c === '>') && next === '(' && fd === undefined) return undefined;
    if (c === '<' && next !== '<' && fd === undefined && angleAt(this.src, i, this.limit)?.kind === 'placeholder') return undefined;
    for (const op of REDIRECT_OPERATORS) {
      if (op.startsWith('&') && fd !== undefined) continue;
      if (!this.startsWith(op, i)) continue;
      this.pos = i + op.length;
      return fd !== undefined ? { kind: 'redirect', op, fd, start, end: this.pos } : { kind: 'redirect', op, start, end: this.pos };
    }
    return undefined;
  }

  private controlOperator(): string | undefined {
    for (const op of CONTROL_OPERATORS) {
      if (this.startsWith(op, this.pos)) {
        this.pos += op.length;
        return op;
      }
    }
    return undefined;
  }

  private heredocDelimiter(redirect: RedirectToken, out: Token[]): void {
    while (this.at(this.pos) === ' ' || this.at(this.pos) === '\t') this.pos++;
    const c = this.at(this.pos);
    if (c === '' || METACHARACTERS.includes(c)) {
      this.problem('here-document needs a delimiter word after `' + redirect.op + '`', redirect.start, redirect.end);
      return;
    }
    const word = this.word();
    out.push(word);
    this.pending.push({ token: redirect, delimiter: word.value, quoted: !word.plain, stripTabs: redirect.op === '<<-' });
  }

  /** Reads the bodies of the heredocs opened on the line that just ended. */
  private readHeredocs(): void {
    const pending = this.pending;
    if (pending.length === 0) return;
    this.pending = [];
    pending.forEach((p, index) => {
      if (index > 0 && this.at(this.pos) === '\n') this.pos++;
      const bodyStart = this.pos;
      let bodyEnd = this.limit;
      let end = this.limit;
      let terminated = false;
      while (this.pos < this.limit) {
        const lineEnd = this.lineEnd(this.pos);
        let line = this.src.slice(this.pos, lineEnd);
        if (p.stripTabs) {
          let t = 0;
          while (line.charAt(t) === '\t') t++;
          line = line.slice(t);
        }
        if (line === p.delimiter) {
          bodyEnd = this.pos;
          end = lineEnd;
          terminated = true;
          break;
        }
        const nl = this.src.indexOf('\n', lineEnd);
        this.pos = nl < 0 || nl >= this.limit ? this.limit : nl + 1;
      }
      this.pos = end;
      p.token.heredoc = { delimiter: p.delimiter, quoted: p.quoted, bodyStart, bodyEnd, end, terminated };
      if (!terminated) this.problem(`here-document is never terminated: add a line \`${p.delimiter}\``, p.token.start, p.token.end);
      if (!p.quoted) this.heredocExpansions(bodyStart, bodyEnd);
      this.scanAngles(bodyStart, bodyEnd);
    });
  }

  private heredocExpansions(from: number, to: number): void {
    const savedLimit = this.limit;
    const savedPos = this.pos;
    const savedSink = this.nestedSink;
    this.limit = to;
    this.pos = from;
    this.nestedSink = undefined;
    while (this.pos < this.limit) {
      const c = this.at(this.pos);
      if (c === '\\') this.pos = Math.min(this.pos + 2, this.limit);
      else if (c === '$') this.dollar(true);
      else if (c === '`') this.backticks();
      else this.pos++;
    }
    this.limit = savedLimit;
    this.pos = savedPos;
    this.nestedSink = savedSink;
  }

  private word(): WordToken {
    const start = this.pos;
    const savedSink = this.nestedSink;
    this.nestedSink = undefined;
    const expansionsBefore = this.expansions;
    let value = '';
    let plain = true;
    while (this.pos < this.limit) {
      const i = this.pos;
      const c = this.at(i);
      if (c === '\\') {
        if (this.skipLineContinuation()) continue;
        value += this.at(i + 1);
        this.pos = Math.min(i + 2, this.limit);
        plain = false;
      } else if (c === "'") {
        value += this.singleQuoted();
        plain = false;
      } else if (c === '"') {
        value += this.doubleQuoted();
        plain = false;
      } else if (c === '`') {
        value += this.backticks();
        plain = false;
      } else if (c === '$') {
        value += this.dollar(false);
        if (this.pos - i > 1) plain = false;
      } else if (c === '\r' && this.at(i + 1) === '\n') {
        break;
      } else if (isMetacharacter(c)) {
        const special = this.wordMetacharacter(start);
        if (special === undefined) break;
        value += special;
        if (!special.startsWith('<') || special.startsWith('<(')) plain = false;
      } else {
        const j = runEnd(this.src, i + 1, this.limit, WORD_SPECIAL);
        value += this.src.slice(i, j);
        this.pos = j;
      }
    }
    const nested = this.nestedSink ?? NO_NESTED;
    this.nestedSink = savedSink;
    return { kind: 'word', value, plain, dynamic: this.expansions > expansionsBefore, nested, start, end: this.pos };
  }

  /** A metacharacter that still belongs to the word: `<(`, `>(`, `<placeholder>`, `NAME=(`. */
  private wordMetacharacter(wordStart: number): string | undefined {
    const i = this.pos;
    const c = this.at(i);
    if ((c === '<' || c === '>') && this.at(i + 1) === '(') return this.nest(() => this.substitution(i, 2, 'process substitution'));
    if (c === '<') {
      const m = angleAt(this.src, i, this.limit);
      if (m?.kind !== 'placeholder') return undefined;
      this.recordAngle(i, m);
      this.pos = m.end;
      return this.src.slice(i, m.end);
    }
    if (c === '(' && isArrayAssignmentPrefix(this.src.slice(wordStart, i))) return this.nest(() => this.arrayBody(i));
    return undefined;
  }

  /** `NAME=( ... )`: the elements' own substitutions are nested commands; the elements are not. */
  private arrayBody(open: number): string {
    this.pos = open + 1;
    const inner = this.tokens(')');
    this.expectClose(open, 'array');
    for (const t of inner) if (t.kind === 'word') for (const n of t.nested) this.sinkNested(n);
    return this.src.slice(open, this.pos);
  }
}
