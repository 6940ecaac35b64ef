/**
 * The quoting context at offsets of a shell command: what a value put there must look like to
 * reach the command as one literal string. Covers what runbook commands use: single, double and
 * `$'…'` quotes, backslashes, comments, `$(…)`, `$((…))`, backquotes, `${…}` and heredocs
 * (quoted delimiter or not). Never throws; unterminated constructs run to the end of the text.
 */

export type QuoteKind =
  /** Unquoted shell code (also inside `$(…)`). */
  | 'none'
  | 'double'
  | 'single'
  /** `$'…'` */
  | 'ansi'
  /** The body of a heredoc whose delimiter is unquoted: `$`, backquote and `\` are special. */
  | 'heredoc'
  /** The body of a heredoc with a quoted delimiter (`<<'EOF'`): fully literal, nothing expands. */
  | 'quotedHeredoc'
  | 'comment'
  /** Inside `${…}`, e.g. the default of `${VAR:-<value>}`. */
  | 'brace';

export interface QuoteContext {
  readonly kind: QuoteKind;
  /** Inside backquotes, where backslashes are processed once more. */
  readonly backquoted: boolean;
}

type Frame =
  | { readonly kind: 'code'; readonly closer: ')' | '`' | undefined; depth: number }
  | { readonly kind: 'double' }
  | { readonly kind: 'brace'; depth: number };

interface Heredoc {
  readonly delimiter: string;
  readonly quoted: boolean;
  readonly stripTabs: boolean;
}

const KINDS: readonly QuoteKind[] = ['none', 'double', 'single', 'ansi', 'heredoc', 'quotedHeredoc', 'comment', 'brace'];
const BACKQUOTED = 0x10;
const WORD_END = new Set([' ', '\t', '\n', '\r', ';', '&', '|', '(', ')', '<', '>']);

class Scanner {
  private readonly codes: Uint8Array;
  private readonly stack: Frame[] = [{ kind: 'code', closer: undefined, depth: 0 }];
  private readonly heredocs: Heredoc[] = [];
  private i = 0;

  constructor(private readonly text: string) {
    this.codes = new Uint8Array(text.length);
  }

  run(): Uint8Array {
    while (this.i < this.text.length) {
      const frame = this.stack[this.stack.length - 1] ?? { kind: 'code', closer: undefined, depth: 0 };
      if (frame.kind === 'code') this.code(frame);
      else if (frame.kind === 'double') this.double();
      else this.brace(frame);
    }
    return this.codes;
  }

  private mark(from: number, to: number, kind: QuoteKind): void {
    const backquoted = this.stack.some((f) => f.kind === 'code' && f.closer === '`');
    const code = KINDS.indexOf(kind) | (backquoted ? BACKQUOTED : 0);
    this.codes.fill(code, Math.max(0, from), Math.min(this.text.length, to));
  }

  private at(i: number): string {
    return this.text.charAt(i);
  }

  private wordStart(i: number): boolean {
    return i === 0 || WORD_END.has(this.at(i - 1));
  }

  /** Expansions that open a frame wherever they appear: `$(`, `${`, backquote. */
  private opensFrame(kind: QuoteKind): boolean {
    const c = this.at(this.i);
    const next = this.at(this.i + 1);
    if (c === '$' && next === '(') {
      this.mark(this.i, this.i + 2, kind);
      this.i += 2;
      this.stack.push({ kind: 'code', closer: ')', depth: 0 });
      return true;
    }
    if (c === '$' && next === '{') {
      this.mark(this.i, this.i + 2, kind);
      this.i += 2;
      this.stack.push({ kind: 'brace', depth: 0 });
      return true;
    }
    if (c === '`') {
      this.mark(this.i, this.i + 1, kind);
      this.i++;
      this.stack.push({ kind: 'code', closer: '`', depth: 0 });
      return true;
    }
    return false;
  }

  private singleQuoted(kind: QuoteKind): void {
    const close = this.text.indexOf("'", this.i + 1);
    const end = close < 0 ? this.text.length : close + 1;
    this.mark(this.i, end, kind);
    this.i = end;
  }

  private code(frame: Extract<Frame, { kind: 'code' }>): void {
    const c = this.at(this.i);
    const next = this.at(this.i + 1);
    if (c === '\n') {
      this.mark(this.i, this.i + 1, 'none');
      this.i++;
      if (this.heredocs.length > 0) this.heredocBodies();
    } else if (c === '\\') {
      this.mark(this.i, this.i + 2, 'none');
      this.i += 2;
    } else if (c === '#' && this.wordStart(this.i)) {
      const nl = this.text.indexOf('\n', this.i);
      const end = nl < 0 ? this.text.length : nl;
      this.mark(this.i, end, 'comment');
      this.i = end;
    } else if (c === "'") {
      this.singleQuoted('single');
    } else if (c === '$' && next === "'") {
      let j = this.i + 2;
      while (j < this.text.length && this.at(j) !== "'") j += this.at(j) === '\\' ? 2 : 1;
      const end = Math.min(this.text.length, j + 1);
      this.mark(this.i, end, 'ansi');
      this.i = end;
    } else if (c === '"') {
      this.mark(this.i, this.i + 1, 'none');
      this.i++;
      this.stack.push({ kind: 'double' });
    } else if (c === '`' && frame.closer === '`') {
      this.mark(this.i, this.i + 1, 'none');
      this.i++;
      this.stack.pop();
    } else if (this.opensFrame('none')) {
      // pushed
    } else if (c === '<' && next === '<' && this.at(this.i + 2) !== '<') {
      this.heredocOperator();
    } else {
      if (c === '(' && frame.closer === ')') frame.depth++;
      this.mark(this.i, this.i + 1, 'none');
      this.i++;
      if (c === ')' && frame.closer === ')') {
        if (frame.depth === 0) this.stack.pop();
        else frame.depth--;
      }
    }
  }

  private double(): void {
    const c = this.at(this.i);
    if (c === '\\') {
      this.mark(this.i, this.i + 2, 'double');
      this.i += 2;
    } else if (c === '"') {
      this.mark(this.i, this.i + 1, 'none');
      this.i++;
      this.stack.pop();
    } else if (!this.opensFrame('double')) {
      this.mark(this.i, this.i + 1, 'double');
      this.i++;
    }
  }

  private brace(frame: Extract<Frame, { kind: 'brace' }>): void {
    const c = this.at(this.i);
    if (c === '\\') {
      this.mark(this.i, this.i + 2, 'brace');
      this.i += 2;
    } else if (c === "'") {
      this.singleQuoted('brace');
    } else if (c === '"') {
      this.mark(this.i, this.i + 1, 'brace');
      this.i++;
      this.stack.push({ kind: 'double' });
    } else if (!this.opensFrame('brace')) {
      this.mark(this.i, this.i + 1, 'brace');
      this.i++;
      if (c === '{') frame.depth++;
      else if (c === '}') {
        if (frame.depth === 0) this.stack.pop();
        else frame.depth--;
      }
    }
  }

  /** `<<WORD`, `<<-WORD`, `<< 'WORD'`, `<<"WORD"`, `<<\WORD`: queues the heredoc for the next line. */
  private heredocOperator(): void {
    const start = this.i;
    let j = this.i + 2;
    const stripTabs = this.at(j) === '-';
    if (stripTabs) j++;
    while (this.at(j) === ' ' || this.at(j) === '\t') j++;
    let delimiter = '';
    let quoted = false;
    while (j < this.text.length && !WORD_END.has(this.at(j))) {
      const c = this.at(j);
      if (c === "'" || c === '"') {
        const close = this.text.indexOf(c, j + 1);
        const end = close < 0 ? this.text.length : close;
        delimiter += this.text.slice(j + 1, end);
        quoted = true;
        j = end + 1;
      } else if (c === '\\') {
        delimiter += this.at(j + 1);
        quoted = true;
        j += 2;
      } else {
        delimiter += c;
        j++;
      }
    }
    j = Math.min(j, this.text.length);
    if (delimiter !== '') this.heredocs.push({ delimiter, quoted, stripTabs });
    this.mark(start, j, 'none');
    this.i = j;
  }

  /** At the start of the line after heredoc operators: their bodies, one after the other. */
  private heredocBodies(): void {
    for (const doc of this.heredocs.splice(0)) {
      while (this.i < this.text.length) {
        const nl = this.text.indexOf('\n', this.i);
        const lineEnd = nl < 0 ? this.text.length : nl;
        let line = this.text.slice(this.i, lineEnd).replace(/\r$/, '');
        if (doc.stripTabs) line = line.replace(/^\t+/, '');
        const next = Math.min(this.text.length, lineEnd + 1);
        if (line === doc.delimiter) {
          this.mark(this.i, next, 'none');
          this.i = next;
          break;
        }
        this.mark(this.i, next, doc.quoted ? 'quotedHeredoc' : 'heredoc');
        this.i = next;
      }
    }
  }
}

/** The quoting context at each offset of `text` (an offset at or past the end: unquoted). */
export function quoteContexts(text: string, offsets: readonly number[]): QuoteContext[] {
  const codes = new Scanner(text).run();
  return offsets.map((offset) => {
    const code = offset >= 0 && offset < codes.length ? (codes[offset] ?? 0) : 0;
    return { kind: KINDS[code & 0x0f] ?? 'none', backquoted: (code & BACKQUOTED) !== 0 };
  });
}
