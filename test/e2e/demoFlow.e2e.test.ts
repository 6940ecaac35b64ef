// The main job, end to end, as `npm start` sets it up: the demo workspace (scripts/demo) with a real
// git repository and bare origin, a service deployed with docker-compose (or as plain processes
// where no Docker engine answers), and the runbook adapted from the seed. Driven through the UI of a
// real VS Code (code-server + Playwright): preflight, squash merge, CHANGELOG entry, tag, push,
// build, deploy to staging with its destructive-command confirmation, health check, the dashboard
// live, deploy to production, sign-off ticks, then production is switched to failing: the alert
// fires, the automatic rollback counts down and brings v0.9.0 back. A screenshot at each stage
// (test-results/e2e/flow-*.png; `npm run screenshots` copies the README's ones to docs/images/);
// the end state is checked with git and docker.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { openDevHost, openViewContainer, quickInput, runCommand, treeRow, until, type DevHost } from './harness';
import type { DemoGenerator, DemoSettings } from '../support/demo';
import { demoHealth, loadDemoModule } from '../support/demo';
import { freePort } from '../support/docker/engine';

const RUN = `${process.pid}x${Date.now().toString(36)}`;
const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
const docker = (...args: string[]): string => execFileSync('docker', args, { encoding: 'utf8' }).trim();

/** Collapses the tree, then expands `path` (section labels) down to the last one, and returns that row. */
async function reveal(sidebar: Locator, ...labels: string[]): Promise<Locator> {
  await sidebar.locator('.action-label[aria-label="Collapse All"]').first().click();
  let target: Locator | undefined;
  for (const [i, label] of labels.entries()) {
    target = treeRow(sidebar, label);
    await target.waitFor({ timeout: 20_000 });
    if (i === labels.length - 1) break;
    // Items carry a command (show source line), so only the twistie toggles them.
    if ((await target.getAttribute('aria-expanded')) === 'false') await target.locator('.monaco-tl-twistie').click();
    const expanding = target;
    await until(`"${label}" to expand`, async () => (await expanding.getAttribute('aria-expanded')) === 'true', 10_000);
  }
  if (!target) throw new Error('reveal() needs a label');
  await target.scrollIntoViewIfNeeded();
  return target;
}

/** ▶ on a tree row (Run Step / Run Command, whichever it offers). */
async function play(target: Locator): Promise<void> {
  await target.hover();
  await target.locator('.action-label:is([aria-label="Run Command"], [aria-label="Run Step"])').first().click();
  await target.page().mouse.move(0, 0);
}

/** Waits for the row's status word: `succeeded`, or fails at once on `failed` / `outcome unknown`, with the terminal's text. */
async function settled(sidebar: Locator, label: string, timeoutMs = 120_000): Promise<void> {
  let description = '';
  let failure: string | undefined;
  try {
    await until(
      `"${label}" to end`,
      async () => {
        description = await treeRow(sidebar, label).locator('.label-description').innerText({ timeout: 2000 });
        return /succeeded|failed|unknown/.test(description);
      },
      timeoutMs,
    );
    if (!/succeeded/.test(description)) failure = `"${label}" ended ${description}`;
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  }
  if (failure === undefined) return;
  // A failure must not look like a timeout: the terminal says why.
  const terminal = await sidebar.page().locator('.xterm-rows').first().innerText().catch(() => '');
  throw new Error(`${failure}\nterminal:\n${terminal.slice(-1500)}`);
}

/** Answers the destructive-command modal with Run (after a screenshot, once). */
async function confirmDestructive(page: Page, screenshot?: () => Promise<unknown>): Promise<void> {
  const dialog = page.locator('.monaco-dialog-box', { hasText: 'Run a destructive command?' });
  await dialog.waitFor({ timeout: 30_000 });
  if (screenshot) await screenshot();
  await dialog.locator('.monaco-button', { hasText: /^Run$/ }).first().click();
  await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Picks a quick-pick row by its label (or accepts the focused one when `label` is undefined). */
async function pick(page: Page, label?: string): Promise<void> {
  const widget = quickInput(page);
  await widget.waitFor({ state: 'visible', timeout: 20_000 });
  if (label === undefined) await widget.locator('input').press('Enter');
  else await widget.locator('.monaco-list-row', { hasText: label }).first().click();
  await page.waitForTimeout(300);
}

/** Accepts an input box's prefilled value, checking it first. */
async function acceptInput(page: Page, expected: string | RegExp): Promise<void> {
  const widget = quickInput(page);
  await widget.waitFor({ state: 'visible', timeout: 20_000 });
  const value = await widget.locator('input').inputValue();
  assert.match(value, typeof expected === 'string' ? new RegExp(`^${expected.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`) : expected);
  await widget.locator('input').press('Enter');
  await widget.waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
  await page.waitForTimeout(300);
}

function dashboardFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').first().frameLocator('#active-frame');
}

/** The image each compose project's web container runs, and its health. */
function containerOf(project: string): { image: string; health: string } | undefined {
  const name = docker('ps', '--filter', `label=com.docker.compose.project=${project}`, '--format', '{{.Names}}').split('\n').filter(Boolean)[0];
  if (!name) return undefined;
  const [image = '', state = ''] = docker('inspect', '--format', '{{.Config.Image}}|{{if .State.Health}}{{.State.Health.Status}}{{end}}', name).split('|');
  return { image, health: state };
}

/** Whether a run record of the workspace has a command matching `text` that succeeded (the runner is done with it). */
function recordedSuccess(dir: string, text: RegExp): boolean {
  const runs = path.join(dir, '.deploy-pilot', 'runs');
  let files: string[];
  try {
    files = readdirSync(runs).filter((f) => f.endsWith('.json'));
  } catch {
    return false;
  }
  return files.some((f) => {
    const record = JSON.parse(readFileSync(path.join(runs, f), 'utf8')) as { commands?: Array<{ text: string; status: string }> };
    return (record.commands ?? []).some((c) => text.test(c.text) && c.status === 'succeeded');
  });
}

interface RecordedRollback {
  readonly environment: string;
  readonly from: string;
  readonly to: string;
  readonly state: string;
  readonly automatic?: boolean;
}

describe('e2e: the demo, end to end (npm start\'s workspace: release, deploy, monitor, roll back)', function () {
  this.timeout(240_000);
  let generator: DemoGenerator;
  let host: DevHost;
  let root: string;
  let dir: string;
  let settings: DemoSettings;
  let sidebar: Locator;
  let page: Page;
  const shot = (name: string): Promise<string> => host.screenshot(`flow-${name}`);

  before(async function () {
    this.timeout(300_000);
    generator = await loadDemoModule<DemoGenerator>('prepare.mjs');
    root = mkdtempSync(path.join(tmpdir(), 'dp-e2e-demo-'));
    dir = path.join(root, 'workspace');
    const problem = await generator.dockerProblem();
    // Without a Docker engine the demo deploys plain processes: the same flow, checked by health.
    if (problem) console.log(`      (${problem}: the flow runs in process mode)`);
    // DEPLOY_PILOT_DEMO_MODE=process runs the flow with plain processes even where Docker answers.
    const forced = process.env.DEPLOY_PILOT_DEMO_MODE;
    ({ settings } = await generator.prepareDemo({
      dir,
      ...(forced === 'process' || forced === 'docker' ? { mode: forced } : {}),
      ports: { staging: await freePort(), production: await freePort() },
      image: `dp-e2e-demo-${RUN}`,
      project: `dpe2e${RUN}`,
      log: () => undefined,
    }));
    host = await openDevHost({ workspaceDir: dir });
    page = host.page;
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await host?.screenshot(`flow-failed-${(this.currentTest.title.match(/^\d+/) ?? ['x'])[0]}`).catch(() => undefined);
  });

  after(async function () {
    this.timeout(120_000);
    await host?.stop();
    if (generator && dir) await generator.stopDemo({ dir, log: () => undefined }).catch(() => undefined);
    if (generator && settings?.mode === 'docker') await generator.removeImages(settings);
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('01 shows the demo runbook in the Deploy Pilot view', async () => {
    sidebar = await openViewContainer(page, 'Deploy Pilot');
    await treeRow(sidebar, 'Step-by-Step Detailed Guide').waitFor({ timeout: 60_000 });
    await treeRow(sidebar, 'DEPLOYMENT OPTIONS (After Merge)').waitFor({ timeout: 10_000 });
    assert.deepEqual(await demoHealth(settings.ports.production), { status: 'ok', version: 'v0.9.0' });
    await shot('01-runbook');
  });

  it('02 runs the release preflight: every check passes on the demo repository', async () => {
    await runCommand(page, 'Deploy Pilot: Run Preflight');
    const group = treeRow(sidebar, 'Preflight');
    await group.waitFor({ timeout: 60_000 });
    await until('the preflight to pass', async () => /all passed/.test(await group.locator('.label-description').innerText()), 60_000);
    await shot('02-preflight');
  });

  it('03 squash-merges feature/resilience-hardening into master', async () => {
    const before = git(dir, 'rev-parse', 'master');
    await runCommand(page, 'Deploy Pilot: Squash Merge Feature Branch');
    await acceptInput(page, 'feature/resilience-hardening');
    // The first line of the squash message, as the runbook writes it (the commit list stays below).
    const widget = quickInput(page);
    await widget.waitFor({ state: 'visible', timeout: 20_000 });
    await widget.locator('input').fill('feat: resilience hardening (bounded stats buffer, upstream timeouts)');
    await widget.locator('input').press('Enter');
    await until('the squash commit', () => recordedSuccess(dir, /^git commit --cleanup=whitespace -F/), 60_000);
    assert.equal(git(dir, 'status', '--porcelain'), '');
    assert.equal(git(dir, 'log', '-1', '--format=%s'), 'feat: resilience hardening (bounded stats buffer, upstream timeouts)');
    assert.equal(git(dir, 'rev-list', '--count', `${before}..master`), '1', 'one squash commit');
    assert.equal(git(dir, 'show', 'master:service/resilience.json').includes('upstreamTimeoutMs'), true);
    await shot('03-squash-merge');
  });

  it('04 inserts the CHANGELOG entry for v1.0.0 and commits it with the runbook\'s STEP 3', async () => {
    await runCommand(page, 'Deploy Pilot: Insert CHANGELOG Entry');
    await pick(page, 'v1.0.0');
    await pick(page, 'Keep a Changelog');
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.waitFor({ timeout: 20_000 });
    await page.keyboard.press('Escape'); // leave the snippet's tab stops
    await page.keyboard.press('Control+S');
    await until('CHANGELOG.md to be saved with [1.0.0]', () => /## \[1\.0\.0\] - \d{4}-\d\d-\d\d/.test(readFileSync(path.join(dir, 'CHANGELOG.md'), 'utf8')), 20_000);
    await shot('04-changelog');
    const block = await reveal(sidebar, 'Step-by-Step Detailed Guide', 'STEP 3: Update CHANGELOG', 'git add CHANGELOG.md');
    await play(block);
    await settled(sidebar, 'git add CHANGELOG.md');
    assert.match(git(dir, 'log', '-1', '--format=%s'), /CHANGELOG for v1\.0\.0/);
  });

  it('05 tags v1.0.0 and pushes master and the tag to origin', async () => {
    await runCommand(page, 'Deploy Pilot: Create Release Tag');
    await acceptInput(page, 'v1.0.0');
    await until('the tag command to end', () => recordedSuccess(dir, /^git tag -a 'v1\.0\.0'/), 30_000);
    assert.equal(git(dir, 'tag', '-l', 'v1.0.0'), 'v1.0.0');
    await page.waitForTimeout(500);
    await runCommand(page, 'Deploy Pilot: Push Branch and Tag');
    await until('origin to have master and v1.0.0', () => {
      const origin = path.join(root, 'origin.git');
      return git(origin, 'rev-parse', 'master') === git(dir, 'rev-parse', 'master') && git(origin, 'tag', '-l', 'v1.0.0') === 'v1.0.0';
    }, 60_000);
    assert.match(git(dir, 'cat-file', '-p', 'v1.0.0'), /1\.0\.0/, 'the annotated tag carries the CHANGELOG entry');
    await shot('05-tag-push');
  });

  it('06 builds the image and deploys v1.0.0 to staging, confirming the destructive `down`', async () => {
    const buildLabel = settings.mode === 'docker' ? `docker build -t ${settings.image}:v1.0.0 .` : 'git archive v1.0.0 service';
    await play(await reveal(sidebar, 'DEPLOYMENT OPTIONS (After Merge)', 'OPTION A: Staged Deployment', buildLabel));
    await settled(sidebar, buildLabel, 180_000);
    if (settings.mode === 'docker') assert.ok(docker('images', '-q', `${settings.image}:v1.0.0`), 'the v1.0.0 image exists');

    const deployLabel = settings.mode === 'docker' ? 'deploy/staging/.env' : './deploy/serve.sh staging v1.0.0';
    await play(treeRow(sidebar, deployLabel));
    if (settings.mode === 'docker') await confirmDestructive(page, () => shot('06-confirm-destructive'));
    await settled(sidebar, deployLabel);
    await until('staging to answer v1.0.0', async () => (await demoHealth(settings.ports.staging))?.version === 'v1.0.0', 60_000);
    if (settings.mode === 'docker') assert.equal(containerOf(`${settings.project}-staging`)?.image, `${settings.image}:v1.0.0`);

    await play(treeRow(sidebar, '$STAGING_URL/health'));
    await settled(sidebar, '$STAGING_URL/health');
    await shot('07-staging-deployed');
  });

  it('07 watches staging and production live: status bar and dashboard', async () => {
    await runCommand(page, 'Deploy Pilot: Start Monitoring');
    await pick(page); // both environments, picked by default
    await page.locator('.statusbar-item', { hasText: 'staging' }).first().waitFor({ timeout: 30_000 });
    await runCommand(page, 'Deploy Pilot: Open Dashboard');
    const frame = dashboardFrame(page);
    const latency = frame.locator('figure[data-chart-key="staging/healthLatency"]');
    await latency.waitFor({ timeout: 60_000 });
    await until('live points on the staging charts', async () => Number(await latency.getAttribute('data-points')) > 3, 60_000);
    await frame.locator('label.segment', { hasText: '15 min' }).click();
    await page.waitForTimeout(1500);
    await shot('08-dashboard-staging');
  });

  it('08 deploys v1.0.0 to production and ticks the sign-off checklist', async () => {
    const deployLabel = settings.mode === 'docker' ? 'deploy/production/.env' : './deploy/serve.sh production v1.0.0';
    await play(await reveal(sidebar, 'DEPLOYMENT OPTIONS (After Merge)', 'OPTION A: Staged Deployment', deployLabel));
    if (settings.mode === 'docker') await confirmDestructive(page);
    await settled(sidebar, deployLabel);
    await until('production to answer v1.0.0', async () => (await demoHealth(settings.ports.production))?.version === 'v1.0.0', 60_000);

    await reveal(sidebar, 'Sign-Off Checklist', 'All tests passing');
    const items = ['All tests passing', 'Code review approved', 'Monitoring configured', 'Rollback plan ready', 'On-call team available'];
    const ticked = async (item: string): Promise<boolean> => {
      const box = treeRow(sidebar, item).locator('.custom-view-tree-node-item-checkbox');
      return (await box.getAttribute('aria-checked')) === 'true' || (await box.locator('.codicon-check').count()) > 0;
    };
    for (const item of items) {
      await treeRow(sidebar, item).locator('.custom-view-tree-node-item-checkbox').click();
      await until(`"${item}" to be ticked`, () => ticked(item), 10_000);
    }
    // The ticks hold after the view refreshes (monitoring refreshes it every evaluation).
    await page.waitForTimeout(3000);
    for (const item of items) assert.ok(await ticked(item), `"${item}" lost its tick`);
    await shot('09-production-signed-off');
  });

  it('09 breaks production: HighErrorRate fires, the automatic rollback counts down, then v0.9.0 is back and healthy', async function () {
    this.timeout(300_000);
    // The dashboard on production, where it happens.
    const frame = dashboardFrame(page);
    await frame.locator('select.dropdown').selectOption('production');
    await frame.locator('figure[data-chart-key="production/errorRate"]').waitFor({ timeout: 30_000 });
    const brokenAt = Date.now();
    await play(await reveal(sidebar, 'Demo: Simulate a Bad Release', '/__fault'));
    await settled(sidebar, '/__fault');
    const countdown = page.locator('.notification-toast', { hasText: /is firing on production/ }).first();
    await countdown.waitFor({ timeout: 90_000 });
    const alertAfterMs = Date.now() - brokenAt;
    assert.match(await countdown.innerText(), /HighErrorRate is firing on production/);
    await until('the countdown to show', async () => /rolling back in \d+ s/.test(await countdown.innerText()), 10_000);
    await page.waitForTimeout(1500);
    await shot('10-alert-countdown');

    const result = page.locator('.notification-toast', { hasText: 'Rolled back production from v1.0.0 to v0.9.0' }).first();
    await result.waitFor({ timeout: 180_000 });
    const healthyAfterMs = Date.now() - brokenAt;
    assert.match(await result.innerText(), /and it is healthy/);
    await page.waitForTimeout(1200);
    await result.hover();
    await result.locator('.codicon-notifications-expand').click({ timeout: 5000 }).catch(() => undefined);
    await page.waitForTimeout(500);
    await shot('11-rolled-back');
    await frame.locator('figure[data-chart-key="production/errorRate"]').scrollIntoViewIfNeeded();
    await runCommand(page, 'Notifications: Clear All Notifications');
    await page.waitForTimeout(1000);
    await shot('12-dashboard-production-after-rollback');
    console.log(`      fault → countdown shown ${(alertAfterMs / 1000).toFixed(1)} s; fault → rolled back and healthy ${(healthyAfterMs / 1000).toFixed(1)} s (${settings.mode})`);

    // The end state, from git and docker rather than from the UI.
    assert.deepEqual(await demoHealth(settings.ports.production), { status: 'ok', version: 'v0.9.0' });
    assert.deepEqual(await demoHealth(settings.ports.staging), { status: 'ok', version: 'v1.0.0' });
    assert.match(readFileSync(path.join(dir, 'deploy/production/.env'), 'utf8'), /^DOCKER_TAG=v0\.9\.0$/m, 'the desired version is reset');
    if (settings.mode === 'docker') {
      await until('the production container to be healthy', () => containerOf(`${settings.project}-production`)?.health === 'healthy', 30_000);
      assert.equal(containerOf(`${settings.project}-production`)?.image, `${settings.image}:v0.9.0`);
      assert.equal(containerOf(`${settings.project}-staging`)?.image, `${settings.image}:v1.0.0`);
    }
    const origin = path.join(root, 'origin.git');
    assert.equal(git(origin, 'rev-parse', 'master'), git(dir, 'rev-parse', 'master'));
    assert.deepEqual(git(origin, 'tag', '-l').split('\n'), ['v0.8.0', 'v0.9.0', 'v1.0.0']);
    const runs = path.join(dir, '.deploy-pilot', 'runs');
    const rollbacks = readdirSync(runs)
      .filter((f) => f.endsWith('.json'))
      .flatMap((f) => (JSON.parse(readFileSync(path.join(runs, f), 'utf8')) as { rollbacks?: RecordedRollback[] }).rollbacks ?? []);
    const last = rollbacks[rollbacks.length - 1];
    assert.ok(last, 'the rollback is in a run record');
    assert.deepEqual([last.environment, last.from, last.to, last.state], ['production', 'v1.0.0', 'v0.9.0', 'healthy']);
  });
});
