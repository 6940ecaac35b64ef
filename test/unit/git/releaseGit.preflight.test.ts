import * as assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { ReleaseGit } from '../../../src/infra/git';
import type { PreflightCheck, PreflightCheckId } from '../../../src/infra/git';
import { commitFile, git, gitStatus, makeFixture } from './gitFixtures';
import type { Fixture } from './gitFixtures';

function check(checks: PreflightCheck[], id: PreflightCheckId): PreflightCheck {
  const found = checks.find((c) => c.id === id);
  assert.ok(found, `no ${id} check in ${JSON.stringify(checks)}`);
  return found;
}

function failed(checks: PreflightCheck[]): PreflightCheckId[] {
  return checks.filter((c) => !c.ok).map((c) => c.id);
}

describe('ReleaseGit.preflight (real repositories)', () => {
  let fx: Fixture;
  let rg: ReleaseGit;

  beforeEach(async () => {
    fx = await makeFixture();
    rg = new ReleaseGit(fx.work);
  });
  afterEach(() => fx.cleanup());

  it('passes every check on a clean master in sync with origin', async () => {
    await git(fx.work, 'branch', 'feature/login');
    await git(fx.work, 'push', '--quiet', 'origin', 'feature/login');
    const checks = await rg.preflight({ featureBranch: 'feature/login', tag: 'v1.0.0' });
    assert.deepEqual(
      checks.map((c) => c.id),
      ['repo', 'branch', 'clean', 'upstream', 'featureBranch', 'tagFree', 'noMerge'],
    );
    assert.deepEqual(failed(checks), [], JSON.stringify(checks, null, 2));
    assert.match(check(checks, 'featureBranch').detail, /locally and on origin/);
    for (const c of checks) assert.equal(c.fix, undefined);
  });

  it('omits featureBranch and tagFree when not asked', async () => {
    const checks = await rg.preflight();
    assert.deepEqual(
      checks.map((c) => c.id),
      ['repo', 'branch', 'clean', 'upstream', 'noMerge'],
    );
  });

  it('fails clean on a dirty tree, listing modified and untracked files', async () => {
    await writeFile(path.join(fx.work, 'README.md'), '# Changed\n');
    await writeFile(path.join(fx.work, 'new file.txt'), 'x\n');
    const checks = await rg.preflight();
    assert.deepEqual(failed(checks), ['clean']);
    const clean = check(checks, 'clean');
    assert.match(clean.detail, /2 uncommitted changes/);
    assert.match(clean.detail, / M README\.md/);
    assert.match(clean.detail, /\?\? new file\.txt/);
    assert.match(clean.fix ?? '', /git stash push --include-untracked/);
  });

  it('lists at most 10 changed files', async () => {
    for (let i = 0; i < 12; i++) await writeFile(path.join(fx.work, `f${i}.txt`), 'x');
    const clean = check(await rg.preflight({ fetch: false }), 'clean');
    assert.match(clean.detail, /12 uncommitted changes/);
    assert.match(clean.detail, /… and 2 more/);
    assert.equal(clean.detail.split('\n').length, 1 + 10 + 1);
  });

  it('fails upstream with git pull --ff-only when origin moved on (only after fetching)', async () => {
    const other = await fx.cloneAnother();
    await commitFile(other, 'b.txt', 'b', 'feat: from another clone');
    await git(other, 'push', '--quiet', 'origin', 'master');

    const offline = check(await rg.preflight({ fetch: false }), 'upstream');
    assert.equal(offline.ok, true, 'without fetch the tracking ref is stale');
    assert.match(offline.detail, /not fetched/);

    const upstream = check(await rg.preflight(), 'upstream');
    assert.equal(upstream.ok, false);
    assert.match(upstream.detail, /1 commit behind origin\/master/);
    assert.equal(upstream.fix, 'git pull --ff-only');
  });

  it('fails upstream with git push when local commits are not pushed', async () => {
    await commitFile(fx.work, 'a.txt', 'a', 'feat: local');
    await commitFile(fx.work, 'a.txt', 'aa', 'fix: local');
    const upstream = check(await rg.preflight(), 'upstream');
    assert.equal(upstream.ok, false);
    assert.match(upstream.detail, /2 commits ahead of origin\/master/);
    assert.equal(upstream.fix, 'git push');
  });

  it('reports a diverged branch', async () => {
    const other = await fx.cloneAnother();
    await commitFile(other, 'b.txt', 'b', 'feat: remote');
    await git(other, 'push', '--quiet', 'origin', 'master');
    await commitFile(fx.work, 'a.txt', 'a', 'feat: local');
    const upstream = check(await rg.preflight(), 'upstream');
    assert.equal(upstream.ok, false);
    assert.match(upstream.detail, /diverged/);
    assert.equal(upstream.fix, 'git pull --rebase');
  });

  it('fails branch and upstream on a branch without upstream', async () => {
    await git(fx.work, 'switch', '--quiet', '-c', 'wip');
    const checks = await rg.preflight();
    assert.deepEqual(failed(checks), ['branch', 'upstream']);
    assert.equal(check(checks, 'branch').fix, 'git switch master');
    assert.match(check(checks, 'branch').detail, /On wip/);
    assert.equal(check(checks, 'upstream').fix, 'git push -u origin wip');
  });

  it('fails branch on a detached HEAD', async () => {
    await git(fx.work, 'switch', '--quiet', '--detach', 'HEAD');
    const branch = check(await rg.preflight(), 'branch');
    assert.equal(branch.ok, false);
    assert.match(branch.detail, /detached/);
  });

  it('says where the feature branch exists: local only, remote only, nowhere', async () => {
    await git(fx.work, 'branch', 'feature/local');
    const other = await fx.cloneAnother();
    await git(other, 'push', '--quiet', 'origin', 'master:refs/heads/feature/remote');

    const local = check(await rg.preflight({ featureBranch: 'feature/local' }), 'featureBranch');
    assert.equal(local.ok, true);
    assert.match(local.detail, /locally only/);

    const remote = check(await rg.preflight({ featureBranch: 'feature/remote' }), 'featureBranch');
    assert.equal(remote.ok, true);
    assert.match(remote.detail, /on origin only/);

    const missing = check(await rg.preflight({ featureBranch: 'feature/missing' }), 'featureBranch');
    assert.equal(missing.ok, false);
    assert.match(missing.detail, /neither locally nor on origin/);
    assert.match(missing.fix ?? '', /git branch --all/);
  });

  it('checks the tag locally and on origin', async () => {
    await git(fx.work, 'tag', 'v1.0.0');
    await git(fx.work, 'config', 'remote.origin.tagOpt', '--no-tags'); // keep fetch from copying v2.0.0 here
    const other = await fx.cloneAnother();
    await git(other, 'tag', '-a', '-m', 'release', 'v2.0.0');
    await git(other, 'push', '--quiet', 'origin', 'v2.0.0');

    const local = check(await rg.preflight({ tag: 'v1.0.0' }), 'tagFree');
    assert.equal(local.ok, false);
    assert.match(local.detail, /exists locally \(not on origin\)/);
    assert.equal(local.fix, 'git tag -d v1.0.0');

    const remote = check(await rg.preflight({ tag: 'v2.0.0' }), 'tagFree');
    assert.equal(remote.ok, false);
    assert.match(remote.detail, /exists on origin \(not locally\)/);
    assert.match(remote.fix ?? '', /Choose another version/);

    const offline = check(await rg.preflight({ tag: 'v3.0.0', fetch: false }), 'tagFree');
    assert.equal(offline.ok, true);
    assert.match(offline.detail, /not checked/);

    const free = check(await rg.preflight({ tag: 'v3.0.0' }), 'tagFree');
    assert.equal(free.ok, true);
    assert.match(free.detail, /locally or on origin/);
  });

  it('fails noMerge during a conflicted merge, and conflictedFiles lists the file', async () => {
    await git(fx.work, 'switch', '--quiet', '-c', 'other');
    await commitFile(fx.work, 'README.md', '# Other\n', 'docs: other');
    await git(fx.work, 'switch', '--quiet', 'master');
    await commitFile(fx.work, 'README.md', '# Master\n', 'docs: master');
    assert.notEqual(await gitStatus(fx.work, 'merge', 'other'), 0);

    const checks = await rg.preflight({ fetch: false });
    const noMerge = check(checks, 'noMerge');
    assert.equal(noMerge.ok, false);
    assert.match(noMerge.detail, /merge is in progress/);
    assert.match(noMerge.fix ?? '', /git merge --abort/);
    assert.match(check(checks, 'clean').detail, /UU README\.md/);
    assert.deepEqual(await rg.conflictedFiles(), ['README.md']);
  });

  it('fails noMerge during a cherry-pick', async () => {
    await git(fx.work, 'switch', '--quiet', '-c', 'other');
    const pick = await commitFile(fx.work, 'README.md', '# Other\n', 'docs: other');
    await git(fx.work, 'switch', '--quiet', 'master');
    await commitFile(fx.work, 'README.md', '# Master\n', 'docs: master');
    assert.notEqual(await gitStatus(fx.work, 'cherry-pick', pick), 0);
    const noMerge = check(await rg.preflight({ fetch: false }), 'noMerge');
    assert.equal(noMerge.ok, false);
    assert.match(noMerge.fix ?? '', /git cherry-pick --abort/);
  });

  it('turns a fetch failure into a failed check, without throwing', async () => {
    await git(fx.work, 'remote', 'set-url', 'origin', path.join(fx.root, 'missing.git'));
    const checks = await rg.preflight({ featureBranch: 'master', tag: 'v9.9.9' });
    const upstream = check(checks, 'upstream');
    assert.equal(upstream.ok, false);
    assert.match(upstream.detail, /git fetch origin failed/);
    assert.match(upstream.fix ?? '', /git remote -v/);
    assert.doesNotMatch(upstream.detail, /\n\s+at /, 'no stack trace');
    assert.equal(check(checks, 'featureBranch').ok, true, 'exists locally even when origin is unreachable');
    assert.equal(check(checks, 'tagFree').ok, false, 'origin could not be checked');
  });
});

describe('ReleaseGit.preflight outside a usable repository', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'deploy-pilot-nogit-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('fails the repo check and skips the others in a plain folder', async () => {
    const checks = await new ReleaseGit(dir).preflight({ featureBranch: 'x', tag: 'v1' });
    assert.equal(checks.length, 1);
    const repo = check(checks, 'repo');
    assert.equal(repo.ok, false);
    assert.match(repo.detail, /not a git repository/);
    assert.match(repo.fix ?? '', /git init/);
  });

  it('fails the repo check for a folder that does not exist', async () => {
    const checks = await new ReleaseGit(path.join(dir, 'missing')).preflight();
    assert.deepEqual(failed(checks), ['repo']);
  });

  it('defaults the main branch to main when master does not exist', async () => {
    const fx = await makeFixture('main');
    try {
      const checks = await new ReleaseGit(fx.work).preflight();
      assert.deepEqual(failed(checks), []);
      assert.equal(check(checks, 'branch').title, 'On main');
      const explicit = check(await new ReleaseGit(fx.work).preflight({ mainBranch: 'release', fetch: false }), 'branch');
      assert.equal(explicit.ok, false);
      assert.equal(explicit.fix, 'git switch release');
    } finally {
      await fx.cleanup();
    }
  });
});
