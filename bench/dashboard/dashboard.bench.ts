/**
 * The dashboard webview in headless Chromium (figures, no assertions): first render of
 * 86,400 points × 4 series, one live update at that size, and the minified bundle size; plus
 * dark and light screenshots of the harness into test-results/dashboard/.
 *
 * The bundle is built here with the production options of scripts/build.mjs's webview entry
 * (minified), in memory, and served to the page through Playwright routing on a loopback origin
 * nobody listens on; the page runs under the host's CSP, and violations are reported.
 * Targets (issue 7): first render < 100 ms, update < 4 ms, bundle < 150 KB minified.
 */
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { REPO_ROOT } from '../../test/repoPaths';
import { round } from '../measure';
import type { HarnessTheme } from './harness';
import { HARNESS_ORIGIN, THEME_VARIABLES, harnessHtml } from './harness';
import type { BenchDataSpec, FirstRenderSample } from './pageScripts';
import { postAndWaitDrawn, postAppendsAndWait, postInitAndWait, prepareInit } from './pageScripts';
import { screenshotScenario } from './scenario';

/** The event webview-ui/src/app/dashboardApp.ts dispatches after drawing (DRAWN_EVENT). */
const DRAWN_EVENT = 'deploy-pilot:dashboard-drawn';
const DAY_POINTS = 86_400;
/** The same banner as scripts/build.mjs's webview entry (V8 explicit compile hints). */
const WEBVIEW_BANNER = '//# allFunctionsCalledOnLoad';
const FIRST_RENDER_RUNS = 7;
const UPDATE_WARMUP = 10;
const UPDATE_RUNS = 60;

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface WebviewBundle {
  readonly js: Uint8Array;
  readonly css: Uint8Array;
}

/** The webview bundle as `npm run package` ships it (minified), built in memory. */
export async function buildProductionBundle(): Promise<WebviewBundle> {
  const result = await esbuild.build({
    absWorkingDir: REPO_ROOT,
    entryPoints: ['webview-ui/src/main.ts'],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    outfile: 'dist/webview/dashboard.js',
    minify: true,
    legalComments: 'none',
    banner: { js: WEBVIEW_BANNER },
    write: false,
    logLevel: 'silent',
  });
  const file = (ext: string): Uint8Array => {
    const out = result.outputFiles.find((f) => f.path.endsWith(ext));
    if (out === undefined) throw new Error(`bench: the webview build produced no ${ext}`);
    return out.contents;
  };
  return { js: file('dashboard.js'), css: file('dashboard.css') };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface HarnessPage {
  readonly page: Page;
  readonly errors: string[];
}

/** A page with the harness and the bundle, after the webview's `ready`. */
export async function openHarness(browser: Browser, bundle: WebviewBundle, theme: HarnessTheme, viewport = { width: 1280, height: 900 }): Promise<HarnessPage> {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const html = harnessHtml(theme, 'benchNonce0123456789');
  await page.route(`${HARNESS_ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/') return route.fulfill({ contentType: 'text/html', body: html });
    if (url.pathname === '/dist/webview/dashboard.js') return route.fulfill({ contentType: 'text/javascript', body: Buffer.from(bundle.js) });
    if (url.pathname === '/dist/webview/dashboard.css') return route.fulfill({ contentType: 'text/css', body: Buffer.from(bundle.css) });
    return route.fulfill({ status: 404, body: '' });
  });
  await page.goto(`${HARNESS_ORIGIN}/`);
  await page.waitForFunction(() => (globalThis as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === 'ready'));
  return { page, errors };
}

function benchSpec(layout: BenchDataSpec['layout'], columns: BenchDataSpec['columns'] = 'float64'): BenchDataSpec {
  return { points: DAY_POINTS, layout, columns, now: Date.UTC(2025, 0, 2), drawnEvent: DRAWN_EVENT };
}

function stats(samples: readonly number[]): { runs: number; medianMs: number; minMs: number; maxMs: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { runs: sorted.length, medianMs: round(sorted[Math.floor(sorted.length / 2)] ?? NaN, 2), minMs: round(sorted[0] ?? NaN, 2), maxMs: round(sorted[sorted.length - 1] ?? NaN, 2) };
}

async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (globalThis as unknown as { __violations: string[] }).__violations);
}

async function firstRender(
  browser: Browser,
  bundle: WebviewBundle,
  layout: BenchDataSpec['layout'],
  columns: BenchDataSpec['columns'],
  runs = FIRST_RENDER_RUNS,
): Promise<{ samples: FirstRenderSample[]; again: FirstRenderSample[]; errors: string[]; violations: string[] }> {
  const samples: FirstRenderSample[] = [];
  const again: FirstRenderSample[] = [];
  const errors: string[] = [];
  const seen: string[] = [];
  for (let run = 0; run < runs; run++) {
    const { page, errors: pageErrors } = await openHarness(browser, bundle, 'dark');
    await page.evaluate(prepareInit, benchSpec(layout, columns));
    samples.push(await page.evaluate(postInitAndWait, DRAWN_EVENT));
    // The same init again in the running page: what a window or environment switch costs.
    again.push(await page.evaluate(postInitAndWait, DRAWN_EVENT));
    seen.push(...(await violations(page)));
    errors.push(...pageErrors);
    await page.close();
  }
  return { samples, again, errors, violations: seen };
}

async function updates(browser: Browser, bundle: WebviewBundle): Promise<{ workMs: number[]; postToDrawnMs: number[]; points: string[] }> {
  const { page } = await openHarness(browser, bundle, 'dark');
  await page.evaluate(prepareInit, benchSpec('charts'));
  await page.evaluate(postInitAndWait, DRAWN_EVENT);
  const seriesKeys = ['bench/s0', 'bench/s1', 'bench/s2', 'bench/s3'];
  const result = await page.evaluate(postAppendsAndWait, { count: UPDATE_WARMUP + UPDATE_RUNS, seriesKeys, drawnEvent: DRAWN_EVENT });
  await page.waitForTimeout(1100); // the text refresh (≤ 1/s) writes data-points
  const points = await page.evaluate(() => {
    interface Attributed {
      getAttribute(name: string): string | null;
    }
    const doc = (globalThis as unknown as { document: { querySelectorAll(selector: string): Iterable<Attributed> } }).document;
    return [...doc.querySelectorAll('[data-chart-key]')].map((e) => `${e.getAttribute('data-chart-key') ?? ''}=${e.getAttribute('data-points') ?? ''}`);
  });
  await page.close();
  return { workMs: result.workMs.slice(UPDATE_WARMUP), postToDrawnMs: result.postToDrawnMs.slice(UPDATE_WARMUP), points };
}

/** Dark, then light (switched in place: body class and variables, as VS Code does), then an empty state. */
export async function screenshots(browser: Browser, bundle: WebviewBundle, outDir: string): Promise<{ files: string[]; errors: string[]; violations: string[] }> {
  mkdirSync(outDir, { recursive: true });
  const { page, errors } = await openHarness(browser, bundle, 'dark', { width: 1280, height: 1000 });
  const { init } = screenshotScenario(Date.UTC(2025, 5, 3, 14, 30, 0));
  await page.evaluate(postAndWaitDrawn, { messages: [init], drawnEvent: DRAWN_EVENT });
  await page.waitForTimeout(200);
  const files = [path.join(outDir, 'dashboard-dark.png'), path.join(outDir, 'dashboard-light.png'), path.join(outDir, 'dashboard-empty-dark.png')];
  await page.screenshot({ path: files[0], fullPage: true });
  await page.evaluate((vars: Record<string, string>) => {
    const doc = (globalThis as unknown as { document: { body: { className: string }; documentElement: { style: { setProperty(k: string, v: string): void } } } }).document;
    for (const [k, v] of Object.entries(vars)) doc.documentElement.style.setProperty(`--vscode-${k}`, v);
    doc.body.className = 'vscode-light';
  }, THEME_VARIABLES.light);
  await page.waitForTimeout(300);
  await page.screenshot({ path: files[1], fullPage: true });
  const seen = await violations(page);
  await page.close();

  const empty = await openHarness(browser, bundle, 'dark', { width: 1000, height: 420 });
  await empty.page.evaluate((m: unknown) => (globalThis as unknown as { postMessage(m: unknown, o: string): void }).postMessage(m, '*'), {
    type: 'empty',
    reason: 'not-monitoring',
    environments: [{ name: 'staging', monitoring: false }],
    environment: 'staging',
    detail: 'Scrape every 5 s; alert rules from RUNBOOK.md.',
  });
  await empty.page.waitForTimeout(200);
  await empty.page.screenshot({ path: files[2] });
  seen.push(...(await violations(empty.page)));
  await empty.page.close();
  return { files: files.map((f) => path.relative(REPO_ROOT, f)), errors: [...errors, ...empty.errors], violations: seen };
}

/** The `dashboard` bench suite (register it in bench/index.ts as `dashboard: benchDashboard`). */
export async function benchDashboard(): Promise<Record<string, unknown>> {
  const bundle = await buildProductionBundle();
  const bytes = bundle.js.byteLength + bundle.css.byteLength;
  const browser = await launchChromium();
  try {
    // One untimed page first: the browser process (font caches, GPU-less raster set-up) is
    // warm in a VS Code session, whose window has long rendered text in these fonts. Each timed
    // run below is still a fresh page with cold JavaScript.
    await firstRender(browser, bundle, 'charts', 'float64', 1);
    const fourCharts = await firstRender(browser, bundle, 'charts', 'float64');
    const oneChart = await firstRender(browser, bundle, 'series', 'float64');
    const plainArrays = await firstRender(browser, bundle, 'charts', 'array', 3);
    const live = await updates(browser, bundle);
    const shots = await screenshots(browser, bundle, path.join(REPO_ROOT, 'test-results', 'dashboard'));
    const pick = (samples: FirstRenderSample[], f: (s: FirstRenderSample) => number): ReturnType<typeof stats> => stats(samples.map(f));
    return {
      browser: `chromium ${browser.version()}`,
      bundle: {
        jsBytes: bundle.js.byteLength,
        cssBytes: bundle.css.byteLength,
        totalBytes: bytes,
        totalKB: round(bytes / 1000, 1),
        gzipBytes: gzipSync(bundle.js).byteLength + gzipSync(bundle.css).byteLength,
        targetKB: 150,
      },
      firstRender: {
        data: `${DAY_POINTS} points × 4 series, four charts, 24 h window, Float64Array columns`,
        postToDrawn: pick(fourCharts.samples, (s) => s.postToDrawnMs),
        work: pick(fourCharts.samples, (s) => s.workMs),
        postToNextFrame: pick(fourCharts.samples, (s) => s.postToNextFrameMs),
        heapMiB: fourCharts.samples.map((s) => s.heapMiB),
        targetMs: 100,
        note: 'a fresh page each run: cold JIT, first canvas and font use; initAgainInRunningPage is a window or environment switch',
        initAgainInRunningPage: pick(fourCharts.again, (s) => s.postToDrawnMs),
      },
      firstRenderPlainArrays: {
        data: 'the same with number[] columns (what not to send)',
        postToDrawn: pick(plainArrays.samples, (s) => s.postToDrawnMs),
        work: pick(plainArrays.samples, (s) => s.workMs),
      },
      firstRenderOneChartFourSeries: {
        data: `${DAY_POINTS} points × 4 series on one chart (aligned on a merged x)`,
        postToDrawn: pick(oneChart.samples, (s) => s.postToDrawnMs),
        work: pick(oneChart.samples, (s) => s.workMs),
      },
      update: {
        data: `1 point per series appended to ${DAY_POINTS} × 4 (window slides, oldest trimmed)`,
        work: stats(live.workMs),
        postToDrawnIncludingFrameWait: stats(live.postToDrawnMs),
        pointsAfter: live.points,
        targetMs: 4,
      },
      screenshots: shots.files,
      cspViolations: [...fourCharts.violations, ...oneChart.violations, ...plainArrays.violations, ...shots.violations],
      pageErrors: [...fourCharts.errors, ...oneChart.errors, ...plainArrays.errors, ...shots.errors],
    };
  } finally {
    await browser.close();
  }
}
