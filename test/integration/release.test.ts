import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DeployPilotApi } from '../../src/api';
import type { RunRecord } from '../../src/core/run';
import { activateExtension, ensureGitRepo, git, waitForState, workspaceRoot } from './helpers';

const BRANCH = 'feature/resilience-hardening';

/** The commands one action ran (the run record holds every action of the run). */
function ofAction(record: RunRecord | undefined, action: string): RunRecord['commands'] {
  return (record?.commands ?? []).filter((c) => c.commandId.startsWith(`/release/${action}#`));
}
const TAG = 'v1.0.0-rc1';

describe("The seed's release steps from the tree, in a real repository", function () {
  this.timeout(120_000);
  let api: DeployPilotApi;
  let root: string;
  const conflicts: string[][] = [];

  before(async () => {
    api = await activateExtension();
    root = ensureGitRepo();
    git(root, 'checkout', 'master');
    git(root, 'checkout', '-b', BRANCH);
    for (const [file, message] of [
      ['stats.txt', 'feat: bound the stats accumulation'],
      ['gc.txt', 'fix: collect garbage at the reset trigger'],
    ] as const) {
      writeFileSync(path.join(root, file), `${message}\n`);
      git(root, 'add', file);
      git(root, 'commit', '-m', message);
    }
    git(root, 'push', '-u', 'origin', BRANCH);
    git(root, 'checkout', 'master');
    writeFileSync(path.join(root, 'CHANGELOG.md'), '# Changelog\n\n## [Unreleased]\n\n## [1.0.0-rc1] - 2025-10-20\n\n### Fixed\n- Memory leak in stats accumulation\n');
    git(root, 'add', 'CHANGELOG.md');
    git(root, 'commit', '-m', 'docs: Update CHANGELOG for v1.0.0-rc1');
    await vscode.commands.executeCommand('deployPilot.openRunbook', vscode.Uri.joinPath(workspaceRoot(), 'PHASE8_DEPLOYMENT_GUIDE.md'));
    await waitForState(api, 'ok', (s) => s.uri.path.endsWith('PHASE8_DEPLOYMENT_GUIDE.md'));
    await api.session.whenReady();
    api.session.reset();
    api.release.actions.ui = {
      branch: (suggested) => Promise.resolve(suggested),
      tag: (suggested) => Promise.resolve(suggested),
      message: (_title, value) => Promise.resolve(value),
      conflicts: (files) => {
        conflicts.push([...files]);
        return Promise.resolve();
      },
    };
    api.runner.ui = {
      confirmDestructive: () => Promise.resolve(true),
      onStop: () => Promise.resolve('Abort'),
      askValue: () => Promise.resolve(undefined),
    };
  });

  it('squash-merges the feature branch with a message made of its commit subjects', async () => {
    const record = await api.release.actions.run('squashMerge');
    assert.deepEqual(ofAction(record, 'squashMerge').map((c) => [c.label, c.exitCode]), [
      [`git merge --squash '${BRANCH}'`, 0],
      ["git commit --cleanup=whitespace -F '.git/DEPLOY_PILOT_SQUASH_MSG'", 0],
    ]);
    assert.equal(git(root, 'log', '-1', '--format=%s').trim(), `Squash merge ${BRANCH} (2 commits)`);
    assert.equal(git(root, 'log', '-1', '--format=%b').trim(), '- feat: bound the stats accumulation\n- fix: collect garbage at the reset trigger');
    assert.equal(git(root, 'rev-list', '--count', 'HEAD^..HEAD').trim(), '1', 'one squashed commit, no merge commit');
  });

  it('creates the annotated tag with the CHANGELOG entry as its message, and pushes branch and tag', async () => {
    const tagged = await api.release.actions.run('tag');
    assert.deepEqual(ofAction(tagged, 'tag').map((c) => c.exitCode), [0]);
    assert.equal(git(root, 'cat-file', '-t', TAG).trim(), 'tag', 'an annotated tag');
    assert.equal(git(root, 'tag', '-l', '--format=%(contents)', TAG).trim(), 'Release v1.0.0-rc1\n\n### Fixed\n- Memory leak in stats accumulation');
    const pushed = await api.release.actions.run('push');
    assert.deepEqual(ofAction(pushed, 'push').map((c) => [c.label, c.exitCode]), [
      ["git push origin 'master'", 0],
      [`git push origin '${TAG}'`, 0],
    ]);
    assert.match(git(root, 'ls-remote', '--tags', 'origin', TAG), /refs\/tags\/v1\.0\.0-rc1/);
    assert.equal(git(root, 'rev-parse', 'origin/master').trim(), git(root, 'rev-parse', 'master').trim());
  });

  it('deletes the feature branch locally and on the remote, after confirmation', async () => {
    const record = await api.release.actions.run('deleteBranch');
    assert.deepEqual(ofAction(record, 'deleteBranch').map((c) => [c.label, c.exitCode]), [
      [`git branch -d '${BRANCH}'`, 0],
      [`git push origin --delete '${BRANCH}'`, 0],
    ]);
    // `git branch -d` accepts it: the branch is merged into its upstream (origin/feature/…).
    assert.equal(git(root, 'branch', '--list', BRANCH).trim(), '');
    assert.equal(git(root, 'ls-remote', '--heads', 'origin', BRANCH).trim(), '');
  });

  it('stops on a merge conflict and lists the conflicting files', async () => {
    git(root, 'checkout', '-b', 'feature/conflict');
    writeFileSync(path.join(root, 'stats.txt'), 'theirs\n');
    git(root, 'commit', '-am', 'feat: change stats on the branch');
    git(root, 'checkout', 'master');
    writeFileSync(path.join(root, 'stats.txt'), 'ours\n');
    git(root, 'commit', '-am', 'fix: change stats on master');
    api.release.actions.ui = { ...api.release.actions.ui, branch: () => Promise.resolve('feature/conflict') };
    const record = await api.release.actions.run('merge');
    assert.deepEqual(ofAction(record, 'merge').map((c) => [c.status, c.exitCode]), [['failed', 1]]);
    assert.deepEqual(conflicts, [['stats.txt']]);
    git(root, 'merge', '--abort');
  });
});
