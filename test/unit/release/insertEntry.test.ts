import * as assert from 'node:assert/strict';
import { KEEP_A_CHANGELOG_HEADER, insertChangelogEntry, planChangelogInsertion, withEol } from '../../../src/core/release';

const ENTRY = '## [1.1.0] - 2025-10-20\n\n### Added\n- x\n';
const HEADER = '# Changelog\n\nAll notable changes to this project will be documented in this file.\n';

describe('planChangelogInsertion', () => {
  it('creates the standard header for a missing or blank file', () => {
    for (const existing of [undefined, '', '  \n']) {
      const plan = planChangelogInsertion(existing);
      assert.deepEqual(plan, { line: 8, eol: '\n', createWithHeader: KEEP_A_CHANGELOG_HEADER, blankLinesBefore: 1, blankLinesAfter: 0 });
    }
    assert.equal(insertChangelogEntry(undefined, ENTRY), `${KEEP_A_CHANGELOG_HEADER}\n${ENTRY}`);
  });

  it('appends after a header-only file', () => {
    assert.deepEqual(planChangelogInsertion(HEADER), { line: 3, eol: '\n', blankLinesBefore: 1, blankLinesAfter: 0 });
    assert.equal(insertChangelogEntry(HEADER, ENTRY), `${HEADER}\n${ENTRY}`);
  });

  it('goes before the first release, after Unreleased', () => {
    const file = `${HEADER}\n## [Unreleased]\n- pending\n\n## [1.0.0] - 2025-01-01\n- first\n\n[1.0.0]: https://x\n`;
    assert.deepEqual(planChangelogInsertion(file), { line: 7, eol: '\n', blankLinesBefore: 0, blankLinesAfter: 1 });
    assert.equal(
      insertChangelogEntry(file, ENTRY),
      `${HEADER}\n## [Unreleased]\n- pending\n\n${ENTRY}\n## [1.0.0] - 2025-01-01\n- first\n\n[1.0.0]: https://x\n`,
    );
  });

  it('keeps CRLF line endings', () => {
    const file = '# Changelog\r\n\r\n## [Unreleased]\r\n\r\n## [1.0.0] - 2025-01-01\r\n';
    assert.deepEqual(planChangelogInsertion(file), { line: 4, eol: '\r\n', blankLinesBefore: 0, blankLinesAfter: 1 });
    assert.equal(insertChangelogEntry(file, ENTRY), `# Changelog\r\n\r\n## [Unreleased]\r\n\r\n${withEol(ENTRY, '\r\n')}\r\n## [1.0.0] - 2025-01-01\r\n`);
  });

  it('handles a file with no header', () => {
    assert.deepEqual(planChangelogInsertion('## [1.0.0] - 2025-01-01\n- first\n'), { line: 0, eol: '\n', blankLinesBefore: 0, blankLinesAfter: 1 });
    assert.equal(insertChangelogEntry('some notes', ENTRY), `some notes\n\n${ENTRY}`);
  });

  it('goes before trailing link definitions and ignores headings in code fences', () => {
    const file = '# Changelog\n\n## [Unreleased]\n\n[unreleased]: https://x\n';
    assert.equal(insertChangelogEntry(file, ENTRY), `# Changelog\n\n## [Unreleased]\n\n${ENTRY}\n[unreleased]: https://x\n`);
    const fenced = '# Changelog\n\n```\n## [0.1.0]\n```\n';
    assert.equal(planChangelogInsertion(fenced).line, 5);
  });
});
