import * as assert from 'node:assert/strict';
import { changelogEntryFor, squashMessage } from '../../../src/core/release';

describe('release messages', () => {
  it('lists the squashed subjects under a title naming the branch', () => {
    assert.equal(
      squashMessage('feature/x', [{ subject: 'feat: a' }, { subject: 'fix: b' }]),
      'Squash merge feature/x (2 commits)\n\n- feat: a\n- fix: b\n',
    );
    assert.equal(squashMessage('feature/x', []), 'Squash merge feature/x (0 commits)\n');
  });

  it('takes the CHANGELOG entry of a version as the tag message', () => {
    const changelog = ['# Changelog', '', '## [Unreleased]', '', '## [1.0.0-rc1] - 2025-10-20', '', '### Fixed', '- leak', '', '## [0.9.0] - 2025-01-01', '- old', '', '[1.0.0-rc1]: https://x'].join('\r\n');
    assert.equal(changelogEntryFor(changelog, '1.0.0-rc1', 'v1.0.0-rc1'), 'Release v1.0.0-rc1\n\n### Fixed\n- leak\n');
    assert.equal(changelogEntryFor(changelog, 'v0.9.0', 'v0.9.0'), 'Release v0.9.0\n\n- old\n');
    assert.equal(changelogEntryFor(changelog, '2.0.0', 'v2.0.0'), undefined);
  });
});
