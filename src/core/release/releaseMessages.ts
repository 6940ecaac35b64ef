/** Commit and tag messages the release actions generate. */

export interface SubjectLine {
  readonly subject: string;
}

/** A squash commit's message: a title naming the branch, the squashed subjects as a list. */
export function squashMessage(branch: string, commits: readonly SubjectLine[]): string {
  const title = `Squash merge ${branch} (${commits.length} ${commits.length === 1 ? 'commit' : 'commits'})`;
  if (commits.length === 0) return `${title}\n`;
  return `${title}\n\n${commits.map((c) => `- ${c.subject}`).join('\n')}\n`;
}

const HEADING = /^##\s+\[?v?([^\]\s]+)\]?/;

/**
 * The CHANGELOG entry for `version` (`## [1.0.0-rc1] - date` up to the next `## ` heading), as a
 * tag message: its heading becomes "Release <tag>". Undefined when the changelog has no such entry.
 */
export function changelogEntryFor(changelog: string, version: string, tag: string): string | undefined {
  const lines = changelog.split(/\r?\n/);
  const wanted = version.replace(/^v/, '');
  const start = lines.findIndex((l) => HEADING.exec(l)?.[1] === wanted);
  if (start < 0) return undefined;
  let end = lines.length;
  for (let i = start + 1; i < lines.length; i++) {
    if (/^##\s/.test(lines[i] ?? '') || /^\[[^\]]+\]:\s/.test(lines[i] ?? '')) {
      end = i;
      break;
    }
  }
  const body = lines.slice(start + 1, end).join('\n').trim();
  return `Release ${tag}\n${body ? `\n${body}\n` : ''}`;
}
