/** A read position over tokens for the recursive-descent parsers, and their failure type. */
import type { ParseResult } from './model';
import { describeToken } from './tokenize';
import type { Token } from './tokenize';

/** Thrown inside a parser and turned into a failed ParseResult at its entry point. */
export class ParseFailure extends Error {
  readonly column: number;

  constructor(message: string, column: number) {
    // Control flow, not a bug: a stack trace would only cost time (parsers fail often).
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
    this.column = column;
  }
}

export class TokenCursor {
  private index = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly text: string,
  ) {}

  peek(ahead = 0): Token | undefined {
    return this.tokens[this.index + ahead];
  }

  next(): Token | undefined {
    const token = this.tokens[this.index];
    if (token) this.index++;
    return token;
  }

  atEnd(): boolean {
    return this.index >= this.tokens.length;
  }

  /** True when the token `ahead` is the word `word` (any case). */
  isWord(word: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token?.kind === 'word' && token.text.toLowerCase() === word;
  }

  /** True when the token `ahead` is a word in `words` (lower-case). */
  isWordIn(words: ReadonlySet<string>, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token?.kind === 'word' && words.has(token.text.toLowerCase());
  }

  /** Where the next token starts, or where the last one ends at the end of the text. */
  column(): number {
    return this.peek()?.start ?? this.tokens[this.tokens.length - 1]?.end ?? 0;
  }

  /** The source text from the start of `first` to the end of `last`. */
  source(first: Token, last: Token): string {
    return this.text.slice(first.start, last.end);
  }

  /** Fails at the next token: "expected <what>, found <next token>". */
  fail(expected: string): never {
    throw new ParseFailure(`expected ${expected}, found ${describeToken(this.peek())}`, this.column());
  }
}

/** Runs a parser, turning a ParseFailure into a failed result; other errors propagate. */
export function runParser<T>(parse: () => T): ParseResult<T> {
  try {
    return { ok: true, value: parse() };
  } catch (error) {
    if (error instanceof ParseFailure) return { ok: false, error: error.message, column: error.column };
    throw error;
  }
}
