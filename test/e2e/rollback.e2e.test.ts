// Roll Back… as a person sees it: the ↶ action on the runbook's rollback section in the tree, the
// modal with from → to and the exact commands, then the result notification after verification.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { RunRecord } from '../../src/core/run';
import type { TestService } from '../support/testService';
import { startTestService } from '../support/testService';
import { openDevHost, openViewContainer, type DevHost } from './harness';

function runbook(url: string): string {
  return `---
environments:
  staging:
    healthUrl: ${url}/health
    health:
      interval: 1s
rollback:
  verify:
    consecutiveHealthy: 3
    timeout: 60s
---
# Release v1.1.0

## STEP 1: Deploy

\`\`\`bash
echo "deploying v1.1.0"
\`\`\`

## Rollback Procedures (If Needed)

### Quick Rollback

\`\`\`bash
echo "$PREVIOUS_TAG" > deployed-version.txt
echo "staging now runs $PREVIOUS_TAG"
\`\`\`
`;
}

describe('e2e: Roll Back… from the tree, its modal and its result', () => {
  let host: DevHost;
  let service: TestService;
  let fixture: string;

  before(async () => {
    service = await startTestService({ trafficPerSecond: 5 });
    fixture = mkdtempSync(path.join(tmpdir(), 'dp-e2e-rollback-'));
    writeFileSync(path.join(fixture, 'RELEASE.runbook.md'), runbook(service.url));
    writeFileSync(path.join(fixture, '.gitignore'), '.deploy-pilot/\n.vscode/\n');
    const git = (...args: string[]): string => execFileSync('git', ['-c', 'user.name=Deploy Pilot Tests', '-c', 'user.email=ops@example.test', ...args], { cwd: fixture, encoding: 'utf8' });
    git('init', '-q', '-b', 'master');
    git('add', '-A');
    git('commit', '-q', '-m', 'release');
    git('tag', 'v1.0.0');
    git('tag', 'v1.1.0');
    // openDevHost copies the folder (with .git) to a temp workspace of its own.
    host = await openDevHost({ workspaceFixture: fixture, settings: { 'terminal.integrated.gpuAcceleration': 'off' } });
  });

  after(async () => {
    await host?.stop();
    await service?.close();
    if (fixture) rmSync(fixture, { recursive: true, force: true });
  });

  it('shows from → to and the exact commands in a modal, runs them, and reports healthy after 3 probes', async () => {
    const { page } = host;
    const sidebar = await openViewContainer(page, 'Deploy Pilot');
    const row = (label: string) => sidebar.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: label }) }).first();
    const procedures = row('Rollback Procedures');
    await procedures.waitFor({ timeout: 30_000 }).catch(async (error: unknown) => {
      await host.screenshot('rollback-tree-missing');
      throw error;
    });
    const section = procedures;
    await section.hover();
    await section.locator('.action-label[aria-label="Roll Back…"]').click();

    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 30_000 });
    const text = await dialog.innerText();
    assert.match(text, /Roll back staging from v1\.1\.0 to v1\.0\.0\?/);
    assert.match(text, /From the runbook's rollback section:/);
    assert.match(text, /1\. echo "\$PREVIOUS_TAG" > deployed-version\.txt\s+\(PREVIOUS_TAG=v1\.0\.0\)/);
    assert.match(text, /2\. echo "staging now runs \$PREVIOUS_TAG"/);
    await host.screenshot('rollback-confirm');
    await dialog.locator('.monaco-button', { hasText: 'Roll Back' }).first().click();

    const result = page.locator('.notification-toast', { hasText: 'Rolled back staging from v1.1.0 to v1.0.0' });
    await result.waitFor({ timeout: 60_000 });
    assert.match(await result.innerText(), /and it is healthy \(3 healthy checks in [\d.]+ (ms|s)\)/);
    const terminalText = await page.locator('.xterm-rows').first().innerText();
    assert.match(terminalText, /staging now runs v1\.0\.0/);
    await page.waitForTimeout(1200); // the toast slides in: let it settle for the picture
    // Expanded, the toast shows the whole result and its next-step buttons.
    await result.hover();
    await result.locator('.codicon-notifications-expand').click({ timeout: 5000 }).catch(() => undefined);
    await page.waitForTimeout(500);
    await host.screenshot('rollback-result');

    assert.equal(readFileSync(path.join(host.workspace, 'deployed-version.txt'), 'utf8').trim(), 'v1.0.0');
    const runs = path.join(host.workspace, '.deploy-pilot', 'runs');
    const records = readdirSync(runs).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(path.join(runs, f), 'utf8')) as RunRecord);
    const rollback = records.flatMap((r) => r.rollbacks ?? []).at(-1);
    assert.equal(rollback?.state, 'healthy', JSON.stringify(rollback));
    assert.equal(rollback?.from, 'v1.1.0');
    assert.equal(rollback?.to, 'v1.0.0');
    assert.equal(rollback?.healthyChecks, 3);
  });
});
