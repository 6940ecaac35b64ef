export type Eol = '\n' | '\r\n';

/** The standard Keep a Changelog 1.1 header, with an empty Unreleased section. */
export const KEEP_A_CHANGELOG_HEADER = [
  '# Changelog',
  '',
  'All notable changes to this project will be documented in this file.',
  '',
  'The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/),',
  'and this project adheres to [Semantic Versioning](https://semver.org/spec/v2.0.0.html).',
  '',
  '## [Unreleased]',
  '',
].join('\n');

export interface ChangelogInsertion {
  /**
   * 0-based line (of the existing text, or of `createWithHeader` when set) at whose START the entry
   * goes. It may equal the line count: then the entry goes at the very end of the text.
   */
  line: number;
  /** The file's line ending (first one found; `\n` for new files): convert the entry with `withEol`. */
  eol: Eol;
  /** Set when the file is missing or blank: write this header (in `eol`) first. */
  createWithHeader?: string;
  /** Line breaks to insert before the entry (2 when the text does not end with a line break). */
  blankLinesBefore: number;
  /** Blank lines to insert after the entry (which itself ends with a line break). */
  blankLinesAfter: number;
}

/** Converts every line break of `text` to `eol`. */
export function withEol(text: string, eol: Eol): string {
  return text.replace(/\r?\n/g, eol);
}

function detectEol(text: string): Eol {
  const match = /\r?\n/.exec(text);
  return match?.[0] === '\r\n' ? '\r\n' : '\n';
}

const RELEASE_HEADING = /^##\s+(?:\[(?!unreleased\])[^\]]+\]|v?\d)/i;
const LINK_DEFINITION = /^\s{0,3}\[[^\]]+\]:\s*\S/;
const FENCE = /^\s{0,3}(```|~~~)/;

/**
 * Where a new release entry goes in CHANGELOG.md:
 * - missing or blank file: after the standard header (`createWithHeader`, ending with `## [Unreleased]`);
 * - otherwise before the first release heading — a level-2 heading `## [x]` that is not
 *   `## [Unreleased]` (or an unbracketed `## 1.2.0` / `## v1.2.0`), outside code fences. So the entry
 *   lands right after the Unreleased section, as Keep a Changelog orders them. Content under
 *   Unreleased stays there: moving it into the release is the operator's call;
 * - no release heading: at the end of the text (after header, Unreleased section, or whatever the file
 *   holds), but before the link reference definitions (`[unreleased]: https://…`) that close it.
 * One blank line separates the entry from its neighbours.
 */
export function planChangelogInsertion(existing: string | undefined): ChangelogInsertion {
  if (existing === undefined || existing.trim() === '') {
    const lines = KEEP_A_CHANGELOG_HEADER.split('\n');
    return { line: lines.length - 1, eol: '\n', createWithHeader: KEEP_A_CHANGELOG_HEADER, blankLinesBefore: 1, blankLinesAfter: 0 };
  }
  const eol = detectEol(existing);
  const lines = existing.split(/\r?\n/);
  const isBlank = (index: number): boolean => (lines[index] ?? '').trim() === '';

  let inFence = false;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] ?? '';
    if (FENCE.test(text)) inFence = !inFence;
    else if (!inFence && RELEASE_HEADING.test(text)) {
      return { line: i, eol, blankLinesBefore: i === 0 || isBlank(i - 1) ? 0 : 1, blankLinesAfter: 1 };
    }
  }

  // No release yet: before trailing link definitions, else at the end.
  let end = lines.length;
  while (end > 0 && isBlank(end - 1)) end--;
  let defs = end;
  while (defs > 0 && LINK_DEFINITION.test(lines[defs - 1] ?? '')) defs--;
  if (defs < end && defs > 0) {
    let line = defs;
    while (line > 0 && isBlank(line - 1)) line--;
    // Insert right after the last content line; the blank line(s) before the definitions follow the entry.
    return { line, eol, blankLinesBefore: 1, blankLinesAfter: isBlank(line) ? 0 : 1 };
  }
  const endsWithEol = lines[lines.length - 1] === '';
  if (endsWithEol) {
    const line = lines.length - 1;
    return { line, eol, blankLinesBefore: isBlank(line - 1) ? 0 : 1, blankLinesAfter: 0 };
  }
  return { line: lines.length, eol, blankLinesBefore: 2, blankLinesAfter: 0 };
}

/**
 * The whole new text with `entry` (ending with a line break) inserted per `planChangelogInsertion`.
 * For callers that rewrite the file; an editor can use the plan to make one edit instead.
 */
export function insertChangelogEntry(existing: string | undefined, entry: string): string {
  const plan = planChangelogInsertion(existing);
  const base = plan.createWithHeader !== undefined ? withEol(plan.createWithHeader, plan.eol) : (existing ?? '');
  const lines = base.split(/\r?\n/);
  const offset = plan.line >= lines.length ? base.length : lines.slice(0, plan.line).reduce((n, l) => n + l.length + plan.eol.length, 0);
  const inserted = plan.eol.repeat(plan.blankLinesBefore) + withEol(entry, plan.eol) + plan.eol.repeat(plan.blankLinesAfter);
  return base.slice(0, offset) + inserted + base.slice(offset);
}
