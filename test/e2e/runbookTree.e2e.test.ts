// The Runbook view as a person sees it: the seed's steps in the Deploy Pilot sidebar, a checklist
// item ticked through its native checkbox, the tick still there after a window reload.
import * as assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { openDevHost, openViewContainer, reloadWindow, treeRow, type DevHost } from './harness';

async function expand(sidebar: Locator, label: string): Promise<void> {
  const target = treeRow(sidebar, label);
  await target.waitFor({ timeout: 20_000 });
  // Items carry a command (show source line), so only the twistie toggles them.
  if ((await target.getAttribute('aria-expanded')) === 'false') await target.locator('.monaco-tl-twistie').click();
  await until(async () => (await target.getAttribute('aria-expanded')) === 'true', `"${label}" did not expand`);
}

async function checkbox(sidebar: Locator, label: string): Promise<Locator> {
  const target = treeRow(sidebar, label);
  await target.waitFor({ timeout: 20_000 });
  return target.locator('.custom-view-tree-node-item-checkbox');
}

async function isChecked(box: Locator): Promise<boolean> {
  return (await box.getAttribute('aria-checked')) === 'true' || (await box.locator('.codicon-check').count()) > 0;
}

async function until(condition: () => Promise<boolean>, failure: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(failure);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function openRunbookView(page: Page): Promise<Locator> {
  const sidebar = await openViewContainer(page, 'Deploy Pilot');
  await treeRow(sidebar, 'STEP 1: Prepare Master Branch').waitFor({ timeout: 30_000 });
  return sidebar;
}

describe('e2e: the Runbook view', () => {
  let host: DevHost;

  before(async () => {
    host = await openDevHost({ workspaceFixture: 'seed' });
  });

  after(async () => {
    await host?.stop();
  });

  it('shows the seed runbook steps in the Deploy Pilot sidebar', async () => {
    const sidebar = await openRunbookView(host.page);
    for (const label of ['Quick Start (For Experienced DevOps)', 'STEP 6: Cleanup Feature Branch', 'Rollback Procedures (If Needed)', 'Sign-Off Checklist']) {
      assert.ok(await treeRow(sidebar, label).isVisible(), `row "${label}" not visible`);
    }
    const text = await sidebar.innerText();
    assert.doesNotMatch(text, /‚ö|üì|‚úÖ/, 'raw mojibake in the tree');
    await host.screenshot('runbook-tree');
  });

  it('ticks a checklist item with its native checkbox, and the tick survives a window reload', async () => {
    const { page } = host;
    let sidebar = await openRunbookView(page);
    await expand(sidebar, 'Success Criteria');
    await expand(sidebar, 'First Hour');
    const box = await checkbox(sidebar, 'Application started successfully');
    assert.equal(await isChecked(box), false);
    await box.click();
    await until(() => isChecked(box), 'the checkbox did not become checked');
    assert.equal(await isChecked(await checkbox(sidebar, 'Health check endpoint responding (HTTP 200)')), false);
    await host.screenshot('runbook-checkbox-ticked');

    await reloadWindow(page);
    sidebar = await openRunbookView(page);
    await expand(sidebar, 'Success Criteria');
    await expand(sidebar, 'First Hour');
    assert.equal(await isChecked(await checkbox(sidebar, 'Application started successfully')), true);
    await host.screenshot('runbook-checkbox-after-reload');
  });
});
