import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DeployPilotApi } from '../../src/api';
import type { RollbackResult } from '../../src/core/rollback';
import type { TestService } from '../support/testService';
import { startTestService } from '../support/testService';
import { activateExtension, ensureGitRepo, git, sleep, waitForState, workspaceRoot, writeText } from './helpers';

const COUNTDOWN_SECONDS = 2;

/** The rollback section "deploys v1": it switches the service's fault off, with node (no curl needed). */
function runbookText(url: string): string {
  const recover = `node -e "fetch('${url}/__fault',{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify({mode:'none'})}).then(r=>process.exit(r.ok?0:1))"`;
  return `---
environments:
  staging:
    healthUrl: ${url}/health
    metricsUrl: ${url}/metrics
    health:
      interval: 1s
    autoRollback:
      enabled: true
      alerts: [HighErrorRate]
      countdown: ${COUNTDOWN_SECONDS}s
alerts:
  - name: HighErrorRate
    condition: error_rate > 1%
    for: 2s
    severity: critical
rollback:
  verify:
    consecutiveHealthy: 3
    timeout: 60s
---
# Release

## STEP 1: Deploy v2

\`\`\`bash
echo deploy
\`\`\`

## Rollback Procedures (If Needed)

### Quick Rollback

\`\`\`bash
${recover}
echo "$PREVIOUS_TAG" > auto-rolled-back.txt
\`\`\`
`;
}

describe('Automatic rollback in a real extension host: an alert fires, a countdown, the rollback, verified healthy', function () {
  this.timeout(180_000);
  let api: DeployPilotApi;
  let service: TestService;
  let root: string;
  const createdTags: string[] = [];
  const settings = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('deployPilot.monitoring');

  before(async () => {
    api = await activateExtension();
    root = ensureGitRepo();
    for (const tag of ['v1.0.0', 'v1.1.0']) {
      if (git(root, 'tag', '-l', tag).trim()) continue;
      git(root, 'tag', tag);
      createdTags.push(tag);
    }
    service = await startTestService({ trafficPerSecond: 30 });
    for (const [key, value] of [['scrapeInterval', 1], ['evaluationInterval', 1], ['rateWindow', 3]] as const) await settings().update(key, value, vscode.ConfigurationTarget.Workspace);
    const runbook = vscode.Uri.joinPath(workspaceRoot(), 'AUTO.runbook.md');
    await writeText(runbook, runbookText(service.url));
    await vscode.commands.executeCommand('deployPilot.openRunbook', runbook);
    await waitForState(api, 'ok', (s) => s.uri.path.endsWith('AUTO.runbook.md'));
    await api.session.whenReady();
    api.session.reset();
    api.runner.ui = { confirmDestructive: () => Promise.resolve(true), onStop: () => Promise.resolve('Abort'), askValue: () => Promise.resolve(undefined) };
    api.rollback.ui = { pickEnvironment: () => Promise.resolve('staging'), confirm: () => Promise.resolve(false), show: () => undefined, info: () => undefined };
    api.autoRollback.ui = { countdown: () => ({ dispose: () => undefined }) };
    await api.monitoring.start(['staging']);
  });

  after(async () => {
    // Other suites compute releases from the tags: leave none of ours behind.
    for (const tag of createdTags) if (git(root, 'tag', '-l', tag).trim()) git(root, 'tag', '-d', tag);
    await api?.monitoring.stop();
    await service?.close();
    for (const key of ['scrapeInterval', 'evaluationInterval', 'rateWindow']) await settings().update(key, undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('deployPilot.openRunbook', vscode.Uri.joinPath(workspaceRoot(), 'PHASE8_DEPLOYMENT_GUIDE.md'));
    await waitForState(api, 'ok', (s) => s.uri.path.endsWith('PHASE8_DEPLOYMENT_GUIDE.md'));
  });

  it('rolls back by itself after the countdown when HighErrorRate fires, and v1.0.0 is healthy again', async () => {
    api.rollback.lastResult = undefined;
    await sleep(3000);
    service.setFault({ mode: 'error500' });
    const deadline = Date.now() + 90_000;
    // Read afresh each time (TypeScript would keep the narrowing of the assignment above).
    const last = (): RollbackResult | undefined => api.rollback.lastResult;
    while (!last() && Date.now() < deadline) await sleep(200);
    const result = last();
    assert.ok(result, `no rollback ran; decisions: ${JSON.stringify(api.autoRollback.decisions)}`);
    assert.equal(result.outcome, 'healthy', JSON.stringify(result));
    assert.equal(result.to, 'v1.0.0');
    assert.equal(readFileSync(path.join(root, 'auto-rolled-back.txt'), 'utf8').trim(), 'v1.0.0');
    const kinds = api.autoRollback.decisions.map((d) => d.decision.kind);
    assert.deepEqual(kinds.slice(0, 2), ['countdown', 'rollBackNow'], JSON.stringify(kinds));
    const ran = (api.session.current?.commands ?? []).filter((c) => c.commandId.startsWith('/rollback/staging'));
    assert.ok(ran.length === 3 && ran.every((c) => c.exitCode === 0), JSON.stringify(ran.map((c) => [c.text, c.exitCode])));
    assert.ok(result.outcome === 'healthy' && result.timeFromAlertMs !== undefined && result.timeFromAlertMs >= COUNTDOWN_SECONDS * 1000, JSON.stringify(result));
    const out = path.join(__dirname, '..', '..', '..', 'test-results', 'bench', 'auto-rollback.json');
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify({ alertFiringToHealthyMs: result.timeFromAlertMs, rollbackStartToHealthyMs: result.timeToHealthyMs, countdownSeconds: COUNTDOWN_SECONDS, healthInterval: '1s', consecutiveHealthy: 3, vscode: vscode.version }, null, 2)}\n`);
  });

  it('does nothing twice: the environment already runs the rolled-back version', async () => {
    service.setFault({ mode: 'error500' });
    const before = api.autoRollback.decisions.length;
    const deadline = Date.now() + 30_000;
    while (api.autoRollback.decisions.length === before && Date.now() < deadline) await sleep(200);
    service.setFault({ mode: 'none' });
    const next = api.autoRollback.decisions[before]?.decision;
    assert.equal(next?.kind, 'ignored', JSON.stringify(api.autoRollback.decisions.slice(before)));
    assert.match(next?.kind === 'ignored' ? next.reason : '', /already runs v1\.0\.0/);
  });
});
