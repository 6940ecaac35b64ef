/** Public shapes of the git infrastructure client. */

export type PreflightCheckId = 'repo' | 'branch' | 'clean' | 'upstream' | 'featureBranch' | 'tagFree' | 'noMerge';

export interface PreflightCheck {
  id: PreflightCheckId;
  ok: boolean;
  title: string;
  detail: string;
  /** The exact command or action that fixes a failed check. */
  fix?: string;
}

export interface PreflightOptions {
  /** Branch that must exist locally and/or on origin. Not checked when omitted. */
  featureBranch?: string;
  /** Tag that must not exist yet, locally or on origin. Not checked when omitted. */
  tag?: string;
  /** Run `git fetch` and query origin (`ls-remote`). Default true; false keeps preflight offline. */
  fetch?: boolean;
  /** Branch a release starts from. Default 'master', or 'main' when only main exists. */
  mainBranch?: string;
}

export interface ReleaseGitOptions {
  /** Kill a git process that produced no output for this long. Default 30 000 ms. */
  timeoutMs?: number;
}

export interface CommitInfo {
  hash: string;
  subject: string;
  /** The message after the subject line, without trailing newlines ('' when none). */
  body: string;
}
