// The packaged extension as a user gets it: `npm run package`'s VSIX (scripts/package.mjs, checked
// by scripts/check-vsix.mjs) installed into code-server with `--install-extension`, a normal window
// on the seed workspace (no extensionDevelopmentPath), and the installed copy working there: the
// Deploy Pilot container shows the seed's steps and Open Dashboard shows its webview, served from
// the extensions dir. Figures go to test-results/bench/vsix.json.
//
// The VSIX at dist-vsix/<name>-<version>.vsix is reused when it is newer than every input of the
// package (sources, webview, media, schemas, manifest, build scripts); otherwise it is rebuilt.
// DEPLOY_PILOT_VSIX=/path/to.vsix tests that file instead.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { REPO_ROOT, openDevHost, openViewContainer, runCommand, type DevHost } from './harness';

interface VsixFile {
  name: string;
  size: number;
  compressedSize: number;
}

interface VsixCheck {
  file: string;
  bytes: number;
  unpackedBytes: number;
  fileCount: number;
  maxBytes: number;
  id?: string;
  version?: string;
  files: VsixFile[];
  problems: string[];
}

interface CheckVsixModule {
  checkVsix(file: string, options?: { maxBytes?: number }): VsixCheck;
  writeBench(result: VsixCheck, out?: string): string;
}

interface PackageModule {
  defaultVsixPath(): string;
  packageVsix(options?: { out?: string }): Promise<string>;
}

interface Manifest {
  name: string;
  publisher: string;
  version: string;
}

// Under "module": "commonjs" TypeScript turns import() into require(), which cannot load .mjs.
// eslint-disable-next-line @typescript-eslint/no-implied-eval
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;
const script = <T>(name: string): Promise<T> => importEsm(pathToFileURL(path.join(REPO_ROOT, 'scripts', name)).href) as Promise<T>;

/** What the VSIX is made of: a change to any of these makes a packaged VSIX stale. */
const PACKAGE_INPUTS = ['src', 'webview-ui/src', 'media', 'schemas', 'package.json', 'package-lock.json', 'README.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore', 'scripts/build.mjs', 'scripts/package.mjs'];

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file changes its folder's mtime
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** A VSIX of the current sources: DEPLOY_PILOT_VSIX, the packaged one when fresh, or a new package. */
async function currentVsix(): Promise<{ file: string; rebuilt: boolean }> {
  if (process.env.DEPLOY_PILOT_VSIX) return { file: path.resolve(process.env.DEPLOY_PILOT_VSIX), rebuilt: false };
  const pkg = await script<PackageModule>('package.mjs');
  const file = pkg.defaultVsixPath();
  const inputs = Math.max(...PACKAGE_INPUTS.map((p) => newestMtime(path.join(REPO_ROOT, p))));
  if (fs.existsSync(file) && fs.statSync(file).mtimeMs > inputs) return { file, rebuilt: false };
  return { file: await pkg.packageVsix({ out: file }), rebuilt: true };
}

function row(sidebar: Locator, label: string): Locator {
  return sidebar.locator('.monaco-list-row', { has: sidebar.page().locator('.label-name', { hasText: label }) }).first();
}

/** The dashboard's document: code-server nests a webview's page in two iframes. */
function dashboardFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').first().frameLocator('#active-frame');
}

describe('e2e: the packaged VSIX installed in code-server', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;
  const folderName = `${manifest.publisher}.${manifest.name}-${manifest.version}`;
  let vsix: string;
  let check: VsixCheck;
  let host: DevHost;

  before(async () => {
    const started = Date.now();
    const current = await currentVsix();
    vsix = current.file;
    const checker = await script<CheckVsixModule>('check-vsix.mjs');
    check = checker.checkVsix(vsix);
    checker.writeBench(check);
    const kb = (check.bytes / 1024).toFixed(1);
    console.log(`      VSIX ${path.relative(REPO_ROOT, vsix)} (${current.rebuilt ? 'packaged now' : 'reused'}): ${kb} KB, ${check.fileCount} files`);
    host = await openDevHost({ workspaceFixture: 'seed', vsix });
    console.log(`      packaged/installed/opened in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  after(async () => {
    await host?.stop();
  });

  it('is small and holds only the run-time files: no tests, sources, maps or node_modules', () => {
    assert.deepEqual(check.problems, [], `scripts/check-vsix.mjs found problems in ${vsix}`);
    assert.ok(check.bytes <= check.maxBytes, `${check.bytes} bytes`);
    assert.equal(check.id, `${manifest.publisher}.${manifest.name}`);
    assert.equal(check.version, manifest.version);
    const names = check.files.map((f) => f.name);
    assert.ok(names.includes('extension/dist/extension.js'), JSON.stringify(names));
    const bench = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'test-results', 'bench', 'vsix.json'), 'utf8')) as { bytes: number; fileCount: number };
    assert.deepEqual([bench.bytes, bench.fileCount], [check.bytes, check.fileCount]);
  });

  it('is installed in the extensions dir, and the window opens without a development path', () => {
    const installed = path.join(host.extensionsDir, folderName);
    assert.ok(fs.existsSync(path.join(installed, 'dist', 'extension.js')), `${installed}/dist/extension.js missing`);
    const installedManifest = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8')) as Manifest;
    assert.equal(installedManifest.version, manifest.version);
    const registry = JSON.parse(fs.readFileSync(path.join(host.extensionsDir, 'extensions.json'), 'utf8')) as Array<{
      identifier: { id: string };
      relativeLocation?: string;
      metadata?: { source?: string };
    }>;
    const entry = registry.find((e) => e.identifier.id === `${manifest.publisher}.${manifest.name}`);
    assert.equal(entry?.relativeLocation, folderName);
    assert.equal(entry?.metadata?.source, 'vsix');
    const url = decodeURIComponent(host.url);
    assert.doesNotMatch(url, /extensionDevelopmentPath|extensionTestsPath/, url);
    assert.ok(!url.includes(REPO_ROOT), `the window URL points into the repository: ${url}`);
  });

  it('shows the seed runbook steps in the Deploy Pilot container', async () => {
    const sidebar = await openViewContainer(host.page, 'Deploy Pilot');
    await row(sidebar, 'STEP 1: Prepare Master Branch').waitFor({ timeout: 30_000 });
    for (const label of ['Quick Start (For Experienced DevOps)', 'STEP 6: Cleanup Feature Branch', 'Sign-Off Checklist']) {
      assert.ok(await row(sidebar, label).isVisible(), `row "${label}" not visible`);
    }
  });

  it('opens the dashboard from the command palette, served from the installed copy', async () => {
    const { page } = host;
    await runCommand(page, 'Deploy Pilot: Open Dashboard');
    const tab = page.locator('.tabs-container .tab', { hasText: 'Deploy Pilot Dashboard' });
    await tab.waitFor({ timeout: 30_000 });
    const frame = dashboardFrame(page);
    await frame.locator('#dashboard').waitFor({ timeout: 30_000 });
    await frame.locator('#dashboard > *').first().waitFor({ timeout: 30_000 });
    // The webview's script URL is built from the running extension's extensionUri.
    const src = decodeURIComponent((await frame.locator('script[src]').first().getAttribute('src')) ?? '');
    assert.ok(src.includes(`${host.extensionsDir}/${folderName}/dist/webview/dashboard.js`), `the dashboard script comes from ${src}`);
    assert.ok(!src.includes(REPO_ROOT), `the dashboard script comes from the repository: ${src}`);
    await page.mouse.move(0, 0);
    await page.waitForTimeout(1000);
    const shot = await host.screenshot('vsix-installed');
    assert.ok(fs.statSync(shot).size > 10_000, `screenshot ${shot} looks empty`);
  });
});
