import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DeployPilotApi } from '../../src/api';
import type { RollbackPlan, RollbackResult } from '../../src/core/rollback';
import type { TestService } from '../support/testService';
import { startTestService } from '../support/testService';
import { activateExtension, ensureGitRepo, git, sleep, waitForState, workspaceRoot, writeText } from './helpers';

describe('Roll Back… in a real extension host (previous tag from git, runbook rollback section, verified by the monitor)', function () {
  this.timeout(120_000);
  let api: DeployPilotApi;
  let service: TestService;
  let root: string;
  const createdTags: string[] = [];
  const plans: Extract<RollbackPlan, { ok: true }>[] = [];
  const shown: RollbackResult[] = [];
  const notices: string[] = [];

  before(async () => {
    api = await activateExtension();
    root = ensureGitRepo();
    for (const tag of ['v1.0.0', 'v1.1.0']) {
      if (git(root, 'tag', '-l', tag).trim()) continue;
      git(root, 'tag', tag);
      createdTags.push(tag);
    }
    service = await startTestService({ trafficPerSecond: 10 });
    const runbook = vscode.Uri.joinPath(workspaceRoot(), 'ROLLBACK.runbook.md');
    await writeText(
      runbook,
      `---\nenvironments:\n  staging:\n    healthUrl: ${service.url}/health\n    health:\n      interval: 1s\nrollback:\n  verify:\n    consecutiveHealthy: 3\n    timeout: 60s\n---\n# Release\n\n## STEP 1: Deploy\n\n\`\`\`bash\necho deploy\n\`\`\`\n\n## Rollback Procedures (If Needed)\n\n### Quick Rollback\n\n\`\`\`bash\necho "$PREVIOUS_TAG" > deployed-version.txt\n\`\`\`\n`,
    );
    await vscode.commands.executeCommand('deployPilot.openRunbook', runbook);
    await waitForState(api, 'ok', (s) => s.uri.path.endsWith('ROLLBACK.runbook.md'));
    await api.session.whenReady();
    api.session.reset();
    api.runner.ui = { confirmDestructive: () => Promise.resolve(true), onStop: () => Promise.resolve('Abort'), askValue: () => Promise.resolve(undefined) };
    api.rollback.ui = {
      pickEnvironment: () => Promise.resolve('staging'),
      confirm: (plan) => {
        plans.push(plan);
        return Promise.resolve(true);
      },
      show: (result) => void shown.push(result),
      info: (message) => void notices.push(message),
    };
    await api.monitoring.start(['staging']);
  });

  after(async () => {
    // Other suites compute releases from the tags: leave none of ours behind.
    for (const tag of createdTags) if (git(root, 'tag', '-l', tag).trim()) git(root, 'tag', '-d', tag);
    await api?.monitoring.stop();
    await service?.close();
    // Later suites start from the seed as the chosen runbook.
    await vscode.commands.executeCommand('deployPilot.openRunbook', vscode.Uri.joinPath(workspaceRoot(), 'PHASE8_DEPLOYMENT_GUIDE.md'));
    await waitForState(api, 'ok', (s) => s.uri.path.endsWith('PHASE8_DEPLOYMENT_GUIDE.md'));
  });

  it('rolls back from v1.1.0 to v1.0.0 through the terminal, and proves it healthy with 3 consecutive probes', async () => {
    const started = Date.now();
    const result = await api.rollback.run('staging');
    const elapsed = Date.now() - started;
    assert.equal(plans[0]?.from, 'v1.1.0');
    assert.equal(plans[0]?.to, 'v1.0.0');
    assert.deepEqual(plans[0]?.commands.map((c) => c.text), ['echo "$PREVIOUS_TAG" > deployed-version.txt']);
    assert.equal(readFileSync(path.join(root, 'deployed-version.txt'), 'utf8').trim(), 'v1.0.0');
    assert.equal(result?.outcome, 'healthy', JSON.stringify(result));
    assert.ok(result?.outcome === 'healthy' && result.healthyChecks === 3 && result.timeToHealthyMs <= elapsed, JSON.stringify(result));
    const record = api.session.current;
    const ran = (record?.commands ?? []).filter((c) => c.commandId.startsWith('/rollback/staging'));
    assert.deepEqual(ran.map((c) => [c.text, c.exitCode]), [
      ['export PREVIOUS_TAG=v1.0.0', 0],
      ['echo "$PREVIOUS_TAG" > deployed-version.txt', 0],
    ]);
    assert.equal(shown.at(-1)?.outcome, 'healthy');
    const rollback = record?.rollbacks?.at(-1);
    assert.equal(rollback?.state, 'healthy', JSON.stringify(rollback));
    assert.equal(rollback?.automatic, false);
    assert.ok(rollback?.commandsEndedAt !== undefined && rollback.endedAt !== undefined && rollback.commandsEndedAt <= rollback.endedAt, JSON.stringify(rollback));
  });

  it('rolling back again is a no-op that says so: staging already runs v1.0.0', async () => {
    const plansBefore = plans.length;
    const result = await api.rollback.run('staging');
    assert.equal(result, undefined);
    assert.equal(plans.length, plansBefore, 'no modal for a no-op');
    assert.match(notices.at(-1) ?? '', /^staging already runs v1\.0\.0 \(rolled back from v1\.1\.0 at \d\d:\d\d UTC, healthy\): nothing to roll back\.$/);
  });

  it('says what it searched when there is no previous release', async () => {
    git(root, 'tag', '-d', 'v1.0.0');
    try {
      const tags = git(root, 'tag', '-l', 'v*').trim().split('\n').filter(Boolean);
      // With only one release left before the current one there may still be a prerelease; drop the ones older than v1.1.0.
      for (const tag of tags) if (tag !== 'v1.1.0') git(root, 'tag', '-d', tag);
      api.session.reset();
      await sleep(100);
      await assert.rejects(api.rollback.run('staging'), /No previous release/);
    } finally {
      git(root, 'tag', 'v1.0.0', 'HEAD');
    }
  });
  it('lets the operator pick another version than the previous release', async () => {
    git(root, 'tag', 'v1.2.0', 'HEAD');
    const offered: string[][] = [];
    const ui = api.rollback.ui;
    api.rollback.ui = {
      ...ui,
      pickTarget: (_environment, from, candidates) => {
        offered.push([from, ...candidates.map((c) => c.tag)]);
        return Promise.resolve('v1.0.0');
      },
    };
    try {
      api.session.reset();
      const result = await api.rollback.run('staging');
      assert.deepEqual(offered, [['v1.2.0', 'v1.1.0', 'v1.0.0']], 'the previous release first, then older ones');
      assert.equal(plans.at(-1)?.to, 'v1.0.0');
      assert.equal(result?.outcome, 'healthy', JSON.stringify(result));
      assert.equal(readFileSync(path.join(root, 'deployed-version.txt'), 'utf8').trim(), 'v1.0.0');
    } finally {
      api.rollback.ui = ui;
      git(root, 'tag', '-d', 'v1.2.0');
    }
  });
});
