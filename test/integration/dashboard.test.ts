import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DeployPilotApi } from '../../src/api';
import { DASHBOARD_VIEW_TYPE } from '../../src/features/dashboard/dashboardController';
import type { DashboardSession } from '../../src/features/dashboard/dashboardSession';
import type { TestService } from '../support/testService';
import { startTestService } from '../support/testService';
import { activateExtension, sleep, waitForState, workspaceRoot, writeText } from './helpers';

async function until(what: string, check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

describe('The dashboard protocol in a real extension host', function () {
  this.timeout(120_000);
  let api: DeployPilotApi;
  let service: TestService;
  const settings = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('deployPilot.monitoring');

  before(async () => {
    api = await activateExtension();
    service = await startTestService({ trafficPerSecond: 20 });
    await settings().update('scrapeInterval', 1, vscode.ConfigurationTarget.Workspace);
    await settings().update('evaluationInterval', 1, vscode.ConfigurationTarget.Workspace);
    const runbook = vscode.Uri.joinPath(workspaceRoot(), 'DASHBOARD.runbook.md');
    await writeText(
      runbook,
      `---\nenvironments:\n  staging:\n    healthUrl: ${service.url}/health\n    metricsUrl: ${service.url}/metrics\n    health:\n      interval: 1s\n---\n# Dashboard drill\n\n## STEP 1: Watch\n\n\`\`\`bash\ncurl -f ${service.url}/health\n\`\`\`\n`,
    );
    await vscode.commands.executeCommand('deployPilot.openRunbook', runbook);
    await waitForState(api, 'ok', (s) => s.uri.path.endsWith('DASHBOARD.runbook.md'));
    await api.monitoring.start(['staging']);
    await until('a first sample', () => api.monitoring.store.keys().some((k) => k.startsWith('staging/')), 20_000);
  });

  after(async () => {
    api.dashboard.active?.panel.dispose();
    await api.monitoring.stop();
    await service?.close();
    for (const key of ['scrapeInterval', 'evaluationInterval']) await settings().update(key, undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('sends nothing before the webview is ready, then one init, then only deltas and status', async () => {
    const session = api.dashboard.open('staging');
    assert.equal(session.posted.size, 0, 'the host streamed before the webview said ready');
    await until('the init after ready', () => (session.posted.get('init') ?? 0) === 1, 30_000);
    await until('appends and a status', () => (session.posted.get('append') ?? 0) >= 3 && (session.posted.get('status') ?? 0) >= 1, 30_000);
    const appendsBefore = session.posted.get('append') ?? 0;
    await sleep(3000);
    const appends = (session.posted.get('append') ?? 0) - appendsBefore;
    assert.equal(session.posted.get('init'), 1, 'a second init while streaming');
    // Batched: at most one append per 250 ms flush, whatever the number of samples.
    assert.ok(appends >= 2 && appends <= 13, `${appends} appends in 3 s`);
    assert.equal(session.environment, 'staging');
    assert.equal(session.window, '1h');
  });

  it('restores a panel through its serializer: the new page says ready and gets the history again', async () => {
    // A getter, read afresh each time (TypeScript would narrow a property read across the awaits).
    const active = (): DashboardSession | undefined => api.dashboard.active;
    active()?.panel.dispose();
    assert.equal(active(), undefined);
    const panel = vscode.window.createWebviewPanel(DASHBOARD_VIEW_TYPE, 'Deploy Pilot Dashboard', vscode.ViewColumn.Active, { enableScripts: true });
    await api.dashboard.deserializeWebviewPanel(panel);
    const session = active();
    assert.ok(session, 'the serializer attached a session');
    await until('the init of the restored page', () => (session.posted.get('init') ?? 0) === 1, 30_000);
    assert.equal(session.environment, 'staging');
    panel.dispose();
    assert.equal(active(), undefined, 'disposing the panel ends its session');
  });
});
