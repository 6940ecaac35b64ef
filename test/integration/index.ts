// Entry point of the integration tests inside a real VS Code extension host, for both launchers:
// scripts/run-integration.mjs (code-server + headless Chromium) and test/launchers/electron.ts
// (@vscode/test-electron). The host's exit code does not reach the code-server launcher, so
// results go to a JSON file the launcher waits for.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export type TestState = 'passed' | 'failed' | 'pending';

export interface TestResult {
  fullTitle: string;
  state: TestState;
  durationMs: number;
  file?: string;
  error?: { message: string; stack?: string };
}

export interface TestResults {
  passes: number;
  failures: number;
  pending: number;
  durationMs: number;
  startedAt: string;
  finishedAt: string;
  vscodeVersion: string;
  tests: TestResult[];
}

/** out/test/integration → repository root. */
const repoRoot = path.resolve(__dirname, '../../..');
const testsRoot = __dirname;

function resultsFile(): string {
  // The env var may not cross code-server into the extension host: fall back to the
  // default location, which is also what scripts/run-integration.mjs passes.
  return process.env.DEPLOY_PILOT_TEST_RESULTS || path.join(repoRoot, 'test-results', 'integration', 'results.json');
}

function findTestFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findTestFiles(full));
    else if (entry.isFile() && entry.name.endsWith('.test.js')) found.push(full);
  }
  return found.sort();
}

function writeJson(file: string, value: unknown): void {
  // Write then rename, so the launcher never reads half a file.
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(value, null, 2));
  fs.renameSync(tmp, file);
}

function toError(err: unknown): { message: string; stack?: string } {
  if (err instanceof Error) return { message: err.message, stack: err.stack };
  return { message: String(err) };
}

export async function run(): Promise<void> {
  const results = resultsFile();
  const outDir = path.dirname(results);
  const progress = path.join(outDir, 'progress.jsonl');
  const startedAt = new Date();
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(progress, '');

  const tests: TestResult[] = [];
  const record = (result: TestResult): void => {
    tests.push(result);
    fs.appendFileSync(progress, `${JSON.stringify({ event: 'end', ...result })}\n`);
  };
  const finish = (): TestResults => {
    const summary: TestResults = {
      passes: tests.filter((t) => t.state === 'passed').length,
      failures: tests.filter((t) => t.state === 'failed').length,
      pending: tests.filter((t) => t.state === 'pending').length,
      durationMs: Date.now() - startedAt.getTime(),
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      vscodeVersion: vscode.version,
      tests,
    };
    writeJson(results, summary);
    return summary;
  };

  let files: string[] = [];
  try {
    files = findTestFiles(testsRoot);
  } catch (err) {
    record({ fullTitle: 'finding integration test files', state: 'failed', durationMs: 0, error: toError(err) });
  }
  writeJson(path.join(outDir, 'started.json'), {
    startedAt: startedAt.toISOString(),
    pid: process.pid,
    vscodeVersion: vscode.version,
    appHost: vscode.env.appHost,
    testsRoot,
    resultsFrom: process.env.DEPLOY_PILOT_TEST_RESULTS ? 'env DEPLOY_PILOT_TEST_RESULTS' : 'default path',
    files: files.map((f) => path.relative(repoRoot, f)),
  });

  const mocha = new Mocha({
    ui: 'bdd',
    timeout: 60_000,
    color: false,
    reporter: 'spec', // goes to the extension host log / browser console
    grep: process.env.DEPLOY_PILOT_TEST_GREP || undefined,
  });
  for (const file of files) mocha.addFile(file);

  const summary = await new Promise<TestResults>((resolve) => {
    let runner: Mocha.Runner;
    try {
      runner = mocha.run(() => resolve(finish()));
    } catch (err) {
      // A test file that throws while loading (syntax error, bad import) lands here.
      record({ fullTitle: 'loading integration test files', state: 'failed', durationMs: 0, error: toError(err) });
      resolve(finish());
      return;
    }
    runner.on('test', (test) => {
      fs.appendFileSync(progress, `${JSON.stringify({ event: 'begin', fullTitle: test.fullTitle() })}\n`);
    });
    runner.on('pass', (test) => {
      record({ fullTitle: test.fullTitle(), state: 'passed', durationMs: test.duration ?? 0, file: test.file });
    });
    runner.on('pending', (test) => {
      record({ fullTitle: test.fullTitle(), state: 'pending', durationMs: 0, file: test.file });
    });
    runner.on('fail', (test, err) => {
      record({
        fullTitle: test.fullTitle(),
        state: 'failed',
        durationMs: test.duration ?? 0,
        file: test.file,
        error: toError(err),
      });
    });
  });

  if (summary.failures > 0) {
    throw new Error(`${summary.failures} integration test(s) failed`);
  }
}
