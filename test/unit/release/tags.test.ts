import * as assert from 'node:assert/strict';
import { currentAndPrevious, nextVersions, orderReleaseTags } from '../../../src/core/release';

describe('orderReleaseTags', () => {
  it('orders by semver, prereleases before their release', () => {
    const { releases, ignored } = orderReleaseTags(['v1.10.0', 'v1.0.1', 'v1.0.0', 'v1.0.0-rc2', 'v1.0.0-rc1']);
    assert.deepEqual(releases.map((r) => r.tag), ['v1.0.0-rc1', 'v1.0.0-rc2', 'v1.0.0', 'v1.0.1', 'v1.10.0']);
    assert.deepEqual(ignored, []);
    assert.deepEqual(releases[0], { tag: 'v1.0.0-rc1', prefix: 'v', version: '1.0.0-rc1', prerelease: true });
  });

  it('ignores matching tags that are not semver and skips tags outside the glob', () => {
    const { releases, ignored } = orderReleaseTags(['v1.0', 'vnext', 'v2.0.0', 'latest', 'x1.0.0', 'v01.0.0']);
    assert.deepEqual(releases.map((r) => r.tag), ['v2.0.0']);
    assert.deepEqual(ignored, ['v1.0', 'vnext', 'v01.0.0']);
  });

  it('keeps other prefixes and supports ?', () => {
    const { releases } = orderReleaseTags(['release-1.2.0', 'release-1.10.0', 'rel-1.0.0'], 'release-?.*');
    assert.deepEqual(releases.map((r) => [r.prefix, r.version]), [['release-', '1.2.0'], ['release-', '1.10.0']]);
  });

  it('handles no tags', () => {
    assert.deepEqual(orderReleaseTags([]), { releases: [], ignored: [] });
    assert.deepEqual(currentAndPrevious([]), {});
  });

  it('follows semver, not sort -V, for rcN identifiers', () => {
    const { releases } = orderReleaseTags(['v1.0.0-rc10', 'v1.0.0-rc2', 'v1.0.0-rc.10', 'v1.0.0-rc.2']);
    assert.deepEqual(releases.map((r) => r.tag), ['v1.0.0-rc.2', 'v1.0.0-rc.10', 'v1.0.0-rc10', 'v1.0.0-rc2']);
  });
});

describe('currentAndPrevious', () => {
  it('gives the newest and the one before it', () => {
    const { releases } = orderReleaseTags(['v1.0.0-rc1', 'v1.0.0', 'v1.0.0-rc2']);
    const { current, previous } = currentAndPrevious(releases);
    assert.equal(current?.tag, 'v1.0.0');
    assert.equal(previous?.tag, 'v1.0.0-rc2');
  });

  it('has no previous for a single release, and skips same-version tags', () => {
    assert.equal(currentAndPrevious(orderReleaseTags(['v1.0.0']).releases).previous, undefined);
    const { releases } = orderReleaseTags(['v1.0.0', 'v1.1.0', 'release-1.1.0'], '*');
    assert.equal(currentAndPrevious(releases).previous?.tag, 'v1.0.0');
  });
});

describe('nextVersions', () => {
  const at = (tag: string) => orderReleaseTags([tag], '*').releases[0];

  it('bumps a release and keeps its prefix', () => {
    const next = nextVersions(at('release-1.2.3'), 'minor');
    assert.deepEqual(next, {
      suggested: { version: '1.3.0', tag: 'release-1.3.0' },
      major: { version: '2.0.0', tag: 'release-2.0.0' },
      minor: { version: '1.3.0', tag: 'release-1.3.0' },
      patch: { version: '1.2.4', tag: 'release-1.2.4' },
      prerelease: { version: '1.3.0-rc.1', tag: 'release-1.3.0-rc.1' },
    });
  });

  it('continues prerelease series only when semver orders the result later', () => {
    assert.equal(nextVersions(at('v1.0.0-rc2'), 'patch').prerelease?.tag, 'v1.0.0-rc3');
    assert.equal(nextVersions(at('v1.0.0-rc2'), 'patch').suggested.tag, 'v1.0.0');
    assert.equal(nextVersions(at('v1.0.0-rc.2'), 'patch').prerelease?.tag, 'v1.0.0-rc.3');
    assert.equal(nextVersions(at('v1.0.0-rc9'), 'patch').prerelease, undefined);
  });

  it('starts from 0.0.0 with a v prefix when there is no release', () => {
    assert.deepEqual(nextVersions(undefined, 'minor').suggested, { version: '0.1.0', tag: 'v0.1.0' });
  });
});
