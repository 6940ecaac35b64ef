// The step runner as a person sees it: ▶ on a step in the Runbook view, the command in the
// "Deploy Pilot: local" terminal, the failure notification with its choices; and the refusal to
// run anything in Restricted Mode.
import * as assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { openDevHost, openViewContainer, runCommand, type DevHost } from './harness';

function row(sidebar: Locator, label: string): Locator {
  return sidebar.locator('.monaco-list-row', { has: sidebar.page().locator('.label-name', { hasText: label }) }).first();
}

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
    const step = row(sidebar, 'Step 2: Smoke test');
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
    await row(sidebar, 'Step 1: Check the tools').waitFor({ timeout: 30_000 });
    await runCommand(page, 'Deploy Pilot: Run Step');
    const picker = page.locator('.quick-input-widget');
    await picker.locator('.monaco-list-row', { hasText: 'Step 1: Check the tools' }).first().click();
    const refusal = page.locator('.notification-toast', { hasText: 'runs no command in Restricted Mode' });
    await refusal.waitFor({ timeout: 20_000 });
    assert.ok(await refusal.locator('.monaco-button', { hasText: 'Manage Workspace Trust' }).first().isVisible());
    assert.equal(await page.locator('.xterm-rows').count(), 0, 'no terminal was opened');
    await page.waitForTimeout(1000); // the toast fades in
    await host.screenshot('runner-restricted-mode');
  });
});
