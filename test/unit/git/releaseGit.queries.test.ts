import * as assert from 'node:assert/strict';
import { ReleaseGit, GitCommandError } from '../../../src/infra/git';
import { commitFile, git, makeFixture } from './gitFixtures';
import type { Fixture } from './gitFixtures';

describe('ReleaseGit queries (real repositories)', () => {
  let fx: Fixture;
  let rg: ReleaseGit;

  beforeEach(async () => {
    fx = await makeFixture();
    rg = new ReleaseGit(fx.work, { timeoutMs: 10_000 });
  });
  afterEach(() => fx.cleanup());

  it('lists tags newest version first, a release before its release candidate', async () => {
    assert.deepEqual(await rg.listTags(), []);
    await git(fx.work, 'tag', 'v0.9.0');
    await git(fx.work, 'tag', 'v1.0.0-rc1');
    await git(fx.work, 'tag', '-a', '-m', 'Release 1.0.0', 'v1.0.0');
    assert.deepEqual(await rg.listTags(), ['v1.0.0', 'v1.0.0-rc1', 'v0.9.0']);
  });

  it('lists commits since a tag and all commits when there is none, with multi-line bodies intact', async () => {
    const all0 = await rg.commitsSince(undefined);
    assert.deepEqual(
      all0.map((c) => c.subject),
      ['chore: initial commit'],
    );
    await git(fx.work, 'tag', 'v0.1.0');
    await commitFile(fx.work, 'a.txt', 'a', 'feat(api): add the health endpoint\n\nFirst paragraph\nsecond line.\n\nBREAKING CHANGE: /health moved to /healthz');
    await commitFile(fx.work, 'b.txt', 'b', 'Fix typo in README');
    const hash = await commitFile(fx.work, 'c.txt', 'c', 'fix: handle a body with separators | % and trailing space\n\nbody line\n\n\n');

    const since = await rg.commitsSince('v0.1.0');
    assert.deepEqual(
      since.map((c) => c.subject),
      ['fix: handle a body with separators | % and trailing space', 'Fix typo in README', 'feat(api): add the health endpoint'],
    );
    assert.equal(since[0]?.hash, hash);
    assert.equal(since[0]?.body, 'body line');
    assert.equal(since[1]?.body, '');
    assert.equal(since[2]?.body, 'First paragraph\nsecond line.\n\nBREAKING CHANGE: /health moved to /healthz');
    for (const c of since) assert.match(c.hash, /^[0-9a-f]{40}$/);

    assert.equal((await rg.commitsSince(undefined)).length, 4);
    assert.deepEqual(await rg.commitsSince('HEAD'), []);
    assert.deepEqual(
      (await rg.commitsSince('v0.1.0', 'HEAD~2')).map((c) => c.subject),
      ['feat(api): add the health endpoint'],
    );
  });

  it('reads HEAD, the branch, the remote URL and merge bases', async () => {
    const head = await rg.headCommit();
    assert.equal(head, (await git(fx.work, 'rev-parse', 'HEAD')).trim());
    assert.equal(await rg.currentBranch(), 'master');
    assert.equal(await rg.remoteUrl(), fx.origin);
    assert.equal(await rg.remoteUrl('upstream'), undefined);

    await git(fx.work, 'switch', '--quiet', '-c', 'feature');
    await commitFile(fx.work, 'f.txt', 'f', 'feat: f');
    assert.equal(await rg.mergeBase('master', 'feature'), head);
    await git(fx.work, 'switch', '--quiet', '--detach', 'HEAD');
    assert.equal(await rg.currentBranch(), undefined);
  });

  it('returns no merge base for unrelated histories', async () => {
    await git(fx.work, 'switch', '--quiet', '--orphan', 'lonely');
    await commitFile(fx.work, 'l.txt', 'l', 'chore: unrelated');
    assert.equal(await rg.mergeBase('master', 'lonely'), undefined);
  });

  it('reads annotated tag messages', async () => {
    await git(fx.work, 'tag', '-a', '-m', 'Release 1.0.0\n\n- first\n- second', 'v1.0.0');
    await git(fx.work, 'tag', 'light');
    assert.equal(await rg.tagMessage('v1.0.0'), 'Release 1.0.0\n\n- first\n- second');
    assert.equal(await rg.tagMessage('light'), undefined);
    await assert.rejects(rg.tagMessage('v404'), (error: unknown) => {
      assert.ok(error instanceof GitCommandError);
      assert.match(error.message, /^git cat-file -t refs\/tags\/v404 failed: /);
      return true;
    });
  });

  it('has no conflicted files in a clean repository', async () => {
    assert.deepEqual(await rg.conflictedFiles(), []);
  });

  it('turns git failures into errors naming the command and stderr, without a stack in the message', async () => {
    await assert.rejects(rg.commitsSince('no-such-tag'), (error: unknown) => {
      assert.ok(error instanceof GitCommandError);
      assert.match(error.message, /^git log --format=\S+ no-such-tag\.\.HEAD -- failed: fatal: /);
      assert.match(error.stderr, /no-such-tag/);
      assert.doesNotMatch(error.message, /\n\s+at /);
      return true;
    });
    await assert.rejects(rg.commitsSince('--output=/tmp/pwned'), /refused: not a valid revision/);
    await assert.rejects(rg.mergeBase('master', 'nope'), /^Error: git merge-base master nope failed|git merge-base master nope failed/);
  });

  it('rejects (does not throw synchronously) outside a repository', async () => {
    const outside = new ReleaseGit(fx.root);
    await assert.rejects(outside.listTags(), /git tag --list failed: fatal: not a git repository/);
    const missing = new ReleaseGit(`${fx.root}/missing`);
    await assert.rejects(missing.headCommit(), /git rev-parse --verify --quiet HEAD failed/);
  });
});
