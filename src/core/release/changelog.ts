import * as semver from 'semver';
import { parseCommitSubject } from './conventionalCommits';
import type { ConventionalCommit } from './conventionalCommits';
import { SnippetText } from './snippet';

export type ChangelogTemplate = 'keep-a-changelog' | 'detailed';

/** Keep a Changelog 1.1 groups, in the order they appear in an entry. */
export const CHANGELOG_SECTIONS = ['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security'] as const;
export type ChangelogSection = (typeof CHANGELOG_SECTIONS)[number];

export interface ChangelogCommit {
  hash: string;
  subject: string;
  body?: string;
}

export interface ChangelogInput {
  /** Semantic version; a leading `v` is dropped (`v1.1.0` → `1.1.0`). */
  version: string;
  /** YYYY-MM-DD. */
  date: string;
  /** In the order to list them (usually newest first, as `git log`). */
  commits: readonly ChangelogCommit[];
  /** Emitted as the link reference `[version]: url` at the end of the entry. */
  compareUrl?: string;
}

/** Commit types left out: Keep a Changelog is for humans, not a commit log. Breaking ones stay (in Changed). */
export const OMITTED_TYPES: readonly string[] = ['docs', 'test', 'tests', 'chore', 'ci', 'build'];

const SECURITY = /\bCVE-\d|vulnerab/i;
const DEPRECATE = /deprecat/i;
const REMOVE = /^(?:remove|removes|removed|delete|deletes|deleted|drop|drops|dropped)\b/i;

/**
 * The group a commit belongs in, or undefined to leave it out. First match wins:
 * 1. Security: type `security`, scope `security`, or a mention of a CVE or "vulnerab…" (even on chore/build:
 *    a dependency bump for a CVE matters to users).
 * 2. Left out: docs, test(s), chore, ci, build, unless breaking.
 * 3. Deprecated: mentions "deprecat…".
 * 4. Fixed: type `fix` (before Removed: "fix: remove a race" is a fix).
 * 5. Removed: description starts with remove/delete/drop. `revert` commits are NOT Removed: a revert
 *    usually undoes something unreleased or restores old behaviour, so it goes to Changed.
 * 6. Added: type `feat`.
 * 7. Changed: everything else (refactor, perf, style, revert, non-conventional subjects, unknown types).
 */
export function changelogSection(commit: ConventionalCommit): ChangelogSection | undefined {
  const text = commit.description;
  if (commit.type === 'security' || commit.scope?.toLowerCase() === 'security' || SECURITY.test(text)) return 'Security';
  if (commit.type !== undefined && OMITTED_TYPES.includes(commit.type) && !commit.breaking) return undefined;
  if (DEPRECATE.test(text)) return 'Deprecated';
  if (commit.type === 'fix') return 'Fixed';
  if (REMOVE.test(text)) return 'Removed';
  if (commit.type === 'feat') return 'Added';
  return 'Changed';
}

interface Item {
  commit: ChangelogCommit;
  parsed: ConventionalCommit;
}

function shortHash(hash: string): string {
  return hash.trim().slice(0, 7);
}

/** `**BREAKING:** **scope:** description (abc1234)` */
function itemText({ commit, parsed }: Item): string {
  const hash = shortHash(commit.hash);
  return `${parsed.breaking ? '**BREAKING:** ' : ''}${parsed.scope ? `**${parsed.scope}:** ` : ''}${parsed.description}${hash ? ` (${hash})` : ''}`;
}

function normaliseInput(input: ChangelogInput): string {
  const version = semver.valid(input.version);
  if (!version) throw new RangeError(`Not a semantic version: ${input.version}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date)) throw new RangeError(`Not a YYYY-MM-DD date: ${input.date}`);
  return version;
}

/** First body paragraph that is not a footer (`Token: value`, `BREAKING CHANGE: …`), on one line. */
function firstParagraph(body: string | undefined): string | undefined {
  for (const paragraph of (body ?? '').split(/\r?\n\s*\r?\n/)) {
    const lines = paragraph.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
    if (lines.length === 0 || lines.every((l) => /^(?:BREAKING[ -]CHANGE|[\w-]+)(?::| #)\s/.test(l))) continue;
    return lines.join(' ');
  }
  return undefined;
}

const TBD = 'TBD';

/** The seed runbook's "Critical Fix": the first breaking fix, else the first Security item, else the first fix. */
function pickCriticalFix(grouped: Map<ChangelogSection, Item[]>): Item | undefined {
  const fixed = grouped.get('Fixed') ?? [];
  return fixed.find((i) => i.parsed.breaking) ?? grouped.get('Security')?.[0] ?? fixed[0];
}

function writeEntry(input: ChangelogInput, template: ChangelogTemplate): SnippetText {
  const version = normaliseInput(input);
  const items: Item[] = input.commits.map((commit) => ({ commit, parsed: parseCommitSubject(commit.subject, commit.body) }));
  const grouped = new Map<ChangelogSection, Item[]>();
  for (const item of items) {
    const section = changelogSection(item.parsed);
    if (section) grouped.set(section, [...(grouped.get(section) ?? []), item]);
  }

  const out = new SnippetText();
  out.add('## [');
  const versionStop = out.stop(version);
  out.add(`] - ${input.date}\n`);

  let firstItemDone = false;
  const critical = template === 'detailed' ? pickCriticalFix(grouped) : undefined;
  if (critical) {
    const solution = firstParagraph(critical.commit.body);
    out.add('\n### Critical Fix\n- **');
    out.stop(critical.parsed.description);
    out.add('**\n  - Issue: ');
    out.stop(critical.parsed.description);
    out.add('\n  - Solution: ');
    out.stop(solution ?? TBD);
    out.add('\n  - Impact: ');
    out.stop(critical.parsed.breakingNote ? `**BREAKING:** ${critical.parsed.breakingNote}` : TBD);
    const hash = shortHash(critical.commit.hash);
    out.add(hash ? `\n  - Commit: ${hash}\n` : '\n');
    firstItemDone = true;
  }

  for (const section of CHANGELOG_SECTIONS) {
    const sectionItems = (grouped.get(section) ?? []).filter((i) => i !== critical);
    if (sectionItems.length === 0) continue;
    out.add(`\n### ${section}\n`);
    for (const item of sectionItems) {
      out.add('- ');
      if (firstItemDone) out.add(itemText(item));
      else out.stop(itemText(item));
      firstItemDone = true;
      const note = item.parsed.breakingNote;
      out.add(note && note !== item.parsed.description ? `\n  - ${note}\n` : '\n');
    }
  }

  if (template === 'detailed') {
    out.add('\n### Testing\n| Test Type | Result | Details |\n|-----------|--------|---------|\n');
    const tests = items.filter((i) => i.parsed.type === 'test' || i.parsed.type === 'tests');
    const rows: Array<[string, string]> = tests.length
      ? tests.map((i) => [i.parsed.scope ? `Tests (${i.parsed.scope})` : 'Tests', `${i.parsed.description} (${shortHash(i.commit.hash)})`])
      : [['Unit Tests', TBD], ['Integration Tests', TBD]];
    rows.push(['Regressions', TBD]);
    for (const [kind, details] of rows) {
      out.add(`| ${kind.replace(/\|/g, '\\|')} | `);
      out.stop(TBD);
      out.add(' | ');
      out.stop(details.replace(/\|/g, '\\|'));
      out.add(' |\n');
    }
  }

  if (input.compareUrl) {
    out.add('\n[');
    out.mirror(versionStop, version);
    out.add(`]: ${input.compareUrl}\n`);
  }
  return out;
}

/**
 * One Keep a Changelog 1.1 entry as markdown: `## [version] - date`, then the non-empty groups
 * Added, Changed, Deprecated, Removed, Fixed, Security (see `changelogSection`), one item per commit:
 * `- **BREAKING:** **scope:** description (abc1234)` plus an indented line with the breaking note.
 * The `compareUrl` becomes a link reference `[version]: url` closing the entry. Ends with one `\n`.
 * 'detailed' (the seed runbook's entry) adds a "Critical Fix" section (Issue/Solution/Impact, taken out
 * of its group) and a `| Test Type | Result | Details |` table; unknowns read `TBD`.
 */
export function buildChangelogEntry(input: ChangelogInput, template: ChangelogTemplate = 'keep-a-changelog'): string {
  return writeEntry(input, template).toPlain();
}

/**
 * The same entry as a VS Code snippet: `${1:version}` on the heading's version (mirrored in the link
 * reference), `${2:…}` on the first item, later stops on the 'detailed' template's Issue/Solution/Impact
 * and table cells, `$0` at the end. Commit text is escaped (`$`, `}`, `\`).
 */
export function buildChangelogSnippet(input: ChangelogInput, template: ChangelogTemplate = 'keep-a-changelog'): string {
  return writeEntry(input, template).toSnippet();
}
