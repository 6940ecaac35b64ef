// The step runner as a person sees it: ▶ on a step in the Runbook view, the command in the
// "Deploy Pilot: local" terminal, the failure notification with its choices; and the refusal to
// run anything in Restricted Mode.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { RunRecord } from '../../src/core/run';
import { openCommandPalette, openDevHost, openViewContainer, reloadWindow, runCommand, treeRow, type DevHost } from './harness';

describe('e2e: running a step', () => {
  let host: DevHost;

  before(async () => {
    // The DOM renderer keeps the terminal's text readable (the canvas renderer paints pixels).
    host = await openDevHost({ workspaceFixture: 'runner', settings: { 'terminal.integrated.gpuAcceleration': 'off' } });
  });

  after(async () => {
    await host?.stop();
  });

  it('runs a step from the tree; a failing command stops it, shows its exit code and the terminal', async () => {
    const { page } = host;
    const sidebar = await openViewContainer(page, 'Deploy Pilot');
    const step = treeRow(sidebar, 'Step 2: Smoke test');
    await step.waitFor({ timeout: 30_000 });
    await step.hover();
    await step.locator('.action-label[aria-label="Run Step"]').click();
    const notification = page.locator('.notification-toast', { hasText: 'failed with exit code 7' });
    await notification.waitFor({ timeout: 60_000 });
    for (const choice of ['Retry', 'Skip', 'Mark done', 'Abort']) {
      assert.ok(await notification.locator('.monaco-button', { hasText: choice }).first().isVisible(), `no "${choice}" button`);
    }
    const terminal = page.locator('.terminal-wrapper, .xterm').first();
    await terminal.waitFor({ timeout: 20_000 });
    const terminalText = await page.locator('.xterm-rows').first().innerText();
    assert.match(terminalText, /health check failed: HTTP 503/);
    assert.doesNotMatch(terminalText, /never reached/);
    assert.ok(await page.locator('.tabs-container, .terminal-tabs-entry, .single-terminal-tab', { hasText: 'Deploy Pilot: local' }).first().isVisible().catch(() => false) || /Deploy Pilot: local/.test(await page.locator('.part.panel').innerText()));
    await host.screenshot('runner-step-failed');

    await notification.locator('.monaco-button', { hasText: 'Abort' }).first().click();
    await sidebar.locator('.monaco-list-row', { hasText: 'failed' }).first().waitFor({ timeout: 10_000 });
    await host.screenshot('runner-tree-after-abort');
  });

  it('shows the release preflight at the top of the tree, with the fix for each failed check', async () => {
    const { page } = host;
    execFileSync('git', ['init', '-q', '-b', 'master'], { cwd: host.workspace });
    await runCommand(page, 'Deploy Pilot: Run Preflight');
    const sidebar = await openViewContainer(page, 'Deploy Pilot');
    const group = treeRow(sidebar, 'Preflight');
    await group.waitFor({ timeout: 30_000 });
    assert.match(await group.innerText(), /failed/);
    await treeRow(sidebar, 'Working tree clean').waitFor({ timeout: 10_000 });
    await page.waitForTimeout(1000);
    await host.screenshot('release-preflight');
  });
});

describe('e2e: the extension host dies in the middle of a command', () => {
  let host: DevHost;

  before(async () => {
    host = await openDevHost({ workspaceFixture: 'runner', settings: { 'terminal.integrated.gpuAcceleration': 'off' } });
  });

  after(async () => {
    await host?.stop();
  });

  it('keeps the run record, and shows the command as interrupted after the host restarts', async () => {
    const { page } = host;
    const sidebar = await openViewContainer(page, 'Deploy Pilot');
    const step = treeRow(sidebar, 'Step 3: Slow migration');
    await step.waitFor({ timeout: 30_000 });
    await step.hover();
    await step.locator('.action-label[aria-label="Run Step"]').click();
    // `sleep 9` is running (awaited) once "migrating" is printed.
    await page.locator('.xterm-rows', { hasText: 'migrating' }).first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1000);
    const runs = path.join(host.workspace, '.deploy-pilot', 'runs');
    const before = JSON.parse(readFileSync(path.join(runs, readdirSync(runs).filter((f) => f.endsWith('.json'))[0] ?? ''), 'utf8')) as RunRecord;
    assert.equal(before.state, 'running');
    assert.deepEqual(before.commands.map((c) => c.status), ['succeeded', 'running']);

    // Kill the extension host the hard way, as a crash would.
    execFileSync('pkill', ['-KILL', '-f', 'type=extensionHost']);
    // The operator restarts the extension host: the notification's button, or a window reload.
    await page.waitForTimeout(2000);
    await host.screenshot('runner-host-crashed');
    const restart = page.locator('.notification-toast .monaco-button', { hasText: /Restart/ }).first();
    if (await restart.isVisible()) await restart.click();
    else await reloadWindow(page);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });

    // After the reload the Deploy Pilot container is usually restored open; open it when it is not.
    const restored = treeRow(page.locator('.part.sidebar'), 'Step 3: Slow migration');
    const visible = await restored
      .waitFor({ timeout: 30_000 })
      .then(() => true)
      .catch(() => false);
    const interrupted = visible ? restored : treeRow(await openViewContainer(page, 'Deploy Pilot'), 'Step 3: Slow migration');
    await interrupted.locator('.label-description', { hasText: 'interrupted' }).waitFor({ timeout: 60_000 });
    const files = readdirSync(runs).filter((f) => f.endsWith('.json'));
    assert.equal(files.length, 1, 'the same run, no new one');
    const after = JSON.parse(readFileSync(path.join(runs, files[0] ?? ''), 'utf8')) as RunRecord;
    assert.equal(after.id, before.id);
    assert.equal(after.state, 'interrupted');
    assert.deepEqual(after.commands.map((c) => [c.status, c.exitCode ?? null]), [
      ['succeeded', 0],
      ['interrupted', null],
    ]);
    await host.screenshot('runner-interrupted-after-restart');
  });
});

describe('e2e: Restricted Mode', () => {
  let host: DevHost;

  before(async () => {
    host = await openDevHost({ workspaceFixture: 'runner', settings: { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' } });
  });

  after(async () => {
    await host?.stop();
  });

  it('refuses to run anything in an untrusted workspace and says how to trust it', async () => {
    const { page } = host;
    const sidebar = await openViewContainer(page, 'Deploy Pilot');
    await treeRow(sidebar, 'Step 1: Check the tools').waitFor({ timeout: 30_000 });
    // The command opens its own step picker right away, so type it into the palette by hand
    // (runCommand waits for the palette to close).
    const palette = await openCommandPalette(page);
    await palette.locator('input').fill('>Deploy Pilot: Run Step');
    await palette.locator('.monaco-list-row', { hasText: 'Deploy Pilot: Run Step' }).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    await palette.locator('.monaco-list-row', { hasText: 'Step 1: Check the tools' }).first().click();
    const refusal = page.locator('.notification-toast', { hasText: 'runs no command in Restricted Mode' });
    await refusal.waitFor({ timeout: 20_000 });
    assert.ok(await refusal.locator('.monaco-button', { hasText: 'Manage Workspace Trust' }).first().isVisible());
    assert.equal(await page.locator('.xterm-rows').count(), 0, 'no terminal was opened');
    await page.waitForTimeout(1000); // the toast fades in
    await host.screenshot('runner-restricted-mode');
  });
});
