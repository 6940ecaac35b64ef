/**
 * Tokens of the small POSIX-shell lexer. Offsets index the lexed string; `end` is exclusive.
 * The lexer keeps only what Deploy Pilot needs: word values (quotes removed, expansions as
 * written), the command lists nested in `$(...)`, backticks, `<(...)` and `NAME=( ... )`,
 * heredoc bodies, and side lists of parameter expansions and `<placeholders>`.
 */

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface WordToken extends Span {
  readonly kind: 'word';
  /** Quotes and escapes removed; expansions (`$X`, `$(...)`) kept as written. */
  readonly value: string;
  /** Plain unquoted text with no escapes or expansions: the only form a reserved word takes. */
  readonly plain: boolean;
  /** Contains a parameter expansion or a command substitution. */
  readonly dynamic: boolean;
  /** Token lists of the commands nested in this word (`$(...)`, backticks, process substitution). */
  readonly nested: readonly (readonly Token[])[];
}

export interface OperatorToken extends Span {
  readonly kind: 'op';
  /** One of `\n ; ;; ;& ;;& & && | || |& ( )`. */
  readonly op: string;
}

export interface Heredoc {
  readonly delimiter: string;
  /** Delimiter quoted (`<<'EOF'`, `<<"EOF"`, `<<\EOF`): the body is not expanded. */
  readonly quoted: boolean;
  /** Start of the body (the line after the `<<` line). */
  readonly bodyStart: number;
  /** End of the body: start of the terminator line, or the end of input when unterminated. */
  readonly bodyEnd: number;
  /** End of the terminator line (without its newline). */
  readonly end: number;
  readonly terminated: boolean;
}

export interface RedirectToken extends Span {
  readonly kind: 'redirect';
  /** `< > >> >| <> <& >& &> &>> << <<- <<<` */
  readonly op: string;
  /** Explicit file descriptor before the operator (`2` in `2>&1`). */
  readonly fd?: string;
  /** For `<<` and `<<-`: filled in when the body has been read. */
  heredoc?: Heredoc;
}

export interface CommentToken extends Span {
  readonly kind: 'comment';
  /** The comment with its `#`. */
  readonly text: string;
}

export type Token = WordToken | OperatorToken | RedirectToken | CommentToken;

/** `$NAME` or `${NAME...}` outside single quotes. Positional and special parameters are left out. */
export interface ParamRef extends Span {
  readonly name: string;
  /** The word after `:-`, `-`, `:=` or `=` in `${NAME:-word}`, outer quotes removed. */
  readonly defaultValue?: string;
}

/** `<name>` written where the operator must put a value. */
export interface PlaceholderRef extends Span {
  readonly name: string;
}

/** Something the shell would refuse: an unterminated quote, substitution or heredoc. */
export interface LexProblem extends Span {
  readonly message: string;
}

export interface LexResult {
  readonly tokens: readonly Token[];
  readonly params: readonly ParamRef[];
  readonly placeholders: readonly PlaceholderRef[];
  readonly problems: readonly LexProblem[];
}

/** `</name>`: makes `<name>` in the same text HTML rather than a placeholder. */
export interface ClosingTag {
  /** Lower-cased. */
  readonly name: string;
  readonly start: number;
}

/**
 * What the lexer found, placeholders not yet told from HTML tags: LexResult keeps the
 * placeholders no `</name>` of the whole text closes; a part of the text (one command of a
 * block) keeps those no closing tag of that part closes.
 */
export interface RawLexResult {
  readonly tokens: readonly Token[];
  readonly params: readonly ParamRef[];
  readonly placeholders: readonly PlaceholderRef[];
  readonly problems: readonly LexProblem[];
  readonly closings: readonly ClosingTag[];
}
