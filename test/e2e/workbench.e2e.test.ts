// Smoke test of the e2e harness: a real Extension Development Host loads, the command palette
// opens and runs a command, and the activity bar helper works.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { openCommandPalette, openDevHost, openViewContainer, runCommand, type DevHost } from './harness';

describe('e2e: workbench smoke', () => {
  let host: DevHost;

  before(async () => {
    host = await openDevHost({ workspaceFixture: 'seed' });
  });

  after(async () => {
    await host?.stop();
  });

  it('loads the workbench with the fixture workspace in the explorer', async () => {
    const { page } = host;
    assert.ok(await page.locator('.part.activitybar').isVisible(), 'activity bar not visible');
    assert.ok(await page.locator('.part.statusbar').isVisible(), 'status bar not visible');
    const explorer = await openViewContainer(page, 'Explorer');
    await explorer.locator('.monaco-list-row', { hasText: 'PHASE8_DEPLOYMENT_GUIDE.md' }).waitFor({ timeout: 15_000 });
    const file = await host.screenshot('workbench');
    assert.ok(fs.statSync(file).size > 10_000, `screenshot ${file} looks empty`);
  });

  it('opens the command palette and runs a command from it', async () => {
    const { page } = host;
    const palette = await openCommandPalette(page);
    assert.equal(await palette.locator('input').inputValue(), '>');
    await host.screenshot('command-palette');
    await page.keyboard.press('Escape');
    await palette.waitFor({ state: 'hidden' });

    const statusBar = page.locator('.part.statusbar');
    await runCommand(page, 'View: Toggle Status Bar Visibility');
    await statusBar.waitFor({ state: 'hidden', timeout: 10_000 });
    await runCommand(page, 'View: Toggle Status Bar Visibility');
    await statusBar.waitFor({ state: 'visible', timeout: 10_000 });
  });
});
