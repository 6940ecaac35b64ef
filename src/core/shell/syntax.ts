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

/** The for clauses of a statement without any: shared, never written to. */
const NO_FOR_CLAUSES: readonly ForClause[] = Object.freeze([]);

/** Feeds tokens one at a time and collects pipelines; knows whether a newline ends the statement. */
class Collector {
  readonly pipelines: Pipeline[] = [];
  /** NO_FOR_CLAUSES until the first `for` (most statements have none). */
  forClauses: ForClause[] = NO_FOR_CLAUSES as ForClause[];
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
    for (const p of other.pipelines) this.pipelines.push(p);
    for (const f of other.forClauses) this.addForClause(f);
  }

  private current(): NonNullable<Collector['command']> {
    this.command ??=
      this.keyword !== undefined ? { assignments: [], words: [], redirects: [], keyword: this.keyword } : { assignments: [], words: [], redirects: [] };
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
    if (this.pipeline.length === 0) return;
    this.pipelines.push({ commands: this.pipeline });
    this.pipeline = [];
  }

  private addForClause(clause: ForClause): void {
    if (this.forClauses === NO_FOR_CLAUSES) this.forClauses = [];
    this.forClauses.push(clause);
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
        this.addForClause({ name: word, list: [] });
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
  // Splitting a block and analysing its only command parse the same tokens in turn.
  if (tokens === lastParsed.tokens && src === lastParsed.src) return lastParsed.statements;
  const statements = parseStatementsUncached(tokens, src);
  lastParsed = { tokens, src, statements };
  return statements;
}

/** The last result: callers treat statements as read-only, so sharing them is safe. */
let lastParsed: { readonly tokens: readonly Token[] | undefined; readonly src: string; readonly statements: Statement[] } = { tokens: undefined, src: '', statements: [] };

/** The comments of a statement with none above it: shared, never written to. */
const NO_COMMENTS: readonly CommentToken[] = Object.freeze([]);

function parseStatementsUncached(tokens: readonly Token[], src: string): Statement[] {
  const statements: Statement[] = [];
  let comments: CommentToken[] | undefined;
  let start = 0;
  let end = 0;
  let openComments: readonly CommentToken[] = NO_COMMENTS;
  let collector: Collector | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (!collector) {
      if (token.kind === 'comment') (comments ??= []).push(token);
      if (token.kind === 'comment' || (token.kind === 'op' && (token.op === '\n' || token.op === ';' || token.op === '&'))) continue;
      start = token.start;
      end = token.end;
      openComments = comments ?? NO_COMMENTS;
      collector = new Collector(src);
      comments = undefined;
    }
    if (token.kind === 'op' && token.op === '\n' && collector.complete) {
      collector.finish();
      statements.push({ start, end, comments: openComments, pipelines: collector.pipelines, forClauses: collector.forClauses });
      collector = undefined;
      continue;
    }
    collector.feed(token);
    end = Math.max(end, tokenEnd(token));
  }
  if (collector) {
    collector.finish();
    statements.push({ start, end, comments: openComments, pipelines: collector.pipelines, forClauses: collector.forClauses });
  }
  return statements;
}

/** Every pipeline of a parsed script, in order. */
export function pipelinesOf(statements: readonly Statement[]): Pipeline[] {
  const out: Pipeline[] = [];
  for (const s of statements) for (const p of s.pipelines) out.push(p);
  return out;
}
