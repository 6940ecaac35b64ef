import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DeployPilotApi } from '../../src/api';
import { activateExtension, ensureGitRepo, git } from './helpers';

describe('CHANGELOG entry insertion in a real editor', function () {
  this.timeout(60_000);
  let api: DeployPilotApi;
  let root: string;

  before(async () => {
    api = await activateExtension();
    root = ensureGitRepo();
    git(root, 'tag', '-a', 'v0.9.0', '-m', 'Release v0.9.0');
    const commit = (file: string, message: string, body?: string): void => {
      writeFileSync(path.join(root, file), `${message}\n`);
      git(root, 'add', file);
      git(root, 'commit', '-m', message, ...(body ? ['-m', body] : []));
    };
    commit('health.txt', 'feat: add the /api/health endpoint');
    commit('client.txt', 'fix(api): time out upstream calls after 5 s');
    commit('readme.txt', 'docs: explain the rollback');
    commit('pool.txt', 'Tune the connection pool size');
  });

  it('inserts the entry for the commits since v0.9.0 below Unreleased, as a snippet', async () => {
    const changelog = path.join(root, 'CHANGELOG.md');
    writeFileSync(
      changelog,
      ['# Changelog', '', 'All notable changes.', '', '## [Unreleased]', '', '## [0.9.0] - 2025-01-01', '', '### Added', '', '- First release', ''].join('\r\n'),
    );
    const offered: string[] = [];
    api.release.ui = {
      pickVersion: (items) => {
        offered.push(...items.map((i) => `${i.label} ${i.description}`));
        return Promise.resolve(items[0]?.version);
      },
      pickTemplate: () => Promise.resolve('keep-a-changelog'),
    };
    const editor = await api.release.insertChangelogEntry();
    assert.ok(editor);
    assert.match(offered[0] ?? '', /^v0\.10\.0 suggested \(minor, from 4 commits since v0\.9\.0\)$/);
    const today = new Date().toISOString().slice(0, 10);
    const lines = editor.document.getText().split('\r\n');
    const at = lines.indexOf(`## [0.10.0] - ${today}`);
    assert.equal(at, 6, `the entry starts where "## [0.9.0]" was:\n${lines.join('\n')}`);
    const entry = lines.slice(at, lines.indexOf('## [0.9.0] - 2025-01-01'));
    const items = entry.filter((l) => l.startsWith('- ') || l.startsWith('### '));
    assert.deepEqual(
      items.map((l) => l.replace(/ \([0-9a-f]{7}\)$/, '')),
      ['### Added', '- add the /api/health endpoint', '### Changed', '- Tune the connection pool size', '### Fixed', '- **api:** time out upstream calls after 5 s'],
    );
    assert.equal(editor.document.eol, vscode.EndOfLine.CRLF, 'the file keeps its CRLF line endings');
    assert.equal(editor.document.getText().includes('\r\n## [0.10.0]'), true);
    assert.equal(/[^\r]\n/.test(editor.document.getText()), false, 'no bare LF was inserted');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

describe('Release preflight in a real repository', function () {
  this.timeout(60_000);

  it("checks the seed's feature branch and tag and shows the result at the top of the tree", async () => {
    const api = await activateExtension();
    ensureGitRepo();
    await vscode.commands.executeCommand('deployPilot.openRunbook', vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file('/'), 'PHASE8_DEPLOYMENT_GUIDE.md'));
    const result = await api.release.preflight.run();
    assert.equal(result.featureBranch, 'feature/resilience-hardening');
    assert.equal(result.tag, 'v1.0.0-rc1');
    const byId = new Map(result.checks.map((c) => [c.id, c]));
    assert.deepEqual([...byId.keys()], ['repo', 'branch', 'clean', 'upstream', 'featureBranch', 'tagFree', 'noMerge']);
    assert.equal(byId.get('repo')?.ok, true);
    assert.equal(byId.get('branch')?.ok, true);
    assert.equal(byId.get('featureBranch')?.ok, false, 'the feature branch does not exist in the test repository');
    assert.equal(byId.get('tagFree')?.ok, true);
    assert.equal(byId.get('noMerge')?.ok, true);
    const [first] = api.tree.getChildren();
    assert.equal(first?.kind, 'preflightGroup');
    const checks = api.tree.getChildren(first);
    assert.equal(checks.length, 7);
    const failedItem = api.tree.getTreeItem(checks[4] as (typeof checks)[number]);
    assert.equal(failedItem.contextValue, 'deployPilot.preflightCheck.failed');
  });
});
