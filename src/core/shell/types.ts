/** Public types of the shell module. Offsets and line numbers are 0-based; `endLine` is exclusive. */

/** One command as an operator runs it: a line, or several joined by continuations, quotes or compounds. */
export interface ShellCommand {
  /**
   * Exactly what to send to the shell: the source lines, line endings as `\n`, continuation
   * backslash-newlines kept, trailing `# comment` kept (the shell ignores it). Leading
   * indentation of the first line is dropped; tabs inside are kept (send as a bracketed
   * paste so an interactive shell does not complete on them). Session prompts are stripped.
   */
  readonly text: string;
  /** First line of the command inside the block. */
  readonly line: number;
  /** One past its last line (a heredoc's terminator line included). */
  readonly endLine: number;
  /** The comment lines directly above it (no blank line between), `#` removed, joined by `\n`. */
  readonly comment?: string;
}

export interface CommandClassification {
  /** Why running it loses data or state that cannot be restored, e.g. `deletes a remote branch`. */
  readonly destructive?: string;
  /** Why it does not end by itself or takes long: do not wait for its exit code. */
  readonly longRunning?: string;
  /** When the long run is a plain wait (`sleep`), the total in seconds. */
  readonly waitSeconds?: number;
  /** Why it needs a person at the keyboard (an editor, a pager, a prompt, a remote shell). */
  readonly interactive?: string;
}

export type VariableKind =
  /** `$VAR`, `${VAR}`, `${VAR:-default}` outside single quotes. */
  | 'env'
  /** `<your-value>`: text the operator must replace. */
  | 'placeholder'
  /** `NAME=value`, `export NAME=value`, `for NAME in ...`, `read NAME`. */
  | 'assignment';

export interface VariableRef {
  readonly name: string;
  readonly kind: VariableKind;
  /** Offset in the text: the `$`, the `<`, or the first character of the assigned name. */
  readonly column: number;
  /** For `${VAR:-default}` (also `-`, `:=`, `=`): the default, outer quotes removed. */
  readonly defaultValue?: string;
  /** For assignments: the right-hand side as written (the word list of a `for`). */
  readonly value?: string;
}

export interface CommandIssue {
  readonly message: string;
  /** Offset in the text. */
  readonly column: number;
  readonly length: number;
  readonly severity: 'error' | 'warning';
}
