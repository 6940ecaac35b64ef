import { angleAt } from './angleBrackets';
import { DOUBLE_SPECIAL, LESS_THAN, SINGLE_QUOTE, SPECIAL_PARAMETERS, isDigit, isNameChar, isNameStart, runEnd, unquote } from './characters';
import type { ClosingTag, LexProblem, ParamRef, PlaceholderRef, Token } from './tokens';

/** Nesting of `$(`, `${`, backquotes and arrays beyond which the rest is not lexed (keeps the stack small). */
const MAX_NESTING = 64;

/**
 * The lexer's state, quoting and expansions: single and double quotes, `$NAME`, `${...}`
 * with defaults, `$(...)`, `$((...))`, backquotes. Recording parameter references and
 * placeholders as it goes. The token level (words, operators, heredocs) is in `Lexer`.
 */
export abstract class QuotingLexer {
  pos = 0;
  protected limit: number;
  readonly params: ParamRef[] = [];
  readonly placeholders: PlaceholderRef[] = [];
  readonly problems: LexProblem[] = [];
  /** The `</name>` tags met, lower-cased, with their offsets (created on the first one). */
  closings: ClosingTag[] | undefined = undefined;
  /** Where `$(...)` and friends put their token lists: the word being lexed (created on first use). */
  protected nestedSink: (readonly Token[])[] | undefined = undefined;
  /** Counts expansions, to tell whether a word is dynamic. */
  protected expansions = 0;
  private nesting = 0;

  constructor(protected readonly src: string) {
    this.limit = src.length;
  }

  /** Tokens until the end of input or, with `closer`, an unmatched `)` (left unread). */
  abstract tokens(closer: ')' | undefined): Token[];

  protected at(i: number): string {
    return i < this.limit ? this.src.charAt(i) : '';
  }

  protected problem(message: string, start: number, end: number): void {
    this.problems.push({ message, start, end: Math.max(end, start + 1) });
  }

  protected lineEnd(from: number): number {
    const nl = this.src.indexOf('\n', from);
    const end = nl < 0 || nl > this.limit ? this.limit : nl;
    return end > from && this.src.charAt(end - 1) === '\r' ? end - 1 : end;
  }

  protected skipLineContinuation(): boolean {
    const i = this.pos;
    if (this.at(i) !== '\\') return false;
    if (this.at(i + 1) === '\n') this.pos += 2;
    else if (this.at(i + 1) === '\r' && this.at(i + 2) === '\n') this.pos += 3;
    else return false;
    return true;
  }

  protected startsWith(text: string, at: number): boolean {
    return at + text.length <= this.limit && this.src.startsWith(text, at);
  }

  /** Placeholders and closing HTML tags in quoted or heredoc text. */
  protected scanAngles(from: number, to: number): void {
    for (let i = from; i < to; i++) {
      if (this.src.charCodeAt(i) !== LESS_THAN) continue;
      const m = angleAt(this.src, i, to);
      this.recordAngle(i, m);
      if (m) i = m.end - 1;
    }
  }

  protected recordAngle(start: number, m: ReturnType<typeof angleAt>): void {
    if (m?.kind === 'placeholder') this.placeholders.push({ name: m.name, start, end: m.end });
    else if (m?.kind === 'closing') (this.closings ??= []).push({ name: m.name.toLowerCase(), start });
  }

  protected expectClose(open: number, what: string): void {
    if (this.at(this.pos) === ')') this.pos++;
    else this.problem(`unterminated ${what}: missing \`)\``, open, this.pos);
  }

  protected sinkNested(inner: readonly Token[]): void {
    (this.nestedSink ??= []).push(inner);
  }

  /** `$(`, `<(` or `>(` at `open`, `skip` characters long: lexes up to the matching `)`. */
  protected substitution(open: number, skip: number, what: string): string {
    this.pos = open + skip;
    const inner = this.tokens(')');
    this.expectClose(open, what);
    this.sinkNested(inner);
    this.expansions++;
    return this.src.slice(open, this.pos);
  }

  protected singleQuoted(): string {
    const open = this.pos;
    let close = open + 1;
    while (close < this.limit && this.src.charCodeAt(close) !== SINGLE_QUOTE) close++;
    const closed = close < this.limit;
    const end = closed ? close : this.limit;
    if (!closed) this.problem('unterminated single quote', open, this.limit);
    this.scanAngles(open + 1, end);
    this.pos = closed ? close + 1 : this.limit;
    return this.src.slice(open + 1, end);
  }

  protected doubleQuoted(): string {
    const open = this.pos;
    this.pos++;
    let value = '';
    while (this.pos < this.limit) {
      const i = this.pos;
      const c = this.at(i);
      if (c === '"') {
        this.pos++;
        return value;
      }
      if (c === '\\') {
        if (this.skipLineContinuation()) continue;
        const n = this.at(i + 1);
        const escapes = n !== '' && '$`"\\'.includes(n);
        value += escapes ? n : '\\';
        this.pos += escapes ? 2 : 1;
      } else if (c === '$') {
        value += this.dollar(true);
      } else if (c === '`') {
        value += this.backticks();
      } else if (c === '<') {
        const m = angleAt(this.src, i, this.limit);
        this.recordAngle(i, m);
        this.pos = m?.kind === 'placeholder' ? m.end : i + 1;
        value += this.src.slice(i, this.pos);
      } else {
        const j = runEnd(this.src, i + 1, this.limit, DOUBLE_SPECIAL);
        value += this.src.slice(i, j);
        this.pos = j;
      }
    }
    this.problem('unterminated double quote', open, this.limit);
    return value;
  }

  protected backticks(): string {
    return this.nest(() => this.backticksUnguarded());
  }

  private backticksUnguarded(): string {
    const open = this.pos;
    let i = open + 1;
    while (i < this.limit && this.src.charAt(i) !== '`') i += this.src.charAt(i) === '\\' ? 2 : 1;
    const closed = i < this.limit;
    if (!closed) this.problem('unterminated backquote', open, this.limit);
    const savedLimit = this.limit;
    this.limit = Math.min(i, savedLimit);
    this.pos = open + 1;
    const inner = this.tokens(undefined);
    this.limit = savedLimit;
    this.pos = closed ? i + 1 : savedLimit;
    this.sinkNested(inner);
    this.expansions++;
    return this.src.slice(open, this.pos);
  }

  /** Runs a nested lexing step, or gives up on the rest of the input when nesting is absurd. */
  protected nest(what: () => string): string {
    if (this.nesting >= MAX_NESTING) {
      this.problem('nested too deeply', this.pos, this.limit);
      const rest = this.src.slice(this.pos, this.limit);
      this.pos = this.limit;
      return rest;
    }
    this.nesting++;
    try {
      return what();
    } finally {
      this.nesting--;
    }
  }

  /** `$...` at `pos`: returns the text it stands for in the word's value. */
  protected dollar(inDouble: boolean): string {
    return this.nest(() => this.dollarUnguarded(inDouble));
  }

  private dollarUnguarded(inDouble: boolean): string {
    const s = this.pos;
    const n = this.at(s + 1);
    if (n === '(') {
      if (this.at(s + 2) !== '(') return this.substitution(s, 2, 'command substitution');
      this.pos = s + 3;
      this.arithmetic(s);
    } else if (n === '{') {
      this.braced(s, inDouble);
    } else if (n === "'" && !inDouble) {
      return this.ansiC(s);
    } else if (n === '"' && !inDouble) {
      this.pos = s + 1;
      return this.doubleQuoted();
    } else if (isNameStart(n)) {
      let j = s + 2;
      while (j < this.limit && isNameChar(this.src.charAt(j))) j++;
      const name = this.src.slice(s + 1, j);
      if (name !== '_') this.params.push({ name, start: s, end: j });
      this.pos = j;
    } else if (n !== '' && SPECIAL_PARAMETERS.includes(n)) {
      this.pos = s + 2;
    } else {
      this.pos = s + 1;
      return '$';
    }
    this.expansions++;
    return this.src.slice(s, this.pos);
  }

  private ansiC(s: number): string {
    this.pos = s + 2;
    while (this.pos < this.limit && this.at(this.pos) !== "'") this.pos += this.at(this.pos) === '\\' ? 2 : 1;
    const end = Math.min(this.pos, this.limit);
    if (this.pos >= this.limit) this.problem('unterminated $\' quote', s, this.limit);
    else this.pos++;
    return this.src.slice(s + 2, end);
  }

  private arithmetic(s: number): void {
    let depth = 0;
    while (this.pos < this.limit) {
      const c = this.at(this.pos);
      if (c === '(') {
        depth++;
        this.pos++;
      } else if (c === ')') {
        this.pos++;
        if (depth === 0) {
          if (this.at(this.pos) === ')') this.pos++;
          return;
        }
        depth--;
      } else if (c === '$') {
        this.dollar(false);
      } else {
        this.pos++;
      }
    }
    this.problem('unterminated $(( arithmetic: missing `))`', s, this.limit);
  }

  /** `${...}`: records the parameter (with its default) and lexes nested expansions. */
  private braced(s: number, inDouble: boolean): void {
    let i = s + 2;
    const prefix = this.at(i);
    if ((prefix === '#' || prefix === '!') && isNameStart(this.at(i + 1))) i++;
    const nameStart = i;
    const first = this.at(i);
    if (isNameStart(first)) while (isNameChar(this.at(i))) i++;
    else if (isDigit(first)) while (isDigit(this.at(i))) i++;
    else if (first !== '' && SPECIAL_PARAMETERS.includes(first)) i++;
    const name = this.src.slice(nameStart, i);
    let defaultFrom: number | undefined;
    if (this.startsWith(':-', i) || this.startsWith(':=', i)) defaultFrom = i + 2;
    else if (this.at(i) === '-' || this.at(i) === '=') defaultFrom = i + 1;
    this.pos = i;
    while (this.pos < this.limit && this.at(this.pos) !== '}') {
      const c = this.at(this.pos);
      if (c === '\\') this.pos = Math.min(this.pos + 2, this.limit);
      else if (c === '$') this.dollar(inDouble);
      else if (c === '`') this.backticks();
      else if (c === '"') this.doubleQuoted();
      else if (c === "'" && !inDouble) this.singleQuoted();
      else this.pos++;
    }
    const close = Math.min(this.pos, this.limit);
    if (this.at(this.pos) === '}') this.pos++;
    else this.problem('unterminated ${: missing `}`', s, this.limit);
    if (!isNameStart(name.charAt(0)) || name === '_') return;
    const defaultValue = defaultFrom !== undefined ? unquote(this.src.slice(defaultFrom, close)) : undefined;
    this.params.push({ name, start: s, end: this.pos, ...(defaultValue !== undefined ? { defaultValue } : {}) });
  }
}
