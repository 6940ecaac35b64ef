import type { CommentToken, RedirectToken, Span, Token, WordToken } from './tokens';

/**
 * The command structure above the tokens: statements (what an operator runs as one unit,
 * split only at newlines that end a complete command), pipelines and simple commands.
 * Compound commands (`if/fi`, `for/do/done`, `case/esac`, `{ }`, `( )`) are tracked with a
 * stack so a statement spans all their lines; their bodies yield ordinary simple commands.
 */

export interface Redirection {
  readonly token: RedirectToken;
  /** The file, descriptor or heredoc delimiter word after the operator. */
  target?: WordToken;
}

export interface SimpleCommand {
  /** `NAME=value` words before the command word. */
  readonly assignments: WordToken[];
  /** The command word and its arguments. */
  readonly words: WordToken[];
  readonly redirects: Redirection[];
  /** The reserved word written just before it (`while`, `until`, `if`, `!`, `then`, ...). */
  readonly keyword?: string;
}

export interface Pipeline {
  readonly commands: readonly SimpleCommand[];
}

/** `for NAME in WORDS` (or `select`). */
export interface ForClause {
  readonly name: WordToken;
  readonly list: WordToken[];
}

export interface Statement extends Span {
  /** Comment-only lines met since the previous statement (the splitter keeps the adjacent ones). */
  readonly comments: readonly CommentToken[];
  /** Every pipeline of the statement, including those nested in `$(...)`. */
  readonly pipelines: readonly Pipeline[];
  readonly forClauses: readonly ForClause[];
}

const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', 'for', 'select', 'case', 'esac', '{', '}', '!', 'time', 'function']);

type Mode = 'command' | 'forName' | 'forIn' | 'forList' | 'caseWord' | 'caseIn' | 'casePattern' | 'functionName';

/** `NAME=...` or `NAME+=...` as written in `src` (a quoted `"NAME=x"` is not an assignment). */
export function isAssignmentWord(word: WordToken, src: string): boolean {
  let i = word.start;
  const first = src.charAt(i);
  if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z') || first === '_')) return false;
  for (i++; i < word.end; i++) {
    const c = src.charAt(i);
    if (c === '=' || (c === '+' && src.charAt(i + 1) === '=')) return true;
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '_')) return false;
  }
  return false;
}

/** Feeds tokens one at a time and collects pipelines; knows whether a newline ends the statement. */
class Collector {
  readonly pipelines: Pipeline[] = [];
  readonly forClauses: ForClause[] = [];
  private readonly stack: string[] = [];
  private mode: Mode = 'command';
  private command: { assignments: WordToken[]; words: WordToken[]; redirects: Redirection[]; keyword?: string } | undefined;
  private pipeline: SimpleCommand[] = [];
  private redirect: Redirection | undefined;
  private keyword: string | undefined;
  private continued = false;

  constructor(private readonly src: string) {}

  /** True when a newline here ends the statement. */
  get complete(): boolean {
    return this.stack.length === 0 && !this.continued && this.mode === 'command';
  }

  feed(token: Token): void {
    if (token.kind === 'comment') return;
    if (token.kind === 'op') {
      this.operator(token.op);
      return;
    }
    this.continued = false;
    if (token.kind === 'redirect') {
      this.redirect = { token };
      this.current().redirects.push(this.redirect);
      return;
    }
    for (const inner of token.nested) this.absorb(parseCommands(inner, this.src));
    this.word(token);
  }

  finish(): void {
    this.endCommand();
    this.endPipeline();
  }

  private absorb(other: Collector): void {
    this.pipelines.push(...other.pipelines);
    this.forClauses.push(...other.forClauses);
  }

  private current(): NonNullable<Collector['command']> {
    this.command ??= { assignments: [], words: [], redirects: [], ...(this.keyword !== undefined ? { keyword: this.keyword } : {}) };
    return this.command;
  }

  private endCommand(): void {
    const c = this.command;
    if (c && c.words.length + c.assignments.length + c.redirects.length > 0) this.pipeline.push(c);
    this.command = undefined;
    this.keyword = undefined;
    this.redirect = undefined;
  }

  private endPipeline(): void {
    if (this.pipeline.length > 0) this.pipelines.push({ commands: this.pipeline });
    this.pipeline = [];
  }

  private popTo(opener: string): void {
    const at = this.stack.lastIndexOf(opener);
    if (at >= 0) this.stack.length = at;
  }

  private operator(op: string): void {
    // In `case` patterns, `|` separates alternatives and `)` ends the pattern: no subshell.
    if (this.mode === 'casePattern') {
      if (op === ')') this.mode = 'command';
      return;
    }
    // `for x in a b;` (or a newline) ends the word list; `for ((` is arithmetic, read as
    // parentheses. A newline inside `case WORD in` changes nothing.
    if (this.mode !== 'command' && (op === ';' || op === '\n' || op === '(')) {
      if (this.mode.startsWith('for') || op !== '\n') this.mode = 'command';
      if (op !== '(') return;
    }
    this.endCommand();
    if (op === '|' || op === '|&') {
      this.continued = true;
      return;
    }
    this.endPipeline();
    if (op === '&&' || op === '||') this.continued = true;
    else if (op !== '\n') this.continued = false;
    if (op === '(') this.stack.push('(');
    else if (op === ')') this.popTo('(');
    else if ((op === ';;' || op === ';&' || op === ';;&') && this.stack[this.stack.length - 1] === 'case') this.mode = 'casePattern';
  }

  private word(word: WordToken): void {
    if (this.redirect) {
      this.redirect.target = word;
      this.redirect = undefined;
      return;
    }
    switch (this.mode) {
      case 'forName':
        this.forClauses.push({ name: word, list: [] });
        this.mode = 'forIn';
        return;
      case 'forIn':
        if (word.plain && word.value === 'in') this.mode = 'forList';
        else if (word.plain && word.value === 'do') this.reserved('do');
        return;
      case 'forList':
        this.forClauses[this.forClauses.length - 1]?.list.push(word);
        return;
      case 'caseWord':
        this.mode = 'caseIn';
        return;
      case 'caseIn':
        if (word.plain && word.value === 'in') this.mode = 'casePattern';
        return;
      case 'casePattern':
        if (word.plain && word.value === 'esac') this.reserved('esac');
        return;
      case 'functionName':
        this.mode = 'command';
        return;
      case 'command':
        break;
    }
    const atCommandStart = !this.command || this.command.words.length === 0;
    if (atCommandStart && word.plain && RESERVED.has(word.value) && !this.command?.assignments.length) {
      this.reserved(word.value);
      return;
    }
    if (atCommandStart && isAssignmentWord(word, this.src)) this.current().assignments.push(word);
    else this.current().words.push(word);
  }

  private reserved(word: string): void {
    this.endCommand();
    this.mode = 'command';
    switch (word) {
      case 'if':
      case '{':
        this.stack.push(word);
        break;
      case 'while':
      case 'until':
        this.stack.push('loop');
        break;
      case 'for':
      case 'select':
        this.stack.push('loop');
        this.mode = 'forName';
        break;
      case 'case':
        this.stack.push('case');
        this.mode = 'caseWord';
        break;
      case 'function':
        this.mode = 'functionName';
        break;
      case 'do':
        if (this.stack[this.stack.length - 1] === 'loop') this.stack.pop();
        this.stack.push('do');
        break;
      case 'fi':
        this.popTo('if');
        break;
      case 'done':
        this.popTo('do');
        break;
      case 'esac':
        this.popTo('case');
        break;
      case '}':
        this.popTo('{');
        break;
      default:
        break;
    }
    this.keyword = word;
  }
}

/** The pipelines and loop clauses of a token list (a whole script or a nested substitution). */
function parseCommands(tokens: readonly Token[], src: string): Collector {
  const collector = new Collector(src);
  for (const token of tokens) collector.feed(token);
  collector.finish();
  return collector;
}

function tokenEnd(token: Token): number {
  return token.kind === 'redirect' && token.heredoc ? Math.max(token.end, token.heredoc.end) : token.end;
}

/** Splits top-level tokens into statements; `src` is the lexed text (for assignment detection). */
export function parseStatements(tokens: readonly Token[], src: string): Statement[] {
  const statements: Statement[] = [];
  let comments: CommentToken[] = [];
  let open: { start: number; end: number; comments: CommentToken[]; collector: Collector } | undefined;
  const close = (): void => {
    if (!open) return;
    open.collector.finish();
    const { start, end, collector } = open;
    statements.push({ start, end, comments: open.comments, pipelines: collector.pipelines, forClauses: collector.forClauses });
    open = undefined;
  };
  for (const token of tokens) {
    if (!open) {
      if (token.kind === 'comment') comments.push(token);
      if (token.kind === 'comment' || (token.kind === 'op' && (token.op === '\n' || token.op === ';' || token.op === '&'))) continue;
      open = { start: token.start, end: token.end, comments, collector: new Collector(src) };
      comments = [];
    }
    if (token.kind === 'op' && token.op === '\n' && open.collector.complete) {
      close();
      continue;
    }
    open.collector.feed(token);
    open.end = Math.max(open.end, tokenEnd(token));
  }
  close();
  return statements;
}

/** Every pipeline of a parsed script, in order. */
export function pipelinesOf(statements: readonly Statement[]): Pipeline[] {
  return statements.flatMap((s) => s.pipelines);
}
