// npm run test:electron — the same integration suite (out/test/integration/index.js) in a
// downloaded desktop VS Code via @vscode/test-electron. Needs internet (or VSCODE_EXECUTABLE_PATH
// pointing at a local VS Code) and, on Linux without a display, `xvfb-run -a npm run test:electron`.
// Offline machines use `npm run test:integration` (code-server) instead.
//
// Environment: VSCODE_EXECUTABLE_PATH, VSCODE_TEST_VERSION (default: inferred from engines.vscode),
// DEPLOY_PILOT_EXTENSION_PATH, DEPLOY_PILOT_FIXTURE (default seed).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

/** out/test/launchers → the repository root. */
const repoRoot = path.resolve(__dirname, '..', '..', '..');

interface Results {
  passes: number;
  failures: number;
  pending: number;
}

const NETWORK_ERROR = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|getaddrinfo|socket hang up|fetch failed|Failed to get JSON|update\.code\.visualstudio\.com|timeout/i;

function readResults(file: string): Results | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Results;
  } catch {
    return undefined;
  }
}

async function main(): Promise<number> {
  const extensionDevelopmentPath = path.resolve(process.env.DEPLOY_PILOT_EXTENSION_PATH || repoRoot);
  const extensionTestsPath = path.join(repoRoot, 'out', 'test', 'integration', 'index.js');
  if (!fs.existsSync(extensionTestsPath)) {
    console.error(`[electron] ${extensionTestsPath} not found: run \`npm run compile-tests\``);
    return 1;
  }
  const fixture = path.join(repoRoot, 'test', 'fixtures', 'workspaces', process.env.DEPLOY_PILOT_FIXTURE || 'seed');
  const resultsDir = path.join(repoRoot, 'test-results', 'electron');
  const resultsFile = path.join(resultsDir, 'results.json');
  fs.rmSync(resultsDir, { recursive: true, force: true });
  fs.mkdirSync(resultsDir, { recursive: true });

  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-pilot-electron-'));
  const workspace = path.join(temp, 'workspace');
  fs.cpSync(fixture, workspace, { recursive: true });
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.warn('[electron] no DISPLAY: desktop VS Code needs one; use `xvfb-run -a npm run test:electron`');
  }

  try {
    await runTests({
      extensionDevelopmentPath,
      extensionTestsPath,
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH || undefined,
      version: process.env.VSCODE_TEST_VERSION || undefined,
      timeout: 60_000,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', `--user-data-dir=${path.join(temp, 'user-data')}`],
      extensionTestsEnv: { DEPLOY_PILOT_TEST_RESULTS: resultsFile },
    });
  } catch (err) {
    const cause = err instanceof Error && err.cause instanceof Error ? `\n${err.cause.message}` : '';
    const message = err instanceof Error ? `${err.message}${cause}` : String(err);
    const results = readResults(resultsFile);
    if (results) {
      // The host ran and reported: the suite failed (VS Code exited non-zero).
      console.log(`${results.passes} passed, ${results.failures} failed${results.pending ? `, ${results.pending} skipped` : ''}`);
      return 1;
    }
    if (!process.env.VSCODE_EXECUTABLE_PATH && NETWORK_ERROR.test(message)) {
      console.error(
        '\n[electron] COULD NOT DOWNLOAD VS CODE (no internet access?):\n' +
          `  ${message.trim().split('\n')[0]}\n` +
          '  @vscode/test-electron downloads VS Code from update.code.visualstudio.com into .vscode-test/.\n' +
          '  Offline, run the same suite in code-server instead: npm run test:integration\n' +
          '  or point VSCODE_EXECUTABLE_PATH at an installed VS Code.',
      );
    } else {
      console.error(`\n[electron] the test run failed before reporting results: ${message.trim()}`);
    }
    return 1;
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }

  const results = readResults(resultsFile);
  if (!results) {
    console.error(`[electron] VS Code exited 0 but wrote no ${resultsFile}`);
    return 1;
  }
  console.log(`${results.passes} passed, ${results.failures} failed${results.pending ? `, ${results.pending} skipped` : ''}`);
  return results.failures > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('[electron]', err);
    process.exit(1);
  },
);
