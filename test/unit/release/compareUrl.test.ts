import * as assert from 'node:assert/strict';
import { compareUrl } from '../../../src/core/release';

describe('compareUrl', () => {
  const cases: Array<[string, string | undefined]> = [
    ['https://github.com/o/r.git', 'https://github.com/o/r/compare/v1.0.0...v1.1.0'],
    ['git@github.com:o/r.git', 'https://github.com/o/r/compare/v1.0.0...v1.1.0'],
    ['ssh://git@github.com:22/o/r.git', 'https://github.com/o/r/compare/v1.0.0...v1.1.0'],
    ['https://user:secret@github.com/o/r', 'https://github.com/o/r/compare/v1.0.0...v1.1.0'],
    ['https://gitlab.com/group/sub/r.git', 'https://gitlab.com/group/sub/r/-/compare/v1.0.0...v1.1.0'],
    ['git@gitlab.com:group/r.git', 'https://gitlab.com/group/r/-/compare/v1.0.0...v1.1.0'],
    ['https://bitbucket.org/o/r.git', 'https://bitbucket.org/o/r/branches/compare/v1.1.0%0Dv1.0.0'],
    ['git@bitbucket.org:o/r.git', 'https://bitbucket.org/o/r/branches/compare/v1.1.0%0Dv1.0.0'],
    ['https://codeberg.org/o/r.git', 'https://codeberg.org/o/r/compare/v1.0.0...v1.1.0'],
    ['git@codeberg.org:o/r.git', 'https://codeberg.org/o/r/compare/v1.0.0...v1.1.0'],
    ['https://gitea.example.com:3000/o/r', 'https://gitea.example.com:3000/o/r/compare/v1.0.0...v1.1.0'],
    ['/srv/git/r.git', undefined],
    ['../r', undefined],
    ['file:///srv/git/r.git', undefined],
    ['C:\\repos\\r.git', undefined],
    ['https://example.com/o/r.git', undefined],
  ];
  for (const [remote, expected] of cases) {
    it(remote, () => assert.equal(compareUrl(remote, 'v1.0.0', 'v1.1.0'), expected));
  }
});
