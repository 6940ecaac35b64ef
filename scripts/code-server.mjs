// Drives a real VS Code host on machines without the VS Code download: code-server (VS Code
// 1.100.3 on Node 20) plus Debian's Chromium through playwright-core.
// Recipe: shared/notes/real-vscode-host.md. Types for TypeScript callers: test/e2e/codeServerApi.ts.
// Used by scripts/run-integration.mjs, scripts/start.mjs and test/e2e/harness.ts.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const DEFAULT_SETTINGS = Object.freeze({
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'workbench.tips.enabled': false,
});

export const CHROMIUM_PATH = process.env.DEPLOY_PILOT_CHROMIUM ?? '/usr/bin/chromium';

/** Flags from the note; Playwright adds --headless itself and the profile is a fresh temp dir. */
export const CHROMIUM_FLAGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]);

// Last-resort cleanup when the process exits without stop()/close() (Ctrl+C in mocha, a crash):
// runs synchronously in the 'exit' event, killing code-server's process group and removing temp dirs.
const exitCleanups = new Set();
/** Runs `fn` synchronously if the process exits first; returns the function that cancels that. */
export function onExitSync(fn) {
  if (!onExitSync.installed) {
    onExitSync.installed = true;
    process.on('exit', () => {
      for (const cleanup of exitCleanups) {
        try {
          cleanup();
        } catch {
          // best effort
        }
      }
    });
  }
  exitCleanups.add(fn);
  return () => exitCleanups.delete(fn);
}

// A signal kills Node without an 'exit' event unless someone listens: when nobody does, turn
// SIGINT/SIGTERM/SIGHUP into process.exit so the cleanups above run. Callers with their own
// handlers (run-integration.mjs, start.mjs) keep full control.
function exitOnSignals() {
  const installed = [];
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
    if (process.listenerCount(signal) > 0) continue;
    const handler = () => process.exit(code);
    process.on(signal, handler);
    installed.push([signal, handler]);
  }
  return () => installed.forEach(([signal, handler]) => process.off(signal, handler));
}

/**
 * Runs the idempotent installer (instant once cached) and returns the install folder.
 * Under flock when available, so parallel callers (npm start + tests) never install at once.
 */
export function ensureCodeServer() {
  const script = join(repoRoot, 'scripts', 'install-code-server.sh');
  const cacheRoot = process.env.DEPLOY_PILOT_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'deploy-pilot');
  mkdirSync(cacheRoot, { recursive: true });
  const [command, args] = findOnPath('flock')
    ? ['flock', [join(cacheRoot, '.install.lock'), 'bash', script]]
    : ['bash', [script]];
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      const dir = out.trim().split('\n').pop() ?? '';
      if (code === 0 && dir && existsSync(join(dir, 'node_modules/code-server/out/node/entry.js'))) {
        resolvePromise(dir);
      } else {
        reject(new Error(`install-code-server.sh failed (exit ${code ?? signal}); see its output above`));
      }
    });
  });
}

/** A free TCP port on 127.0.0.1 (or `preferred` when it is free). */
export function freePort(preferred = 0) {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', (err) => {
      if (preferred !== 0) freePort(0).then(resolvePromise, reject);
      else reject(err);
    });
    server.listen(preferred, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePromise(port));
    });
  });
}

function remoteUri(port, absPath) {
  if (!isAbsolute(absPath)) throw new Error(`expected an absolute path, got ${absPath}`);
  return `vscode-remote://127.0.0.1:${port}${encodeURI(absPath)}`;
}

/** `http://127.0.0.1:PORT/?folder=...&payload=...` */
export function buildUrl(port, folder, payload) {
  let url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`;
  if (payload && payload.length > 0) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/**
 * URL of an Extension Development Host for `extensionPath` on `workspace`; with `testsPath` the
 * host runs that test entry (exports `run(): Promise<void>`) instead of waiting for a person.
 */
export function devHostUrl({ port, workspace, extensionPath, testsPath }) {
  const payload = [['extensionDevelopmentPath', remoteUri(port, resolve(extensionPath))]];
  if (testsPath) payload.push(['extensionTestsPath', remoteUri(port, resolve(testsPath))]);
  return buildUrl(port, resolve(workspace), payload);
}

async function waitForHttp(port, child, logFile, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `code-server exited early (${child.exitCode ?? child.signalCode}). Last log lines:\n${tail(logFile, 30)}`,
      );
    }
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer on port ${port} within ${timeoutMs} ms. Log:\n${tail(logFile, 30)}`);
}

/** Last `n` lines of a text file ('' when missing). */
export function tail(file, n = 50) {
  if (!file || !existsSync(file)) return '';
  return readFileSync(file, 'utf8').split('\n').slice(-n - 1).join('\n');
}

/**
 * Starts code-server on a free 127.0.0.1 port (or `port`) and waits until it answers HTTP.
 * The process runs in its own process group; `stop()` kills the group and awaits the exit.
 */
export async function startCodeServer({
  workspace,
  userDataDir,
  extensionsDir,
  settings = {},
  port,
  logFile,
  env = {},
  installDir,
  startTimeoutMs = 60_000,
}) {
  const dir = installDir ?? (await ensureCodeServer());
  const entry = join(dir, 'node_modules/code-server/out/node/entry.js');
  const chosenPort = port ?? (await freePort());
  const temp = await mkdtemp(join(tmpdir(), 'deploy-pilot-cs-'));
  const udir = resolve(userDataDir ?? join(temp, 'user-data'));
  const edir = resolve(extensionsDir ?? join(temp, 'extensions'));
  const logPath = resolve(logFile ?? join(temp, 'code-server.log'));
  mkdirSync(join(udir, 'User'), { recursive: true });
  mkdirSync(edir, { recursive: true });
  mkdirSync(dirname(logPath), { recursive: true });
  writeFileSync(
    join(udir, 'User', 'settings.json'),
    JSON.stringify({ ...DEFAULT_SETTINGS, ...settings }, null, 2),
  );

  const childEnv = { ...process.env, ...env };
  // Variables of an enclosing VS Code / Electron would confuse the server and its extension host.
  for (const key of Object.keys(childEnv)) {
    if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE') delete childEnv[key];
  }
  // A private config file: ~/.config/code-server/config.yaml (password, cert, ...) must not leak in.
  const configFile = join(temp, 'config.yaml');
  writeFileSync(configFile, 'auth: none\ncert: false\n');
  const args = [
    entry,
    '--config', configFile,
    '--bind-addr', `127.0.0.1:${chosenPort}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--user-data-dir', udir,
    '--extensions-dir', edir,
  ];
  if (workspace) args.push(resolve(workspace));
  const fd = openSync(logPath, 'a');
  const child = spawn(process.execPath, args, {
    detached: true, // own process group, so stop() reaches the extension host and pty host too
    stdio: ['ignore', fd, fd],
    env: childEnv,
  });
  closeSync(fd);
  const exited = new Promise((r) => child.once('exit', r));
  const removeExitCleanup = onExitSync(() => {
    killGroup(child.pid, 'SIGKILL');
    rmSync(temp, { recursive: true, force: true });
  });
  const removeSignalHandlers = exitOnSignals();
  let stopping;
  const stop = () => {
    stopping ??= (async () => {
      killGroup(child.pid, 'SIGTERM');
      const done = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]);
      if (!done) killGroup(child.pid, 'SIGKILL');
      await Promise.race([exited, sleep(2000)]);
      // Children that outlived the leader (extension host, pty host) share its group.
      killGroup(child.pid, 'SIGKILL');
      await rm(temp, { recursive: true, force: true });
      removeExitCleanup();
      removeSignalHandlers();
    })();
    return stopping;
  };

  try {
    await waitForHttp(chosenPort, child, logPath, startTimeoutMs);
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    port: chosenPort,
    pid: child.pid,
    logFile: logPath,
    userDataDir: udir,
    extensionsDir: edir,
    url: (folder, payload) => buildUrl(chosenPort, resolve(folder), payload),
    devHostUrl: (opts) => devHostUrl({ ...opts, port: chosenPort }),
    exited,
    stop,
  };
}

/**
 * Installs a VSIX into `extensionsDir` with code-server's `--install-extension` (as a person
 * would), so a server started with the same extensionsDir runs the installed copy. Resolves with
 * the CLI's output; rejects when it fails or does not report success.
 */
export async function installExtension({ vsix, extensionsDir, userDataDir, installDir, timeoutMs = 120_000 }) {
  const dir = installDir ?? (await ensureCodeServer());
  const entry = join(dir, 'node_modules/code-server/out/node/entry.js');
  const temp = await mkdtemp(join(tmpdir(), 'deploy-pilot-cs-install-'));
  // A private config file, or code-server writes a default one into ~/.config/code-server.
  const configFile = join(temp, 'config.yaml');
  writeFileSync(configFile, 'auth: none\ncert: false\n');
  mkdirSync(resolve(extensionsDir), { recursive: true });
  const args = [
    entry,
    '--config', configFile,
    '--user-data-dir', resolve(userDataDir ?? join(temp, 'user-data')),
    '--extensions-dir', resolve(extensionsDir),
    '--install-extension', resolve(vsix),
  ];
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE') delete env[key];
  }
  try {
    return await new Promise((resolvePromise, reject) => {
      const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
      let out = '';
      child.stdout.on('data', (chunk) => (out += chunk));
      child.stderr.on('data', (chunk) => (out += chunk));
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      child.on('error', reject);
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        if (code === 0 && /successfully installed/i.test(out)) resolvePromise(out);
        else reject(new Error(`code-server --install-extension ${vsix} failed (${code ?? signal}):\n${out}`));
      });
    });
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

function killGroup(pid, signal) {
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

// unref'd: a timer that lost a Promise.race must not keep the process alive.
const sleep = (ms) => new Promise((r) => setTimeout(r, ms).unref());

/**
 * Headless Chromium (Debian's) through playwright-core with a fresh temp profile.
 * Returns the persistent context, its first page, and close() which also removes the profile.
 */
export async function launchChromium({ viewport = { width: 1400, height: 900 }, headless = true, handleSignals = true } = {}) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH} (apt-get install -y chromium, or set DEPLOY_PILOT_CHROMIUM)`);
  }
  const { chromium } = await import('playwright-core');
  const userDataDir = await mkdtemp(join(tmpdir(), 'deploy-pilot-chromium-'));
  const removeExitCleanup = onExitSync(() => rmSync(userDataDir, { recursive: true, force: true }));
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless,
      args: [...CHROMIUM_FLAGS],
      viewport,
      // Playwright's own handlers close the browser and exit on Ctrl+C; a caller that cleans up
      // itself (run-integration.mjs) turns them off so they do not cut its cleanup short.
      handleSIGINT: handleSignals,
      handleSIGTERM: handleSignals,
      handleSIGHUP: handleSignals,
    });
  } catch (err) {
    await rm(userDataDir, { recursive: true, force: true });
    removeExitCleanup();
    throw err;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  let closing;
  const close = () => {
    closing ??= (async () => {
      await Promise.race([context.close().catch(() => undefined), sleep(10_000)]);
      await rm(userDataDir, { recursive: true, force: true });
      removeExitCleanup();
    })();
    return closing;
  };
  return { context, page, userDataDir, close };
}

/** `code` CLI on PATH, or undefined. */
export function findOnPath(command) {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(join(dir, command))) return join(dir, command);
  }
  return undefined;
}
