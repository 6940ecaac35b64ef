import * as assert from 'node:assert/strict';
import { buildChangelogEntry, buildChangelogSnippet, escapeSnippetText } from '../../../src/core/release';
import type { ChangelogInput } from '../../../src/core/release';

const input: ChangelogInput = {
  version: 'v1.1.0',
  date: '2025-10-20',
  compareUrl: 'https://github.com/o/r/compare/v1.0.0...v1.1.0',
  commits: [
    { hash: 'a1b2c3d4e5', subject: 'feat(api)!: drop v1 endpoints', body: 'BREAKING CHANGE: clients must call /v2' },
    { hash: 'b2c3d4e5f6', subject: 'feat: export metrics as JSON' },
    { hash: 'c3d4e5f6a7', subject: 'fix(stats): unbounded memory growth in stats tracking', body: 'Call gc.collect() at the reset trigger.' },
    { hash: 'd4e5f6a7b8', subject: 'perf: cache parsed runbooks' },
    { hash: 'e5f6a7b8c9', subject: 'Update deploy script' },
    { hash: 'f6a7b8c9d0', subject: 'refactor: deprecate the --legacy flag' },
    { hash: 'a7b8c9d0e1', subject: 'feat: remove the old dashboard' },
    { hash: 'b8c9d0e1f2', subject: 'chore(deps): bump lodash for CVE-2021-23337' },
    { hash: 'c9d0e1f2a3', subject: 'docs: fix typo' },
    { hash: 'd0e1f2a3b4', subject: 'chore: release' },
    { hash: 'e1f2a3b4c5', subject: 'test(stats): add load test' },
    { hash: 'f2a3b4c5d6', subject: 'ci: cache node_modules' },
  ],
};

describe('buildChangelogEntry', () => {
  it('writes a Keep a Changelog entry', () => {
    assert.equal(
      buildChangelogEntry(input, 'keep-a-changelog'),
      [
        '## [1.1.0] - 2025-10-20',
        '',
        '### Added',
        '- export metrics as JSON (b2c3d4e)',
        '',
        '### Changed',
        '- cache parsed runbooks (d4e5f6a)',
        '- Update deploy script (e5f6a7b)',
        '',
        '### Deprecated',
        '- deprecate the --legacy flag (f6a7b8c)',
        '',
        '### Removed',
        '- **BREAKING:** **api:** drop v1 endpoints (a1b2c3d)',
        '  - clients must call /v2',
        '- remove the old dashboard (a7b8c9d)',
        '',
        '### Fixed',
        '- **stats:** unbounded memory growth in stats tracking (c3d4e5f)',
        '',
        '### Security',
        '- **deps:** bump lodash for CVE-2021-23337 (b8c9d0e)',
        '',
        '[1.1.0]: https://github.com/o/r/compare/v1.0.0...v1.1.0',
        '',
      ].join('\n'),
    );
  });

  it('writes the detailed entry with Critical Fix and testing table', () => {
    const commits = input.commits.filter((c) => /^(fix|test|feat: export)/.test(c.subject));
    assert.equal(
      buildChangelogEntry({ version: '1.0.1', date: '2025-10-21', commits }, 'detailed'),
      [
        '## [1.0.1] - 2025-10-21',
        '',
        '### Critical Fix',
        '- **unbounded memory growth in stats tracking**',
        '  - Issue: unbounded memory growth in stats tracking',
        '  - Solution: Call gc.collect() at the reset trigger.',
        '  - Impact: TBD',
        '  - Commit: c3d4e5f',
        '',
        '### Added',
        '- export metrics as JSON (b2c3d4e)',
        '',
        '### Testing',
        '| Test Type | Result | Details |',
        '|-----------|--------|---------|',
        '| Tests (stats) | TBD | add load test (e1f2a3b) |',
        '| Regressions | TBD | TBD |',
        '',
      ].join('\n'),
    );
  });

  it('rejects bad versions and dates', () => {
    assert.throws(() => buildChangelogEntry({ version: '1.0', date: '2025-10-20', commits: [] }), RangeError);
    assert.throws(() => buildChangelogEntry({ version: '1.0.0', date: '20/10/2025', commits: [] }), RangeError);
  });
});

describe('buildChangelogSnippet', () => {
  it('puts tab stops on the version and first item and escapes commit text', () => {
    const snippet = buildChangelogSnippet({
      version: '2.0.0',
      date: '2025-10-20',
      compareUrl: 'https://github.com/o/r/compare/v1.0.0...v2.0.0',
      commits: [
        { hash: 'abcdef12', subject: 'feat: read $HOME/.config {x}' },
        { hash: 'bcdef123', subject: 'fix: path C:\\temp costs $5' },
      ],
    });
    assert.equal(
      snippet,
      [
        '## [${1:2.0.0}] - 2025-10-20',
        '',
        '### Added',
        '- ${2:read \\$HOME/.config {x\\} (abcdef1)}',
        '',
        '### Fixed',
        '- path C:\\\\temp costs \\$5 (bcdef12)',
        '',
        '[${1}]: https://github.com/o/r/compare/v1.0.0...v2.0.0',
        '$0',
      ].join('\n'),
    );
  });

  it('numbers the detailed tab stops in order', () => {
    const snippet = buildChangelogSnippet({ version: '1.0.1', date: '2025-10-21', commits: [{ hash: 'c3d4e5f', subject: 'fix: leak' }] }, 'detailed');
    assert.match(snippet, /- \*\*\$\{2:leak\}\*\*\n {2}- Issue: \$\{3:leak\}\n {2}- Solution: \$\{4:TBD\}\n {2}- Impact: \$\{5:TBD\}/);
    assert.match(snippet, /\| Regressions \| \$\{10:TBD\} \| \$\{11:TBD\} \|\n\$0$/);
  });

  it('escapeSnippetText escapes $, } and backslash', () => {
    assert.equal(escapeSnippetText('$HOME } \\n {'), '\\$HOME \\} \\\\n {');
  });
});
