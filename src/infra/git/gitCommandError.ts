/** A failed git call, described by its command line and the first lines of git's stderr. */

const MAX_STDERR_LINES = 3;

export class GitCommandError extends Error {
  override readonly name = 'GitCommandError';

  constructor(
    /** The command line, e.g. `git fetch origin`. */
    readonly command: string,
    /** The first lines of git's error output (or the failure reason when git did not run). */
    readonly stderr: string,
  ) {
    super(stderr ? `${command} failed: ${stderr}` : `${command} failed`);
  }
}

/** The first non-empty lines of a git error output, joined by newlines. */
export function firstLines(text: string, max = MAX_STDERR_LINES): string {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '');
  const kept = lines.slice(0, max);
  if (lines.length > max) kept.push('…');
  return kept.join('\n');
}

/** Turns whatever simple-git rejected with into a GitCommandError (no stack noise in the message). */
export function toGitCommandError(args: readonly string[], error: unknown, timeoutMs: number): GitCommandError {
  const command = ['git', ...args].join(' ');
  if (error instanceof GitCommandError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/block timeout reached/.test(message)) {
    return new GitCommandError(command, `timed out (no output for ${timeoutMs} ms)`);
  }
  return new GitCommandError(command, firstLines(message));
}
