import * as semver from 'semver';

export type Bump = 'major' | 'minor' | 'patch';

export interface ConventionalCommit {
  /** Lower-cased type (`feat`, `fix`, …); undefined when the subject is not a Conventional Commit. */
  type?: string;
  scope?: string;
  /** `!` before the colon, or a `BREAKING CHANGE:` / `BREAKING-CHANGE:` footer in the body. */
  breaking: boolean;
  /** The text after `type(scope)!: `, or the whole (trimmed) subject when not conventional. */
  description: string;
  /** The text of the `BREAKING CHANGE:` footer, when there is one. */
  breakingNote?: string;
}

const HEADER = /^(?<type>[A-Za-z][A-Za-z0-9-]*)(?:\((?<scope>[^()\r\n]+)\))?(?<bang>!)?: (?<description>\S.*)$/;
const BREAKING_FOOTER = /^BREAKING[ -]CHANGE: ?(?<note>.*)$/m;

/**
 * Parses a commit per Conventional Commits 1.0. Only the first line of `subject` is the header
 * (further lines are treated as body). The breaking footer token must be upper case (as the spec
 * says) and is honoured even on non-conventional subjects: the author said it breaks.
 */
export function parseCommitSubject(subject: string, body?: string): ConventionalCommit {
  const [firstLine = '', ...rest] = subject.split(/\r?\n/);
  const header = firstLine.trim();
  const fullBody = [...rest, body ?? ''].join('\n');
  const footer = BREAKING_FOOTER.exec(fullBody);
  const breakingNote = footer?.groups?.['note']?.trim();
  const groups = HEADER.exec(header)?.groups;
  const commit: ConventionalCommit = groups
    ? {
        type: (groups['type'] ?? '').toLowerCase(),
        breaking: groups['bang'] === '!' || footer !== null,
        description: (groups['description'] ?? '').trim(),
      }
    : { breaking: footer !== null, description: header };
  const scope = groups?.['scope']?.trim();
  if (scope) commit.scope = scope;
  if (breakingNote) commit.breakingNote = breakingNote;
  return commit;
}

/**
 * The semver bump the commits call for: any breaking change → major (minor while the current
 * major version is 0, per semver §4; no current version counts as 0.0.0); any `feat` → minor;
 * otherwise patch.
 */
export function suggestBump(commits: ReadonlyArray<{ subject: string; body?: string }>, currentVersion?: string): Bump {
  const parsed = commits.map((c) => parseCommitSubject(c.subject, c.body));
  if (parsed.some((c) => c.breaking)) {
    const major = currentVersion ? semver.major(semver.valid(currentVersion) ?? '0.0.0') : 0;
    return major === 0 ? 'minor' : 'major';
  }
  return parsed.some((c) => c.type === 'feat') ? 'minor' : 'patch';
}
