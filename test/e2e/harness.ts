// Helpers for Playwright end-to-end tests against a real Extension Development Host
// (code-server + headless Chromium, see scripts/code-server.mjs and shared/notes/real-vscode-host.md).
//
//   const host = await openDevHost({ workspaceFixture: 'seed' });
//   await openViewContainer(host.page, 'Deploy Pilot');
//   await runCommand(host.page, 'Deploy Pilot: Refresh');
//   await host.screenshot('tree');          // → test-results/e2e/tree.png
//   await host.stop();
//
// Environment: DEPLOY_PILOT_EXTENSION_PATH (default: the repo root), DEPLOY_PILOT_E2E_SETTLE_MS
// (wait after the workbench appears, default 5000).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { codeServerApi } from './codeServerApi';

/** out/test/e2e → the repository root. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const E2E_RESULTS = path.join(REPO_ROOT, 'test-results', 'e2e');

export interface DevHostOptions {
  /** A folder name under test/fixtures/workspaces, or an absolute path. Default 'seed'. */
  workspaceFixture?: string;
  /** Open this folder itself (not a copy; stop() leaves it): for a workspace the test prepared. */
  workspaceDir?: string;
  /** User settings merged over the defaults of scripts/code-server.mjs. */
  settings?: Record<string, unknown>;
  /** Extension under development; default env DEPLOY_PILOT_EXTENSION_PATH or the repo root. */
  extensionPath?: string;
  /**
   * A packaged VSIX: installed with code-server's `--install-extension` into the host's own
   * extensions dir, and the workspace opened as a plain window (no extensionDevelopmentPath), so
   * the installed copy is what runs. `extensionPath` is then ignored.
   */
  vsix?: string;
  viewport?: { width: number; height: number };
}

export interface DevHost {
  page: Page;
  /** The temp copy of the fixture (tests may change it; removed by stop()), or `workspaceDir`. */
  workspace: string;
  port: number;
  /** The URL the browser opened (a dev host URL carries an extensionDevelopmentPath payload). */
  url: string;
  /** code-server's --extensions-dir (a temp folder, removed by stop()). */
  extensionsDir: string;
  /** code-server's output, kept under test-results/e2e/logs/. */
  logFile: string;
  /** Browser console errors and page errors seen so far. */
  consoleErrors: string[];
  /** Saves test-results/e2e/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  /** Closes Chromium, stops code-server, removes temp folders. Idempotent. */
  stop(): Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function fixtureFolder(fixture: string): string {
  return path.isAbsolute(fixture) ? fixture : path.join(REPO_ROOT, 'test', 'fixtures', 'workspaces', fixture);
}

let hostCount = 0;

/**
 * Opens a plain Extension Development Host (no tests path) on a temp copy of a fixture workspace,
 * or with `vsix` a normal window with that VSIX installed.
 */
export async function openDevHost(options: DevHostOptions = {}): Promise<DevHost> {
  const cs = await codeServerApi();
  const source = options.workspaceDir ?? fixtureFolder(options.workspaceFixture ?? 'seed');
  if (!fs.existsSync(source)) throw new Error(`workspace ${source} not found`);
  const extensionPath = path.resolve(options.extensionPath ?? (process.env.DEPLOY_PILOT_EXTENSION_PATH || REPO_ROOT));

  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-pilot-e2e-'));
  const workspace = options.workspaceDir ?? path.join(temp, 'workspace');
  if (!options.workspaceDir) fs.cpSync(source, workspace, { recursive: true });
  hostCount += 1;
  const logFile = path.join(E2E_RESULTS, 'logs', `code-server-${process.pid}-${hostCount}.log`);

  // Removed by stop(), or at exit when a run is interrupted (Ctrl+C) before stop() ran.
  const cancelExitCleanup = cs.onExitSync(() => fs.rmSync(temp, { recursive: true, force: true }));
  const cleanups: Array<() => Promise<void>> = [
    async () => {
      await fs.promises.rm(temp, { recursive: true, force: true });
      cancelExitCleanup();
    },
  ];
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    })();
    return stopping;
  };

  const userDataDir = path.join(temp, 'user-data');
  const extensionsDir = path.join(temp, 'extensions');
  try {
    if (options.vsix) await cs.installExtension({ vsix: options.vsix, extensionsDir, userDataDir });
    const server = await cs.startCodeServer({
      workspace,
      settings: options.settings ?? {},
      userDataDir,
      extensionsDir,
      logFile,
    });
    cleanups.push(() => server.stop());
    const browser = await cs.launchChromium({ viewport: options.viewport ?? { width: 1400, height: 900 } });
    cleanups.push(() => browser.close());
    const { page } = browser;
    const consoleErrors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(msg.text());
    });
    page.on('pageerror', (err) => consoleErrors.push(err.stack ?? err.message));

    const url = options.vsix ? server.url(workspace) : server.devHostUrl({ workspace, extensionPath });
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 90_000 });
    await sleep(Number(process.env.DEPLOY_PILOT_E2E_SETTLE_MS || 5000));

    return {
      page,
      workspace,
      port: server.port,
      url,
      extensionsDir,
      logFile,
      consoleErrors,
      screenshot: async (name: string) => {
        const file = path.join(E2E_RESULTS, `${name}.png`);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        await page.screenshot({ path: file });
        return file;
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Polls `check` every `intervalMs` until it holds, or throws after `timeoutMs`. A check that throws
 * (a locator not there yet) counts as not holding.
 */
export async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number, intervalMs = 250): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await Promise.resolve().then(check).catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

/** The row of a tree (the Runbook view, in `container`) whose label contains `label`. */
export function treeRow(container: Locator, label: string): Locator {
  return container.locator('.monaco-list-row', { has: container.page().locator('.label-name', { hasText: label }) }).first();
}

/** The command palette (quick input) widget. */
export function quickInput(page: Page): Locator {
  return page.locator('.quick-input-widget');
}

/** Opens the command palette with F1. */
export async function openCommandPalette(page: Page): Promise<Locator> {
  const widget = quickInput(page);
  await page.keyboard.press('F1');
  try {
    await widget.waitFor({ state: 'visible', timeout: 5_000 });
  } catch {
    // Focus was somewhere that swallowed F1 (e.g. a webview): try the other binding once.
    await page.keyboard.press('Control+Shift+P');
    await widget.waitFor({ state: 'visible', timeout: 10_000 });
  }
  return widget;
}

/**
 * Runs a command by its palette title ("Category: Title") through F1: types `>` + title and
 * picks the row whose label is exactly the title (Enter when it is the focused row).
 */
export async function runCommand(page: Page, title: string): Promise<void> {
  const widget = await openCommandPalette(page);
  const input = widget.locator('input');
  await input.fill(`>${title}`);
  const exact = new RegExp(`^\\s*${escapeRegExp(title)}\\s*$`);
  const row = widget.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: exact }) }).first();
  try {
    await row.waitFor({ state: 'visible', timeout: 10_000 });
  } catch {
    const shown = await widget.locator('.monaco-list-row .label-name').allInnerTexts();
    await page.keyboard.press('Escape');
    throw new Error(`command "${title}" not found in the command palette; it showed: ${JSON.stringify(shown.slice(0, 10))}`);
  }
  const focusedLabel = await widget.locator('.monaco-list-row.focused .label-name').first().innerText().catch(() => '');
  if (exact.test(focusedLabel)) await input.press('Enter');
  else await row.click();
  // The palette closes, or the command's own quick input takes the widget over at once (an input
  // box, a pick): either way the palette is done when its input no longer holds the `>` query.
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (!(await widget.isVisible())) return;
    const value = await input.inputValue({ timeout: 1000 }).catch(() => '');
    if (!value.startsWith('>')) return;
    if (Date.now() > deadline) throw new Error(`the command palette stayed open after choosing "${title}"`);
    await page.waitForTimeout(100);
  }
}

/**
 * Opens a view container from the activity bar by its title (the entry's aria-label, which VS Code
 * suffixes with a keybinding " (Ctrl+Shift+E)" or a badge " - 3 ..."), unless it is already open.
 * Returns the side bar.
 */
export async function openViewContainer(page: Page, title: string): Promise<Locator> {
  const q = (text: string): string => JSON.stringify(text); // a valid CSS string
  const label = page
    .locator(
      `.part.activitybar li[role="tab"] a.action-label:is([aria-label=${q(title)}], ` +
        `[aria-label^=${q(`${title} (`)}], [aria-label^=${q(`${title} - `)}])`,
    )
    .first();
  try {
    await label.waitFor({ state: 'visible', timeout: 15_000 });
  } catch {
    const entries = await page.locator('.part.activitybar li[role="tab"] a.action-label').all();
    const shown = await Promise.all(entries.map((entry) => entry.getAttribute('aria-label')));
    throw new Error(`no activity bar entry "${title}"; it shows: ${JSON.stringify(shown)}`);
  }
  const tab = label.locator('xpath=..');
  const sidebar = page.locator('.part.sidebar');
  const heading = sidebar.locator('.composite.title .title-label', { hasText: new RegExp(escapeRegExp(title), 'i') });
  // While the workbench restores (after a reload) the container can be selected with its side bar
  // still hidden, or be deselected again: click until its title shows, but never click the active
  // container (that would close the side bar).
  const deadline = Date.now() + 30_000;
  while (!(await heading.isVisible())) {
    if (Date.now() > deadline) throw new Error(`the side bar did not show "${title}" within 30 s`);
    if ((await tab.getAttribute('aria-selected')) !== 'true') {
      await label.click();
      await page.mouse.move(0, 0); // no hover tooltip over the screenshots
    }
    await page.waitForTimeout(250);
  }
  return sidebar;
}

/** Runs *Developer: Reload Window* and waits until the new workbench's activity bar shows. */
export async function reloadWindow(page: Page): Promise<void> {
  const loaded = page.waitForEvent('load', { timeout: 60_000 });
  await runCommand(page, 'Developer: Reload Window').catch((error: unknown) => {
    // The palette closes with the old page; only a palette that never ran the command is an error.
    if (!(error instanceof Error) || !/hidden|Target closed|detached/i.test(error.message)) throw error;
  });
  await loaded;
  await page.locator('.monaco-workbench .part.activitybar').waitFor({ state: 'visible', timeout: 60_000 });
}
export { codeServerApi } from './codeServerApi';
