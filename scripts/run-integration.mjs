// npm run test:integration — runs out/test/integration (mocha, see test/integration/index.ts)
// inside a real VS Code extension host: code-server + headless Chromium, no download needed.
// Expects `npm run build && npm run compile-tests` to have run (npm test's pretest does both).
//
// Environment:
//   DEPLOY_PILOT_EXTENSION_PATH    extension under development (default: the repo root)
//   DEPLOY_PILOT_TESTS_PATH        test entry (default: out/test/integration/index.js)
//   DEPLOY_PILOT_FIXTURE           workspace fixture under test/fixtures/workspaces (default: seed)
//   DEPLOY_PILOT_START_TIMEOUT_MS  wait for the host to start the tests (default 120000)
//   DEPLOY_PILOT_TEST_TIMEOUT_MS   wait for the whole run (default 900000)
//   DEPLOY_PILOT_TEST_GREP         only run tests whose title matches
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { devHostUrl, ensureCodeServer, launchChromium, repoRoot, startCodeServer, tail } from './code-server.mjs';

const env = process.env;
const extensionPath = resolve(env.DEPLOY_PILOT_EXTENSION_PATH || repoRoot);
const testsPath = resolve(env.DEPLOY_PILOT_TESTS_PATH || join(repoRoot, 'out/test/integration/index.js'));
const fixture = join(repoRoot, 'test/fixtures/workspaces', env.DEPLOY_PILOT_FIXTURE || 'seed');
const startTimeoutMs = Number(env.DEPLOY_PILOT_START_TIMEOUT_MS || 120_000);
const totalTimeoutMs = Number(env.DEPLOY_PILOT_TEST_TIMEOUT_MS || 900_000);

const resultsDir = join(repoRoot, 'test-results/integration');
const resultsFile = join(resultsDir, 'results.json');
const startedFile = join(resultsDir, 'started.json');
const progressFile = join(resultsDir, 'progress.jsonl');
const codeServerLog = join(resultsDir, 'code-server.log');
const consoleLog = join(resultsDir, 'browser-console.log');
const vscodeLogs = join(resultsDir, 'vscode-logs');
const hostScreenshot = join(resultsDir, 'host.png');

const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const say = (msg) => console.log(`[integration] ${msg}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function fail(message) {
  console.error(`\n[integration] ${message}`);
  process.exitCode = 1;
}

function preflight() {
  if (!existsSync(testsPath)) {
    throw new Error(`test entry ${relative(repoRoot, testsPath)} not found: run \`npm run compile-tests\` first`);
  }
  const manifestPath = join(extensionPath, 'package.json');
  if (!existsSync(manifestPath)) throw new Error(`no package.json in the extension path ${extensionPath}`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  if (manifest.main && !existsSync(resolve(extensionPath, manifest.main))) {
    say(`WARNING: the extension's main ${manifest.main} does not exist (run \`npm run build\`); it will fail to activate`);
  }
  if (!existsSync(fixture)) throw new Error(`workspace fixture ${fixture} not found`);
  // tsc never deletes outputs: a compiled test whose source is gone would still run.
  const compiled = join(repoRoot, 'out/test/integration');
  if (existsSync(compiled)) {
    for (const file of readdirSync(compiled, { recursive: true })) {
      if (!String(file).endsWith('.test.js')) continue;
      const source = join(repoRoot, 'test/integration', String(file).replace(/\.js$/, '.ts'));
      if (!existsSync(source)) say(`WARNING: out/test/integration/${file} has no source (${relative(repoRoot, source)}); delete out/ to drop it`);
    }
  }
}

const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
};

function formatError(error) {
  if (!error) return '      (no error details)';
  const message = String(error.message ?? error).split('\n');
  const stack = (error.stack || '').split('\n').filter((l) => /^\s+at /.test(l)).slice(0, 6);
  return [...message, ...stack.map((l) => `  ${l.trim()}`)].map((l) => (l ? `      ${l}` : '')).join('\n');
}

function printTest(t) {
  const mark = t.state === 'passed' ? '✓' : t.state === 'failed' ? '✗' : '-';
  const time = t.state === 'pending' ? ' (skipped)' : ` (${t.durationMs} ms)`;
  console.log(`  ${mark} ${t.fullTitle}${time}`);
  if (t.state === 'failed') console.log(formatError(t.error));
}

/** Streams test ends from progress.jsonl as they arrive (the host appends one JSON line per event). */
function makeProgressPrinter() {
  let lines = 0;
  const state = { running: undefined, printed: [] };
  state.poll = () => {
    if (!existsSync(progressFile)) return;
    const all = readFileSync(progressFile, 'utf8').split('\n').filter(Boolean);
    for (const line of all.slice(lines)) {
      let event;
      try {
        event = JSON.parse(line);
      } catch {
        break; // half-written line: read it next time
      }
      lines++;
      if (event.event === 'begin') state.running = event.fullTitle;
      else {
        if (event.fullTitle === state.running) state.running = undefined;
        state.printed.push(event);
        printTest(event);
      }
    }
  };
  return state;
}

async function main() {
  preflight();
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(consoleLog, '');

  const temp = await mkdtemp(join(tmpdir(), 'deploy-pilot-it-'));
  const workspace = join(temp, 'workspace');
  cpSync(fixture, workspace, { recursive: true });

  let server;
  let browser;
  const consoleErrors = [];
  let cleaning;
  const cleanup = () => {
    cleaning ??= (async () => {
      await browser?.close().catch(() => undefined);
      if (server) {
        try {
          cpSync(join(server.userDataDir, 'logs'), vscodeLogs, { recursive: true });
        } catch {
          // no logs written
        }
        await server.stop().catch(() => undefined);
      }
      await rm(temp, { recursive: true, force: true });
    })();
    return cleaning;
  };
  const onSignal = (signal) => {
    say(`${signal}: cleaning up`);
    cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('SIGHUP', onSignal);

  let outcome;
  try {
    let t = Date.now();
    const installDir = await ensureCodeServer();
    say(`code-server ready in ${installDir} (${Date.now() - t} ms)`);

    t = Date.now();
    server = await startCodeServer({
      installDir,
      workspace,
      userDataDir: join(temp, 'user-data'),
      extensionsDir: join(temp, 'extensions'),
      logFile: codeServerLog,
      env: { DEPLOY_PILOT_TEST_RESULTS: resultsFile },
    });
    say(`code-server listening on 127.0.0.1:${server.port} (${Date.now() - t} ms)`);

    t = Date.now();
    browser = await launchChromium({ handleSignals: false });
    const { page } = browser;
    page.on('console', (msg) => {
      const line = `[${msg.type()}] ${msg.text()}`;
      appendFileSync(consoleLog, `${line}\n`);
      if (msg.type() === 'error') consoleErrors.push(line);
    });
    page.on('pageerror', (err) => {
      const line = `[pageerror] ${err.stack || err.message}`;
      appendFileSync(consoleLog, `${line}\n`);
      consoleErrors.push(line);
    });
    const url = devHostUrl({ port: server.port, workspace, extensionPath, testsPath });
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    say(`Chromium opened the dev host (${Date.now() - t} ms): ${url}`);
    say(`extension: ${extensionPath}`);
    say(`tests:     ${testsPath}`);

    outcome = await waitForResults(server, page);
    if (!outcome.ok) await page.screenshot({ path: hostScreenshot }).catch(() => undefined);
  } finally {
    await cleanup();
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.removeListener(signal, onSignal);
    const extra = existsSync(hostScreenshot) ? ', host.png' : '';
    say(`logs in ${resultsDir}/ (code-server.log, browser-console.log, vscode-logs/${extra})`);
    say(`total ${elapsed()}`);
  }

  if (outcome.ok) {
    report(outcome.results, outcome.progress.printed);
  } else {
    console.error(`\n--- last 50 lines of ${codeServerLog} ---`);
    console.error(tail(codeServerLog, 50));
    // code-server always 404s on vsda (a Microsoft-only module), and the dev host asks open-vsx.org
    // about the extension; neither matters offline.
    const noise = /vsda|open-vsx|ERR_NAME_NOT_RESOLVED|status of 404/;
    const errors = consoleErrors.filter((l) => !noise.test(l));
    const hidden = consoleErrors.length - errors.length;
    console.error(`--- browser console errors (${errors.length}, last 30; ${hidden} known offline-noise lines hidden) ---`);
    console.error(errors.slice(-30).join('\n') || '(none)');
    console.error('---');
    fail(outcome.message);
    summaryWithoutResults(outcome.progress.printed);
  }
}

async function waitForResults(server, page) {
  const progress = makeProgressPrinter();
  const start = Date.now();
  let exited = false;
  server.exited.then(() => (exited = true));
  let closed = false;
  page.on('close', () => (closed = true));
  page.on('crash', () => (closed = true));
  let started = false;
  for (;;) {
    if (!started && existsSync(startedFile)) {
      started = true;
      const info = readJson(startedFile) ?? {};
      say(`host started the tests after ${Date.now() - start} ms (VS Code ${info.vscodeVersion}, ${info.files?.length ?? '?'} test files)`);
    }
    progress.poll();
    const results = readJson(resultsFile);
    if (results) {
      progress.poll();
      return { ok: true, results, progress };
    }
    if (exited) return { ok: false, progress, message: 'code-server exited before the test results arrived.' };
    if (closed) return { ok: false, progress, message: 'the browser page closed or crashed before the test results arrived.' };
    const waited = Date.now() - start;
    if (!started && waited > startTimeoutMs) {
      return {
        ok: false,
        progress,
        message:
          `THE EXTENSION HOST NEVER REPORTED: no ${relative(repoRoot, startedFile)} after ${startTimeoutMs / 1000} s. ` +
          'The host did not load the test entry (bad extensionDevelopmentPath/extensionTestsPath, extension ' +
          'activation crash, or the workbench failed to start). Set DEPLOY_PILOT_START_TIMEOUT_MS to wait longer.',
      };
    }
    if (waited > totalTimeoutMs) {
      return {
        ok: false,
        progress,
        message:
          `THE TESTS DID NOT FINISH within ${totalTimeoutMs / 1000} s (no ${relative(repoRoot, resultsFile)}).` +
          (progress.running ? ` Still running: "${progress.running}".` : '') +
          ' Set DEPLOY_PILOT_TEST_TIMEOUT_MS to wait longer.',
      };
    }
    await sleep(500);
  }
}

function report(results, streamed) {
  // Tests already streamed from progress.jsonl are not repeated (progress may be missing if the
  // host could not append to it); failures are listed again at the end.
  const seen = new Set(streamed.map((t) => `${t.state}:${t.fullTitle}`));
  for (const t of results.tests) if (!seen.has(`${t.state}:${t.fullTitle}`)) printTest(t);
  const failed = results.tests.filter((t) => t.state === 'failed');
  if (failed.length > 0) {
    console.log('\nFailures:');
    for (const t of failed) {
      console.log(`  ✗ ${t.fullTitle}`);
      console.log(formatError(t.error));
    }
  }
  const total = results.passes + results.failures + results.pending;
  console.log(`\nVS Code ${results.vscodeVersion}, ${total} tests in ${results.durationMs} ms`);
  if (total === 0) {
    fail('no tests ran (no out/test/integration/**/*.test.js, or DEPLOY_PILOT_TEST_GREP matched nothing).');
  }
  if (results.failures > 0) process.exitCode = 1;
  summary(results.passes, results.failures, results.pending);
}

/** The last line, always of the form `N passed, N failed[, N skipped]`. */
function summary(passed, failed, skipped) {
  console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
}

/** No results file: count what was streamed, plus the unreported run itself as one failure. */
function summaryWithoutResults(streamed) {
  const count = (state) => streamed.filter((t) => t.state === state).length;
  console.error('[integration] counting the unreported run as 1 failure');
  summary(count('passed'), count('failed') + 1, count('pending'));
}

main().catch((err) => {
  fail(err instanceof Error ? err.message : String(err));
  summaryWithoutResults([]);
});
